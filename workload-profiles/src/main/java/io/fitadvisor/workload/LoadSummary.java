package io.fitadvisor.workload;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A service's load as the {@code profile} command and the {@code advise} output show it.
 *
 * @param monthlyRequests requests in the 730-hour month
 * @param averageRequestsPerSecond {@code monthlyRequests / 2,628,000}
 * @param peakRequestsPerSecond the busiest minute's requests / 60
 * @param peakConcurrency requests in flight at the busiest moment, by Little's law (see {@link
 *     LoadSeries#peakConcurrency(double)}); for requests up to 60 s, {@code peakRequestsPerSecond x
 *     meanMs / 1000}
 * @param notes how the series was made, e.g. {@code trace of 1,440 minutes repeated to fill the
 *     month}
 */
public record LoadSummary(
    double monthlyRequests,
    double averageRequestsPerSecond,
    double peakRequestsPerSecond,
    double peakConcurrency,
    List<String> notes) {

  /** Copies the notes. */
  public LoadSummary {
    notes = List.copyOf(notes);
  }

  /** Summarizes {@code series} for requests of the given duration. */
  public static LoadSummary of(LoadSeries series, RequestDuration duration) {
    requireNonNull(series, "series");
    requireNonNull(duration, "duration");
    return new LoadSummary(
        series.monthlyRequests(),
        series.averageRequestsPerSecond(),
        series.peakRequestsPerSecond(),
        series.peakConcurrency(duration.meanMs()),
        series.notes());
  }
}
