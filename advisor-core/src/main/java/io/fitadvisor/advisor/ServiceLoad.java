package io.fitadvisor.advisor;

import io.fitadvisor.workload.LoadSeries;
import io.fitadvisor.workload.LoadSummary;
import io.fitadvisor.workload.Service;
import java.util.Arrays;
import java.util.HashMap;
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
 * <p>Not thread-safe: one instance serves one evaluation.
 */
final class ServiceLoad {
  final Service service;
  final LoadSeries series;
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

  ServiceLoad(Service service, LoadSeries series) {
    this.service = service;
    this.series = series;
    this.summary = LoadSummary.of(series, service.duration());
    this.requests = new float[series.minutes()];
    series.copyTo(requests);
    this.concurrency = series.concurrency(service.duration().meanMs());
    this.monthlyRequests = series.monthlyRequests();
    double peak = 0;
    double rise = 0;
    int n = concurrency.length;
    for (int t = 0; t < n; t++) {
      peak = Math.max(peak, concurrency[t]);
      rise = Math.max(rise, concurrency[t] - concurrency[t == 0 ? n - 1 : t - 1]);
    }
    this.peakConcurrency = peak;
    this.largestRise = rise;
    this.requestsPeriod = period(requests);
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
    // A constant series is its own windowed maximum.
    return windows.computeIfAbsent(key,
        k -> new Window(constant ? concurrency : Windows.max(concurrency, from, to)));
  }

  /** Inputs of the cold-start model for a keep-alive window of {@code keepAliveMinutes}. */
  ColdStartInputs coldStartInputs(int keepAliveMinutes) {
    if (coldStartInputs == null || coldStartInputs.keepAliveMinutes != keepAliveMinutes) {
      coldStartInputs = new ColdStartInputs(this, keepAliveMinutes);
    }
    return coldStartInputs;
  }

  /** A windowed-maximum concurrency series and its distinct values with their minute counts. */
  static final class Window {
    final float[] perMinute;
    /** Distinct values, ascending. */
    private final float[] values;
    /** {@code above[i]}: minutes whose value is greater than {@code values[i - 1]} ({@code above[0]} = all). */
    private final int[] above;
    private final int minutes;
    private final double sum;

    Window(float[] perMinute) {
      this.perMinute = perMinute;
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
      this.above = new int[distinct.length + 1];
      double total = 0;
      for (int i = distinct.length - 1; i >= 0; i--) {
        above[i] = above[i + 1] + counts[i];
        total += (double) distinct[i] * counts[i];
      }
      this.sum = total;
    }

    /** Minutes in the series. */
    int minutes() {
      return minutes;
    }

    /** The sum of the series over the month. */
    double sum() {
      return sum;
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
        for (long j = Math.max(floor, 0); j < peakUnits; j++) {
          total += minutesAbove((j + Capacity.EPSILON) * capacity / k);
        }
        return total;
      }
      // Multiplying by the reciprocal instead of dividing each value: Capacity.units' tolerance
      // absorbs the last-bit difference.
      double perValue = k / capacity;
      for (int i = 0; i < distinct; i++) {
        double units = values[i] * perValue;
        long whole = units <= Capacity.EPSILON ? 0 : (long) Math.ceil(units - Capacity.EPSILON);
        total += (double) Math.max(floor, whole) * (above[i] - above[i + 1]);
      }
      return total;
    }

    /** Units needed at the busiest minute. */
    long peakUnits(double k, double capacity, int floor) {
      return Math.max(floor, Capacity.units(k * values[values.length - 1], capacity));
    }

