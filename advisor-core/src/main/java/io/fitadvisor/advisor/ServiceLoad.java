package io.fitadvisor.advisor;

import static com.google.common.base.Preconditions.checkArgument;

import io.fitadvisor.workload.LoadSeries;
import io.fitadvisor.workload.LoadSummary;
import io.fitadvisor.workload.Service;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One service's load, prepared once and shared by every candidate: the per-minute requests, the
 * per-minute concurrency at the service's nominal duration (windowed Little's law, computed once),
 * and derived series that the models need, built lazily and cached.
 *
 * <p>Scaling the load by a factor {@code k} (break-even) multiplies every per-minute count and
 * every concurrency by {@code k}, so the models evaluate a scaled load from these arrays without
 * building a new series; this equals evaluating {@code series.scaled(k)}.
 *
 * <p>Levels. The windows (the autoscalers' windowed maxima) are taken on small integers rather
 * than floats: each minute's concurrency gets a level, an index that orders like the value (the
 * distinct whole request counts when the concurrency is a function of them, else the ranks of a
 * radix sort). A window's maximum is then the larger of two precomputed spans of {@code 2^j}
 * minutes (vectorisable integer passes), and its distinct values and minute counts come from a
 * histogram over the levels instead of a sort. Passes that would divide per minute (units per
 * minute, thresholds) read a table per level. Every value equals the float computation's to
 * the bit; a series with a negative zero or non-finite concurrency keeps the float path.
 *
 * <p>Not thread-safe: one instance serves one evaluation.
 */
final class ServiceLoad {
  /** Minutes per block of {@link #blockMaxLevel()}. */
  static final int BLOCK_MINUTES = 16;
  private static final int INFINITY_BITS = Float.floatToRawIntBits(Float.POSITIVE_INFINITY);
  private static final double MILLISECONDS_PER_MINUTE = 60_000;
  /** The radix sort's digit: three passes cover a float's 32 bits. */
  private static final int DIGIT_BITS = 11;
  private static final int DIGITS = 1 << DIGIT_BITS;

  final Service service;
  final LoadSeries series;
  /** Where the per-minute working arrays come from (see {@link MinuteArrays}). */
  final MinuteArrays arrays;
  final LoadSummary summary;
  /** Requests in each minute. */
  final float[] requests;
  /** Requests in flight at the end of each minute, at the nominal duration (meanMs). */
  final float[] concurrency;
  final double monthlyRequests;
  final double peakConcurrency;
  /** The largest rise of concurrency from one minute to the next. */
  final double largestRise;
  /** 1 when every minute has the same requests, 1,440 when every day repeats, else the month. */
  final int requestsPeriod;
  /** Whether every minute has the same requests and concurrency (a steady load): many passes then reduce to one minute. */
  final boolean constant;

  private final Map<Long, Window> windows = new HashMap<>();
  private ColdStartInputs coldStartInputs;
  // Concurrency levels, built when the first window needs them (see levels()).
  private boolean levelsTried;
  private int[] levelOf;
  private float[] levelValue;
  private float[] levelRequests;
  /** The largest rise, worked out with the levels from counts (see levelsFromCounts). */
  private double countsRise;
  /** {@code spans.get(j)[t]}: the highest level over minutes {@code [t, t + 2^j - 1]} (j = 0: levelOf). */
  private final List<int[]> spans = new ArrayList<>();
  private int[] countScratch;
  private int[] levelMinutes;
  private int[] blockMaxLevel;
  private int[] shiftScratch;
  private int[] overScratch;
  /** The last overrun asked, with what it was asked for (see overrun). */
  private OverrunAsked lastOverrun;
  /** The one window of a constant series. */
  private Window constantWindow;

  /** A load with arrays of its own (not reused), outside an evaluation. */
  ServiceLoad(Service service, LoadSeries series) {
    this(service, series, true, MinuteArrays.fresh());
  }

  /** A load whose per-minute arrays come from {@code arrays}: it must not be used once they are given back. */
  ServiceLoad(Service service, LoadSeries series, MinuteArrays arrays) {
    this(service, series, true, arrays);
  }

  /**
   * With {@code leveled false}, the load never builds levels: every window, the hybrid's
   * bounds and its overflow take the plain per-minute paths (as for a series that has no
   * levels). The tests compare the two.
   */
  ServiceLoad(Service service, LoadSeries series, boolean leveled) {
    this(service, series, leveled, MinuteArrays.fresh());
  }

