package io.fitadvisor.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.fitadvisor.pricing.Architecture;
import io.fitadvisor.pricing.PricedDeployment;
import io.fitadvisor.workload.ContainerSpec;
import io.fitadvisor.workload.FrontDoor;
import io.fitadvisor.workload.Invocation;
import io.fitadvisor.workload.LoadSeries;
import io.fitadvisor.workload.LoadShape;
import io.fitadvisor.workload.Requirements;
import io.fitadvisor.workload.Service;
import io.fitadvisor.workload.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The fast paths of the container, LMI and hybrid models against the plain paths, to the bit:
 * concurrency levels, windows taken from spans and counted per level, tables per level instead
 * of per-minute divisions, unit-minutes summed as whole numbers, the hybrid's sparse overflow
 * pass (and its lower bounds, which must hold), and costs at other loads priced without cost lines.
 *
 * <p>The plain paths are what a load without levels takes ({@code new ServiceLoad(service,
 * series, false)}: float windows by {@link Windows#max}, per-minute loops), plus reference
 * computations kept here: the windowed maximum by its definition, the unit-minutes pass over the
 * distinct values in doubles, and the container choice at another load with a boxed sort and
 * the engine's priced lines.
 */
class ContainerFastPathProperties {
  private static final int KINDS = 12;
  private static final FitLimits LIMITS = FitLimits.builtIn();

  @Property(tries = 200)
  void maxOfShiftsMatchesTheDefinition(@ForAll @Size(min = 1, max = 50) int[] raw,
      @ForAll @IntRange(min = -120, max = 120) int shift1, @ForAll @IntRange(min = -120, max = 120) int shift2) {
    int[] x = Arrays.stream(raw).map(v -> v & Integer.MAX_VALUE).toArray();
    int n = x.length;
    int[] out = new int[n];
    Windows.maxOfShifts(x, shift1, shift2, out, new int[n]);
    for (int t = 0; t < n; t++) {
      assertThat(out[t]).isEqualTo(Math.max(x[Math.floorMod(t + shift1, n)], x[Math.floorMod(t + shift2, n)]));
    }
  }

  @Property(tries = 200)
  void clusterTaskRunsFollowTheMinutes(@ForAll @Size(min = 1, max = 60) int[] raw, @ForAll boolean longRuns) {
    // Few distinct counts, so runs of several minutes come up; with longRuns, each raw value is
    // a run of 1 to 32 minutes.
    int[] tasks = longRuns
        ? Arrays.stream(raw).flatMap(v -> java.util.stream.IntStream.generate(() -> v & 3).limit(1 + ((v >>> 2) & 31)))
            .toArray()
        : Arrays.stream(raw).map(v -> v & 3).toArray();
    List<Integer> starts = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    for (int t = 0; t < tasks.length; t++) {
      if (t == 0 || tasks[t] != tasks[t - 1]) {
        starts.add(t);
        counts.add(tasks[t]);
      }
    }
    starts.add(tasks.length);
    ContainerModel.ClusterTasks runs = ContainerModel.ClusterTasks.ofMinutes(Architecture.ARM64, 0.5, 512, tasks,
        List.of());
    assertThat(runs.runStart()).containsExactly(starts.stream().mapToInt(Integer::intValue).toArray());
    assertThat(runs.runTasks()).containsExactly(counts.stream().mapToInt(Integer::intValue).toArray());
    // In junk-filled scratch arrays, with the counts as levels of themselves: the same runs.
    int[] itself = java.util.stream.IntStream.rangeClosed(0, 3).toArray();
    ContainerModel.ClusterTasks inJunk = ContainerModel.ClusterTasks.ofLevels(Architecture.ARM64, 0.5, 512, tasks,
        itself, List.of(), MinuteArrays.poisoned());
    assertThat(inJunk.runStart()).containsExactly(runs.runStart());
    assertThat(inJunk.runTasks()).containsExactly(runs.runTasks());
  }

  @Property(tries = 60)
  void levelsOrderTheConcurrencyAndKeepItsValues(@ForAll @IntRange(min = 0, max = KINDS - 1) int kind,
      @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    LoadSeries series = LoadSeries.of(minutes(kind, random));
    ServiceLoad load = new ServiceLoad(service(random, series), series);
    float[] c = load.concurrency;
    // Built from the levels for whole counts and requests of at most a minute: still the series'.
    assertThat(c).containsExactly(series.concurrency(load.service.duration().meanMs()));
    if (!load.levels()) {
      // Only a series with a negative zero (or non-finite concurrency) keeps the float path.
      boolean negativeZero = false;
      for (float v : c) {
        negativeZero |= Float.floatToRawIntBits(v) == Integer.MIN_VALUE || !Float.isFinite(v);
      }
      assertThat(negativeZero).isTrue();
      return;
    }
    int[] levelOf = load.levelOf();
    float[] value = load.levelValue();
    int[] minutes = new int[value.length];
    for (int t = 0; t < c.length; t++) {
      assertThat(value[levelOf[t]]).isEqualTo(c[t]);
      minutes[levelOf[t]]++;
      if (load.levelRequests() != null) {
        assertThat(load.levelRequests()[levelOf[t]]).isEqualTo(load.requests[t]);
      }
    }
    for (int level = 1; level < value.length; level++) {
      assertThat(value[level]).isGreaterThanOrEqualTo(value[level - 1]);
    }
    assertThat(load.levelMinutes()).containsExactly(minutes);
    int[] blockMax = load.blockMaxLevel();
    for (int b = 0; b < blockMax.length; b++) {
      int top = 0;
      for (int t = b * ServiceLoad.BLOCK_MINUTES; t < Math.min(c.length, (b + 1) * ServiceLoad.BLOCK_MINUTES); t++) {
        top = Math.max(top, levelOf[t]);
      }
      assertThat(blockMax[b]).isGreaterThanOrEqualTo(top);
    }
  }

  @Property(tries = 80)
  void windowsEqualTheDefinitionAndThePlainWindows(@ForAll @IntRange(min = 0, max = KINDS - 1) int kind,
      @ForAll long seed, @ForAll @IntRange(min = -40, max = 10) int from,
      @ForAll @IntRange(min = 0, max = 70) int width) {
    SplittableRandom random = new SplittableRandom(seed);
    LoadSeries series = LoadSeries.of(minutes(kind, random));
    Service service = service(random, series);
    ServiceLoad load = new ServiceLoad(service, series);
    ServiceLoad.Window fast = load.window(from, from + width);
    ServiceLoad.Window plain = new ServiceLoad(service, series, false).window(from, from + width);
    float[] expected = Windows.max(load.concurrency, from, from + width);
    for (int t = 0; t < expected.length; t++) {
      assertThat(fast.valueAt(t) == expected[t]).isTrue();
      if (load.levels()) {
        assertThat(fast.valueAt(t)).isEqualTo(expected[t]);
      }
    }
    assertThat(fast.minutes()).isEqualTo(plain.minutes());
    assertThat(fast.sum()).isEqualTo(plain.sum());
    for (int i = 0; i < 6; i++) {
      double k = Math.pow(10, -3 + 6 * random.nextDouble());
      double capacity = Math.pow(10, -1 + 3 * random.nextDouble());
      int floor = random.nextInt(4);
      double reference = referenceUnitMinutes(expected, k, capacity, floor);
      assertThat(fast.unitMinutes(k, capacity, floor)).isEqualTo(reference);
      assertThat(plain.unitMinutes(k, capacity, floor)).isEqualTo(reference);
      assertThat(fast.peakUnits(k, capacity, floor)).isEqualTo(plain.peakUnits(k, capacity, floor));
      // The tables that replace per-minute divisions (scale-out lag, throttling, cluster tasks).
      long[] units = fast.unitsPerLevel(capacity, floor);
      for (int t = 0; t < expected.length; t++) {
        assertThat(units[fast.levelAt[t]]).isEqualTo(Math.max(floor, Capacity.units(expected[t], capacity)));
      }
    }
  }

  @Property(tries = 60)
  void hybridOverflowEqualsThePlainPassAndItsBoundHolds(@ForAll @IntRange(min = 0, max = KINDS - 1) int kind,
      @ForAll long seed, @ForAll @DoubleRange(min = -3, max = 3) double log10Share) {
    SplittableRandom random = new SplittableRandom(seed);
    LoadSeries series = LoadSeries.of(minutes(kind, random));
    Service service = service(random, series);
    ServiceLoad fast = new ServiceLoad(service, series);
    ServiceLoad plain = new ServiceLoad(service, series, false);
    // A task's share of the busiest minute, from a thousandth (many tasks) to a thousand times
    // (one task, and minutes that need none).
    double perTask = Math.max(1e-9, fast.peakConcurrency) * Math.pow(10, log10Share + random.nextDouble() - 0.5);
    HybridModel.OverflowLevels fastLevels = HybridModel.OverflowLevels.of(fast);
    HybridModel.OverflowLevels plainLevels = HybridModel.OverflowLevels.of(plain);
    double slowdown = 1 + random.nextDouble();
    int kMax = (int) Math.min(Capacity.units(fast.peakConcurrency, perTask), 1_000);
    for (int j = 0; j < 4; j++) {
      // Lambda's own keep-alive first, then others: the ring's slot order turns with t mod keep;
      // up to a skipped block's 16 minutes the ring is cleared after one, beyond the plain pass runs.
      int keep = j == 0 ? LIMITS.lambdaKeepAliveMinutes() : 1 + random.nextInt(20);
      double capacity = perTask * (1 + random.nextInt(Math.max(1, kMax + 1)));
      HybridModel.Overflow overflow = HybridModel.overflow(plain, capacity, keep, slowdown);
      assertThat(HybridModel.overflow(fast, capacity, keep, slowdown)).isEqualTo(overflow);
      assertThat(fastLevels.requestsAtMost(capacity)).isLessThanOrEqualTo(overflow.requests());
      assertThat(plainLevels.requestsAtMost(capacity)).isLessThanOrEqualTo(overflow.requests());
    }
  }

  @Property(tries = 40)
  void overflowLevelsAddEachLevelsRequestsInMinuteOrder(@ForAll @IntRange(min = 0, max = KINDS - 1) int kind,
      @ForAll long seed) {
    // Requests of 90 s: the levels are the concurrency's, and a level's minutes differ in requests.
    LoadSeries series = LoadSeries.of(minutes(kind, new SplittableRandom(seed)));
    ServiceLoad load = new ServiceLoad(Fixtures.python("svc").memoryMb(512).meanDurationMs(90_000)
        .load(LoadShape.recorded(series)).build(), series);
    if (load.constant || !load.levels()) {
      return;
    }
    assertThat(load.levelRequests()).isNull();
    int levels = load.levelValue().length;
    double[] perLevel = new double[levels];
    for (int t = 0; t < load.requests.length; t++) {
      perLevel[load.levelOf()[t]] += load.requests[t];
    }
    double[] above = new double[levels + 1];
    for (int level = levels - 1; level >= 0; level--) {
      above[level] = above[level + 1] + perLevel[level];
    }
    assertThat(HybridModel.OverflowLevels.of(load).requestsAbove()).containsExactly(above);
  }

  @Property(tries = 60)
  void theHybridsBoundedSearchFindsTheCheapestK(@ForAll @IntRange(min = 0, max = KINDS - 1) int kind,
      @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    LoadSeries series = LoadSeries.of(minutes(kind, random));
    Service service = service(random, series);
    ServiceLoad load = new ServiceLoad(service, series);
    Models models = new Models(load, Fixtures.ON_DEMAND);
    // Pricing every k is the definition; a month-long pass each, so only for modest peaks.
    if (models.lambda.chosen().isPresent() && load.peakConcurrency < 300) {
      HybridModel everyK = new HybridModel(load, Fixtures.ON_DEMAND, LIMITS, models.frontDoors, models.lambda,
          models.containers.get(0), models.containers.get(2), true);
      assertThat(models.hybrid.option()).isEqualTo(everyK.option());
    }
  }

  @Example
  void theOverflowBoundHoldsWhenLoadedMinutesNeedNoTask() {
    // One request in most minutes, 80,000 in a few: with a task serving a million times one
    // minute's concurrency, the quiet minutes need 0 tasks (within Capacity.EPSILON) and overflow
    // nothing, though they have load.
    float[] x = new float[LoadSeries.MINUTES_PER_MONTH];
    Arrays.fill(x, 1);
    for (int t = 0; t < x.length; t += 5_000) {
      x[t] = 80_000;
    }
    LoadSeries series = LoadSeries.of(x);
    Service service = Fixtures.python("svc").memoryMb(512).meanDurationMs(100)
        .load(LoadShape.recorded(series)).build();
    ServiceLoad fast = new ServiceLoad(service, series);
    assertThat(fast.levels()).isTrue();
    assertThat(fast.levelRequests()).isNotNull();
    double quiet = fast.concurrency[1];
    HybridModel.OverflowLevels levels = HybridModel.OverflowLevels.of(fast);
    for (double capacity : new double[] {quiet * 1.01e6, quiet * 3, quiet * (1 + 1e-7), quiet / 2}) {
      HybridModel.Overflow overflow = HybridModel.overflow(fast, capacity, 5, 1);
      assertThat(levels.requestsAtMost(capacity)).isLessThanOrEqualTo(overflow.requests())
          .isGreaterThanOrEqualTo(overflow.requests() * (1 - 1e-8));
    }
  }

  @Example
  void theOverflowsRingIsSummedInSlotOrder() {
    // Counts of 100 to 112 in an irregular order and a baseline just below the quietest minute:
    // every minute overflows by a few requests with a fraction, so the five recent minutes sum
    // to 5 to 80 (exp(-recent) still counts) and the order of their additions shows in the last
    // bits of the cold starts.
    float[] x = new float[LoadSeries.MINUTES_PER_MONTH];
    for (int t = 0; t < x.length; t++) {
      x[t] = 100 + (int) ((t * 7919L) % 13);
    }
    LoadSeries series = LoadSeries.of(x);
    Service service = Fixtures.python("svc").memoryMb(512).meanDurationMs(100)
        .load(LoadShape.recorded(series)).build();
    ServiceLoad fast = new ServiceLoad(service, series);
    ServiceLoad plain = new ServiceLoad(service, series, false);
    double quietest = 100 * 0.1 / 60; // 100 requests of 100 ms in a minute
    for (int keep = 1; keep <= 7; keep++) {
      for (double share : new double[] {0.9, 0.97, 0.99}) {
        assertThat(HybridModel.overflow(fast, quietest * share, keep, 1.25))
            .isEqualTo(HybridModel.overflow(plain, quietest * share, keep, 1.25));
      }
    }
  }

  @Property(tries = 40)
  void optionsEqualThoseOfThePlainPaths(@ForAll @IntRange(min = 0, max = KINDS - 1) int kind,
      @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    LoadSeries series = LoadSeries.of(minutes(kind, random));
    Service service = service(random, series);
    AdviceContext context = random.nextBoolean() ? Fixtures.ON_DEMAND
        : AdviceContext.of(Fixtures.CATALOG.region("eu-west-1"));
    Models fast = new Models(new ServiceLoad(service, series), context);
    Models plain = new Models(new ServiceLoad(service, series, false), context);
    ServiceAdvice advice = Fixtures.ADVISOR.advise(service, series, context);
    for (Target target : List.of(Target.LAMBDA_MANAGED_INSTANCES, Target.FARGATE, Target.FARGATE_SPOT,
        Target.ECS_EC2, Target.HYBRID)) {
      assertThat(advice.option(target)).isEqualTo(plain.option(target));
      assertThat(fast.option(target)).isEqualTo(plain.option(target));
    }
    for (int i = 0; i < 3; i++) {
      ContainerModel a = fast.containers.get(i);
      ContainerModel b = plain.containers.get(i);
      if (a.feasible()) {
        assertThat(a.computeMonthlyCostUsd()).isEqualTo(b.computeMonthlyCostUsd());
      }
      for (Architecture architecture : Architecture.values()) {
        Optional<ContainerModel.ClusterTasks> x = a.clusterTasks(architecture);
        Optional<ContainerModel.ClusterTasks> y = b.clusterTasks(architecture);
        assertThat(x.isPresent()).isEqualTo(y.isPresent());
        if (x.isPresent()) {
          assertThat(x.get().runStart()).containsExactly(y.get().runStart());
          assertThat(x.get().runTasks()).containsExactly(y.get().runTasks());
          assertThat(x.get().fits()).isEqualTo(y.get().fits());
          assertThat(x.get().taskVcpu()).isEqualTo(y.get().taskVcpu());
          assertThat(x.get().taskMemoryMb()).isEqualTo(y.get().taskMemoryMb());
        }
      }
    }
    if (fast.lmi.option().feasible()) {
      assertThat(fast.lmi.computeMonthlyCostUsd()).isEqualTo(plain.lmi.computeMonthlyCostUsd());
    }
    if (fast.hybrid.option().feasible()) {
      assertThat(fast.hybrid.containerMonthlyCostUsd()).isEqualTo(plain.hybrid.containerMonthlyCostUsd());
      assertThat(fast.hybrid.overflowDeployment()).isEqualTo(plain.hybrid.overflowDeployment());
    }
    for (int i = 0; i < 8; i++) {
      double k = Math.pow(10, -4 + 8 * random.nextDouble());
      assertThat(fast.lmi.monthlyCostUsd(k)).isEqualTo(plain.lmi.monthlyCostUsd(k));
      for (int j = 0; j < 3; j++) {
        assertThat(fast.containers.get(j).monthlyCostUsd(k)).isEqualTo(plain.containers.get(j).monthlyCostUsd(k));
      }
    }
  }

  @Property(tries = 40)
  void costsAtOtherLoadsEqualTheLinePricedChoice(@ForAll @IntRange(min = 0, max = KINDS - 1) int kind,
      @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    LoadSeries series = LoadSeries.of(minutes(kind, random));
    Service service = service(random, series);
    ServiceLoad load = new ServiceLoad(service, series);
    FrontDoors frontDoors = new FrontDoors(load, Fixtures.ON_DEMAND);
    for (Target target : List.of(Target.FARGATE, Target.FARGATE_SPOT, Target.ECS_EC2)) {
      ContainerModel model = new ContainerModel(target, load, Fixtures.ON_DEMAND, LIMITS, frontDoors);
      if (!model.feasible()) {
        continue;
      }
      for (int i = 0; i < 6; i++) {
        double k = i == 0 ? 1.0 : Math.pow(10, -4 + 8 * random.nextDouble());
        assertThat(model.monthlyCostUsd(k)).isEqualTo(referenceMonthlyCostUsd(model, frontDoors, k));
      }
    }
    LmiModel lmi = new LmiModel(load, Fixtures.ON_DEMAND, LIMITS, frontDoors);
    if (lmi.option().feasible()) {
      for (int i = 0; i < 6; i++) {
        double k = i == 0 ? 1.0 : Math.pow(10, -4 + 8 * random.nextDouble());
        assertThat(lmi.monthlyCostUsd(k)).isEqualTo(referenceMonthlyCostUsd(lmi, load, frontDoors, k));
      }
    }
    for (int i = 0; i < 6; i++) {
      double k = Math.pow(10, -4 + 8 * random.nextDouble());
      for (boolean lambdaTarget : new boolean[] {false, true}) {
        assertThat(frontDoors.monthlyCostUsd(lambdaTarget, k))
            .isEqualTo(frontDoors.price(lambdaTarget, k).map(PricedDeployment::monthlyCostUsd).orElse(0.0));
      }
    }
  }

  /** The models of one service on one load, as the advisor builds them. */
  private static final class Models {
    final FrontDoors frontDoors;
    final LambdaModel lambda;
    final LmiModel lmi;
    final List<ContainerModel> containers = new ArrayList<>();
    final HybridModel hybrid;

    Models(ServiceLoad load, AdviceContext context) {
      frontDoors = new FrontDoors(load, context);
      lambda = new LambdaModel(load, context, LIMITS, ColdStarts.builtIn(), frontDoors);
      lmi = new LmiModel(load, context, LIMITS, frontDoors);
      for (Target target : List.of(Target.FARGATE, Target.FARGATE_SPOT, Target.ECS_EC2)) {
        containers.add(new ContainerModel(target, load, context, LIMITS, frontDoors));
      }
      hybrid = new HybridModel(load, context, LIMITS, frontDoors, lambda, containers.get(0), containers.get(2));
    }

    TargetOption option(Target target) {
      switch (target) {
        case LAMBDA_MANAGED_INSTANCES:
          return lmi.option();
        case HYBRID:
          return hybrid.option();
        default:
          return containers.get(target.ordinal() - Target.FARGATE.ordinal()).option();
      }
    }
  }

  /**
   * The unit-minutes of a per-minute series as the window counts them, in doubles: the distinct
   * values ascending with their minutes, then either a binary search per unit above the floor or
   * one pass over the distinct values, whichever takes fewer steps.
   */
  static double referenceUnitMinutes(float[] perMinute, double k, double capacity, int floor) {
    float[] sorted = perMinute.clone();
    Arrays.sort(sorted);
    float[] values = new float[sorted.length];
    int[] counts = new int[sorted.length];
    int distinct = 0;
    for (float v : sorted) {
      if (distinct > 0 && values[distinct - 1] == v) {
        counts[distinct - 1]++;
      } else {
        values[distinct] = v;
        counts[distinct++] = 1;
      }
    }
    int[] above = new int[distinct + 1];
    for (int i = distinct - 1; i >= 0; i--) {
      above[i] = above[i + 1] + counts[i];
    }
    long peakUnits = Math.max(floor, Capacity.units(k * values[distinct - 1], capacity));
    double log = 32 - Integer.numberOfLeadingZeros(distinct);
    double total = 0;
    if ((peakUnits - floor) * log < distinct) {
      total = (double) floor * perMinute.length;
      for (long j = Math.max(floor, 0); j < peakUnits; j++) {
        double threshold = (j + Capacity.EPSILON) * capacity / k;
        int above1 = 0;
        for (int i = 0; i < distinct; i++) {
          if (values[i] > threshold) {
            above1 = above[i];
            break;
          }
        }
        total += above1;
      }
      return total;
    }
    double perValue = k / capacity;
    for (int i = 0; i < distinct; i++) {
      double units = values[i] * perValue;
      long whole = units <= Capacity.EPSILON ? 0 : (long) Math.ceil(units - Capacity.EPSILON);
      total += (double) Math.max(floor, whole) * counts[i];
    }
    return total;
  }

  /**
   * A container model's cost at load factor {@code k} by its definition: every unit's
   * unit-minutes, the cheapest unit (the first on a tie), its hours priced with cost lines, plus
   * the front door priced with cost lines.
   */
  static double referenceMonthlyCostUsd(ContainerModel model, FrontDoors frontDoors, double k) {
    List<ContainerModel.Unit> units = model.units();
    ServiceLoad.Window window = model.window();
    int best = -1;
    double bestUnitMinutes = 0;
    double bestUsd = Double.POSITIVE_INFINITY;
    for (int i = 0; i < units.size(); i++) {
      ContainerModel.Unit unit = units.get(i);
      double unitMinutes = window.unitMinutes(k, unit.capacity() * model.utilization(), unit.floor());
      double usd = unitMinutes / 60 * unit.hourlyUsd();
      if (usd < bestUsd) {
        bestUsd = usd;
        best = i;
        bestUnitMinutes = unitMinutes;
      }
    }
    PricedDeployment compute = Fixtures.ON_DEMAND.engine().price(
        model.deployment(units.get(best), bestUnitMinutes / 60), Fixtures.ON_DEMAND.terms());
    return compute.monthlyCostUsd()
        + frontDoors.price(false, k).map(PricedDeployment::monthlyCostUsd).orElse(0.0);
  }

  /**
   * Lambda Managed Instances' cost at load factor {@code k}: every unit tried in order (the first
   * cheapest wins), plus the requests and the front door priced with cost lines.
   */
  static double referenceMonthlyCostUsd(LmiModel model, ServiceLoad load, FrontDoors frontDoors, double k) {
    double best = 0;
    boolean first = true;
    for (LmiModel.Unit unit : model.units()) {
      double minutes = model.window().unitMinutes(k, unit.capacity() * LIMITS.lmiTargetUtilization(),
          LIMITS.lmiMinInstances());
      double usd = minutes / 60 * unit.hourlyUsd();
      if (first || usd < best) {
        best = usd;
        first = false;
      }
    }
    double requests = k * load.monthlyRequests / 1_000_000
        * Fixtures.US_EAST_1.lambdaManagedInstances().requestsPerMillionUsd();
    return best + requests + frontDoors.price(true, k).map(PricedDeployment::monthlyCostUsd).orElse(0.0);
  }

  /**
   * A month of per-minute counts: the kinds of {@link FastPathProperties#minutes} (0 to 6), and
   * 7 big whole counts (beyond the count table: sorted levels), 8 a noisy daily trace with
   * spikes (the benchmark's shape), 9 some minutes of negative zero (no levels), 10 halves
   * (fractional: sorted levels), 11 smooth whole counts in long runs.
   */
  static float[] minutes(int kind, SplittableRandom random) {
    if (kind < 7) {
      return FastPathProperties.minutes(kind, random);
    }
    float[] x = new float[LoadSeries.MINUTES_PER_MONTH];
    double scale = Math.pow(10, -1 + 3 * random.nextDouble());
    for (int t = 0; t < x.length; t++) {
      double day = 1 + 0.75 * Math.cos(2 * Math.PI * (t % 1440) / 1440.0);
      double v = switch (kind) {
        case 7 -> Math.rint(1e5 * scale * (1 + random.nextDouble()));
        case 8 -> Math.rint(60 * scale * day * (0.8 + 0.4 * random.nextDouble())
            * (random.nextInt(500) == 0 ? 5 : 1));
        case 9 -> random.nextInt(50) == 0 ? -0.0 : Math.rint(10 * scale * random.nextDouble());
        case 10 -> 0.5 * random.nextInt((int) (20 * scale) + 2);
        default -> Math.rint(20 * scale * day);
      };
      x[t] = (float) v;
    }
    return x;
  }

  /**
   * A random service: runtime, memory, CPU share, front door, invocation, durations (a quarter
   * of them longer than a minute, so that concurrency mixes minutes), latency objective, Spot
   * permission, architectures and, for a third, a container block.
   */
  static Service service(SplittableRandom random, LoadSeries series) {
    String[] runtimes = {"python3.12", "java21", "nodejs22.x", "provided.al2023", "python3.13"};
    Invocation[] invocations = {Invocation.SYNC, Invocation.ASYNC, Invocation.QUEUE, Invocation.SCHEDULE};
    double meanMs = random.nextInt(4) == 0 ? 60_000 + random.nextInt(600_000) : 5 + random.nextInt(3_000);
    Service.Builder builder = Service.builder("svc")
        .runtime(runtimes[random.nextInt(runtimes.length)])
        .memoryMb(128 + random.nextInt(8_000))
        .cpuFraction(0.05 + 0.95 * random.nextDouble())
        .frontDoor(FrontDoor.values()[random.nextInt(FrontDoor.values().length)])
        .invocation(invocations[random.nextInt(invocations.length)])
        .requestKb(random.nextInt(600))
        .responseKb(random.nextInt(200))
        .meanDurationMs(meanMs)
        .p99DurationMs(meanMs * (1 + 3 * random.nextDouble()))
        .maxDurationMs(meanMs * 5)
        .load(LoadShape.recorded(series));
    if (random.nextBoolean()) {
      builder.architectures(EnumSet.allOf(io.fitadvisor.workload.Architecture.class));
    }
    boolean latency = random.nextInt(3) == 0;
    builder.requirements(new Requirements(random.nextInt(10) == 0, false, random.nextBoolean(),
        latency ? OptionalDouble.of(meanMs * (2 + 10 * random.nextDouble())) : OptionalDouble.empty()));
    if (random.nextInt(3) == 0) {
      ContainerSpec.Builder container = ContainerSpec.builder().minTasks(random.nextInt(4))
          .targetUtilization(0.3 + 0.7 * random.nextDouble());
      if (random.nextBoolean()) {
        container.concurrency(1 + random.nextInt(50));
      }
      if (random.nextInt(3) == 0) {
        container.startupSeconds(random.nextInt(400));
      }
      builder.container(container.build());
    }
    return builder.build();
  }
}
