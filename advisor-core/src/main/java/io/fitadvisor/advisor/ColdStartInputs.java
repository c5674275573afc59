package io.fitadvisor.advisor;

import java.util.Arrays;

/**
 * What the cold-start model reads for a keep-alive window {@code K}: the requests in the
 * previous {@code K} minutes of each minute (only their minimum is kept: it decides whether
 * idle gaps matter at all), and the minutes whose concurrency rises above the previous {@code
 * K} minutes' peak (the warm pool), since only they start new environments beyond the first.
 */
final class ColdStartInputs {
  /** exp(-40) is below 1e-17: windows with more recent requests start nothing cold. */
  private static final double NEGLIGIBLE_EXPONENT = 40;
  private static final int LARGEST_TABLED_COUNT = 1 << 20;
  /** Whole counts split into a low part below 2^8 and a high part, each with its table. */
  private static final int LOW_BITS = 8;
  private static final int LOW_COUNTS = 1 << LOW_BITS;
  /** Lambda's built-in keep-alive, in minutes, whose idle pass over whole counts is unrolled. */
  private static final int FIVE = 5;
  /** Buckets of {@link #activeByRecentExponent}: below 1, then one per binary exponent up to 2^64. */
  private static final int BUCKETS = 66;
  /** Active minutes per block of {@link #quietActive}'s skipping. */
  private static final int ACTIVE_BLOCK = 32;

  final int keepAliveMinutes;
  /** The fewest requests in any K-minute window before a minute. */
  final double minRecentRequests;
  final int[] risingMinutes;
  final float[] poolAtRise;
  /** The largest concurrency among {@link #risingMinutes}. */
  final float largestRisingConcurrency;
  private final ServiceLoad load;
  /** Requests in the K minutes before each minute; null for a constant series. */
  private final double[] recentRequests;
  private final boolean integerCounts;
  private final int largestCount;
  /** The minutes with requests, ascending: the only ones that start or keep anything warm. */
  private final int activeCount;
  /** The active minutes (the first {@link #activeCount} entries), built when the idle sum first walks them. */
  private int[] activeMinutes;
  /** The requests in the K minutes before each active minute. */
  private double[] activeRecent;
  /** The fewest of {@link #activeRecent} in each run of {@link #ACTIVE_BLOCK} active minutes. */
  private double[] activeBlockMin;
  /** Scratch for {@link #quietActive}: indexes into the active minutes. */
  private int[] quietScratch;
  // Scratch for one load factor at a time: exp(-k r(t)) per minute, valid where stayEpoch[t] ==
  // epoch, and the tables of exp(-k j) for whole counts j (see factorOfCount).
  private double factorK;
  private double[] stay;
  private int[] stayEpoch;
  private int epoch;
  private double[] lowTable;
  /** Per concurrency level of a load leveled by its whole counts, the factor of the level's count. */
  private double[] levelFactors;
  private double[] highTable;
  private double lastFactor = Double.NaN;
  private double lastIdle;
  // The concurrency at the rising minutes and the pool before them, each sorted ascending on first
  // use: the environments the rises start are counted from them (see risingStarts).
  private float[] sortedRising;
  /** With levels, the pool's level at each rising minute (null without). */
  private int[] poolLevels;
  private float[] sortedPool;
  private double risingConcurrencySum = Double.NaN;
  /**
   * Active minutes by the binary exponent of their recent requests (bucket 0: below 1, bucket
   * {@code b}: from 2^(b-1), the last also holding all above): how many minutes can be quiet
   * enough to matter at a load factor. Built with {@link #activeMinutes} when first needed.
   */
  private int[] activeByRecentExponent;