  private ServiceLoad(Service service, LoadSeries series, boolean leveled, MinuteArrays arrays) {
    this.levelsTried = !leveled;
    this.service = service;
    this.series = series;
    this.arrays = arrays;
    this.requests = arrays.floats(series.minutes());
    series.copyTo(requests);
    this.requestsPeriod = period(requests);
    this.concurrency = arrays.floats(series.minutes());
    // Requests of at most a minute: each minute's concurrency is a function of its count
    // (LoadSeries.minuteConcurrency), so whole counts give the levels and the concurrency at once.
    // A steady load needs no levels (every window is the series itself).
    boolean fromCounts = leveled && series.minutes() > 0 && requestsPeriod != 1
        && service.duration().meanMs() <= MILLISECONDS_PER_MINUTE && levelsFromCounts();
    if (!fromCounts) {
      series.concurrencyTo(service.duration().meanMs(), concurrency);
    }
    // After the concurrency: the series keeps the window's peak, so the summary need not slide it again.
    this.summary = LoadSummary.of(series, service.duration());
    this.monthlyRequests = series.monthlyRequests();
    double peak = 0;
    double rise = 0;
    int n = concurrency.length;
    if (fromCounts) {
      // Every minute has a level, the highest the peak; the rise was taken with the levels.
      peak = levelValue[levelValue.length - 1];
      rise = countsRise;
    } else if (n > 0) {
      // Plain comparisons: the values are finite, and a -0.0 can only lose to the starting 0.
      float[] c = concurrency;
      peak = c[0] > 0 ? c[0] : 0;
      double first = c[0] - c[n - 1];
      rise = first > 0 ? first : 0;
      for (int t = 1; t < n; t++) {
        peak = c[t] > peak ? c[t] : peak;
        double up = c[t] - c[t - 1];
        rise = up > rise ? up : rise;
      }
    }
    this.peakConcurrency = peak;
    this.largestRise = rise;
    this.constant = requestsPeriod == 1 && period(concurrency) == 1;
  }

  private static int period(float[] values) {
    for (int period : new int[] {1, LoadSeries.MINUTES_PER_DAY}) {
      boolean repeats = true;
      for (int t = period; t < values.length && repeats; t++) {
        repeats = values[t] == values[t - period];
      }
      if (repeats) {
        return period;
      }
    }
    return values.length;
  }

  /**
   * The concurrency's maximum over {@code [t + from, t + to]} for each minute, with its distinct
   * values sorted for fast counting; cached per window.
   */
  Window window(int from, int to) {
    long key = ((long) from << 32) | (to & 0xffffffffL);
    Window window = windows.get(key);
    if (window == null) {
      window = newWindow(from, to);
      windows.put(key, window);
    }
    return window;
  }

  private Window newWindow(int from, int to) {
    checkArgument(from <= to, "window must not be empty (from %s, to %s)", from, to);
    // A constant series is its own windowed maximum, for every window alike.
    if (constant || concurrency.length == 0) {
      if (constantWindow == null) {
        constantWindow = new Window(concurrency);
      }
      return constantWindow;
    }
    if (!levels()) {
      return new Window(Windows.max(concurrency, from, to));
    }
    return new Window(levelValue, maxLevel(from, to), countScratch());
  }

  /**
   * The highest level over {@code [t + from, t + to]} for each minute: the larger of two spans of
   * {@code 2^j} minutes that cover the window ({@code 2^j <= width < 2^(j+1)}), the spans built
   * once per service by doubling, so every window costs one pass.
   */
  int[] maxLevel(int from, int to) {
    int n = levelOf.length;
    int width = to - from + 1;
    int[] out = arrays.ints(n);
    if (width >= n) {
      int top = 0;
      for (int level : levelOf) {
        top = Math.max(top, level);
      }
      Arrays.fill(out, top);
      return out;
    }
    int span = Integer.highestOneBit(width);
    Windows.maxOfShifts(span(Integer.numberOfTrailingZeros(span)), from, to - span + 1, out, shiftScratch());
    return out;
  }

  /** {@code spans.get(j)[t]}: the highest level over minutes {@code [t, t + 2^j - 1]}. */
  private int[] span(int j) {
    if (spans.isEmpty()) {
      spans.add(levelOf); // spans of one minute: the levels themselves
    }
    while (spans.size() <= j) {
      int[] previous = spans.get(spans.size() - 1);
      int[] next = arrays.ints(previous.length);
      Windows.maxOfShifts(previous, 0, 1 << (spans.size() - 1), next, shiftScratch());
      spans.add(next);
    }
    return spans.get(j);
  }

  /** Scratch for the over minutes of {@link #minutesAbove}, a month long. */
  private int[] overScratch() {
    if (overScratch == null) {
      overScratch = arrays.ints(levelOf.length);
    }
    return overScratch;
  }

  private int[] shiftScratch() {
    if (shiftScratch == null) {
      shiftScratch = arrays.ints(levelOf.length);
    }
    return shiftScratch;
  }

