package io.fitadvisor.pricing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns deployments into monthly costs with one region's prices. Pure arithmetic, no I/O; safe to
 * share between threads. The billing rules are listed in docs/PRICING.md.
 *
 * <p>Account-level rules: Lambda's duration tiers (per architecture), Lambda's free tier (both
 * architectures together) and API Gateway's request tiers (per API type) apply to the total of
 * all deployments priced together; each deployment gets the share of the tiered cost and of the
 * free tier in proportion to its own usage, so its lines still add up to its cost. A function's
 * INIT GB-seconds (cold starts) count as duration everywhere: in the tiers, the free tier and the
 * savings plan, with lines of their own.
 */
public final class PricingEngine {
  /** Lambda's monthly free tier, requests (https://aws.amazon.com/lambda/pricing/). */
  public static final double LAMBDA_FREE_REQUESTS = 1_000_000;
  /** Lambda's monthly free tier, GB-seconds, shared by both architectures. */
  public static final double LAMBDA_FREE_GB_SECONDS = 400_000;
  private static final double MILLION = 1_000_000;

  static final String KIND_LAMBDA = "lambda";
  static final String KIND_FARGATE = "fargate";
  static final String KIND_EC2 = "ec2";
  static final String KIND_API_GATEWAY = "apiGateway";
  static final String KIND_ALB = "alb";

  private final RegionPrices prices;
  // Line names built once, so pricing a deployment concatenates no strings on the hot path.
  private final String[][] durationLineNames; // [architecture][tier]
  private final String[][] initLineNames; // [architecture][tier]
  private final String[][] apiLineNames; // [api type][tier]
  private final String[] provisionedLineNames; // [architecture]
  private final String[] provisionedDurationLineNames; // [architecture]

  private PricingEngine(RegionPrices prices) {
    this.prices = prices;
    Architecture[] archs = Architecture.values();
    durationLineNames = new String[archs.length][];
    initLineNames = new String[archs.length][];
    provisionedLineNames = new String[archs.length];
    provisionedDurationLineNames = new String[archs.length];
    for (Architecture a : archs) {
      int tiers = prices.lambda(a).durationPerGbSecond().tierCount();
      durationLineNames[a.ordinal()] = new String[tiers];
      initLineNames[a.ordinal()] = new String[tiers];
      for (int t = 0; t < tiers; t++) {
        durationLineNames[a.ordinal()][t] = "Duration (" + a.id() + ", tier " + (t + 1) + ")";
        initLineNames[a.ordinal()][t] = "INIT duration (" + a.id() + ", tier " + (t + 1) + ")";
      }
      provisionedLineNames[a.ordinal()] = "Provisioned concurrency (" + a.id() + ")";
      provisionedDurationLineNames[a.ordinal()] = "Duration, provisioned (" + a.id() + ")";
    }
    ApiType[] types = ApiType.values();
    apiLineNames = new String[types.length][];
    for (ApiType type : types) {
      int tiers = prices.apiGateway(type).tierCount();
      apiLineNames[type.ordinal()] = new String[tiers];
      for (int t = 0; t < tiers; t++) {
        apiLineNames[type.ordinal()][t] = "Requests (" + type.label() + ", tier " + (t + 1) + ")";
      }
    }
  }

  /** An engine that prices with {@code prices}. */
  public static PricingEngine of(RegionPrices prices) {
    checkNotNull(prices, "prices must not be null");
    return new PricingEngine(prices);
  }

  /** The region's prices this engine uses. */
  public RegionPrices prices() {
    return prices;
  }

  /**
   * Prices deployments as one AWS account: Lambda tiers and the free tier are counted across the
   * list, as are API Gateway tiers per API type.
   *
   * @param deployments the deployments, with unique names
   * @param terms free tier and savings plans
   * @return each deployment's lines and cost, in the given order, and the total
   * @throws IllegalArgumentException if names repeat or an EC2 instance type is not in the region
   */
  public PriceReport price(List<? extends Deployment> deployments, AccountTerms terms) {
    Usage usage = usage(deployments, terms, true);
    List<PricedDeployment> priced = new ArrayList<>(deployments.size());
    double total = 0;
    for (int i = 0, n = deployments.size(); i < n; i++) {
      PricedDeployment p = price(deployments.get(i), usage, terms);
      priced.add(p);
      total += p.monthlyCostUsd();
    }
    return new PriceReport(priced, total);
  }