  ColdStartInputs(ServiceLoad load, int keepAliveMinutes) {
    this.load = load;
    this.keepAliveMinutes = keepAliveMinutes;
    if (load.constant) {
      // No minute rises above the one before it, and every window holds K equal minutes.
      minRecentRequests = (double) keepAliveMinutes * load.requests[0];
      recentRequests = null;
      risingMinutes = new int[0];
      poolAtRise = new float[0];
      largestRisingConcurrency = 0;
      integerCounts = false;
      largestCount = 0;
      activeCount = 0;
      activeMinutes = new int[0];
      activeRecent = new double[0];
      activeByRecentExponent = new int[BUCKETS];
      return;
    }
    float[] r = load.requests;
    float[] c = load.concurrency;
    int n = r.length;
    int window = keepAliveMinutes;
    // The minutes with requests, and whether every count is whole (a float from 2^23 on always
    // is; below, whole exactly when an int holds it): from the levels when they are the counts.
    int active = 0;
    boolean integers = true;
    float largest = 0;
    float[] counts = load.levels() ? load.levelRequests() : null;
    if (counts != null) {
      active = n - (counts[0] == 0 ? load.levelMinutes()[0] : 0);
      largest = counts[counts.length - 1];
    } else {
      for (float count : r) {
        active += count > 0 ? 1 : 0;
        integers &= count >= 0x1p23f || (float) (int) count == count;
        largest = count > largest ? count : largest; // counts are finite and not negative
      }
    }
    activeCount = active;
    this.integerCounts = integers && largest <= LARGEST_TABLED_COUNT;
    this.largestCount = (int) largest;
    // The K-minute sums are kept (in a reused array) for the idle passes at other load factors,
    // though busy series need only their minimum.
    double min = Double.POSITIVE_INFINITY;
    if (window >= n) {
      recentRequests = Windows.sum(r, -window, -1); // no fast path
      for (double recent : recentRequests) {
        min = recent < min ? recent : min;
      }
    } else {
      recentRequests = load.arrays.doubles(n);
      min = slidingSums(recentRequests);
    }
    this.minRecentRequests = Math.max(0, min);
    // The minutes whose concurrency rises above the warm pool (the previous K minutes' peak), with
    // that pool: from the service's concurrency levels when it has them, else from the floats.
    int[] rising;
    float[] poolBefore;
    if (load.levels()) {
      int[] level = load.levelOf();
      float[] value = load.levelValue();
      int[] poolLevel = load.maxLevel(-window, -1);
      // A minute above its pool has a higher level (levels order like their values); equal values
      // can have several levels, so each such minute is then checked on the values.
      int[] higher = load.arrays.ints(n + 1);
      int candidates = 0;
      for (int t = 0; t < n; t++) {
        higher[candidates] = t;
        // Levels are not negative: the difference is negative exactly when the level is higher.
        // (Arithmetic, not a comparison the compiler may turn into a branch: a noisy load's
        // minutes rise at random, and a mispredicted branch cost more than the rest of the loop.)
        candidates += (poolLevel[t] - level[t]) >>> 31;
      }
      rising = new int[candidates + 1];
      poolBefore = new float[candidates + 1];
      int risingCount = 0;
      for (int i = 0; i < candidates; i++) {
        int t = higher[i];
        float pool = value[poolLevel[t]];
        rising[risingCount] = t;
        poolBefore[risingCount] = pool;
        risingCount += c[t] > pool ? 1 : 0;
      }
      rising = Arrays.copyOf(rising, risingCount);
      poolBefore = Arrays.copyOf(poolBefore, risingCount);
      poolLevels = new int[risingCount];
      for (int i = 0; i < risingCount; i++) {
        poolLevels[i] = poolLevel[rising[i]];
      }
    } else {
      // Above the pool exactly when above each of the K minutes': K comparison passes, then the
      // pool (a maximum, exact in any order) of the rising minutes alone.
      boolean[] up = new boolean[n];
      Arrays.fill(up, true);
      for (int j = 1; j <= window; j++) {
        int wrapped = Math.min(j, n);
        for (int t = 0; t < wrapped; t++) {
          up[t] &= c[t] > c[Math.floorMod(t - j, n)];
        }
        for (int t = wrapped; t < n; t++) {
          up[t] &= c[t] > c[t - j];
        }
      }
      int risingCount = 0;
      for (boolean u : up) {
        risingCount += u ? 1 : 0;
      }
      rising = new int[risingCount];
      poolBefore = new float[risingCount];
      for (int t = 0, i = 0; i < risingCount; t++) {
        if (up[t]) {
          float pool = Float.NEGATIVE_INFINITY;
          for (int j = 1; j <= window; j++) {
            pool = Math.max(pool, c[t - j >= 0 ? t - j : Math.floorMod(t - j, n)]);
          }
          rising[i] = t;
          poolBefore[i++] = pool;
        }
      }
    }
    float largestRising = 0;
    for (int t : rising) {
      largestRising = Math.max(largestRising, c[t]);
    }
    risingMinutes = rising;
    poolAtRise = poolBefore;
    this.largestRisingConcurrency = largestRising;
  }