    /** Minutes whose value is greater than {@code threshold}. */
    private int minutesAbove(double threshold) {
      int lo = 0;
      int hi = values.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (values[mid] <= threshold) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return above[lo];
    }
  }

  /**
   * What the cold-start model reads for a keep-alive window {@code K}: the requests in the
   * previous {@code K} minutes of each minute (only their minimum is kept: it decides whether
   * idle gaps matter at all), and the minutes whose concurrency rises above the previous {@code
   * K} minutes' peak (the warm pool), since only they start new environments beyond the first.
   */
  static final class ColdStartInputs {
    /** exp(-40) is below 1e-17: windows with more recent requests start nothing cold. */
    private static final double NEGLIGIBLE_EXPONENT = 40;
    private static final int LARGEST_TABLED_COUNT = 1 << 20;

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
    private final int[] activeMinutes;
    // Scratch for one load factor at a time: exp(-k r(t)) per minute, valid where stayEpoch[t] ==
    // epoch, and the table of exp(-k j) for whole counts j, valid up to tableFilled.
    private double factorK;
    private double[] stay;
    private double[] windowProduct;
    private int[] stayEpoch;
    private int epoch;
    private double[] table;
    private double tableStep;
    private int tableFilled;
    private double lastFactor = Double.NaN;
    private double lastIdle;

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
        activeMinutes = new int[0];
        return;
      }
      double[] recent = Windows.sum(load.requests, -keepAliveMinutes, -1);
      this.recentRequests = recent;
      double min = Double.POSITIVE_INFINITY;
      for (double r : recent) {
        min = Math.min(min, r);
      }
      this.minRecentRequests = Math.max(0, min);
      float[] pool = Windows.max(load.concurrency, -keepAliveMinutes, -1);
      int count = 0;
      for (int t = 0; t < pool.length; t++) {
        if (load.concurrency[t] > pool[t]) {
          count++;
        }
      }
      risingMinutes = new int[count];
      poolAtRise = new float[count];
      int i = 0;
      boolean integers = true;
      float largest = 0;
      float largestRising = 0;
      for (int t = 0; t < pool.length; t++) {
        if (load.concurrency[t] > pool[t]) {
          risingMinutes[i] = t;
          poolAtRise[i++] = pool[t];
          largestRising = Math.max(largestRising, load.concurrency[t]);
        }
        float r = load.requests[t];
        integers &= r == Math.rint(r);
        largest = Math.max(largest, r);
      }
      int active = 0;
      for (float r : load.requests) {
        if (r > 0) {
          active++;
        }
      }
      activeMinutes = new int[active];
      for (int t = 0, a = 0; t < pool.length; t++) {
        if (load.requests[t] > 0) {
          activeMinutes[a++] = t;
        }
      }
      this.largestRisingConcurrency = largestRising;
      this.integerCounts = integers && largest <= LARGEST_TABLED_COUNT;
      this.largestCount = (int) largest;
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
      if (2 * activeMinutes.length >= n) {
        return denseIdle(k, busy);
      }
      startFactors(k);
      double cold = 0;
      for (int t : activeMinutes) {
        if (recentRequests[t] < busy) {
          double product = 1; // exp(-k R(t)) as a product of the previous minutes' factors
          for (int j = 1; j <= window && product > 0; j++) {
            product *= factor(t - j >= 0 ? t - j : t - j + n);
          }
          cold += product * (1 - factor(t));
        }
      }
      return cold;
    }

    /**
     * {@link #computeIdle} for a series with requests in most minutes: the factors of every minute,
     * then the window products in K whole-array passes (independent multiplications the JIT turns
     * into vector instructions), then the sum. Each minute's product still multiplies its previous
     * minutes' factors newest first starting from 1, and the minutes are summed in the same order,
     * so the result is the per-minute loop's to the bit. (That loop stops a product at 0; going on
     * multiplies 0 by factors in [0, 1] and stays 0.)
     */
    private double denseIdle(double k, double busy) {
      float[] r = load.requests;
      int n = r.length;
      int window = keepAliveMinutes;
      if (stay == null) {
        stay = new double[n];
        stayEpoch = new int[n];
      }
      if (windowProduct == null) {
        windowProduct = new double[n];
      }
      fillStay(k, r);
      double[] s = stay;
      double[] product = windowProduct;
      epoch++; // the on-demand factors of the sparse path are stale now
      for (int t = 0; t < n; t++) {
        product[t] = s[t - 1 >= 0 ? t - 1 : t - 1 + n];
      }
      for (int j = 2; j <= window; j++) {
        for (int t = 0; t < j; t++) {
          product[t] *= s[t - j + n];
        }
        for (int t = j; t < n; t++) {
          product[t] *= s[t - j];
        }
      }
      double cold = 0;
      for (int t = 0; t < n; t++) {
        if (r[t] > 0 && recentRequests[t] < busy) {
          cold += product[t] * (1 - s[t]);
        }
      }
      return cold;
    }

    /** {@code stay[t] = exp(-k r(t))} for every minute, with as few exponentials as the series allows. */
    private void fillStay(double k, float[] r) {
      int n = r.length;
      int period = load.requestsPeriod;
      if (period < n) {
        for (int t = 0; t < period; t++) {
          stay[t] = Math.exp(-k * r[t]);
        }
        for (int t = period; t < n; t++) {
          stay[t] = stay[t - period];
        }
      } else if (integerCounts && largestCount < n) {
        // Whole counts: exp(-k j) for every count j by repeated multiplication.
        if (table == null) {
          table = new double[largestCount + 1];
        }
        double step = Math.exp(-k);
        table[0] = 1;
        for (int j = 1; j <= largestCount; j++) {
          table[j] = table[j - 1] < 1e-300 ? 0 : table[j - 1] * step;
        }
        for (int t = 0; t < n; t++) {
          stay[t] = table[(int) r[t]];
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
      if (stay == null) {
        stay = new double[load.requests.length];
        stayEpoch = new int[load.requests.length];
      }
      epoch++;
      if (integerCounts && largestCount < load.requests.length && load.requestsPeriod == load.requests.length) {
        if (table == null) {
          table = new double[largestCount + 1];
        }
        table[0] = 1;
        tableStep = Math.exp(-k);
        tableFilled = 0;
      }
    }

    /**
     * {@code exp(-k r(t))} at the current factor, bit for bit as a full per-minute pass computes it:
     * one exponential of the minute's count, except for whole counts of a series with no daily
     * pattern, where {@code exp(-k j)} comes from a table built by repeated multiplication (here
     * extended only as far as the counts asked for).
     */
    private double factor(int t) {
      float count = load.requests[t];
      if (count == 0) {
        return 1; // exp(-0) and table[0] alike
      }
      if (integerCounts && largestCount < stay.length && load.requestsPeriod == stay.length) {
        int j = (int) count;
        while (tableFilled < j) {
          double previous = table[tableFilled];
          table[++tableFilled] = previous < 1e-300 ? 0 : previous * tableStep;
        }
        return table[j];
      }
      if (stayEpoch[t] != epoch) {
        // For a daily pattern count(t) equals the count of the same minute of the first day.
        stay[t] = Math.exp(-factorK * count);
        stayEpoch[t] = epoch;
      }
      return stay[t];
    }
  }
}
