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
}