  /**
   * The total monthly cost in US dollars of deployments priced as one AWS account, exactly what
   * {@link #price(List, AccountTerms)} reports as its total, without building cost lines: for
   * callers that compare many combinations (the application plan). Names need not be unique.
   *
   * @throws IllegalArgumentException if an EC2 instance type is not in the region
   */
  public double monthlyCostUsd(List<? extends Deployment> deployments, AccountTerms terms) {
    Usage usage = usage(deployments, terms, false);
    Lines sum = new Lines(false);
    for (int i = 0, n = deployments.size(); i < n; i++) {
      lines(deployments.get(i), usage, terms, sum);
    }
    return sum.total;
  }

  /**
   * What {@link #price(Deployment, AccountTerms)} reports as the deployment's monthly cost in US
   * dollars, alone in the account, without building cost lines: the same line costs are added in
   * the same order. Only the lines check that they are finite, so a cost that is not is priced
   * with its lines, to fail (or not) exactly as {@code price} does.
   *
   * @throws IllegalArgumentException as {@link #price(Deployment, AccountTerms)} does
   */
  public double monthlyCostUsd(Deployment deployment, AccountTerms terms) {
    checkNotNull(deployment, "deployment must not be null");
    checkNotNull(terms, "terms must not be null");
    // What monthlyCostUsd(List.of(deployment), terms) does, without the list.
    Usage usage = Usage.of(deployment, terms);
    Lines sum = new Lines(false);
    lines(deployment, usage, terms, sum);
    double usd = sum.total;
    return Double.isFinite(usd) ? usd : price(deployment, terms).monthlyCostUsd();
  }

  private static Usage usage(List<? extends Deployment> deployments, AccountTerms terms, boolean uniqueNames) {
    checkNotNull(deployments, "deployments must not be null");
    checkNotNull(terms, "terms must not be null");
    Set<String> names = uniqueNames ? new HashSet<>() : null;
    Usage usage = new Usage();
    for (int i = 0, n = deployments.size(); i < n; i++) {
      Deployment d = deployments.get(i);
      checkNotNull(d, "deployments[%s] must not be null", i);
      if (names != null) {
        checkArgument(names.add(d.name()), "deployment names must be unique ('%s' repeats)", d.name());
      }
      usage.add(d, terms);
    }
    usage.finish(terms);
    return usage;
  }

  /**
   * Prices one deployment as if it were alone in the account: tiers and the free tier count only
   * its own usage.
   */
  public PricedDeployment price(Deployment deployment, AccountTerms terms) {
    checkNotNull(deployment, "deployment must not be null");
    checkNotNull(terms, "terms must not be null");
    Usage usage = Usage.of(deployment, terms);
    return price(deployment, usage, terms);
  }

  private PricedDeployment price(Deployment d, Usage usage, AccountTerms terms) {
    Lines lines = new Lines(true);
    lines(d, usage, terms, lines);
    return lines.toPriced(d.name(), d.kind());
  }

  private void lines(Deployment d, Usage usage, AccountTerms terms, Lines lines) {
    if (d instanceof LambdaDeployment l) {
      lambda(l, usage, terms, lines);
    } else if (d instanceof FargateDeployment f) {
      fargate(f, terms, lines);
    } else if (d instanceof Ec2Deployment e) {
      ec2(e, terms, lines);
    } else if (d instanceof ApiGatewayDeployment a) {
      apiGateway(a, usage, lines);
    } else if (d instanceof AlbDeployment b) {
      alb(b, lines);
    } else {
      throw new IllegalArgumentException("unknown deployment kind " + d.kind());
    }
  }

  // --- Lambda ------------------------------------------------------------------------------

  /** GB-seconds of duration: requests x ceil(durationMs)/1000 x memoryMb/1024. */
  static double gbSeconds(LambdaDeployment l) {
    return l.durationGbSeconds();
  }

