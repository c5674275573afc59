package io.fitadvisor.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.fitadvisor.workload.Application;
import io.fitadvisor.workload.FrontDoor;
import io.fitadvisor.workload.LoadSeries;
import io.fitadvisor.workload.LoadShape;
import io.fitadvisor.workload.Service;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * The fast paths against plain reference computations written straight from the definitions in
 * docs/ADVISOR.md. The fast path keeps the reference's arithmetic order (it only leaves out factors
 * that are exactly 1 and minutes that add exactly nothing), so the results must be equal to the bit.
 */
class FastPathProperties {
  private static final int KEEP_ALIVE_MINUTES = FitLimits.builtIn().lambdaKeepAliveMinutes();

  @Property(tries = 40)
  void idleColdStartsEqualThePerMinuteReference(@ForAll @IntRange(min = 0, max = 6) int kind,
      @ForAll long seed, @ForAll @DoubleRange(min = -6, max = 3) double log10Factor, @ForAll boolean longRequests) {
    LoadSeries series = LoadSeries.of(minutes(kind, new SplittableRandom(seed)));
    // Requests of at most a minute level the load by its counts (the dense pass reads each
    // level's factor); longer ones level it by concurrency (the dense pass reads the counts).
    double meanMs = longRequests ? 90_000 : 100;
    ServiceLoad load = new ServiceLoad(Fixtures.python("svc").memoryMb(512).meanDurationMs(meanMs)
        .load(LoadShape.recorded(series)).build(), series);
    double k = Math.pow(10, log10Factor);
    ColdStartInputs inputs = load.coldStartInputs(KEEP_ALIVE_MINUTES);
    assertThat(inputs.idleColdStarts(k)).isEqualTo(referenceIdle(load, KEEP_ALIVE_MINUTES, k));
    // A second factor on the same inputs reuses the scratch arrays: still equal.
    assertThat(inputs.idleColdStarts(k * 3)).isEqualTo(referenceIdle(load, KEEP_ALIVE_MINUTES, k * 3));
    // The upper bound, from the minutes counted by recent requests now that they are.
    for (double factor : new double[] {k / 7, k, k * 3, k * 50}) {
      assertThat(inputs.idleUpperBound(factor)).isGreaterThanOrEqualTo(inputs.idleColdStarts(factor));
    }
  }

  @Example
  void oneIfPositiveIsTheComparisonWithoutABranch() {
    float[] positive = {Float.MIN_VALUE, Float.MIN_NORMAL, 0.5f, 1, 3e9f, Float.MAX_VALUE, Float.POSITIVE_INFINITY};
    float[] notPositive = {0f, -0f, -Float.MIN_VALUE, -1, -Float.MAX_VALUE, Float.NEGATIVE_INFINITY};
    for (float x : positive) {
      assertThat(ColdStartInputs.oneIfPositive(x)).as("%s", x).isEqualTo(1);
    }
    for (float x : notPositive) {
      assertThat(ColdStartInputs.oneIfPositive(x)).as("%s", x).isEqualTo(0);
    }
  }

  @Example
  void theFirstMinutesLookBackIntoTheMonthsEnd() {
    // 1 to 7 requests a minute, a different count in each of the month's last five minutes:
    // minute 0's window is exactly those, in order, for whole counts (the table) and for
    // fractional ones (one exponential a minute).
    for (float fraction : new float[] {0, 0.5f}) {
      float[] x = new float[LoadSeries.MINUTES_PER_MONTH];
      for (int t = 0; t < x.length; t++) {
        x[t] = 1 + (t * 31 % 7) + fraction;
      }
      LoadSeries series = LoadSeries.of(x);
      ServiceLoad load = new ServiceLoad(Fixtures.python("svc").memoryMb(512).meanDurationMs(100)
          .load(LoadShape.recorded(series)).build(), series);
      ColdStartInputs inputs = load.coldStartInputs(KEEP_ALIVE_MINUTES);
      for (double k : new double[] {0.05, 0.3, 1.1}) {
        assertThat(inputs.idleColdStarts(k)).isEqualTo(referenceIdle(load, KEEP_ALIVE_MINUTES, k));
      }
    }
  }

