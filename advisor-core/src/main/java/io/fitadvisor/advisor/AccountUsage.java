package io.fitadvisor.advisor;

import io.fitadvisor.pricing.AccountTerms;
import io.fitadvisor.pricing.AlbDeployment;
import io.fitadvisor.pricing.ApiGatewayDeployment;
import io.fitadvisor.pricing.ApiType;
import io.fitadvisor.pricing.Architecture;
import io.fitadvisor.pricing.Deployment;
import io.fitadvisor.pricing.LambdaDeployment;
import io.fitadvisor.pricing.PricingEngine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The account-level usage of a plan under change (its on-demand functions and API Gateway APIs),
 * kept as the totals the pricing engine's account rules read, so that a plan's account cost is
 * priced in constant time however many services it has.
 *
 * <p>The engine's account rules depend on totals only (docs/PRICING.md): Lambda's duration tiers
 * on the GB-seconds of each architecture, the free tier on all requests and GB-seconds, request
 * charges per request, API Gateway's tiers on each type's requests. So the engine prices one
 * stand-in function per architecture that carries the totals (its requests, and its GB-seconds
 * as 1 ms at 128 MB each plus INIT for the rest: every real request bills at least 1 ms at 128
 * MB, so the rest is never negative) and one API per type: the same total as the engine's price
 * of the real list. Ephemeral storage is linear and kept as a sum of each function's own. The
 * final plan is priced with the real deployments; a test checks both agree.
 */
final class AccountUsage {
  private static final int STAND_IN_MEMORY_MB = LambdaDeployment.MIN_MEMORY_MB;
  /** GB-seconds a stand-in request bills: 1 ms at 128 MB. */
  private static final double STAND_IN_GB_SECONDS_PER_REQUEST = 1 / 1000.0 * STAND_IN_MEMORY_MB / 1024.0;
  private static final double STAND_IN_INIT_MS = 1000;

  private static final int ARCHITECTURES = Architecture.values().length;
  private static final int API_TYPES = ApiType.values().length;

  private final PricingEngine engine;
  private final AccountTerms terms;
  private final double[] requests = new double[ARCHITECTURES];
  private final double[] gbSeconds = new double[ARCHITECTURES];
  private final int[] functions = new int[ARCHITECTURES];
  private final double[] apiRequests = new double[API_TYPES];
  private final int[] apis = new int[API_TYPES];
  private double storageUsd;
  /**
   * The totals of the last price, bit for bit, and that price: a search prices many moves that
   * leave the account as it was (a container choice for another), so it asks again of the same
   * totals often.
   */
  private final double[] lastRequests = new double[ARCHITECTURES];
  private final double[] lastGbSeconds = new double[ARCHITECTURES];
  private final int[] lastFunctions = new int[ARCHITECTURES];
  private final double[] lastApiRequests = new double[API_TYPES];
  private final int[] lastApis = new int[API_TYPES];
  private double lastStorageUsd;
  private double lastLcu;
  private int lastAlbUsers = -1;
  private double lastUsd;

  AccountUsage(PricingEngine engine, AccountTerms terms) {
    this.engine = engine;
    this.terms = terms;
  }

  /** The ephemeral storage a function bills above the included 512 MB: linear, so it is its own. */
  static double storageUsd(PricingEngine engine, LambdaDeployment l) {
    if (l.ephemeralStorageMb() <= LambdaDeployment.INCLUDED_EPHEMERAL_STORAGE_MB) {
      return 0;
    }
    LambdaDeployment without = LambdaDeployment.builder(l.name(), l.memoryMb(), l.monthlyRequests(), l.durationMs())
        .architecture(l.architecture()).build();
    LambdaDeployment with = LambdaDeployment.builder(l.name(), l.memoryMb(), l.monthlyRequests(), l.durationMs())
        .architecture(l.architecture()).ephemeralStorageMb(l.ephemeralStorageMb()).build();
    return Math.max(0, engine.monthlyCostUsd(List.of(with), AccountTerms.NONE)
        - engine.monthlyCostUsd(List.of(without), AccountTerms.NONE));
  }

  /** Adds ({@code sign} 1) or takes away (-1) a function, with its storage cost in US dollars. */
  void function(LambdaDeployment l, double storage, int sign) {
    function(l.architecture().ordinal(), l.monthlyRequests(), gbSeconds(l), storage, sign);
  }

  /** The GB-seconds a function bills, duration and INIT. */
  static double gbSeconds(LambdaDeployment l) {
    return l.durationGbSeconds() + l.initGbSeconds();
  }