  private void lambda(LambdaDeployment l, Usage usage, AccountTerms terms, Lines lines) {
    LambdaRates rates = prices.lambda(l.architecture());
    int arch = l.architecture().ordinal();
    double gbs = gbSeconds(l);
    boolean provisioned = l.hasProvisionedConcurrency();
    boolean freeTier = terms.lambdaFreeTier() && !provisioned;

    double freeRequests = freeTier ? usage.freeShareOfRequests(l.monthlyRequests()) : 0;
    lines.add("Requests", CatalogReader.UNIT_MILLION_REQUESTS,
        (l.monthlyRequests() - freeRequests) / MILLION, rates.requestsPerMillionUsd());
    if (freeRequests > 0) {
      lines.add("Free tier requests", CatalogReader.UNIT_MILLION_REQUESTS, freeRequests / MILLION, 0);
    }

    double discounted = 0; // cost the Lambda savings plan applies to
    if (provisioned) {
      double capacityGbs = l.provisionedConcurrency() * (l.memoryMb() / 1024.0) * l.provisionedHoursPerMonth() * 3600;
      discounted += lines.add(provisionedLineNames[arch], CatalogReader.UNIT_GB_SECONDS, capacityGbs,
          rates.provisionedConcurrencyPerGbSecondUsd());
      discounted += lines.add(provisionedDurationLineNames[arch], CatalogReader.UNIT_GB_SECONDS, gbs,
          rates.provisionedDurationPerGbSecondUsd());
    } else {
      double freeGbs = freeTier ? usage.freeShareOfGbSeconds(gbs) : 0;
      discounted += tiers(lines, durationLineNames[arch], rates, usage.billableGbSeconds[arch], gbs - freeGbs, true);
      if (freeGbs > 0) {
        lines.add("Free tier duration", CatalogReader.UNIT_GB_SECONDS, freeGbs, 0);
      }
      // INIT is duration too: same tiers, free tier and savings plan, on lines of its own.
      double initGbs = l.initGbSeconds();
      if (initGbs > 0) {
        double freeInit = freeTier ? usage.freeShareOfGbSeconds(initGbs) : 0;
        discounted += tiers(lines, initLineNames[arch], rates, usage.billableGbSeconds[arch], initGbs - freeInit,
            false);
        if (freeInit > 0) {
          lines.add("Free tier INIT duration", CatalogReader.UNIT_GB_SECONDS, freeInit, 0);
        }
      }
    }
    if (l.ephemeralStorageMb() > LambdaDeployment.INCLUDED_EPHEMERAL_STORAGE_MB) {
      double storageGbs = (l.ephemeralStorageMb() - LambdaDeployment.INCLUDED_EPHEMERAL_STORAGE_MB) / 1024.0
          * l.monthlyRequests() * Math.ceil(l.durationMs()) / 1000.0;
      lines.add("Ephemeral storage", CatalogReader.UNIT_GB_SECONDS, storageGbs,
          prices.lambdaEphemeralStoragePerGbSecondUsd());
    }
    savingsPlan(lines, "Savings plan (lambda)", discounted, terms.lambdaSavingsPlan());
  }

  /**
   * Adds the tier lines of {@code billable} GB-seconds, one usage of a function whose architecture
   * bills {@code archTotal} GB-seconds in the account: its share of each tier is in proportion to
   * {@code billable / archTotal}. Returns the cost. With {@code zeroLine}, a usage that falls in no
   * tier still shows a tier-1 line of 0.
   */
  private static double tiers(Lines lines, String[] names, LambdaRates rates, double archTotal, double billable,
      boolean zeroLine) {
    TieredPrice tiers = rates.durationPerGbSecond();
    double cost = 0;
    boolean any = false;
    for (int t = 0, n = tiers.tierCount(); t < n; t++) {
      double inTier = tiers.quantityInTier(archTotal, t);
      if (inTier <= 0) {
        break;
      }
      // This usage's share of the tier, in proportion to its billable GB-s.
      double share = billable == archTotal ? inTier : billable * inTier / archTotal;
      if (share > 0) {
        cost += lines.add(names[t], CatalogReader.UNIT_GB_SECONDS, share, tiers.unitPriceUsd(t));
        any = true;
      }
    }
    if (!any && zeroLine) {
      lines.add(names[0], CatalogReader.UNIT_GB_SECONDS, 0, tiers.unitPriceUsd(0));
    }
    return cost;
  }