  @Property(tries = 40)
  void peakAndLargestRiseAreThoseOfTheMinutes(@ForAll @IntRange(min = 0, max = 6) int kind, @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 2_000_000) int meanMs) {
    LoadSeries series = LoadSeries.of(minutes(kind, new SplittableRandom(seed)));
    ServiceLoad load = new ServiceLoad(Fixtures.python("svc").memoryMb(512).meanDurationMs(meanMs)
        .load(LoadShape.recorded(series)).build(), series);
    float[] c = load.concurrency;
    double peak = 0;
    double rise = 0;
    for (int t = 0; t < c.length; t++) {
      peak = Math.max(peak, c[t]);
      // The month repeats: minute 0 rises from the month's last minute.
      rise = Math.max(rise, c[t] - c[t == 0 ? c.length - 1 : t - 1]);
    }
    assertThat(load.peakConcurrency).isEqualTo(peak);
    assertThat(load.largestRise).isEqualTo(rise);
  }

  @Example
  void theQuietestWindowIsFoundWhereverItEnds() {
    // Ten requests a minute but one in the five minutes before t0: the only window of 5
    // requests, ending at each position of the four running minima in turn.
    for (int t0 = 1_000; t0 < 1_004; t0++) {
      float[] x = new float[LoadSeries.MINUTES_PER_MONTH];
      Arrays.fill(x, 10);
      Arrays.fill(x, t0 - 5, t0, 1);
      LoadSeries series = LoadSeries.of(x);
      ServiceLoad load = new ServiceLoad(Fixtures.python("svc").memoryMb(512).meanDurationMs(100)
          .load(LoadShape.recorded(series)).build(), series);
      ColdStartInputs inputs = load.coldStartInputs(KEEP_ALIVE_MINUTES);
      assertThat(inputs.minRecentRequests).isEqualTo(5.0);
      assertThat(inputs.recentRequests()).containsExactly(Windows.sum(x, -KEEP_ALIVE_MINUTES, -1));
    }
  }

  @Example
  void wholeCountsTakeALowAndAHighExponential() {
    // Counts from 1 to 3,001 in an irregular order (no daily pattern): most have a high part, and
    // at these factors the quiet minutes are many, so the one pass over the month sums them.
    float[] x = new float[LoadSeries.MINUTES_PER_MONTH];
    for (int t = 0; t < x.length; t++) {
      x[t] = 1 + (int) ((t * 7919L) % 3001);
    }
    LoadSeries series = LoadSeries.of(x);
    // Leveled by the counts (requests of 100 ms) and by the concurrency (requests of 90 s).
    for (double meanMs : new double[] {100, 90_000}) {
      ServiceLoad load = new ServiceLoad(Fixtures.python("svc").memoryMb(512).meanDurationMs(meanMs)
          .load(LoadShape.recorded(series)).build(), series);
      ColdStartInputs inputs = load.coldStartInputs(KEEP_ALIVE_MINUTES);
      for (double k : new double[] {1e-4, 7e-4, 3e-3}) {
        assertThat(inputs.idleColdStarts(k)).isEqualTo(referenceIdle(load, KEEP_ALIVE_MINUTES, k));
      }
    }
  }

  @Property(tries = 60)
  void risingStartsEqualTheMinuteByMinuteSum(@ForAll @IntRange(min = 0, max = 6) int kind,
      @ForAll long seed, @ForAll @DoubleRange(min = -3, max = 5) double log10Scale,
      @ForAll @IntRange(min = 1, max = 2000) int meanMs) {
    LoadSeries series = LoadSeries.of(minutes(kind, new SplittableRandom(seed)));
    ServiceLoad load = new ServiceLoad(Fixtures.python("svc").memoryMb(512).meanDurationMs(meanMs)
        .load(LoadShape.recorded(series)).build(), series);
    ColdStartInputs inputs = load.coldStartInputs(KEEP_ALIVE_MINUTES);
    double scale = Math.pow(10, log10Scale);
    assertThat(inputs.risingStarts(scale)).isEqualTo(referenceRising(load, KEEP_ALIVE_MINUTES, scale));
    // Whole numbers just above and below a threshold: scales that put the largest rise on one.
    double onTheLargest = 3 / (double) inputs.largestRisingConcurrency;
    for (double s : new double[] {onTheLargest, Math.nextUp(onTheLargest), Math.nextDown(onTheLargest)}) {
      assertThat(inputs.risingStarts(s)).isEqualTo(referenceRising(load, KEEP_ALIVE_MINUTES, s));
    }
    assertThat(inputs.risingStarts(scale)).isLessThanOrEqualTo(inputs.risingUpperBound(scale));
    if (!load.constant) {
      // The inputs' own window sums are the general sliding sums, bit for bit, and the rising
      // minutes those above the general windowed maximum, with it as their pool.
      double[] sums = Windows.sum(load.requests, -KEEP_ALIVE_MINUTES, -1);
      assertThat(inputs.recentRequests()).containsExactly(sums);
      assertThat(inputs.minRecentRequests).isEqualTo(Math.max(0, java.util.Arrays.stream(sums).min().orElseThrow()));
      float[] pool = Windows.max(load.concurrency, -KEEP_ALIVE_MINUTES, -1);
      List<Integer> rising = new ArrayList<>();
      List<Float> poolAtRise = new ArrayList<>();
      for (int t = 0; t < pool.length; t++) {
        if (load.concurrency[t] > pool[t]) {
          rising.add(t);
          poolAtRise.add(pool[t]);
        }
      }
      // From the concurrency levels and, without them, from the floats alike.
      ColdStartInputs plain = new ServiceLoad(load.service, series, false).coldStartInputs(KEEP_ALIVE_MINUTES);
      for (ColdStartInputs built : List.of(inputs, plain)) {
        assertThat(built.risingMinutes).containsExactly(rising.stream().mapToInt(Integer::intValue).toArray());
        assertThat(built.poolAtRise).hasSize(poolAtRise.size());
        for (int i = 0; i < poolAtRise.size(); i++) {
          assertThat(built.poolAtRise[i]).isEqualTo(poolAtRise.get(i));
        }
      }
    }
  }

  @Property(tries = 40)
  void loadBalancerCapacityUnitsFromLevelsEqualThePerMinuteSum(@ForAll @IntRange(min = 0, max = 6) int kind,
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 2000) int meanMs,
      @ForAll @IntRange(min = 0, max = 300) int kilobytes, @ForAll boolean functionUrl,
      @ForAll boolean lambdaFirst) {
    LoadSeries series = LoadSeries.of(minutes(kind, new SplittableRandom(seed)));
    // Behind an ALB both sides are load balanced (one pass works out both); behind a function URL
    // only the containers are.
    Service service = Fixtures.python("svc").memoryMb(512).meanDurationMs(meanMs).requestKb(kilobytes)
        .responseKb(kilobytes).frontDoor(functionUrl ? FrontDoor.FUNCTION_URL : FrontDoor.ALB)
        .load(LoadShape.recorded(series)).build();
    FrontDoors leveled = new FrontDoors(new ServiceLoad(service, series), Fixtures.ON_DEMAND);
    FrontDoors plain = new FrontDoors(new ServiceLoad(service, series, false), Fixtures.ON_DEMAND);
    ServiceLoad load = new ServiceLoad(service, series);
    for (boolean lambdaTarget : lambdaFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
      // The definition, minute by minute: the largest of new connections / 25 a second, active
      // connections / 3,000 and GB an hour / (0.4 for Lambda targets, else 1).
      double gbPerLcu = lambdaTarget ? 0.4 : 1.0;
      // A steady load's every minute is alike: its average is its first minute's.
      int minutes = load.constant ? 1 : load.requests.length;
      double sum = 0;
      for (int t = 0; t < minutes; t++) {
        double r = load.requests[t];
        sum += Math.max(r / 60.0 / 25, Math.max(load.concurrency[t] / 3_000.0,
            r * 60.0 * (2.0 * kilobytes) / (1024.0 * 1024.0) / gbPerLcu));
      }
      double expected = sum / minutes;
      assertThat(leveled.averageLcu(lambdaTarget)).isEqualTo(expected);
      assertThat(plain.averageLcu(lambdaTarget)).isEqualTo(expected);
    }
  }

  @Property(tries = 60)
  void overrunIsTheMinutesAboveWhatTheRunningUnitsServe(@ForAll @IntRange(min = 0, max = 6) int kind,
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 2000) int meanMs,
      @ForAll @DoubleRange(min = -2, max = 0.5) double log10Share, @ForAll @IntRange(min = 0, max = 3) int floor,
      @ForAll @IntRange(min = 0, max = 20) int lag) {
    LoadSeries series = LoadSeries.of(minutes(kind, new SplittableRandom(seed)));
    Service service = Fixtures.python("svc").memoryMb(512).meanDurationMs(meanMs).load(LoadShape.recorded(series))
        .build();
    ServiceLoad leveled = new ServiceLoad(service, series);
    ServiceLoad plain = new ServiceLoad(service, series, false);
    double capacity = Math.max(1e-9, leveled.peakConcurrency) * Math.pow(10, log10Share);
    double unitCapacity = capacity * 1.25;
    // The definition, minute by minute: the units running for the window's value (at least the
    // floor) serve units x unit capacity x (1 + EPSILON); a minute above that is over. With a lag,
    // minute t meets the units of minute t - lag (the month repeats).
    float[] windowed = Windows.max(leveled.concurrency, -15, -3);
    int n = windowed.length;
    int minutes = 0;
    double requests = 0;
    int lagged = 0;
    double laggedRequests = 0;
    for (int t = 0; t < n; t++) {
      if (leveled.concurrency[t] > served(windowed[t], capacity, floor, unitCapacity)) {
        minutes++;
        requests += leveled.requests[t];
      }
      if (leveled.concurrency[t] > served(windowed[Math.floorMod(t - lag, n)], capacity, floor, unitCapacity)) {
        lagged++;
        laggedRequests += leveled.requests[t];
      }
    }
    for (ServiceLoad load : List.of(leveled, plain)) {
      ServiceLoad.Window window = load.window(-15, -3);
      assertThat(load.overrun(window, capacity, floor, unitCapacity))
          .isEqualTo(new ServiceLoad.Overrun(minutes, requests));
      long[] running = window.unitsPerLevel(capacity, floor);
      double[] bound = new double[running.length];
      for (int level = 0; level < running.length; level++) {
        bound[level] = running[level] * unitCapacity * (1 + Capacity.EPSILON);
      }
      assertThat(load.minutesAbove(window, bound, lag)).isEqualTo(new ServiceLoad.Overrun(lagged, laggedRequests));
    }
  }

  /** What the units running for a window's value serve: max(floor, units) x unit capacity x (1 + EPSILON). */
  private static double served(float windowValue, double capacity, int floor, double unitCapacity) {
    return Math.max(floor, Capacity.units(windowValue, capacity)) * unitCapacity * (1 + Capacity.EPSILON);
  }

  @Property(tries = 30)
  void theRadixSortSortsLikeTheLibrary(@ForAll long seed, @ForAll @IntRange(min = 0, max = 5000) int n) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = switch (random.nextInt(4)) {
        case 0 -> 0f;
        case 1 -> (float) random.nextInt(50); // many equal values
        case 2 -> (float) (random.nextDouble() * 1e-30);
        default -> (float) (Math.pow(10, 8 * random.nextDouble() - 2));
      };
    }
    float[] expected = values.clone();
    java.util.Arrays.sort(expected);
    assertThat(FloatSort.ascending(values)).isEqualTo(expected);
  }

  /**
   * The rises' environments by their definition (docs/ADVISOR.md): over every minute whose
   * concurrency is above the previous K minutes' peak, the environments the scaled concurrency
   * needs beyond {@code max(1, environments of the scaled peak)}.
   */
  static double referenceRising(ServiceLoad load, int window, double scale) {
    float[] c = load.concurrency;
    int n = c.length;
    double started = 0;
    for (int t = 0; t < n; t++) {
      float pool = 0;
      for (int j = 1; j <= window; j++) {
        pool = Math.max(pool, c[Math.floorMod(t - j, n)]);
      }
      if (c[t] > pool) {
        long now = Capacity.units(scale * c[t], 1);
        long warm = Math.max(1, Capacity.units(scale * pool, 1));
        started += Math.max(0, now - warm);
      }
    }
    return started;
  }

  @Property(tries = 5)
  void theParallelApplicationAdviceEqualsServiceByServiceAdvice(@ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Application.Builder builder = Application.builder().name("many").region("us-east-1");
    List<Service> services = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      LoadSeries series = LoadSeries.of(minutes(i % 7, random.split()));
      Service service = Fixtures.python("svc-" + i).memoryMb(128 << (i % 4))
          .meanDurationMs(20 + 40 * (i % 5)).load(LoadShape.recorded(series)).build();
      services.add(service);
      builder.service(service);
    }
    Application application = builder.build();
    Advice advice = Fixtures.ADVISOR.advise(application);
    AdviceContext context = Fixtures.ADVISOR.context(application);
    List<ServiceEvaluation> sequential = new ArrayList<>();
    for (int i = 0; i < services.size(); i++) {
      Service service = services.get(i);
      ServiceEvaluation evaluation = Fixtures.ADVISOR.evaluate(service, Fixtures.series(service), context);
      sequential.add(evaluation);
      assertThat(advice.services().get(i)).isEqualTo(evaluation.advice());
    }
    assertThat(advice.plan()).isEqualTo(Fixtures.ADVISOR.plan(sequential, context));
  }

  /**
   * An evaluation in reused arrays, each filled with junk when handed out, equals one in new
   * (zeroed) arrays: no pass reads an element it has not written. The services cover the ways
   * levels are built (whole counts, runs of long requests, the sort for fractional counts).
   */
  @Property(tries = 6)
  void evaluationsInReusedJunkFilledArraysEqualThoseInNewArrays(@ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Application.Builder builder = Application.builder().name("reuse").region("us-east-1");
    List<Service> services = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      LoadSeries series = LoadSeries.of(minutes(i, random.split()));
      // Kind 5 (one burst a day) with 10-minute requests: the levels come from runs.
      double meanMs = i == 5 ? 600_000 : 20 + 40 * i;
      Service service = Fixtures.python("svc-" + i).memoryMb(128 << (i % 4)).meanDurationMs(meanMs)
          .load(LoadShape.recorded(series)).build();
      services.add(service);
      builder.service(service);
    }
    AdviceContext context = Fixtures.ADVISOR.context(builder.build());
    MinuteArrays reused = MinuteArrays.poisoned();
    List<ServiceEvaluation> inNew = new ArrayList<>();
    List<ServiceEvaluation> inReused = new ArrayList<>();
    for (Service service : services) {
      LoadSeries series = Fixtures.series(service);
      inNew.add(Fixtures.ADVISOR.evaluate(service, series, context, true, MinuteArrays.fresh()));
      try (MinuteArrays arrays = reused) {
        inReused.add(Fixtures.ADVISOR.evaluate(service, series, context, true, arrays));
      }
      assertThat(inReused.get(inReused.size() - 1).advice()).isEqualTo(inNew.get(inNew.size() - 1).advice());
    }
    assertThat(Fixtures.ADVISOR.plan(inReused, context)).isEqualTo(Fixtures.ADVISOR.plan(inNew, context));
  }

  /**
   * The definition, minute by minute: for each minute with {@code r > 0} requests, {@code exp(-k R)
   * (1 - exp(-k r))}, {@code exp(-k R)} as the product of the previous K minutes' factors newest first,
   * and the factor of a count computed as the model does (a daily pattern, whole counts from a low
   * and a high exponential, or one exponential a minute); minutes after a window with {@code k R >=
   * 40} add nothing.
   */
  static double referenceIdle(ServiceLoad load, int window, double k) {
    float[] r = load.requests;
    int n = r.length;
    double[] recent = Windows.sum(r, -window, -1);
    double min = Double.POSITIVE_INFINITY;
    boolean integers = true;
    float largest = 0;
    for (int t = 0; t < n; t++) {
      min = Math.min(min, recent[t]);
      integers &= r[t] == Math.rint(r[t]);
      largest = Math.max(largest, r[t]);
    }
    if (k * Math.max(0, min) >= 40) {
      return 0;
    }
    if (load.requestsPeriod == 1) {
      double e = Math.exp(-k * r[0]);
      return n * Math.pow(e, window) * -Math.expm1(-k * r[0]);
    }
    double[] stay = new double[n];
    if (load.requestsPeriod < n) {
      for (int t = 0; t < n; t++) {
        stay[t] = Math.exp(-k * r[t % load.requestsPeriod]);
      }
    } else if (integers && largest <= (1 << 20)) {
      // A whole count j: exp(-k (j mod 256)) x exp(-256 k floor(j / 256)).
      for (int t = 0; t < n; t++) {
        int j = (int) r[t];
        stay[t] = Math.exp(-k * (j % 256)) * Math.exp(-k * (256.0 * (j / 256)));
      }
    } else {
      for (int t = 0; t < n; t++) {
        stay[t] = Math.exp(-k * r[t]);
      }
    }
    double cold = 0;
    for (int t = 0; t < n; t++) {
      if (r[t] > 0 && recent[t] < 40 / k) {
        double product = 1;
        for (int j = 1; j <= window && product > 0; j++) {
          product *= stay[Math.floorMod(t - j, n)];
        }
        cold += product * (1 - stay[t]);
      }
    }
    return cold;
  }

  /** A month of per-minute counts: sparse, bursty, daily, fractional, steady, mostly idle, or sparse and daily. */
  static float[] minutes(int kind, SplittableRandom random) {
    float[] x = new float[LoadSeries.MINUTES_PER_MONTH];
    double scale = Math.pow(10, -2 + 4 * random.nextDouble());
    int peak = random.nextInt(1440);
    double[] day = new double[1440];
    for (int m = 0; m < day.length; m++) {
      day[m] = Math.rint(60 * scale * (1 + Math.cos(2 * Math.PI * (m - peak) / 1440.0)));
    }
    for (int t = 0; t < x.length; t++) {
      double v = switch (kind) {
        case 0 -> random.nextInt(8) == 0 ? Math.rint(60 * scale * random.nextDouble()) : 0;
        case 1 -> random.nextInt(100) == 0 ? Math.rint(600 * scale) : Math.rint(6 * scale);
        case 2 -> day[t % 1440];
        case 3 -> 60 * scale * random.nextDouble(); // fractional counts: one exponential a minute
        case 4 -> Math.rint(60 * scale);
        case 5 -> t % 1440 == peak ? 1 + random.nextInt(20) : 0;
        default -> t % 1440 == peak || t % 1440 == (peak + 7) % 1440 ? 3 : 0; // sparse and daily

      };
      x[t] = (float) v;
    }
    return x;
  }
}
