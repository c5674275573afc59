package io.fitadvisor.workload;

import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;

/**
 * Time to serve one request with at least one full vCPU (the service's {@code duration} block).
 *
 * @param meanMs mean duration in milliseconds, greater than 0
 * @param p99Ms 99th percentile in milliseconds, at least {@code meanMs}
 * @param maxMs the longest single request in milliseconds, at least {@code p99Ms} (or {@code
 *     meanMs} when there is no p99)
 * @param cpuFraction share of the duration that is CPU work, in (0, 1]; the rest waits on I/O and
 *     does not speed up with more CPU
 */
public record RequestDuration(
    double meanMs, OptionalDouble p99Ms, OptionalDouble maxMs, double cpuFraction) {

  /**
   * Checks the rules of the {@code duration} block.
   *
   * @throws IllegalArgumentException naming the field, e.g. {@code meanMs: must be greater than 0
   *     (was -5)}
   */
  public RequestDuration {
    Checks.positive("meanMs", meanMs);
    requireNonNull(p99Ms, "p99Ms");
    requireNonNull(maxMs, "maxMs");
    if (p99Ms.isPresent()) {
      double p99 = Checks.finite("p99Ms", p99Ms.getAsDouble());
      if (p99 < meanMs) {
        throw RuleViolation.of("p99Ms", "must be at least meanMs " + Values.number(meanMs), p99);
      }
    }
    if (maxMs.isPresent()) {
      double max = Checks.finite("maxMs", maxMs.getAsDouble());
      if (p99Ms.isPresent() && max < p99Ms.getAsDouble()) {
        throw RuleViolation.of(
            "maxMs", "must be at least p99Ms " + Values.number(p99Ms.getAsDouble()), max);
      }
      if (max < meanMs) {
        throw RuleViolation.of("maxMs", "must be at least meanMs " + Values.number(meanMs), max);
      }
    }
    Checks.fractionAboveZero("cpuFraction", cpuFraction);
  }

  /** A duration known only by its mean, all of it CPU work. */
  public static RequestDuration ofMeanMs(double meanMs) {
    return new RequestDuration(meanMs, OptionalDouble.empty(), OptionalDouble.empty(), 1.0);
  }

  /** The longest a request is known to take, in milliseconds: max, else p99, else the mean. */
  public double longestMs() {
    return maxMs.orElse(p99Ms.orElse(meanMs));
  }
}