  // --- Fargate -----------------------------------------------------------------------------

  private void fargate(FargateDeployment f, AccountTerms terms, Lines lines) {
    FargateRates rates = f.spot() ? prices.fargateSpotLinuxX86() : prices.fargate(f.os(), f.architecture());
    double taskHours = f.tasks() * f.hoursPerMonth();
    double vcpuHours = taskHours * f.vcpu();
    double discounted = lines.add(f.spot() ? "vCPU (Spot)" : "vCPU", CatalogReader.UNIT_VCPU_HOURS, vcpuHours,
        rates.vcpuHourUsd());
    discounted += lines.add(f.spot() ? "Memory (Spot)" : "Memory", CatalogReader.UNIT_GB_HOURS,
        taskHours * f.memoryGb(), rates.gbHourUsd());
    if (f.os() == OperatingSystem.WINDOWS) {
      lines.add("Windows licence", CatalogReader.UNIT_VCPU_HOURS, vcpuHours, rates.osLicenceVcpuHourUsd());
    }
    if (f.ephemeralStorageGb() > FargateDeployment.INCLUDED_EPHEMERAL_STORAGE_GB) {
      lines.add("Ephemeral storage", CatalogReader.UNIT_GB_HOURS,
          taskHours * (f.ephemeralStorageGb() - FargateDeployment.INCLUDED_EPHEMERAL_STORAGE_GB),
          prices.fargateEphemeralStoragePerGbHourUsd());
    }
    // Savings plans do not cover Spot capacity.
    if (!f.spot()) {
      savingsPlan(lines, "Savings plan (fargate)", discounted, terms.fargateSavingsPlan());
    }
  }

  // --- EC2 ---------------------------------------------------------------------------------

  private void ec2(Ec2Deployment e, AccountTerms terms, Lines lines) {
    Ec2InstanceType type = prices.requireEc2Instance(e.instanceType());
    double instanceHours = e.count() * e.hoursPerMonth();
    if (e.spot()) {
      lines.add("Spot instance hours (" + type.name() + ", estimate)", CatalogReader.UNIT_INSTANCE_HOURS,
          instanceHours, type.spotHourlyUsd());
    } else {
      double cost = lines.add("Instance hours (" + type.name() + ")", CatalogReader.UNIT_INSTANCE_HOURS,
          instanceHours, type.onDemandHourlyUsd());
      savingsPlan(lines, "Savings plan (ec2)", cost, terms.ec2SavingsPlan());
    }
  }

  // --- API Gateway and ALB -----------------------------------------------------------------

  private void apiGateway(ApiGatewayDeployment a, Usage usage, Lines lines) {
    TieredPrice tiers = prices.apiGateway(a.type());
    double millions = a.monthlyRequests() / MILLION;
    double typeTotal = usage.apiMillions[a.type().ordinal()];
    String[] names = apiLineNames[a.type().ordinal()];
    boolean any = false;
    for (int t = 0, n = tiers.tierCount(); t < n; t++) {
      double inTier = tiers.quantityInTier(typeTotal, t);
      if (inTier <= 0) {
        break;
      }
      double share = millions == typeTotal ? inTier : millions * inTier / typeTotal;
      if (share > 0) {
        lines.add(names[t], CatalogReader.UNIT_MILLION_REQUESTS, share, tiers.unitPriceUsd(t));
        any = true;
      }
    }
    if (!any) {
      lines.add(names[0], CatalogReader.UNIT_MILLION_REQUESTS, 0, tiers.unitPriceUsd(0));
    }
  }

  private void alb(AlbDeployment b, Lines lines) {
    AlbRates rates = prices.alb();
    lines.add("Load balancer hours", CatalogReader.UNIT_HOURS, b.hoursPerMonth(), rates.hourUsd());
    lines.add("LCU-hours", CatalogReader.UNIT_LCU_HOURS, b.hoursPerMonth() * b.lcu(), rates.lcuHourUsd());
  }

  /** Adds a negative line {@code -fraction x covered} when a savings plan applies. */
  private static void savingsPlan(Lines lines, String name, double coveredUsd, double fraction) {
    if (fraction > 0 && coveredUsd > 0) {
      lines.add(name, "USD", coveredUsd, -fraction);
    }
  }

