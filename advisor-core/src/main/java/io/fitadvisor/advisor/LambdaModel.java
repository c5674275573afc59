package io.fitadvisor.advisor;

import com.google.common.collect.ImmutableMap;
import io.fitadvisor.advisor.ColdStarts.InitDuration;
import io.fitadvisor.pricing.Architecture;
import io.fitadvisor.pricing.CostLine;
import io.fitadvisor.pricing.LambdaDeployment;
import io.fitadvisor.pricing.PricingEngine;
import io.fitadvisor.pricing.TieredPrice;
import io.fitadvisor.workload.Invocation;
import io.fitadvisor.workload.Packaging;
import io.fitadvisor.workload.Runtimes;
import io.fitadvisor.workload.Service;
import io.fitadvisor.workload.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The {@code lambda} target: fit checks, memory choice, cold starts, throttling and cost.
 *
 * <p>Duration model: a request takes {@code meanMs x ((1 - cpuFraction) + cpuFraction / min(1,
 * memoryMb / 1769))}: the CPU part slows down below one vCPU (1,769 MB) and does not speed up
 * above it, since a request is taken to be single-threaded; the I/O part does not change. The
 * same factor applies to p99 and the longest request. The memory is the cheapest from the
 * service's memoryMb to 10,240 MB that meets the timeout and the latency objective.
 *
 * <p>Cold starts per minute {@code t} (keep-alive window {@code K} minutes): an environment is
 * kept after the last request it served for {@code K} minutes. With {@code r} requests in the
 * minute and {@code R} in the {@code K} minutes before, {@code exp(-R) x (1 - exp(-r))} is the
 * expected number of requests that find no warm environment (Poisson arrivals), and every
 * environment beyond the first that the concurrency needs above the previous {@code K} minutes'
 * peak is a cold start too. Each cold start bills the INIT duration of the cold-start table
 * (p50) at the function's memory, and adds the INIT p99 to the latency of that request.
 */
final class LambdaModel {
  /** Cold starts count in the p99 latency once at least this share of requests is cold. */
  static final double COLD_SHARE_IN_P99 = 0.01;
  private static final double MILLISECONDS_PER_SECOND = 1_000;

  private final ServiceLoad load;
  private final Service service;
  private final AdviceContext context;
  private final FitLimits limits;
  private final FrontDoors frontDoors;
  private final List<Finding> violations = new ArrayList<>();
  private final List<Finding> warnings = new ArrayList<>();
  private final List<Variant> variants = new ArrayList<>();
  private final double cpuFraction;
  private final double meanMs;
  private final double p99Ms;
  private final double longestMs;
  private final OptionalDouble maxLatencyMs;
  // The last cold-start count asked for: the same factor and slowdown come twice per evaluation.
  private double lastColdFactor = Double.NaN;
  private double lastColdSlowdown = Double.NaN;
  private double lastColdStarts;
  private Choice ownLoadChoice;
  private Boolean meetsLatencyWithInit;
  private int lowestMeetingTimeoutAndLatency = Integer.MIN_VALUE;
  private final Map<Variant, VariantMemories> variantMemories = new java.util.HashMap<>();

  /** One way to deploy: an architecture and a package type, with its INIT curve. */
  record Variant(Architecture architecture, String packaging, ColdStarts.Curve curve) {}

  /** A memory choice for one variant at one load factor, priced. */
  record Choice(Variant variant, int memoryMb, double slowdown, double billedDurationMs,
      double coldStarts, InitDuration init, LambdaDeployment deployment, double monthlyCostUsd,
      Finding failure) {

    boolean feasible() {
      return failure == null;
    }
  }

  LambdaModel(ServiceLoad load, AdviceContext context, FitLimits limits, ColdStarts coldStarts,
      FrontDoors frontDoors) {
    this.load = load;
    this.service = load.service;
    this.context = context;
    this.limits = limits;
    this.frontDoors = frontDoors;
    this.cpuFraction = service.duration().cpuFraction();
    this.meanMs = service.duration().meanMs();
    this.p99Ms = service.duration().p99Ms().orElse(meanMs);
    this.longestMs = service.duration().longestMs();
    this.maxLatencyMs = service.requirements().maxLatencyMs();
    checkService();
    List<String> packagings = packagings();
    if (violations.isEmpty()) {
      for (io.fitadvisor.workload.Architecture a : service.architectures()) {
        Architecture architecture = Architecture.fromId(a.id());
        for (String packaging : packagings) {
          variants.add(new Variant(architecture, packaging,
              coldStarts.curve(service.runtime(), packaging, architecture.id())));
        }
      }
    }
  }