  /**
   * Environments that concurrency rises start beyond the warm pool when every concurrency is
   * multiplied by {@code scale}: over the rising minutes, {@code now - pool} where it is positive,
   * with {@code now = units(scale x concurrency)} and {@code pool = max(1, units(scale x
   * poolAtRise))} ({@code units(x) = ceil(x - EPSILON)}, 0 at or below EPSILON). A whole number.
   *
   * <p>Counted without visiting every rising minute: since {@code concurrency > poolAtRise} in
   * each, the sum equals {@code sum max(1, now) - sum pool}, and over sorted values {@code sum
   * max(1, units(s x)) = n + sum over j >= 1 of #{x : units(s x) > j}}, each count found by a
   * binary search with the very same {@code units(s x)} test, so the total is exactly the
   * per-minute sum (a whole number below 2^53 in a double).
   */
  double risingStarts(double scale) {
    if (!(scale * largestRisingConcurrency > 1 + Capacity.EPSILON)) {
      return 0; // no minute needs more than one environment
    }
    if (sortedRising == null) {
      if (poolLevels != null && load.levelValue().length <= 4 * risingMinutes.length) {
        // The values are levels': counted by level, then laid out in level order (when the
        // levels are not many more than the values).
        int[] levelOf = load.levelOf();
        int[] nowLevels = new int[risingMinutes.length];
        for (int i = 0; i < nowLevels.length; i++) {
          nowLevels[i] = levelOf[risingMinutes[i]];
        }
        sortedRising = ascendingByLevel(nowLevels, load.levelValue());
        sortedPool = ascendingByLevel(poolLevels, load.levelValue());
      } else {
        float[] now = new float[risingMinutes.length];
        for (int i = 0; i < now.length; i++) {
          now[i] = load.concurrency[risingMinutes[i]];
        }
        sortedRising = FloatSort.ascending(now);
        sortedPool = FloatSort.ascending(poolAtRise.clone());
      }
    }
    // Beyond 2^53 a double no longer holds every whole number: sum minute by minute as defined.
    if (units(scale * largestRisingConcurrency) >= (1L << 53) / Math.max(1, risingMinutes.length)) {
      return risingStartsMinuteByMinute(scale);
    }
    return (double) (atLeastOne(sortedRising, scale) - atLeastOne(sortedPool, scale));
  }

  /**
   * The values of {@code levels} ({@code value[level]} each), ascending: what sorting them gives,
   * since the values never fall as the levels rise, by counting the levels instead.
   */
  private static float[] ascendingByLevel(int[] levels, float[] value) {
    int[] count = new int[value.length];
    for (int level : levels) {
      count[level]++;
    }
    float[] sorted = new float[levels.length];
    for (int level = 0, at = 0; level < value.length; level++) {
      for (int j = count[level]; j > 0; j--) {
        sorted[at++] = value[level];
      }
    }
    return sorted;
  }

  /** {@link #risingStarts} by its definition, one rising minute at a time (the reference). */
  double risingStartsMinuteByMinute(double scale) {
    double started = 0;
    for (int i = 0; i < risingMinutes.length; i++) {
      long now = units(scale * load.concurrency[risingMinutes[i]]);
      long pool = Math.max(1, units(scale * poolAtRise[i]));
      if (now > pool) {
        started += now - pool;
      }
    }
    return started;
  }