  /** Four zeroed counters per level, for the windows' histograms (they leave it zeroed). */
  private int[] countScratch() {
    if (countScratch == null) {
      countScratch = new int[4 * levelValue.length];
    }
    return countScratch;
  }

  /**
   * Whether the concurrency has levels: an order-preserving integer per minute ({@link #levelOf},
   * {@code levelValue[levelOf[t]] == concurrency[t]}, {@code levelValue} non-decreasing), so that
   * windowed maxima can be taken and counted on small integers. Built once: from whole request
   * counts when requests last at most a minute (with the load, see {@link #levelsFromCounts};
   * then {@link #levelRequests} holds each level's requests), else from the runs of equal values
   * when they are few, else by a radix sort of the float bits. False only for series with
   * negative zeros or non-finite values, which keep the float path.
   */
  boolean levels() {
    if (!levelsTried) {
      levelsTried = true;
      // Each way checks what it needs. Requests longer than a minute spread over the next
      // minutes, so their concurrency is no function of the minute's count, but it changes seldom.
      if (concurrency.length > 0 && !levelsFromRuns()) {
        levelsBySorting();
      }
    }
    return levelOf != null;
  }

  /** Per minute, the level of its concurrency; only after {@link #levels()} returned true. */
  int[] levelOf() {
    return levelOf;
  }

  /** The concurrency of each level, non-decreasing; only after {@link #levels()} returned true. */
  float[] levelValue() {
    return levelValue;
  }

  /**
   * The highest level in each block of {@link #BLOCK_MINUTES} minutes (the last block may be
   * shorter), so a pass looking for high minutes can skip whole blocks; only after {@link
   * #levels()} returned true.
   */
  int[] blockMaxLevel() {
    if (blockMaxLevel == null) {
      // The span of 16 minutes starting at each block's first minute (the last block's reaches
      // into the month's start: a bound all the same).
      int[] span = span(Integer.numberOfTrailingZeros(BLOCK_MINUTES));
      int[] max = new int[(span.length + BLOCK_MINUTES - 1) / BLOCK_MINUTES];
      for (int b = 0; b < max.length; b++) {
        max[b] = span[b * BLOCK_MINUTES];
      }
      blockMaxLevel = max;
    }
    return blockMaxLevel;
  }

  /** Minutes of each level (counted as the levels are built); only after {@link #levels()} returned true. */
  int[] levelMinutes() {
    return levelMinutes;
  }

  /**
   * Counts the minutes of each level into {@code scratch}, four interleaved counters per level:
   * a run of equal levels then updates four counters in turn instead of waiting on one. Read each
   * level with {@link #takeCount}, which leaves the scratch zeroed again.
   */
  static void countLevels(int[] levelAt, int[] scratch) {
    int n = levelAt.length;
    if (inLongRuns(levelAt)) {
      // A windowed maximum changes seldom: add each run's length once (the first counter).
      int current = levelAt[0];
      int start = 0;
      for (int t = 1; t < n; t++) {
        int level = levelAt[t];
        if (level != current) {
          scratch[current << 2] += t - start;
          current = level;
          start = t;
        }
      }
      scratch[current << 2] += n - start;
      return;
    }
    int t = 0;
    for (; t + 3 < n; t += 4) {
      scratch[levelAt[t] << 2]++;
      scratch[(levelAt[t + 1] << 2) + 1]++;
      scratch[(levelAt[t + 2] << 2) + 2]++;
      scratch[(levelAt[t + 3] << 2) + 3]++;
    }
    for (; t < n; t++) {
      scratch[levelAt[t] << 2]++;
    }
  }

  /** Whether the levels change at most once in eight minutes, judged on the first days. */
  private static boolean inLongRuns(int[] levelAt) {
    int sample = Math.min(levelAt.length, 2_048);
    int changes = 0;
    for (int t = 1; t < sample; t++) {
      changes += levelAt[t] != levelAt[t - 1] ? 1 : 0;
    }
    return sample > 0 && changes * 8 <= sample;
  }

  /** The minutes of {@code level} counted by {@link #countLevels}; zeroes its counters. */
  static int takeCount(int[] scratch, int level) {
    int at = level << 2;
    int count = scratch[at] + scratch[at + 1] + scratch[at + 2] + scratch[at + 3];
    scratch[at] = 0;
    scratch[at + 1] = 0;
    scratch[at + 2] = 0;
    scratch[at + 3] = 0;
    return count;
  }

  /** The requests of each level when every minute of a level has the same requests, else null. */
  float[] levelRequests() {
    return levelRequests;
  }