  /** Violations that no configuration can avoid. */
  private void checkService() {
    if (service.memoryMb() > limits.lambdaMaxMemoryMb()) {
      violations.add(new Finding(Codes.LAMBDA_MEMORY, "one instance needs "
          + Words.count(service.memoryMb()) + " MB of memory; Lambda offers at most "
          + Words.count(limits.lambdaMaxMemoryMb()) + " MB"));
    }
    double timeoutMs = limits.lambdaTimeoutSeconds() * MILLISECONDS_PER_SECOND;
    if (longestMs > timeoutMs) {
      violations.add(new Finding(Codes.LAMBDA_TIMEOUT, "the longest request, "
          + Words.duration(longestMs) + ", exceeds Lambda's " + Words.duration(timeoutMs)
          + " limit even with a full vCPU"));
    }
    if (service.requirements().gpu()) {
      violations.add(new Finding(Codes.GPU_UNAVAILABLE, "the service needs a GPU and Lambda has none"));
    }
    if (service.requirements().persistentConnections()) {
      violations.add(new Finding(Codes.PERSISTENT_CONNECTIONS, "the process holds persistent "
          + "connections (WebSockets or long-lived TCP) itself; a Lambda function is invoked per "
          + "request and cannot keep a listening socket open"));
    }
    boolean synchronous = service.invocation() == Invocation.SYNC || service.invocation() == Invocation.QUEUE;
    double requestLimitKb = synchronous ? limits.lambdaSyncPayloadMaxKb() : limits.lambdaAsyncPayloadMaxKb();
    String mode = synchronous ? "synchronous" : "asynchronous";
    if (service.requestKb() > requestLimitKb) {
      violations.add(new Finding(Codes.LAMBDA_PAYLOAD, "the request payload, "
          + Words.count(service.requestKb()) + " KB, exceeds Lambda's "
          + Words.count(requestLimitKb) + " KB limit for " + mode + " invocations"));
    }
    if (synchronous && service.responseKb() > limits.lambdaSyncPayloadMaxKb()) {
      violations.add(new Finding(Codes.LAMBDA_PAYLOAD, "the response payload, "
          + Words.count(service.responseKb()) + " KB, exceeds Lambda's "
          + Words.count(limits.lambdaSyncPayloadMaxKb()) + " KB limit for buffered responses"));
    }
    if (service.ephemeralStorageMb() > limits.lambdaMaxEphemeralStorageMb()) {
      violations.add(new Finding(Codes.LAMBDA_EPHEMERAL_STORAGE, "the service needs "
          + Words.count(service.ephemeralStorageMb()) + " MB of scratch disk; Lambda's /tmp holds at most "
          + Words.count(limits.lambdaMaxEphemeralStorageMb()) + " MB"));
    }
  }

  /** The package types the service can use on Lambda; adds violations when there is none. */
  private List<String> packagings() {
    boolean container = service.runtime().equals(Runtimes.CONTAINER);
    boolean deprecated = Runtimes.isDeprecated(service.runtime());
    boolean zipAllowed = service.packaging() != Packaging.IMAGE && !container;
    boolean imageAllowed = service.packaging() != Packaging.ZIP;
    OptionalDouble packageMb = service.packageMb();
    boolean zipFits = packageMb.isEmpty() || packageMb.getAsDouble() <= limits.lambdaZipUnzippedMaxMb();
    boolean imageFits = packageMb.isEmpty() || packageMb.getAsDouble() <= limits.lambdaImageMaxMb();
    List<String> packagings = new ArrayList<>(2);
    if (zipAllowed && zipFits && !deprecated) {
      packagings.add("zip");
    }
    if (imageAllowed && imageFits) {
      packagings.add("image");
    }
    if (packagings.isEmpty()) {
      if (zipAllowed && deprecated) {
        violations.add(new Finding(Codes.LAMBDA_RUNTIME, service.runtime() + " is deprecated: AWS "
            + "no longer updates it and blocks new zip functions on it; move to a current runtime"
            + " or allow packaging as an image"));
      }
      if (zipAllowed && !zipFits) {
        violations.add(new Finding(Codes.LAMBDA_PACKAGE_SIZE, "the " + Words.count(packageMb.getAsDouble())
            + " MB package exceeds the " + Words.count(limits.lambdaZipUnzippedMaxMb())
            + " MB unzipped limit of zip functions" + (imageAllowed ? "" : " (packaging is zip only)")));
      }
      if (imageAllowed && !imageFits) {
        violations.add(new Finding(Codes.LAMBDA_PACKAGE_SIZE, "the " + Words.count(packageMb.getAsDouble())
            + " MB image exceeds Lambda's " + Words.count(limits.lambdaImageMaxMb()) + " MB image limit"));
      }
    } else if (deprecated) {
      warnings.add(new Finding(Codes.DEPRECATED_RUNTIME, service.runtime() + " is deprecated: AWS no "
          + "longer patches it; only a container image built on it can still be deployed"));
    }
    return packagings;
  }

  /** The option at the service's own load. */
  TargetOption option() {
    if (!violations.isEmpty()) {
      return TargetOption.infeasible(Target.LAMBDA, violations);
    }
    Choice best = best(1.0);
    if (!best.feasible()) {
      return TargetOption.infeasible(Target.LAMBDA, List.of(best.failure()));
    }
    List<CostLine> lines = new ArrayList<>(context.engine().price(best.deployment(), context.terms()).lines());
    lines.addAll(frontDoors.lines(true, 1.0));
    Map<String, Object> configuration = ImmutableMap.<String, Object>builder()
        .put("memoryMb", best.memoryMb())
        .put("packaging", best.variant().packaging())
        .put("ephemeralStorageMb", ephemeralStorageMb())
        .put("billedDurationMs", best.billedDurationMs())
        .put("peakConcurrency", load.peakConcurrency * best.slowdown())
        .put("coldStartsPerMonth", best.coldStarts())
        .put("initDurationMs", best.init().p50Ms())
        .put("frontDoor", frontDoors.effective(true).id())
        .build();
    return new TargetOption(Target.LAMBDA, Optional.of(best.variant().architecture().id()), true,
        OptionalDouble.of(best.monthlyCostUsd()), configuration, lines, List.of(), warnings(best));
  }