  /**
   * Adds ({@code sign} 1) or takes away (-1) a function of architecture {@code a} (ordinal) with
   * its monthly requests, its {@link #gbSeconds} and its storage cost in US dollars.
   */
  void function(int a, double monthlyRequests, double functionGbSeconds, double storage, int sign) {
    requests[a] += sign * monthlyRequests;
    gbSeconds[a] += sign * functionGbSeconds;
    functions[a] += sign;
    storageUsd += sign * storage;
    if (functions[a] == 0) {
      // Nothing left: drop the rounding left by the additions and subtractions.
      requests[a] = 0;
      gbSeconds[a] = 0;
    }
  }

  /** Adds ({@code sign} 1) or takes away (-1) an API Gateway front door. */
  void api(ApiGatewayDeployment api, int sign) {
    api(api.type().ordinal(), api.monthlyRequests(), sign);
  }

  /** Adds ({@code sign} 1) or takes away (-1) an API of type {@code t} (ordinal) with its metered requests. */
  void api(int t, double monthlyRequests, int sign) {
    apiRequests[t] += sign * monthlyRequests;
    apis[t] += sign;
    if (apis[t] == 0) {
      apiRequests[t] = 0;
    }
  }

  /**
   * The account's monthly cost in US dollars: its functions and APIs as the engine prices them
   * together, plus, when {@code albUsers > 0}, one load balancer with {@code lcu} LCUs.
   */
  double monthlyCostUsd(double lcu, int albUsers) {
    if (!unchangedSinceLastPrice(lcu, albUsers)) {
      lastUsd = price(lcu, albUsers);
      System.arraycopy(requests, 0, lastRequests, 0, ARCHITECTURES);
      System.arraycopy(gbSeconds, 0, lastGbSeconds, 0, ARCHITECTURES);
      System.arraycopy(functions, 0, lastFunctions, 0, ARCHITECTURES);
      System.arraycopy(apiRequests, 0, lastApiRequests, 0, API_TYPES);
      System.arraycopy(apis, 0, lastApis, 0, API_TYPES);
      lastStorageUsd = storageUsd;
      lastLcu = lcu;
      lastAlbUsers = albUsers;
    }
    return lastUsd;
  }

  /** Whether the totals, {@code lcu} and {@code albUsers} are, to the bit, those of the last price. */
  private boolean unchangedSinceLastPrice(double lcu, int albUsers) {
    if (albUsers != lastAlbUsers || !same(lcu, lastLcu) || !same(storageUsd, lastStorageUsd)
        || !Arrays.equals(functions, lastFunctions) || !Arrays.equals(apis, lastApis)) {
      return false;
    }
    for (int a = 0; a < ARCHITECTURES; a++) {
      if (!same(requests[a], lastRequests[a]) || !same(gbSeconds[a], lastGbSeconds[a])) {
        return false;
      }
    }
    for (int t = 0; t < API_TYPES; t++) {
      if (!same(apiRequests[t], lastApiRequests[t])) {
        return false;
      }
    }
    return true;
  }

  private static boolean same(double a, double b) {
    return Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b);
  }

  /** The price of the totals: the engine's, of the stand-ins that carry them. */
  private double price(double lcu, int albUsers) {
    List<Deployment> standIns = new ArrayList<>(5);
    for (Architecture architecture : Architecture.values()) {
      int a = architecture.ordinal();
      if (functions[a] == 0) {
        continue;
      }
      double r = Math.max(0, requests[a]);
      double rest = Math.max(0, gbSeconds[a] - r * STAND_IN_GB_SECONDS_PER_REQUEST);
      standIns.add(LambdaDeployment.builder(architecture.id(), STAND_IN_MEMORY_MB, r, 1)
          .architecture(architecture)
          .coldStartsPerMonth(rest / (STAND_IN_INIT_MS / 1000.0 * STAND_IN_MEMORY_MB / 1024.0))
          .initDurationMs(STAND_IN_INIT_MS)
          .build());
    }
    for (ApiType type : ApiType.values()) {
      if (apis[type.ordinal()] > 0) {
        standIns.add(new ApiGatewayDeployment(type.id(), type, Math.max(0, apiRequests[type.ordinal()])));
      }
    }
    if (albUsers > 0) {
      standIns.add(AlbDeployment.of("alb", Math.max(0, lcu)));
    }
    return storageUsd + (standIns.isEmpty() ? 0 : engine.monthlyCostUsd(standIns, terms));
  }
}