  /**
   * Levels from whole request counts, one per distinct count in ascending order, found with a
   * table indexed by the count instead of a sort, and each minute's concurrency from its level:
   * {@link LoadSeries#minuteConcurrency} of the level's count, what {@link
   * LoadSeries#concurrencyTo} writes for requests of at most a minute, worked out once per count.
   * It grows with the count, so the levels order like the concurrency. False, with the levels left
   * to {@link #levels}, when a count is not whole (or a negative zero) or exceeds twice the month's
   * minutes; only for requests of at most a minute.
   */
  private boolean levelsFromCounts() {
    float[] r = requests;
    int n = r.length;
    // The busiest minute bounds the counts (rounded up, then checked minute by minute).
    double busiest = Math.ceil(series.peakRequestsPerSecond() * 60 * (1 + 1e-9)) + 1;
    if (!(busiest <= 2.0 * n)) {
      return false;
    }
    int top = (int) busiest;
    int[] indexOf = new int[top + 1]; // 1 where some minute has the count, then count -> level
    int[] level = arrays.ints(n);
    boolean bad = false;
    for (int t = 0; t < n; t++) {
      float requests = r[t];
      int count = (int) requests;
      // A negative zero is no whole count: its concurrency keeps the sign (the float path).
      bad |= count != requests | count > top | Float.floatToRawIntBits(requests) < 0;
      count = Math.min(count, top);
      level[t] = count;
      indexOf[count] = 1;
    }
    if (bad) {
      return false;
    }
    double meanMs = service.duration().meanMs();
    float[] value = new float[Math.min(n, top + 1)];
    float[] countOf = new float[value.length];
    int levels = 0;
    for (int count = 0; count <= top; count++) {
      if (indexOf[count] != 0) {
        value[levels] = LoadSeries.minuteConcurrency(count, meanMs);
        countOf[levels] = count;
        indexOf[count] = levels++;
      }
    }
    // Counts to levels and the concurrency of each minute, counting each level's minutes on the
    // way (four counters per level, see countLevels), and the largest rise from one minute to the
    // next (minute 0 from the month's last), the constructor's float differences taken here while
    // the values are at hand: the larger of four, then the running one. Math.max compiles without
    // branches; plain comparisons here branched on noise and made the pass twice as slow.
    float[] c = concurrency;
    int[] scratch = new int[4 * levels];
    float before = value[indexOf[level[n - 1]]];
    double rise = 0;
    int t = 0;
    for (; t + 3 < n; t += 4) {
      int l0 = indexOf[level[t]];
      int l1 = indexOf[level[t + 1]];
      int l2 = indexOf[level[t + 2]];
      int l3 = indexOf[level[t + 3]];
      level[t] = l0;
      level[t + 1] = l1;
      level[t + 2] = l2;
      level[t + 3] = l3;
      float v0 = value[l0];
      float v1 = value[l1];
      float v2 = value[l2];
      float v3 = value[l3];
      c[t] = v0;
      c[t + 1] = v1;
      c[t + 2] = v2;
      c[t + 3] = v3;
      scratch[l0 << 2]++;
      scratch[(l1 << 2) + 1]++;
      scratch[(l2 << 2) + 2]++;
      scratch[(l3 << 2) + 3]++;
      double up = Math.max(Math.max(v0 - before, v1 - v0), Math.max(v2 - v1, v3 - v2));
      rise = Math.max(rise, up);
      before = v3;
    }
    for (; t < n; t++) {
      int l0 = indexOf[level[t]];
      level[t] = l0;
      c[t] = value[l0];
      scratch[l0 << 2]++;
      rise = Math.max(rise, value[l0] - before);
      before = value[l0];
    }
    countsRise = rise;
    int[] minutesOf = new int[levels];
    for (int i = 0; i < levels; i++) {
      minutesOf[i] = takeCount(scratch, i);
    }
    levelOf = level;
    levelValue = Arrays.copyOf(value, levels);
    levelRequests = Arrays.copyOf(countOf, levels);
    levelMinutes = minutesOf;
    countScratch = scratch;
    levelsTried = true;
    return true;
  }