  /** The cheapest feasible monthly cost at load factor {@code k}; infinite when there is none. */
  double monthlyCostUsd(double k) {
    if (!violations.isEmpty()) {
      return Double.POSITIVE_INFINITY;
    }
    Choice best = best(k);
    return best.feasible() ? best.monthlyCostUsd() : Double.POSITIVE_INFINITY;
  }

  /**
   * A lower bound of {@link #monthlyCostUsd}{@code (k)} that needs no pass over the month, for the
   * break-even search: the larger of two. First, the engine's price, for the cheapest variant, of
   * the requests at the lowest memory that meets the timeout and the warm latency objective, the
   * shortest billed duration any memory gives, and no cold starts. Second, the price, for the
   * cheapest variant, of its leanest memory (the fewest GB-seconds per request of all it may
   * choose), without cold starts or ephemeral storage beyond the free part. The engine's price
   * only grows with the GB-seconds, the cold starts and the storage, so the chosen configuration
   * costs at least either. Both add the front door and are lowered by one part in a billion
   * against rounding. Infinite when Lambda cannot host the service.
   */
  double lowerBoundUsd(double k) {
    int lowest = violations.isEmpty() ? lowestMeetingTimeoutAndLatency() : -1;
    if (lowest < 0) {
      return Double.POSITIVE_INFINITY;
    }
    double requests = k * load.monthlyRequests;
    double fastestMs = billedMs(meanMs * slowdown(highestMemoryMb()));
    double cheapest = Double.POSITIVE_INFINITY;
    double leanest = Double.POSITIVE_INFINITY;
    for (Variant variant : variants) {
      LambdaDeployment bound = deployment(service.name(), variant, lowest, requests, fastestMs, 0, 0);
      cheapest = Math.min(cheapest, context.engine().monthlyCostUsd(bound, context.terms()));
      int memoryMb = memories(variant, lowest, highestMemoryMb()).leanestMb;
      LambdaDeployment lean = LambdaDeployment.builder(service.name(), memoryMb, requests,
              billedMs(meanMs * slowdown(memoryMb)))
          .architecture(variant.architecture())
          .ephemeralStorageMb(limits.lambdaMinEphemeralStorageMb())
          .build();
      leanest = Math.min(leanest, context.engine().monthlyCostUsd(lean, context.terms()));
    }
    return (Math.max(cheapest, leanest) + frontDoors.monthlyCostUsd(true, k)) * (1 - 1e-9);
  }

  /**
   * An upper bound of {@link #monthlyCostUsd}{@code (k)} that needs no pass over the month, for the
   * break-even search, or infinity when the cost may be infinite at {@code k}. The cold starts are
   * at most {@code min(active minutes, k x requests)} idle ones plus {@code k x slowdown x} the
   * concurrency summed over the rising minutes (see {@link ColdStartInputs}).
   *
   * <p>When cold starts surely stay under {@link #COLD_SHARE_IN_P99} of the requests (or there is
   * no latency objective), every memory that meets the timeout and the warm objective may be
   * chosen, and the choice is the cheapest of them: it costs at most any of them, priced here by
   * the engine at each variant's leanest memory with that many cold starts (its own INIT). Else,
   * when some variant meets the objective even with an INIT in the p99: the engine's price, for
   * the dearest variant, of the requests at the highest memory the choice may take (one vCPU), the
   * longest billed duration (at the lowest memory that meets the timeout), that variant's longest
   * INIT and that many cold starts. Both add the front door and are raised by one part in a
   * billion against rounding.
   */
  double upperBoundUsd(double k) {
    if (!violations.isEmpty() || variants.isEmpty()) {
      return Double.POSITIVE_INFINITY;
    }
    int highest = highestMemoryMb();
    int lowest = lowestMeetingTimeoutAndLatency();
    if (lowest < 0) {
      return Double.POSITIVE_INFINITY;
    }
    double requests = k * load.monthlyRequests;
    // The estimate that decides whether cold starts enter the p99 scales the rises by the lowest
    // memory's slowdown, the largest of all; the chosen memory's own is no larger.
    ColdStartInputs in = load.coldStartInputs(limits.lambdaKeepAliveMinutes());
    double coldStarts = in.idleUpperBound(k) + in.risingUpperBound(k * slowdown(lowestMemoryMb()));
    boolean outOfP99 = maxLatencyMs.isEmpty() || requests > 0 && coldStarts / requests < COLD_SHARE_IN_P99;
    if (outOfP99) {
      double leanest = Double.POSITIVE_INFINITY;
      for (Variant variant : variants) {
        int memoryMb = memories(variant, lowest, highest).leanestMb;
        LambdaDeployment lean = deployment(service.name(), variant, memoryMb, requests,
            billedMs(meanMs * slowdown(memoryMb)), coldStarts, variant.curve().at(memoryMb).p50Ms());
        leanest = Math.min(leanest, context.engine().monthlyCostUsd(lean, context.terms()));
      }
      return (leanest + frontDoors.monthlyCostUsd(true, k)) * (1 + 1e-9);
    }
    if (!someVariantMeetsLatencyWithInit()) {
      return Double.POSITIVE_INFINITY;
    }
    // Every memory the choice may take meets the timeout, the lowest of them being the slowest.
    double slowestMs = billedMs(meanMs * slowdown(lowest));
    double dearest = 0;
    for (Variant variant : variants) {
      double initMs = Math.min(variant.curve().longestP50Ms(), LambdaDeployment.MAX_INIT_DURATION_MS);
      LambdaDeployment bound = deployment(service.name(), variant, highest, requests, slowestMs, coldStarts, initMs);
      dearest = Math.max(dearest, context.engine().monthlyCostUsd(bound, context.terms()));
    }
    return (dearest + frontDoors.monthlyCostUsd(true, k)) * (1 + 1e-9);
  }

