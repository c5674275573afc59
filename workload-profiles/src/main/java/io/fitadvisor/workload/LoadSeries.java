package io.fitadvisor.workload;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;

/**
 * Requests in each minute of one billing month of 730 hours (43,800 minutes), the month of AWS's
 * calculators. Immutable and compact: one {@code float} per minute (171 KB).
 *
 * <p>Totals are kept in {@code double}: {@link #monthlyRequests()} and the busiest minute are
 * computed once from the exact per-minute values when the series is built from a shape, so a shape
 * such as {@code steady: {monthlyRequests: 1000000}} reports exactly 1,000,000 even though each
 * stored minute ({@code 22.83105...}) is rounded to a float.
 */
public final class LoadSeries {
  /** Minutes in the 730-hour month: 730 x 60. */
  public static final int MINUTES_PER_MONTH = 43_800;

  /** Seconds in the 730-hour month: 43,800 x 60. */
  public static final int SECONDS_PER_MONTH = MINUTES_PER_MONTH * 60;

  /** Minutes in a day. */
  public static final int MINUTES_PER_DAY = 1_440;

  private final float[] requestsPerMinute;
  private final double monthlyRequests;
  private final double busiestMinuteRequests;
  private final List<String> notes;
  /**
   * The peak of the last window slid over the month with its length, kept so that asking for the
   * concurrency and then its peak (as every advice does) slides the window once. Immutable, so a
   * racy read sees a whole pair or null.
   */
  private Peak lastPeak;

  private record Peak(double windowMinutes, double concurrency) {}

  private LoadSeries(
      float[] requestsPerMinute,
      double monthlyRequests,
      double busiestMinuteRequests,
      List<String> notes) {
    this.requestsPerMinute = requestsPerMinute;
    this.monthlyRequests = monthlyRequests;
    this.busiestMinuteRequests = busiestMinuteRequests;
    this.notes = List.copyOf(notes);
  }

  /**
   * A series of the given per-minute request counts, copied.
   *
   * @param requestsPerMinute {@value #MINUTES_PER_MONTH} finite counts, each 0 or more
   * @throws IllegalArgumentException when the length or a count is wrong
   */
  public static LoadSeries of(float[] requestsPerMinute) {
    return of(requestsPerMinute, List.of());
  }

  /**
   * A series of the given per-minute request counts, copied, with notes for the report.
   *
   * @throws IllegalArgumentException when the length or a count is wrong
   */
  public static LoadSeries of(float[] requestsPerMinute, List<String> notes) {
    requireNonNull(requestsPerMinute, "requestsPerMinute");
    requireNonNull(notes, "notes");
    checkArgument(
        requestsPerMinute.length == MINUTES_PER_MONTH,
        "requestsPerMinute must have %s minutes (was %s)",
        MINUTES_PER_MONTH,
        requestsPerMinute.length);
    double[] exact = new double[MINUTES_PER_MONTH];
    for (int minute = 0; minute < MINUTES_PER_MONTH; minute++) {
      float count = requestsPerMinute[minute];
      // Not checkArgument: its arguments (a boxed minute, the count as text) would be built for
      // every one of the month's minutes.
      if (!(Float.isFinite(count) && count >= 0)) {
        throw new IllegalArgumentException(String.format(
            "requestsPerMinute[%s] must be a finite number, 0 or more (was %s)", minute, count));
      }
      exact[minute] = count;
    }
    return fromExact(exact, notes);
  }

  /**
   * A series from exact per-minute counts; the caller has checked them. Totals come from the
   * doubles (compensated sum), the stored minutes are their float roundings.
   */
  static LoadSeries fromExact(double[] requestsPerMinute, List<String> notes) {
    return fromExact(requestsPerMinute, sum(requestsPerMinute), notes);
  }

  /** As {@link #fromExact(double[], List)}, with a monthly total the caller knows exactly. */
  static LoadSeries fromExact(
      double[] requestsPerMinute, double monthlyRequests, List<String> notes) {
    float[] stored = new float[MINUTES_PER_MONTH];
    double busiest = 0;
    for (int minute = 0; minute < MINUTES_PER_MONTH; minute++) {
      double count = requestsPerMinute[minute];
      stored[minute] = (float) count;
      if (count > busiest) {
        busiest = count;
      }
    }
    return new LoadSeries(stored, monthlyRequests, busiest, notes);
  }