  /**
   * Levels as the ranks of the distinct concurrency values when the month has few runs of equal
   * values (long requests spread each minute's count over the next ones, so their concurrency is
   * no function of the minute's count, but it changes seldom): the runs' values are sorted
   * instead of every minute's. False, with nothing set, when the runs are more than an eighth of
   * the minutes, or for a negative zero or a non-finite value.
   */
  private boolean levelsFromRuns() {
    float[] c = concurrency;
    int n = c.length;
    int runs = 1;
    for (int t = 1; t < n; t++) {
      runs += Float.floatToRawIntBits(c[t]) != Float.floatToRawIntBits(c[t - 1]) ? 1 : 0;
    }
    if (runs > n / 8) {
      return false;
    }
    int[] runStart = new int[runs + 1];
    int[] runBits = new int[runs];
    // The current run's bits stay in a local: read back from the array, each minute would wait
    // for the store of the run before.
    int current = Float.floatToRawIntBits(c[0]);
    runBits[0] = current;
    // Negative zero (sign bit) and non-finite values keep the float path.
    boolean bad = current < 0 | current >= INFINITY_BITS;
    for (int t = 1, run = 0; t < n; t++) {
      int bits = Float.floatToRawIntBits(c[t]);
      if (bits != current) {
        run++;
        runStart[run] = t;
        runBits[run] = bits;
        current = bits;
        bad |= bits < 0 | bits >= INFINITY_BITS;
      }
    }
    if (bad) {
      return false;
    }
    runStart[runs] = n;
    // Non-negative finite floats order like their bits.
    int[] distinct = runBits.clone();
    Arrays.sort(distinct);
    int levels = 0;
    for (int i = 0; i < distinct.length; i++) {
      if (i == 0 || distinct[i] != distinct[i - 1]) {
        distinct[levels++] = distinct[i];
      }
    }
    int[] level = arrays.ints(n);
    int[] minutesOf = new int[levels];
    for (int run = 0; run < runs; run++) {
      int of = Arrays.binarySearch(distinct, 0, levels, runBits[run]);
      Arrays.fill(level, runStart[run], runStart[run + 1], of);
      minutesOf[of] += runStart[run + 1] - runStart[run];
    }
    float[] value = new float[levels];
    for (int i = 0; i < levels; i++) {
      value[i] = Float.intBitsToFloat(distinct[i]);
    }
    levelOf = level;
    levelValue = value;
    levelMinutes = minutesOf;
    return true;
  }