  /** Whether some variant has a memory whose p99 plus its INIT p99 meets the latency objective. */
  private boolean someVariantMeetsLatencyWithInit() {
    if (meetsLatencyWithInit == null) {
      boolean found = false;
      int lowest = lowestMeetingTimeoutAndLatency();
      double objectiveMs = maxLatencyMs.orElse(Double.POSITIVE_INFINITY);
      for (Variant variant : variants) {
        for (int m = lowest; m >= 0 && m <= highestMemoryMb() && !found; m++) {
          found = p99Ms * slowdown(m) + variant.curve().at(m).p99Ms() <= objectiveMs;
        }
      }
      meetsLatencyWithInit = found;
    }
    return meetsLatencyWithInit;
  }

  /** The highest memory the choice considers: above one vCPU nothing gets faster. */
  private int highestMemoryMb() {
    return Math.max(lowestMemoryMb(), Math.min(limits.lambdaMaxMemoryMb(), limits.lambdaMemoryMbPerVcpu()));
  }

  /**
   * The cheapest variant at load factor {@code k}, priced, or the first variant's failure when
   * none is feasible. Variants are compared by the estimate of {@link #choose}; only the winner
   * goes through the pricing engine.
   */
  private Choice best(double k) {
    if (k == 1.0) {
      // The service's own load is asked for by several targets: choose once.
      if (ownLoadChoice == null) {
        ownLoadChoice = chooseAndPrice(k);
      }
      return ownLoadChoice;
    }
    return chooseAndPrice(k);
  }

  private Choice chooseAndPrice(double k) {
    int m0 = lowestMemoryMb();
    double coldEstimate = coldStarts(k, slowdown(m0));
    Estimate best = null;
    Estimate firstFailure = null;
    for (Variant variant : variants) {
      Estimate estimate = choose(variant, k, coldEstimate);
      if (estimate.failure() != null) {
        firstFailure = firstFailure == null ? estimate : firstFailure;
      } else if (best == null || estimate.usd() < best.usd()) {
        best = estimate;
      }
    }
    if (best == null) {
      return new Choice(firstFailure.variant(), 0, 0, 0, 0, null, null, Double.POSITIVE_INFINITY,
          firstFailure.failure());
    }
    return price(best.variant(), k, best.memoryMb());
  }

  /** A variant's memory choice before pricing: its estimated cost, or why it cannot run. */
  private record Estimate(Variant variant, int memoryMb, double usd, Finding failure) {}

  /** How much slower a request runs at {@code memoryMb} than with a full vCPU. */
  double slowdown(double memoryMb) {
    return Durations.slowdown(cpuFraction, memoryMb / limits.lambdaMemoryMbPerVcpu());
  }

  private int lowestMemoryMb() {
    return Math.max(limits.lambdaMinMemoryMb(), service.memoryMb());
  }

  private int ephemeralStorageMb() {
    return Math.max(limits.lambdaMinEphemeralStorageMb(), service.ephemeralStorageMb());
  }

  /**
   * Chooses the memory of one variant at load factor {@code k}: the least estimated cost
   * (duration tiers after the free tier, INIT and ephemeral storage included, requests left out
   * as they cost the same everywhere) among memories that meet the timeout and the latency
   * objective.
   *
   * <p>Between the points where the billed duration (whole ms) or the INIT row changes, the cost
   * only grows with memory, so only those points are compared (exactly the same answer as trying
   * every MB). When cold starts enter the p99, the INIT p99 is not monotone in memory and every MB
   * is tried.
   */
  private Estimate choose(Variant variant, double k, double coldEstimate) {
    return choose(variant, k, coldEstimate, false);
  }

  /**
   * The memory and estimated cost {@link #choose} gives variant {@code variantIndex}, or, with
   * {@code everyMb}, what trying every MB gives (the definition; tests compare the two).
   */
  double[] memoryChoice(int variantIndex, double k, double coldEstimate, boolean everyMb) {
    Estimate estimate = choose(variants.get(variantIndex), k, coldEstimate, everyMb);
    return new double[] {estimate.memoryMb(), estimate.usd()};
  }

  /** The number of variants (architecture and package type pairs) Lambda can use. */
  int variantCount() {
    return variants.size();
  }