  /**
   * The account-level totals a list of deployments shares: Lambda GB-seconds (duration and INIT)
   * per architecture after the free tier, the free tier's inputs, and API Gateway requests per
   * type.
   */
  private static final class Usage {
    private static final int ARCHITECTURES = Architecture.values().length;
    // Per architecture (ordinal), and API Gateway millions per API type: allocated when the first
    // deployment that adds to them does, since most prices are of one container deployment.
    double[] billableGbSeconds;
    double[] apiMillions;
    double freeEligibleRequests;
    double freeEligibleGbSeconds;
    private double[] onDemandGbSeconds;
    private double[] freeEligibleGbSecondsByArch;

    /** The usage of one deployment alone in the account. */
    static Usage of(Deployment d, AccountTerms terms) {
      Usage usage = new Usage();
      usage.add(d, terms);
      usage.finish(terms);
      return usage;
    }

    void add(Deployment d, AccountTerms terms) {
      if (d instanceof LambdaDeployment l) {
        if (l.hasProvisionedConcurrency()) {
          return; // billed at the provisioned rate: neither tiers nor free tier
        }
        if (onDemandGbSeconds == null) {
          onDemandGbSeconds = new double[ARCHITECTURES];
          freeEligibleGbSecondsByArch = new double[ARCHITECTURES];
          billableGbSeconds = new double[ARCHITECTURES];
        }
        double gbs = gbSeconds(l) + l.initGbSeconds();
        int arch = l.architecture().ordinal();
        onDemandGbSeconds[arch] += gbs;
        if (terms.lambdaFreeTier()) {
          freeEligibleRequests += l.monthlyRequests();
          freeEligibleGbSeconds += gbs;
          freeEligibleGbSecondsByArch[arch] += gbs;
        }
      } else if (d instanceof ApiGatewayDeployment a) {
        if (apiMillions == null) {
          apiMillions = new double[ApiType.values().length];
        }
        apiMillions[a.type().ordinal()] += a.monthlyRequests() / MILLION;
      }
    }

    /** Subtracts each architecture's share of the free GB-seconds from its tiered total. */
    void finish(AccountTerms terms) {
      if (onDemandGbSeconds == null) {
        return;
      }
      for (int a = 0; a < billableGbSeconds.length; a++) {
        double free = terms.lambdaFreeTier() ? freeShareOfGbSeconds(freeEligibleGbSecondsByArch[a]) : 0;
        billableGbSeconds[a] = onDemandGbSeconds[a] - free;
      }
    }

    /** The free requests of usage {@code requests}: all of it under 1M in total, else its proportional share of 1M. */
    double freeShareOfRequests(double requests) {
      return freeEligibleRequests <= LAMBDA_FREE_REQUESTS ? requests : requests * LAMBDA_FREE_REQUESTS / freeEligibleRequests;
    }

    /** The free GB-seconds of usage {@code gbs}: all of it under 400,000 in total, else its proportional share. */
    double freeShareOfGbSeconds(double gbs) {
      return freeEligibleGbSeconds <= LAMBDA_FREE_GB_SECONDS ? gbs : gbs * LAMBDA_FREE_GB_SECONDS / freeEligibleGbSeconds;
    }
  }

  /** Collects cost lines and their running total; or, when not keeping them, only the total. */
  private static final class Lines {
    private final boolean keep;
    private CostLine[] lines;
    private int size;
    private double total;

    Lines(boolean keep) {
      this.keep = keep;
      this.lines = keep ? new CostLine[8] : null;
    }

    /** Adds {@code quantity x unitPriceUsd} and returns that cost. */
    double add(String name, String unit, double quantity, double unitPriceUsd) {
      double cost = quantity * unitPriceUsd;
      if (keep) {
        if (size == lines.length) {
          lines = Arrays.copyOf(lines, size * 2);
        }
        lines[size++] = new CostLine(name, unit, quantity, unitPriceUsd, cost);
      }
      total += cost;
      return cost;
    }

    PricedDeployment toPriced(String name, String kind) {
      return new PricedDeployment(name, kind, List.of(Arrays.copyOf(lines, size)), total);
    }
  }
}