  /** Levels as the ranks of the distinct concurrency values: an LSD radix sort of their bits. */
  private void levelsBySorting() {
    float[] c = concurrency;
    int n = c.length;
    int[] keys = arrays.ints(n);
    int[] minutes = arrays.ints(n);
    int[] count = new int[3 * DIGITS];
    boolean bad = false;
    for (int t = 0; t < n; t++) {
      int bits = Float.floatToRawIntBits(c[t]);
      // Negative zero (sign bit) and non-finite values keep the float path.
      bad |= bits < 0 | bits >= INFINITY_BITS;
      keys[t] = bits;
      minutes[t] = t;
      count[bits & (DIGITS - 1)]++;
      count[DIGITS + ((bits >>> DIGIT_BITS) & (DIGITS - 1))]++;
      count[2 * DIGITS + (bits >>> (2 * DIGIT_BITS))]++;
    }
    if (bad) {
      return;
    }
    int[] otherKeys = arrays.ints(n);
    int[] otherMinutes = arrays.ints(n);
    for (int pass = 0; pass < 3; pass++) {
      int base = pass * DIGITS;
      int shift = pass * DIGIT_BITS;
      boolean oneDigit = false;
      int sum = 0;
      for (int d = 0; d < DIGITS; d++) {
        int k = count[base + d];
        oneDigit |= k == n;
        count[base + d] = sum;
        sum += k;
      }
      if (oneDigit) {
        continue; // every key has this digit: the pass would not move anything
      }
      for (int i = 0; i < n; i++) {
        int key = keys[i];
        int at = count[base + ((key >>> shift) & (DIGITS - 1))]++;
        otherKeys[at] = key;
        otherMinutes[at] = minutes[i];
      }
      int[] swap = keys;
      keys = otherKeys;
      otherKeys = swap;
      swap = minutes;
      minutes = otherMinutes;
      otherMinutes = swap;
    }
    int[] level = arrays.ints(n);
    float[] value = arrays.floats(n);
    int[] first = arrays.ints(n + 1); // the first sorted position of each level
    int levels = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || keys[i] != keys[i - 1]) {
        first[levels] = i;
        value[levels++] = Float.intBitsToFloat(keys[i]);
      }
      level[minutes[i]] = levels - 1;
    }
    first[levels] = n;
    int[] minutesOf = new int[levels];
    for (int i = 0; i < levels; i++) {
      minutesOf[i] = first[i + 1] - first[i];
    }
    levelOf = level;
    levelValue = Arrays.copyOf(value, levels);
    levelMinutes = minutesOf;
  }

  /** Minutes in which the load exceeds what running units serve, and the requests in them. */
  record Overrun(int minutes, double requests) {}

  /** An overrun and its question (the window compared by identity: windows are cached). */
  private record OverrunAsked(Window window, double capacity, long floor, double unitCapacity, Overrun answer) {
    boolean answers(Window w, double c, long f, double u) {
      return window == w && capacity == c && floor == f && unitCapacity == u;
    }
  }

  /**
   * The minutes whose concurrency exceeds what the units of {@code window} serve at full use
   * ({@code units x unitCapacity x (1 + EPSILON)}, with {@code units = max(floor, units(value,
   * capacity))} of the window's value), and their requests. The last answer is kept: targets
   * that size the same unit over the same window (Fargate and Fargate Spot) ask twice.
   */
  Overrun overrun(Window window, double capacity, long floor, double unitCapacity) {
    if (lastOverrun != null && lastOverrun.answers(window, capacity, floor, unitCapacity)) {
      return lastOverrun.answer();
    }
    // What the running units serve at full use, per level of the window (the same arithmetic as
    // per minute: running x capacity x (1 + EPSILON)).
    long[] running = window.unitsPerLevel(capacity, floor);
    double[] served = new double[running.length];
    for (int level = 0; level < running.length; level++) {
      served[level] = running[level] * unitCapacity * (1 + Capacity.EPSILON);
    }
    Overrun overrun = minutesAbove(window, served, 0);
    lastOverrun = new OverrunAsked(window, capacity, floor, unitCapacity, overrun);
    return overrun;
  }

  /**
   * The minutes whose concurrency exceeds {@code bound[level]} for the level the window has
   * {@code lag} minutes before (the month repeats: the first minutes look back into its end), and
   * their requests added in minute order. With the load's own levels in the window, a minute is
   * over exactly when its level is above the highest level whose value is within the bound
   * (values never fall as levels rise; {@link Window#highestAtMost}), so each minute compares two
   * ints instead of a float with a double.
   */
  Overrun minutesAbove(Window window, double[] bound, int lag) {
    int[] highest = window.levels == levelValue && levelOf != null ? window.highestAtMost(levelValue, bound) : null;
    return highest != null
        ? levelsAbove(levelOf, highest, window.levelAt, requests, lag, overScratch())
        : valuesAbove(concurrency, bound, window.levelAt, requests, lag);
  }

  /**
   * {@link #minutesAbove} by levels: minute {@code t} is over when {@code level[t] >
   * highest[levelAt[t - lag]]}. The over minutes are collected into {@code scratch} by arithmetic
   * (levels are not negative and {@code highest} at least -1, so the difference is negative
   * exactly when over), then their requests added in minute order. With a comparison the compiler
   * picks a branch or a serial addition in every minute from the callers' profiles: shared by the
   * overrun and the throttling, that loop took 12 % of a portfolio's evaluation, this one 5 %.
   */
  private static Overrun levelsAbove(int[] level, int[] highest, int[] levelAt, float[] requests, int lag,
      int[] scratch) {
    int n = level.length;
    int count = 0;
    for (int t = 0, before = n - lag % Math.max(1, n); t < n; t++, before++) {
      if (before == n) {
        before = 0;
      }
      scratch[count] = t; // kept only when over: the next index overwrites it otherwise
      count += (highest[levelAt[before]] - level[t]) >>> 31;
    }
    double requestsOver = 0;
    for (int i = 0; i < count; i++) {
      requestsOver += requests[scratch[i]];
    }
    return new Overrun(count, requestsOver);
  }

  /** {@link #minutesAbove} by values: minute {@code t} is over when {@code c[t] > bound[levelAt[t - lag]]}. */
  private static Overrun valuesAbove(float[] c, double[] bound, int[] levelAt, float[] requests, int lag) {
    int n = c.length;
    int minutes = 0;
    double requestsOver = 0;
    for (int t = 0, before = n - lag % Math.max(1, n); t < n; t++, before++) {
      if (before == n) {
        before = 0;
      }
      if (c[t] > bound[levelAt[before]]) {
        minutes++;
        requestsOver += requests[t];
      }
    }
    return new Overrun(minutes, requestsOver);
  }

  /** Inputs of the cold-start model for a keep-alive window of {@code keepAliveMinutes}. */
  ColdStartInputs coldStartInputs(int keepAliveMinutes) {
    if (coldStartInputs == null || coldStartInputs.keepAliveMinutes != keepAliveMinutes) {
      coldStartInputs = new ColdStartInputs(this, keepAliveMinutes);
    }
    return coldStartInputs;
  }

  /**
   * A windowed-maximum concurrency series and its distinct values with their minute counts. Each
   * minute's value is kept as a level: {@code levels[levelAt[t]]}.
   */
  static final class Window {
    /** Per minute, the index of its value in {@link #levels}. */
    final int[] levelAt;
    /** The value of each level, non-decreasing (levels of equal value can repeat). */
    final float[] levels;
    /** The levels that some minute has, ascending. */
    private final int[] presentLevels;
    /** Distinct values, ascending. */
    private final float[] values;
    /** {@code above[i]}: minutes whose value is greater than {@code values[i - 1]} ({@code above[0]} = all). */
    private final int[] above;
    /** Minutes of each distinct value. */
    private final int[] counts;
    private final int minutes;
    private final double sum;

    /** The window of a per-minute series of windowed maxima, given as floats (the plain path). */
    Window(float[] perMinute) {
      this.minutes = perMinute.length;
      // Runs of equal neighbours first: a steady load is one run and needs no sort.
      int runs = 0;
      for (int t = 0; t < perMinute.length; t++) {
        if (t == 0 || perMinute[t] != perMinute[t - 1]) {
          runs++;
        }
      }
      float[] runValue = new float[runs];
      int[] runLength = new int[runs];
      int run = -1;
      for (int t = 0; t < perMinute.length; t++) {
        if (t == 0 || perMinute[t] != perMinute[t - 1]) {
          runValue[++run] = perMinute[t];
        }
        runLength[run]++;
      }
      boolean sorted = true;
      for (int i = 1; i < runs && sorted; i++) {
        sorted = runValue[i - 1] <= runValue[i];
      }
      float[] distinct;
      int[] counts;
      if (sorted) {
        // Ascending runs: neighbours differ, so every value is distinct already.
        distinct = runValue;
        counts = runLength;
      } else {
        // Non-negative floats order like their bit patterns: sort (bits, run) pairs as longs.
        long[] packed = new long[runs];
        for (int i = 0; i < runs; i++) {
          packed[i] = ((long) Float.floatToIntBits(runValue[i]) << 32) | i;
        }
        Arrays.sort(packed);
        distinct = new float[runs];
        counts = new int[runs];
        int d = 0;
        for (long p : packed) {
          int index = (int) p;
          float value = runValue[index];
          if (d > 0 && distinct[d - 1] == value) {
            counts[d - 1] += runLength[index];
          } else {
            distinct[d] = value;
            counts[d++] = runLength[index];
          }
        }
        distinct = Arrays.copyOf(distinct, d);
        counts = Arrays.copyOf(counts, d);
      }
      this.values = distinct;
      this.counts = counts;
      this.above = new int[distinct.length + 1];
      this.sum = countAbove(distinct, counts, above);
      // The distinct values are the levels; each minute finds its own (equal as a number).
      this.levels = distinct;
      this.presentLevels = new int[distinct.length];
      for (int i = 0; i < distinct.length; i++) {
        presentLevels[i] = i;
      }
      this.levelAt = new int[minutes];
      if (distinct.length > 1) {
        for (int t = 0; t < minutes; t++) {
          levelAt[t] = firstAtLeast(distinct, perMinute[t]);
        }
      }
    }

    /**
     * The window whose minute {@code t} has level {@code levelAt[t]} of {@code levels}; counted
     * with {@code scratch} (four zeroed counters per level, left zeroed).
     */
    Window(float[] levels, int[] levelAt, int[] scratch) {
      this.levels = levels;
      this.levelAt = levelAt;
      this.minutes = levelAt.length;
      countLevels(levelAt, scratch);
      int[] present = new int[levels.length];
      float[] distinct = new float[levels.length];
      int[] counts = new int[levels.length];
      int p = 0;
      int d = 0;
      for (int level = 0; level < levels.length; level++) {
        int count = takeCount(scratch, level);
        if (count == 0) {
          continue;
        }
        present[p++] = level;
        float value = levels[level];
        if (d > 0 && distinct[d - 1] == value) {
          counts[d - 1] += count;
        } else {
          distinct[d] = value;
          counts[d++] = count;
        }
      }
      this.presentLevels = Arrays.copyOf(present, p);
      this.values = Arrays.copyOf(distinct, d);
      this.counts = Arrays.copyOf(counts, d);
      this.above = new int[d + 1];
      this.sum = countAbove(values, this.counts, above);
    }

    /** Fills {@code above} from the counts of the distinct values and returns the series' sum. */
    private static double countAbove(float[] distinct, int[] counts, int[] above) {
      double total = 0;
      for (int i = distinct.length - 1; i >= 0; i--) {
        above[i] = above[i + 1] + counts[i];
        total += (double) distinct[i] * counts[i];
      }
      return total;
    }

    /** The first index of ascending {@code values} whose value is at least {@code x}. */
    private static int firstAtLeast(float[] values, float x) {
      int lo = 0;
      int hi = values.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (values[mid] < x) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    /** The windowed maximum at minute {@code t}. */
    float valueAt(int t) {
      return levels[levelAt[t]];
    }

    /**
     * Per level, {@code max(floor, Capacity.units(value, capacity))}: the units a minute of that
     * level needs, so per-minute passes read a table instead of dividing. Only the levels that
     * occur are filled.
     */
    long[] unitsPerLevel(double capacity, long floor) {
      long[] units = new long[levels.length];
      for (int level : presentLevels) {
        units[level] = Math.max(floor, Capacity.units(levels[level], capacity));
      }
      return units;
    }

    /**
     * Per level that occurs, the highest index of ascending {@code values} whose value is at most
     * {@code bound[level]} (-1 when none), found in one merge; null when a bound falls from one
     * occurring level to the next (bounds from units, which grow with the value, never do).
     */
    int[] highestAtMost(float[] values, double[] bound) {
      int[] highest = new int[levels.length];
      int at = -1;
      double previous = Double.NEGATIVE_INFINITY;
      for (int level : presentLevels) {
        if (!(bound[level] >= previous)) {
          return null;
        }
        while (at + 1 < values.length && !(values[at + 1] > bound[level])) {
          at++;
        }
        highest[level] = at;
        previous = bound[level];
      }
      return highest;
    }

    /** Minutes in the series. */
    int minutes() {
      return minutes;
    }

    /** How many distinct values the series has. */
    int distinctValues() {
      return values.length;
    }

    /** The sum of the series over the month. */
    double sum() {
      return sum;
    }

    /**
     * At most {@link #unitMinutes}{@code (k, capacity, floor)}, from the series' sum alone: each
     * minute's {@code max(floor, ceil(k x / capacity - EPSILON))} is at least the floor and at
     * least {@code k x / capacity - EPSILON}; lowered by one part in a billion against rounding.
     */
    double fewestUnitMinutes(double k, double capacity, int floor) {
      return Math.max((double) floor * minutes, k * sum / capacity - Capacity.EPSILON * minutes) * (1 - 1e-9);
    }

    /**
     * At least {@link #unitMinutes}{@code (k, capacity, floor)}, from the series' sum alone: each
     * minute's count is below {@code floor + k x / capacity + 1}; raised by one part in a billion
     * against rounding.
     */
    double mostUnitMinutes(double k, double capacity, int floor) {
      return ((floor + 1.0) * minutes + k * sum / capacity) * (1 + 1e-9);
    }

    /**
     * {@code sum over minutes of max(floor, ceil(k x(t) / capacity))}: the unit-minutes (tasks or
     * instances) needed when each unit holds {@code capacity} of concurrency.
     *
     * <p>Counted as {@code floor x minutes + sum over j >= floor of #{t : k x(t) > j capacity}}
     * with binary searches when that takes fewer steps than a pass over the distinct values.
     */
    double unitMinutes(double k, double capacity, int floor) {
      long peakUnits = peakUnits(k, capacity, floor);
      int distinct = values.length;
      double log = 32 - Integer.numberOfLeadingZeros(distinct);
      double total = 0;
      if ((peakUnits - floor) * log < distinct) {
        total = (double) floor * minutes;
        // The thresholds grow with j (for positive k and capacity), so each search starts where
        // the last one ended: the same indexes, in fewer steps.
        boolean growing = k > 0 && capacity > 0;
        int at = 0;
        for (long j = Math.max(floor, 0); j < peakUnits; j++) {
          at = firstAbove((j + Capacity.EPSILON) * capacity / k, growing ? at : 0);
          total += above[at];
        }
        return total;
      }
      // Multiplying by the reciprocal instead of dividing each value: Capacity.units' tolerance
      // absorbs the last-bit difference.
      double perValue = k / capacity;
      if ((peakUnits + 1.0) * minutes < 0x1p53 && peakUnits < Integer.MAX_VALUE - 1) {
        return wholeUnitMinutes(perValue, floor);
      }
      for (int i = 0; i < distinct; i++) {
        double units = values[i] * perValue;
        long whole = units <= Capacity.EPSILON ? 0 : (long) Math.ceil(units - Capacity.EPSILON);
        total += (double) Math.max(floor, whole) * (above[i] - above[i + 1]);
      }
      return total;
    }

    /**
     * The pass of {@link #unitMinutes} over the distinct values in whole numbers: every term and
     * partial sum is a whole number below 2^53 and every unit count below 2^31 (the caller
     * checks), so the double sum is exact and equals this one. Without the branch at 0 (the
     * ceiling of a value within EPSILON above 0 is 0 anyway) and with int counts the loop is
     * several times faster.
     */
    private double wholeUnitMinutes(double perValue, int floor) {
      long total = 0;
      for (int i = 0; i < values.length; i++) {
        int whole = (int) Math.ceil(values[i] * perValue - Capacity.EPSILON);
        total += (long) Math.max(floor, whole) * counts[i];
      }
      return total;
    }

    /** Units needed at the busiest minute. */
    long peakUnits(double k, double capacity, int floor) {
      return Math.max(floor, Capacity.units(k * values[values.length - 1], capacity));
    }

    /** The first index at or after {@code from} whose value is greater than {@code threshold}. */
    private int firstAbove(double threshold, int from) {
      int lo = from;
      int hi = values.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (values[mid] <= threshold) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }
}