  private Estimate choose(Variant variant, double k, double coldEstimate, boolean everyMb) {
    double requests = k * load.monthlyRequests;
    boolean coldInP99 = maxLatencyMs.isPresent() && requests > 0
        && coldEstimate / requests >= COLD_SHARE_IN_P99;
    // Above one vCPU nothing gets faster and every MB costs more: no need to look further.
    int highest = highestMemoryMb();
    int lowest = lowestMeetingTimeoutAndLatency();
    if (lowest < 0) {
      return new Estimate(variant, 0, Double.POSITIVE_INFINITY, failure(variant, false, coldEstimate, requests));
    }
    Objective objective = new Objective(variant, requests, coldEstimate);
    int bestMemory = -1;
    double bestUsd = Double.POSITIVE_INFINITY;
    if (coldInP99) {
      Memories memories = everyMb
          ? new Memories(variant, coldLatencyCandidates(variant, lowest, highest, true))
          : memories(variant, lowest, highest).meetingColdLatency;
      for (int i : objective.nearCheapest(memories, everyMb)) {
        double usd = objective.usd(memories, i);
        if (usd < bestUsd) {
          bestUsd = usd;
          bestMemory = memories.memoryMb[i];
        }
      }
      if (bestMemory < 0) {
        return new Estimate(variant, 0, Double.POSITIVE_INFINITY, failure(variant, true, coldEstimate, requests));
      }
      return new Estimate(variant, bestMemory, bestUsd, null);
    }
    Memories memories = everyMb ? new Memories(variant, everyMb(lowest, highest)) : memories(variant, lowest, highest).all;
    for (int i : objective.nearCheapest(memories, everyMb)) {
      double usd = objective.usd(memories, i);
      int m = memories.memoryMb[i];
      if (usd < bestUsd || (usd == bestUsd && m < bestMemory)) {
        bestUsd = usd;
        bestMemory = m;
      }
    }
    return new Estimate(variant, bestMemory, bestUsd, null);
  }

  /**
   * Memories a choice compares, with their billed duration and INIT (whole ms): both depend on the
   * memory only, so they are worked out once per variant and shared by every load factor.
   */
  private final class Memories {
    final int[] memoryMb;
    final double[] billedMs;
    final double[] initMs;
    /** GB-seconds a request and a cold start add, for the quick screening of {@code nearCheapest}. */
    final double[] gbSecondsPerRequest;
    final double[] gbSecondsPerColdStart;

    Memories(Variant variant, int[] memoryMb) {
      int n = memoryMb.length;
      this.memoryMb = memoryMb;
      this.billedMs = new double[n];
      this.initMs = new double[n];
      this.gbSecondsPerRequest = new double[n];
      this.gbSecondsPerColdStart = new double[n];
      for (int i = 0; i < n; i++) {
        billedMs[i] = billedMs(meanMs * slowdown(memoryMb[i]));
        initMs[i] = Math.ceil(variant.curve().at(memoryMb[i]).p50Ms());
        gbSecondsPerRequest[i] = memoryMb[i] / 1024.0 * billedMs[i] / 1000.0;
        gbSecondsPerColdStart[i] = memoryMb[i] / 1024.0 * initMs[i] / 1000.0;
      }
    }
  }

  /** A variant's two candidate lists: without and with cold starts in the p99. */
  private final class VariantMemories {
    final Memories all;
    final Memories meetingColdLatency;

    /** The memory of {@link #all} with the fewest GB-seconds per request (the lowest on a tie). */
    final int leanestMb;

    VariantMemories(Variant variant, int lowest, int highest) {
      all = new Memories(variant, candidates(variant, lowest, highest));
      meetingColdLatency = maxLatencyMs.isPresent()
          ? new Memories(variant, coldLatencyCandidates(variant, lowest, highest, false)) : null;
      int leanest = 0;
      for (int i = 1; i < all.memoryMb.length; i++) {
        double gb = all.gbSecondsPerRequest[i];
        double least = all.gbSecondsPerRequest[leanest];
        if (gb < least || gb == least && all.memoryMb[i] < all.memoryMb[leanest]) {
          leanest = i;
        }
      }
      leanestMb = all.memoryMb[leanest];
    }
  }

  private VariantMemories memories(Variant variant, int lowest, int highest) {
    return variantMemories.computeIfAbsent(variant, v -> new VariantMemories(v, lowest, highest));
  }

  /**
   * The memories in [{@code lowest}, {@code highest}], ascending, whose p99 plus the INIT p99
   * meets the latency objective and that can be the cheapest such: every one when {@code
   * everyMb} (the definition), else the first that meets it in each stretch between the points
   * where the billed duration or the INIT row may change ({@link #candidates}). Within a stretch
   * the cost only grows with memory while the latency only falls, so the first memory meeting the
   * objective is the stretch's cheapest (and the smallest on a tie), which leaves the choice exactly
   * as trying every MB.
   */
  int[] coldLatencyCandidates(Variant variant, int lowest, int highest, boolean everyMb) {
    int[] starts = everyMb ? everyMb(lowest, highest)
        : Arrays.stream(candidates(variant, lowest, highest)).sorted().distinct().toArray();
    int[] found = new int[starts.length];
    int size = 0;
    for (int i = 0; i < starts.length; i++) {
      int end = i + 1 < starts.length ? starts[i + 1] - 1 : highest;
      if (!meetsColdLatency(variant, end)) {
        continue; // the stretch's fastest memory misses the objective, so all of it does
      }
      int lo = starts[i];
      int hi = end;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (meetsColdLatency(variant, mid)) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      found[size++] = lo;
    }
    return Arrays.copyOf(found, size);
  }