  /** {@code Capacity.units(demand, 1)} without its division (x / 1.0 is x exactly). */
  static long units(double demand) {
    return demand <= Capacity.EPSILON ? 0 : (long) Math.ceil(demand - Capacity.EPSILON);
  }

  /**
   * {@code sum over x of max(1, units(scale x))} for ascending {@code sorted}: by thresholds with
   * binary searches when the largest is small, else value by value from the first above one.
   */
  private static long atLeastOne(float[] sorted, double scale) {
    int n = sorted.length;
    if (n == 0) {
      return 0;
    }
    long top = units(scale * sorted[n - 1]);
    if (top <= 1) {
      return n;
    }
    int from = firstAbove(sorted, scale, 1, 0);
    long total = from; // every value up to here counts 1
    int log = 32 - Integer.numberOfLeadingZeros(n - from);
    if ((top - 1) * log < n - from) {
      total += n - from;
      for (long j = 1; j < top; j++) {
        from = firstAbove(sorted, scale, j, from);
        total += n - from;
      }
      return total;
    }
    for (int i = from; i < n; i++) {
      total += units(scale * sorted[i]); // at least 2 here
    }
    return total;
  }

  /** The first index at or after {@code from} whose {@code units(scale x)} exceeds {@code j}. */
  private static int firstAbove(float[] sorted, double scale, long j, int from) {
    int lo = from;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (units(scale * sorted[mid]) > j) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /**
   * An upper bound of {@link #idleColdStarts}{@code (k)}: each active minute adds {@code exp(-k R)
   * (1 - exp(-k r))}, at most 1, at most {@code k r} and at most {@code exp(-k R)}, so the sum is
   * at most the active minutes, at most {@code k} times the month's requests, and, once the
   * active minutes are counted by their recent requests, at most the sum over those buckets of
   * their minutes times {@code exp(-k x)} at the bucket's least {@code R} ({@code x}, 0 for the
   * first); with a relative allowance for rounding. It is 0 where the sum is: when {@code k R}
   * reaches the negligible exponent in every minute.
   */
  double idleUpperBound(double k) {
    if (k * minRecentRequests >= NEGLIGIBLE_EXPONENT) {
      return 0; // computeIdle's own first answer
    }
    int active = load.constant ? (load.requests[0] > 0 ? load.requests.length : 0) : activeCount;
    double bound = Math.min(active, k * load.monthlyRequests);
    if (activeMinutes != null && !load.constant) {
      double byBuckets = activeByRecentExponent[0];
      for (int b = 1; b < BUCKETS; b++) {
        int minutes = activeByRecentExponent[b];
        byBuckets += minutes == 0 ? 0 : minutes * Math.exp(-k * Math.scalb(1.0, b - 1));
      }
      bound = Math.min(bound, byBuckets);
    }
    return bound * (1 + 1e-9);
  }

  /**
   * An upper bound of {@link #risingStarts}{@code (scale)}: each term is below {@code units(scale
   * x concurrency) - 1 < scale x concurrency}, so the sum is below {@code scale} times the
   * concurrency summed over the rising minutes (with a relative allowance for rounding).
   */
  double risingUpperBound(double scale) {
    if (Double.isNaN(risingConcurrencySum)) {
      double sum = 0;
      for (int t : risingMinutes) {
        sum += load.concurrency[t];
      }
      risingConcurrencySum = sum;
    }
    return scale * risingConcurrencySum * (1 + 1e-9);
  }

  /**
   * Expected requests a month that find no warm environment at load factor {@code k}: for each
   * minute with {@code r} requests after {@code R} in the previous K minutes, {@code exp(-k R) x
   * (1 - exp(-k r))}. Cached for the last factor asked.
   */
  double idleColdStarts(double k) {
    if (k != lastFactor) {
      lastIdle = computeIdle(k);
      lastFactor = k;
    }
    return lastIdle;
  }

  private double computeIdle(double k) {
    if (k * minRecentRequests >= NEGLIGIBLE_EXPONENT) {
      return 0;
    }
    float[] r = load.requests;
    int n = r.length;
    int window = keepAliveMinutes;
    if (load.requestsPeriod == 1) {
      // Every minute alike: R = K r in each.
      double e = Math.exp(-k * r[0]);
      return n * Math.pow(e, window) * -Math.expm1(-k * r[0]);
    }
    // Minutes after a busy window start nothing cold; skipping them saves most of the work.
    double busy = NEGLIGIBLE_EXPONENT / k;
    buildActiveMinutes();
    if (2 * activeCount >= n && 2 * (window + 1) * (long) quietMinutesAtMost(busy) >= n) {
      return denseIdle(k, busy);
    }
    startFactors(k);
    int[] active = activeMinutes;
    int[] quiet = quietScratch;
    int quietCount = quietActive(busy);
    double cold = 0;
    if (tabled()) {
      // Whole counts: every factor from the tables, a count of 0 giving exp(0) x exp(0) = 1.
      double[] low = lowTable;
      double[] high = highTable;
      for (int i = 0; i < quietCount; i++) {
        int t = active[quiet[i]];
        double product = 1; // exp(-k R(t)) as a product of the previous minutes' factors
        for (int j = 1; j <= window && product > 0; j++) {
          product *= factorOfCount(low, high, (int) r[t - j >= 0 ? t - j : t - j + n]);
        }
        cold += product * (1 - factorOfCount(low, high, (int) r[t]));
      }
      return cold;
    }
    for (int i = 0; i < quietCount; i++) {
      int t = active[quiet[i]];
      double product = 1; // exp(-k R(t)) as a product of the previous minutes' factors
      for (int j = 1; j <= window && product > 0; j++) {
        product *= factor(t - j >= 0 ? t - j : t - j + n);
      }
      cold += product * (1 - factor(t));
    }
    return cold;
  }

  /**
   * The active minutes with fewer than {@code busy} recent requests, as ascending indexes into
   * {@link #activeMinutes} in {@link #quietScratch}; returns how many. Runs of {@link
   * #ACTIVE_BLOCK} active minutes that are all busy are skipped on their least recent requests,
   * and the others are collected without branches.
   */
  private int quietActive(double busy) {
    double[] recent = activeRecent;
    double[] blockMin = activeBlockMin;
    int[] quiet = quietScratch;
    int count = 0;
    for (int b = 0; b < blockMin.length; b++) {
      if (!(blockMin[b] < busy)) {
        continue;
      }
      for (int i = b * ACTIVE_BLOCK, end = Math.min(recent.length, i + ACTIVE_BLOCK); i < end; i++) {
        quiet[count] = i; // kept only when quiet: the next index overwrites it otherwise
        count += recent[i] < busy ? 1 : 0;
      }
    }
    return count;
  }

  /** Requests in the K minutes before each minute (null for a constant series). */
  double[] recentRequests() {
    return recentRequests;
  }

  /**
   * {@code Windows.sum(requests, -K, -1)} with its arithmetic (a running sum that adds the newest
   * minute less the one leaving, as a float difference), minus the index wrapping of every step;
   * stored in {@code out}. Returns the smallest sum. K must be below the month.
   */
  private double slidingSums(double[] out) {
    float[] r = load.requests;
    int n = r.length;
    int window = keepAliveMinutes;
    double running = 0;
    for (int p = n - window; p < n; p++) {
      running += r[p];
    }
    double min = Double.POSITIVE_INFINITY;
    for (int t = 0; t < n; t++) {
      out[t] = running;
      min = running < min ? running : min; // sums of non-negative counts: no NaN, no -0.0
      int leaving = t - window >= 0 ? t - window : t - window + n;
      running += r[t] - r[leaving];
    }
    return min;
  }

  /** Builds the active minutes and their histogram by recent requests, once. */
  private void buildActiveMinutes() {
    if (activeMinutes != null) {
      return;
    }
    float[] r = load.requests;
    int[] active = load.arrays.ints(r.length + 1);
    if (activeCount == r.length) {
      // Every minute is active: no minute waits for the count of those before, and the sums are
      // the month's own, shared.
      for (int t = 0; t < r.length; t++) {
        active[t] = t;
      }
      activeRecent = recentRequests;
    } else {
      for (int t = 0, a = 0; t < r.length; t++) {
        active[a] = t;
        a += oneIfPositive(r[t]);
      }
      activeRecent = new double[activeCount];
      for (int i = 0; i < activeCount; i++) {
        activeRecent[i] = recentRequests[active[i]];
      }
    }
    activeMinutes = active; // its first activeCount entries
    activeBlockMin = new double[(activeCount + ACTIVE_BLOCK - 1) / ACTIVE_BLOCK];
    for (int b = 0; b < activeBlockMin.length; b++) {
      double least = Double.POSITIVE_INFINITY;
      for (int i = b * ACTIVE_BLOCK, end = Math.min(activeCount, i + ACTIVE_BLOCK); i < end; i++) {
        least = activeRecent[i] < least ? activeRecent[i] : least;
      }
      activeBlockMin[b] = least;
    }
    quietScratch = load.arrays.ints(r.length); // a month's length, as the reused arrays are
    // Four counters per bucket in turn: most minutes fall in a few buckets, and one counter
    // would make each increment wait for the one before.
    int[] counters = new int[4 * BUCKETS];
    int i = 0;
    for (; i + 3 < activeRecent.length; i += 4) {
      counters[bucket(activeRecent[i]) << 2]++;
      counters[(bucket(activeRecent[i + 1]) << 2) + 1]++;
      counters[(bucket(activeRecent[i + 2]) << 2) + 2]++;
      counters[(bucket(activeRecent[i + 3]) << 2) + 3]++;
    }
    for (; i < activeRecent.length; i++) {
      counters[bucket(activeRecent[i]) << 2]++;
    }
    activeByRecentExponent = new int[BUCKETS];
    for (int b = 0; b < BUCKETS; b++) {
      activeByRecentExponent[b] = counters[b << 2] + counters[(b << 2) + 1] + counters[(b << 2) + 2]
          + counters[(b << 2) + 3];
    }
  }

  /**
   * 1 when {@code x > 0}, else 0, for any {@code x} but NaN, by arithmetic on its bits rather than
   * a comparison the compiler may branch on (whether a sparse load's minute has requests is
   * anybody's guess): the bits are a positive int exactly for a positive float, and {@code -bits &
   * ~bits} is negative then, and only then.
   */
  static int oneIfPositive(float x) {
    int bits = Float.floatToRawIntBits(x);
    return (-bits & ~bits) >>> 31;
  }

  /** The bucket of {@link #activeByRecentExponent} of a minute with {@code recent} recent requests. */
  private static int bucket(double recent) {
    return recent < 1 ? 0 : Math.min(BUCKETS - 1, Math.getExponent(recent) + 1);
  }

  /**
   * At least as many active minutes as have fewer than {@code busy} recent requests (the only ones
   * that add to the idle cold starts): which of the two ways of summing is cheaper.
   */
  private int quietMinutesAtMost(double busy) {
    // Bucket b (from 1) starts at 2^(b-1), below busy for b up to the exponent of busy plus one,
    // or up to the exponent alone when busy is that power of two itself.
    int exponent = Math.getExponent(busy);
    int last = busy > Math.scalb(1.0, exponent) ? exponent + 1 : exponent;
    last = Math.max(0, Math.min(activeByRecentExponent.length - 1, last));
    int quiet = 0;
    for (int b = 0; b <= last; b++) {
      quiet += activeByRecentExponent[b];
    }
    return quiet;
  }

  /**
   * {@link #computeIdle} for a series with requests in most minutes: the factors of every minute
   * in one pass, then one pass in minute order that multiplies each quiet minute's window of
   * factors (newest first, starting from 1, as the per-minute loop does) and adds its term, so
   * the result is that loop's to the bit. (That loop stops a product at 0; going on multiplies 0
   * by factors in [0, 1] and stays 0.)
   */
  private double denseIdle(double k, double busy) {
    float[] r = load.requests;
    int n = r.length;
    int window = keepAliveMinutes;
    if (window == FIVE && n > FIVE && tabled()) {
      epoch++; // the on-demand factors of the sparse path are stale now
      fillTables(k);
      float[] levelCounts = load.levels() ? load.levelRequests() : null;
      if (levelCounts != null) {
        // Levels from whole counts: each level's factor once, then one look-up a minute.
        if (levelFactors == null) {
          levelFactors = new double[levelCounts.length];
        }
        for (int level = 0; level < levelCounts.length; level++) {
          levelFactors[level] = factorOfCount((int) levelCounts[level]);
        }
        int zeroLevel = levelCounts[0] == 0 ? 0 : -1;
        return idleOfFiveFromLevels(load.levelOf(), recentRequests, busy, levelFactors, zeroLevel);
      }
      return idleOfFiveFromTables(r, recentRequests, busy, lowTable, highTable);
    }
    fillStay(k, r);
    double[] s = stay;
    double[] recent = recentRequests;
    epoch++; // the on-demand factors of the sparse path are stale now
    double cold = 0;
    int head = Math.min(window, n);
    for (int t = 0; t < head; t++) {
      // The first minutes look back into the month's end.
      if (r[t] > 0 && recent[t] < busy) {
        double product = 1;
        for (int j = 1; j <= window; j++) {
          product *= s[Math.floorMod(t - j, n)];
        }
        cold += product * (1 - s[t]);
      }
    }
    for (int t = head; t < n; t++) {
      if (r[t] > 0 && recent[t] < busy) {
        double product = s[t - 1];
        for (int j = 2; j <= window; j++) {
          product *= s[t - j];
        }
        cold += product * (1 - s[t]);
      }
    }
    return cold;
  }

  /**
   * {@link #denseIdle} for whole counts and the built-in keep-alive of five minutes: each minute's
   * factor from the tables ({@link #factorOfCount}), the five previous ones riding in registers
   * instead of being read again for every minute (the same multiplications in the same order).
   */
  private static double idleOfFiveFromTables(float[] r, double[] recent, double busy, double[] low, double[] high) {
    int n = r.length;
    // factorOfCount written out: through the helper this loop measured twice as slow.
    int mask = LOW_COUNTS - 1;
    double s1 = low[(int) r[n - 1] & mask] * high[(int) r[n - 1] >> LOW_BITS];
    double s2 = low[(int) r[n - 2] & mask] * high[(int) r[n - 2] >> LOW_BITS];
    double s3 = low[(int) r[n - 3] & mask] * high[(int) r[n - 3] >> LOW_BITS];
    double s4 = low[(int) r[n - 4] & mask] * high[(int) r[n - 4] >> LOW_BITS];
    double s5 = low[(int) r[n - 5] & mask] * high[(int) r[n - 5] >> LOW_BITS];
    double cold = 0;
    for (int t = 0; t < n; t++) {
      int j = (int) r[t];
      double now = low[j & mask] * high[j >> LOW_BITS];
      if (j > 0 && recent[t] < busy) {
        cold += ((((s1 * s2) * s3) * s4) * s5) * (1 - now);
      }
      s5 = s4;
      s4 = s3;
      s3 = s2;
      s2 = s1;
      s1 = now;
    }
    return cold;
  }

  /**
   * {@link #idleOfFiveFromTables} for a load whose levels are its whole counts: minute {@code t}'s
   * factor is {@code factors[levelOf[t]]}, the very product {@link #factorOfCount} gives for the
   * level's count, and its count is 0 exactly at level {@code zeroLevel} (-1 when no minute has
   * none). One look-up a minute instead of a conversion and two.
   */
  private static double idleOfFiveFromLevels(int[] levelOf, double[] recent, double busy, double[] factors,
      int zeroLevel) {
    int n = levelOf.length;
    double s1 = factors[levelOf[n - 1]];
    double s2 = factors[levelOf[n - 2]];
    double s3 = factors[levelOf[n - 3]];
    double s4 = factors[levelOf[n - 4]];
    double s5 = factors[levelOf[n - 5]];
    double cold = 0;
    for (int t = 0; t < n; t++) {
      int level = levelOf[t];
      double now = factors[level];
      if (level > zeroLevel && recent[t] < busy) {
        cold += ((((s1 * s2) * s3) * s4) * s5) * (1 - now);
      }
      s5 = s4;
      s4 = s3;
      s3 = s2;
      s2 = s1;
      s1 = now;
    }
    return cold;
  }

  /**
   * The tables of {@link #factorOfCount} at load factor {@code k}: {@code exp(-k i)} for {@code i}
   * below 256 and {@code exp(-256 k h)} for {@code h} up to the largest count over 256, about 260
   * to 4,350 exponentials in all instead of one a minute.
   */
  private void fillTables(double k) {
    if (lowTable == null) {
      lowTable = new double[Math.min(LOW_COUNTS, largestCount + 1)];
      highTable = new double[(largestCount >> LOW_BITS) + 1];
    }
    for (int i = 0; i < lowTable.length; i++) {
      lowTable[i] = Math.exp(-k * i);
    }
    for (int h = 0; h < highTable.length; h++) {
      highTable[h] = Math.exp(-k * ((double) h * LOW_COUNTS));
    }
  }

  /**
   * The factor of a whole count {@code j} (a series without a daily pattern): {@code exp(-k (j mod
   * 256)) x exp(-256 k floor(j / 256))}, which is {@code Math.exp(-k j)} itself below 256 (the
   * second factor is {@code exp(0) = 1}) and within a unit or two in the last place above.
   */
  private double factorOfCount(int j) {
    return factorOfCount(lowTable, highTable, j);
  }

  /** {@link #factorOfCount(int)} from the given tables, for loops that keep them in locals. */
  private static double factorOfCount(double[] low, double[] high, int j) {
    return low[j & (LOW_COUNTS - 1)] * high[j >> LOW_BITS];
  }

  /** {@code stay[t] = exp(-k r(t))} for every minute, with as few exponentials as the series allows. */
  private void fillStay(double k, float[] r) {
    int n = r.length;
    if (stay == null) {
      stay = new double[n];
      stayEpoch = new int[n];
    }
    int period = load.requestsPeriod;
    if (period < n) {
      for (int t = 0; t < period; t++) {
        stay[t] = Math.exp(-k * r[t]);
      }
      for (int t = period; t < n; t++) {
        stay[t] = stay[t - period];
      }
    } else if (integerCounts) {
      // Whole counts: from the tables of low and high parts (see factorOfCount).
      fillTables(k);
      for (int t = 0; t < n; t++) {
        stay[t] = factorOfCount((int) r[t]);
      }
    } else {
      for (int t = 0; t < n; t++) {
        stay[t] = Math.exp(-k * r[t]);
      }
    }
  }

  /**
   * Starts a new load factor for {@link #factor}: the factors are computed on demand, so minutes
   * that only follow busy windows cost nothing.
   */
  private void startFactors(double k) {
    factorK = k;
    epoch++;
    if (tabled()) {
      fillTables(k);
    } else if (stay == null) {
      // Only factors from exponentials are kept per minute.
      stay = new double[load.requests.length];
      stayEpoch = new int[load.requests.length];
    }
  }

  /** Whether a minute's factor comes from the tables of whole counts (see {@link #factorOfCount}). */
  private boolean tabled() {
    return integerCounts && load.requestsPeriod == load.requests.length;
  }

  /**
   * {@code exp(-k r(t))} at the current factor, bit for bit as a full per-minute pass computes it:
   * one exponential of the minute's count, except for whole counts of a series with no daily
   * pattern, which take {@link #factorOfCount}.
   */
  private double factor(int t) {
    float count = load.requests[t];
    if (count == 0) {
      return 1; // exp(-0), and factorOfCount(0) alike
    }
    if (tabled()) {
      return factorOfCount((int) count);
    }
    if (stayEpoch[t] != epoch) {
      // For a daily pattern count(t) equals the count of the same minute of the first day.
      stay[t] = Math.exp(-factorK * count);
      stayEpoch[t] = epoch;
    }
    return stay[t];
  }
}