  /** Neumaier's compensated sum: exact to about 1e-16 relative whatever the order of magnitude. */
  static double sum(double[] values) {
    double sum = 0;
    double compensation = 0;
    for (double value : values) {
      double next = sum + value;
      if (Math.abs(sum) >= Math.abs(value)) {
        compensation += (sum - next) + value;
      } else {
        compensation += (value - next) + sum;
      }
      sum = next;
    }
    return sum + compensation;
  }

  /** Always {@value #MINUTES_PER_MONTH}. */
  public int minutes() {
    return requestsPerMinute.length;
  }

  /** Requests in minute {@code minute} (0 to 43,799). */
  public float requestsInMinute(int minute) {
    checkElementIndex(minute, requestsPerMinute.length, "minute");
    return requestsPerMinute[minute];
  }

  /**
   * Copies the per-minute counts into {@code destination}, for fast loops without exposing the
   * array.
   *
   * @throws IllegalArgumentException when {@code destination} is shorter than {@link #minutes()}
   */
  public void copyTo(float[] destination) {
    checkArgument(
        destination.length >= requestsPerMinute.length,
        "destination must hold %s minutes (was %s)",
        requestsPerMinute.length,
        destination.length);
    System.arraycopy(requestsPerMinute, 0, destination, 0, requestsPerMinute.length);
  }

  /** Requests in the month: the sum of every minute. */
  public double monthlyRequests() {
    return monthlyRequests;
  }

  /** {@code monthlyRequests / 2,628,000} seconds. */
  public double averageRequestsPerSecond() {
    return monthlyRequests / SECONDS_PER_MONTH;
  }

  /** The busiest minute's requests divided by 60. */
  public double peakRequestsPerSecond() {
    return busiestMinuteRequests / 60;
  }

  /** Notes for the report on how the series was made, e.g. that a trace was repeated. */
  public List<String> notes() {
    return notes;
  }

  /**
   * This series with every minute multiplied by {@code factor} (totals too); notes are kept.
   *
   * @param factor finite, 0 or more
   */
  public LoadSeries scaled(double factor) {
    checkArgument(
        Double.isFinite(factor) && factor >= 0,
        "factor must be a finite number, 0 or more (was %s)",
        factor);
    float[] scaled = new float[requestsPerMinute.length];
    for (int minute = 0; minute < scaled.length; minute++) {
      scaled[minute] = (float) (requestsPerMinute[minute] * factor);
    }
    return new LoadSeries(scaled, monthlyRequests * factor, busiestMinuteRequests * factor, notes);
  }

  /**
   * The most requests in flight at once during the month, by Little's law over a window as long as
   * a request (see {@link #concurrency(double)}). For requests of at most 60 s this is the busiest
   * minute's rate times the duration: {@code peakRequestsPerSecond x meanDurationMs / 1000}.
   *
   * @param meanDurationMs mean request duration in milliseconds, greater than 0
   */
  public double peakConcurrency(double meanDurationMs) {
    double windowMinutes = windowMinutes(meanDurationMs);
    if (windowMinutes <= 1) {
      // The window lies inside one minute: the exact busiest minute gives the exact peak.
      return busiestMinuteRequests * windowMinutes;
    }
    Peak last = lastPeak;
    if (last != null && last.windowMinutes() == windowMinutes) {
      return last.concurrency();
    }
    return window(windowMinutes, null);
  }

  /**
   * Requests in flight at the end of each minute, by Little's law over a window as long as one
   * request: a request of {@code D} seconds that started in the last {@code D} seconds is still
   * running. Requests are spread evenly within their minute, so a window that covers part of a
   * minute counts that part of its requests. The month repeats: the window of the first minutes
   * reaches back into the end of the month.
   *
   * <p>At a steady rate {@code r} per second this is {@code r x D}; a 30-minute task started once a
   * day counts 1 for the 30 minutes it runs, not 30.
   *
   * @param meanDurationMs mean request duration in milliseconds, greater than 0
   */
  public float[] concurrency(double meanDurationMs) {
    float[] result = new float[requestsPerMinute.length];
    concurrencyTo(meanDurationMs, result);
    return result;
  }