  private static int[] everyMb(int lowest, int highest) {
    int[] all = new int[highest - lowest + 1];
    for (int i = 0; i < all.length; i++) {
      all[i] = lowest + i;
    }
    return all;
  }

  /** Whether a request's p99 plus the INIT p99 at {@code memoryMb} meets the latency objective. */
  private boolean meetsColdLatency(Variant variant, int memoryMb) {
    return p99Ms * slowdown(memoryMb) + variant.curve().at(memoryMb).p99Ms() <= maxLatencyMs.getAsDouble();
  }

  /** The estimated monthly cost of one variant as a function of memory (see {@link #choose}). */
  private final class Objective {
    private final Variant variant;
    private final double requests;
    private final double coldStarts;
    private final TieredPrice tiers;
    private final double storageUsdPerSecond;

    private final double undiscounted;

    Objective(Variant variant, double requests, double coldStarts) {
      this.variant = variant;
      this.requests = requests;
      this.coldStarts = coldStarts;
      this.tiers = context.prices().lambda(variant.architecture()).durationPerGbSecond();
      this.storageUsdPerSecond = context.prices().lambdaEphemeralStoragePerGbSecondUsd()
          * (ephemeralStorageMb() - limits.lambdaMinEphemeralStorageMb()) / 1024.0;
      this.undiscounted = 1 - context.terms().lambdaSavingsPlan();
    }

    /**
     * A fast estimate of the engine's duration, INIT and storage cost at {@code memoryMb} for a
     * function alone in the account (the engine prices the winner; a test checks they agree).
     */
    double usd(int memoryMb) {
      return usd(memoryMb, billedMs(meanMs * slowdown(memoryMb)), Math.ceil(variant.curve().at(memoryMb).p50Ms()));
    }

    /** {@link #usd(int)} of candidate {@code i}, from its stored duration and INIT. */
    double usd(Memories memories, int i) {
      return usd(memories.memoryMb[i], memories.billedMs[i], memories.initMs[i]);
    }

    private double usd(int memoryMb, double billedMs, double initMs) {
      double gbSeconds = gbSeconds(memoryMb, billedMs, initMs);
      if (context.terms().lambdaFreeTier()) {
        gbSeconds = Math.max(0, gbSeconds - PricingEngine.LAMBDA_FREE_GB_SECONDS);
      }
      return undiscounted * tiers.cost(gbSeconds) + storageUsdPerSecond * requests * billedMs / 1000.0;
    }

    private double gbSeconds(int memoryMb, double billedMs, double initMs) {
      return memoryMb / 1024.0 * (requests * billedMs + coldStarts * initMs) / 1000.0;
    }