  /**
   * Writes {@link #concurrency(double)} into the first {@link #minutes()} elements of {@code
   * destination}, for callers that reuse their arrays.
   *
   * @param meanDurationMs mean request duration in milliseconds, greater than 0
   * @throws IllegalArgumentException when {@code destination} is shorter than {@link #minutes()}
   */
  public void concurrencyTo(double meanDurationMs, float[] destination) {
    double windowMinutes = windowMinutes(meanDurationMs);
    checkArgument(
        destination.length >= requestsPerMinute.length,
        "destination must hold %s minutes (was %s)",
        requestsPerMinute.length,
        destination.length);
    if (windowMinutes <= 1) {
      for (int minute = 0; minute < requestsPerMinute.length; minute++) {
        destination[minute] = inFlight(requestsPerMinute[minute], windowMinutes);
      }
      return;
    }
    window(windowMinutes, destination);
  }

  /**
   * The concurrency {@link #concurrency(double)} gives a minute with {@code requests} requests when
   * a request lasts at most a minute ({@code meanDurationMs} up to 60,000): {@code requests x
   * meanDurationMs / 60,000} as a float, a function of the minute's requests alone (callers that
   * meet the same count in many minutes work it out once).
   *
   * @param requests the minute's requests
   * @param meanDurationMs mean request duration in milliseconds, greater than 0 and at most 60,000
   */
  public static float minuteConcurrency(float requests, double meanDurationMs) {
    double windowMinutes = windowMinutes(meanDurationMs);
    checkArgument(windowMinutes <= 1, "meanDurationMs must be at most 60000 (was %s)", meanDurationMs);
    return inFlight(requests, windowMinutes);
  }

  /** Requests in flight with a window of at most a minute: one formula for both callers. */
  private static float inFlight(float requests, double windowMinutes) {
    return (float) (requests * windowMinutes);
  }

  /**
   * Slides a window of {@code w > 1} minutes over the month, writing each minute's value into
   * {@code result} when given, and returns the largest.
   */
  private double window(double w, float[] result) {
    // Window (t + 1 - w, t + 1] in minutes: whole minutes t, t-1, ..., t-k+1 and a share f of
    // minute t-k, where k = floor(w), f = w - k. Whole laps of the month add k / n whole months.
    final float[] counts = requestsPerMinute;
    final int n = counts.length;
    long whole = (long) Math.floor(w);
    double share = w - whole;
    int rest = (int) (whole % n);
    double lapsRequests = whole >= n ? (whole / n) * sum(toDoubles()) : 0;
    double running = 0;
    for (int j = 0; j < rest; j++) {
      running += counts[j == 0 ? 0 : n - j];
    }
    double peak = 0;
    int oldest = n - rest; // index of minute t - k for t = 0, kept in [0, n)
    if (oldest == n) {
      oldest = 0;
    }
    for (int minute = 0; minute < n; minute++) {
      if (minute > 0) {
        // Minute t joins the window; minute t - k leaves the whole minutes and becomes the share.
        oldest = oldest + 1 == n ? 0 : oldest + 1;
        running += counts[minute] - (double) counts[oldest];
      }
      double value = lapsRequests + running + share * counts[oldest];
      // Plain comparisons: Math.max's NaN and -0.0 rules cost time here and cannot arise.
      if (value < 0) {
        value = 0; // running sums can drift a hair below zero
      }
      if (value > peak) {
        peak = value;
      }
      if (result != null) {
        result[minute] = (float) value;
      }
    }
    lastPeak = new Peak(w, peak);
    return peak;
  }

  private double[] toDoubles() {
    double[] values = new double[requestsPerMinute.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = requestsPerMinute[i];
    }
    return values;
  }

  private static double windowMinutes(double meanDurationMs) {
    checkArgument(
        Double.isFinite(meanDurationMs) && meanDurationMs > 0,
        "meanDurationMs must be a finite number greater than 0 (was %s)",
        meanDurationMs);
    return meanDurationMs / 60_000;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LoadSeries that
        && Arrays.equals(requestsPerMinute, that.requestsPerMinute)
        && Double.compare(monthlyRequests, that.monthlyRequests) == 0
        && Double.compare(busiestMinuteRequests, that.busiestMinuteRequests) == 0
        && notes.equals(that.notes);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(requestsPerMinute) + Double.hashCode(monthlyRequests);
  }

  @Override
  public String toString() {
    return "LoadSeries[monthlyRequests="
        + monthlyRequests
        + ", peakRequestsPerSecond="
        + peakRequestsPerSecond()
        + ", notes="
        + notes
        + "]";
  }
}