    /**
     * The candidates that can be the cheapest, in their order: when the estimate is the tiered
     * price of the GB-seconds alone (no extra ephemeral storage, a discount below 100 %, every
     * tier priced), it grows strictly with the GB-seconds above the free tier, so a candidate whose
     * GB-seconds exceed the least by more than one part in a billion (far above the rounding of
     * the tiers' sum, whose prices differ by a few times at most, and of the screening's own
     * GB-seconds, {@code requests x per request + cold starts x per cold start}, a few parts in
     * 10^16 off the estimate's) costs strictly more than the cheapest and cannot win or tie. The
     * others are priced; with {@code all}, every one is.
     */
    int[] nearCheapest(Memories memories, boolean all) {
      int n = memories.memoryMb.length;
      boolean monotone = storageUsdPerSecond == 0 && undiscounted > 0 && allTiersPriced();
      if (all || !monotone || n <= 2) {
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
          indices[i] = i;
        }
        return indices;
      }
      // Two passes over the candidates' GB-seconds (recomputed alike) rather than arrays per call:
      // this runs for every variant at every load factor priced.
      double[] perRequest = memories.gbSecondsPerRequest;
      double[] perColdStart = memories.gbSecondsPerColdStart;
      double least = Double.POSITIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        double gb = requests * perRequest[i] + coldStarts * perColdStart[i];
        least = gb < least ? gb : least; // no NaN: finite, non-negative terms
      }
      double free = context.terms().lambdaFreeTier() ? PricingEngine.LAMBDA_FREE_GB_SECONDS : 0;
      double threshold = Math.max(least, free) * (1 + 1e-9);
      int size = 0;
      for (int i = 0; i < n; i++) {
        size += requests * perRequest[i] + coldStarts * perColdStart[i] <= threshold ? 1 : 0;
      }
      int[] indices = new int[size];
      for (int i = 0, found = 0; found < size; i++) {
        if (requests * perRequest[i] + coldStarts * perColdStart[i] <= threshold) {
          indices[found++] = i;
        }
      }
      return indices;
    }

    private boolean allTiersPriced() {
      for (int i = 0; i < tiers.tierCount(); i++) {
        if (!(tiers.unitPriceUsd(i) > 0)) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * The smallest memory from the lowest allowed to one vCPU whose longest request fits the
   * timeout and whose warm p99 meets the objective; -1 if none. Both only improve with memory, so
   * it is found by binary search, once: it does not depend on the load.
   */
  private int lowestMeetingTimeoutAndLatency() {
    if (lowestMeetingTimeoutAndLatency == Integer.MIN_VALUE) {
      lowestMeetingTimeoutAndLatency = lowestMeetingTimeoutAndLatency(lowestMemoryMb(), highestMemoryMb());
    }
    return lowestMeetingTimeoutAndLatency;
  }

  /**
   * The smallest memory in [{@code m0}, {@code highest}] whose longest request fits the timeout
   * and whose warm p99 meets the objective; -1 if none. Both only improve with memory.
   */
  private int lowestMeetingTimeoutAndLatency(int m0, int highest) {
    if (!meetsTimeoutAndLatency(highest)) {
      return -1;
    }
    int lo = m0;
    int hi = highest;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (meetsTimeoutAndLatency(mid)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  private boolean meetsTimeoutAndLatency(int memoryMb) {
    double slowdown = slowdown(memoryMb);
    return longestMs * slowdown <= limits.lambdaTimeoutSeconds() * MILLISECONDS_PER_SECOND
        && (maxLatencyMs.isEmpty() || p99Ms * slowdown <= maxLatencyMs.getAsDouble());
  }

  /**
   * Where a cheaper memory can start: the lowest allowed, each first memory of an INIT row, and
   * each smallest memory whose duration rounds to a given whole ms (with neighbours, against
   * float noise). Every MB when there would be more of those than MBs.
   */
  private int[] candidates(Variant variant, int lowest, int highest) {
    double ioMs = meanMs * (1 - cpuFraction);
    double cpuMsAtOneVcpu = meanMs * cpuFraction * limits.lambdaMemoryMbPerVcpu();
    long slowest = (long) billedMs(meanMs * slowdown(lowest));
    long fastest = (long) billedMs(meanMs * slowdown(highest));
    int[] boundaries = variant.curve().boundaries();
    if (slowest - fastest > highest - lowest) {
      return everyMb(lowest, highest);
    }
    int[] found = new int[1 + boundaries.length + 3 * (int) (slowest - fastest + 1)];
    int size = 0;
    found[size++] = lowest;
    for (int boundary : boundaries) {
      if (boundary > lowest && boundary <= highest) {
        found[size++] = boundary;
      }
    }
    for (long q = fastest; q < slowest; q++) {
      if (q > ioMs) {
        // duration(m) = ioMs + cpuMsAtOneVcpu / m <= q from m = cpuMsAtOneVcpu / (q - ioMs).
        int m = (int) Math.ceil(cpuMsAtOneVcpu / (q - ioMs));
        for (int near = m - 1; near <= m + 1; near++) {
          if (near > lowest && near <= highest) {
            found[size++] = near;
          }
        }
      }
    }
    return Arrays.copyOf(found, size);
  }

  private Finding failure(Variant variant, boolean coldLatency, double coldStarts, double requests) {
    String message;
    String code = Codes.LATENCY_OBJECTIVE;
    if (coldLatency) {
      InitDuration init = variant.curve().at(limits.lambdaMemoryMbPerVcpu());
      message = "about " + Words.percent(coldStarts / requests) + " of requests are cold starts, so "
          + "the p99 latency includes one: " + Words.duration(p99Ms) + " plus an INIT of "
          + Words.duration(init.p99Ms()) + " (p99, " + init.tableRuntime() + " " + variant.packaging()
          + " " + variant.architecture().id() + ") exceeds the "
          + Words.duration(maxLatencyMs.getAsDouble()) + " latency objective";
    } else if (maxLatencyMs.isPresent() && p99Ms > maxLatencyMs.getAsDouble()) {
      message = "the p99 duration, " + Words.duration(p99Ms) + " with a full vCPU, exceeds the "
          + Words.duration(maxLatencyMs.getAsDouble()) + " latency objective";
    } else {
      // The service-level check passed, so the timeout is met with a full vCPU: only the memory cap is left.
      code = Codes.LAMBDA_TIMEOUT;
      message = "the longest request, " + Words.duration(longestMs) + ", exceeds Lambda's "
          + Words.duration(limits.lambdaTimeoutSeconds() * MILLISECONDS_PER_SECOND) + " limit at every "
          + "memory size from " + Words.count(lowestMemoryMb()) + " MB";
    }
    return new Finding(code, message);
  }

  /** Prices a chosen memory with the engine (INIT included) and adds the front door. */
  private Choice price(Variant variant, double k, int memoryMb) {
    double slowdown = slowdown(memoryMb);
    double billedMs = billedMs(meanMs * slowdown);
    double requests = k * load.monthlyRequests;
    double coldStarts = coldStarts(k, slowdown);
    InitDuration init = variant.curve().at(memoryMb);
    LambdaDeployment deployment = deployment(service.name(), variant, memoryMb, requests, billedMs, coldStarts,
        init.p50Ms());
    // Only the option at the service's own load needs the cost lines: they are priced there.
    double usd = context.engine().monthlyCostUsd(deployment, context.terms()) + frontDoors.monthlyCostUsd(true, k);
    return new Choice(variant, memoryMb, slowdown, billedMs, coldStarts, init, deployment, usd, null);
  }

  /** The engine's view of this function: its requests' duration and its cold starts' INIT. */
  LambdaDeployment deployment(String name, Variant variant, int memoryMb, double requests, double billedMs,
      double coldStarts, double initMs) {
    return LambdaDeployment.builder(name, memoryMb, requests, billedMs)
        .architecture(variant.architecture())
        .ephemeralStorageMb(ephemeralStorageMb())
        .coldStartsPerMonth(coldStarts)
        .initDurationMs(initMs)
        .build();
  }

  /**
   * The memory choice's own estimate of the chosen configuration at load factor {@code k} (the
   * duration, INIT and storage estimate plus the requests), without the front door: it must equal
   * the engine's price of that configuration, which a test checks. Infinite when infeasible.
   */
  double estimatedMonthlyCostUsd(double k) {
    if (!violations.isEmpty()) {
      return Double.POSITIVE_INFINITY;
    }
    Choice best = best(k);
    if (!best.feasible()) {
      return Double.POSITIVE_INFINITY;
    }
    double requests = k * load.monthlyRequests;
    Objective objective = new Objective(best.variant(), requests, best.coldStarts());
    double billable = context.terms().lambdaFreeTier() ? Math.max(0, requests - PricingEngine.LAMBDA_FREE_REQUESTS) : requests;
    double requestsUsd = billable / 1_000_000 * context.prices().lambda(best.variant().architecture())
        .requestsPerMillionUsd();
    return objective.usd(best.memoryMb()) + requestsUsd;
  }

  /**
   * The configuration chosen at the service's own load, for targets that reuse it (the hybrid's
   * overflow); empty when Lambda cannot host the service.
   */
  Optional<Choice> chosen() {
    if (!violations.isEmpty()) {
      return Optional.empty();
    }
    Choice best = best(1.0);
    return best.feasible() ? Optional.of(best) : Optional.empty();
  }

  /** The service-level violations (those no configuration avoids), or the chosen configuration's failure. */
  List<Finding> violations() {
    if (!violations.isEmpty()) {
      return violations;
    }
    Choice best = best(1.0);
    return best.feasible() ? List.of() : List.of(best.failure());
  }

  /** A duration rounded up to the next whole millisecond, ignoring float noise below 1e-9 ms. */
  static double billedMs(double durationMs) {
    return Math.max(1, Math.ceil(durationMs - 1e-9));
  }

  /**
   * Expected cold starts in the month at load factor {@code k} when requests run {@code slowdown}
   * times their nominal duration (see the class comment).
   */
  double coldStarts(double k, double slowdown) {
    if (k == lastColdFactor && slowdown == lastColdSlowdown) {
      return lastColdStarts;
    }
    ColdStartInputs in = load.coldStartInputs(limits.lambdaKeepAliveMinutes());
    // The rises' environments are a whole number, summed apart and added to the idle part once.
    double cold = in.idleColdStarts(k) + in.risingStarts(k * slowdown);
    lastColdFactor = k;
    lastColdSlowdown = slowdown;
    lastColdStarts = cold;
    return cold;
  }

  private List<Finding> warnings(Choice best) {
    List<Finding> found = new ArrayList<>(warnings);
    double requests = load.monthlyRequests;
    double coldShare = requests > 0 ? best.coldStarts() / requests : 0;
    double coldLatency = p99Ms * best.slowdown() + best.init().p99Ms();
    String initSource = "INIT p99 of " + best.init().tableRuntime() + " " + best.variant().packaging()
        + " " + best.variant().architecture().id() + " at " + Words.count(best.init().tableMemoryMb()) + " MB";
    if (maxLatencyMs.isPresent() && coldLatency > maxLatencyMs.getAsDouble() && best.coldStarts() > 0) {
      found.add(new Finding(Codes.COLD_START_LATENCY, "about " + Words.count(best.coldStarts())
          + " cold starts a month (" + Words.percent(coldShare) + " of requests) take "
          + Words.duration(coldLatency) + " (" + initSource + " added), above the "
          + Words.duration(maxLatencyMs.getAsDouble()) + " objective; rare enough to stay out of the p99"));
    } else if (maxLatencyMs.isEmpty() && service.invocation() == Invocation.SYNC && best.coldStarts() >= 1) {
      found.add(new Finding(Codes.COLD_START_LATENCY, "about " + Words.count(best.coldStarts())
          + " cold starts a month (" + Words.percent(coldShare) + " of requests) each add about "
          + Words.duration(best.init().p50Ms()) + " (" + initSource.replace("p99", "p50")
          + "; p99 " + Words.duration(best.init().p99Ms()) + ")"));
    }
    double peak = load.peakConcurrency * best.slowdown();
    if (peak > limits.lambdaConcurrencyQuota()) {
      found.add(new Finding(Codes.THROTTLING_RISK, "peak concurrency of about " + Words.count(peak)
          + " exceeds the default quota of " + Words.count(limits.lambdaConcurrencyQuota())
          + " concurrent executions per region; ask AWS to raise it before relying on Lambda"));
    }
    double perMinute = limits.lambdaScalingEnvironmentsPer10Seconds() * 6;
    double rise = load.largestRise * best.slowdown();
    if (rise > perMinute) {
      found.add(new Finding(Codes.THROTTLING_RISK, "concurrency rises by about " + Words.count(rise)
          + " within one minute; Lambda adds at most " + Words.count(limits.lambdaScalingEnvironmentsPer10Seconds())
          + " environments every 10 seconds (" + Words.count(perMinute) + " a minute), so part of the burst is throttled"));
    }
    return found;
  }
}
