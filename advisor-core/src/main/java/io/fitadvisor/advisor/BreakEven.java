package io.fitadvisor.advisor;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.fitadvisor.workload.Target;

/**
 * The average request rate at which two feasible targets cost the same per month, when the
 * service's whole load shape is scaled up or down (every minute multiplied by one factor).
 * Below the rate one target is cheaper, above it the other.
 *
 * @param first the more managed target of the pair (earlier in {@link Target} order)
 * @param second the other target
 * @param requestsPerSecond average requests per second over the month where the costs cross,
 *     greater than 0 and at most 1,000,000
 */
public record BreakEven(Target first, Target second, double requestsPerSecond) {

  /** Checks the pair and the rate. */
  public BreakEven {
    checkNotNull(first, "first must not be null");
    checkNotNull(second, "second must not be null");
    checkArgument(first != second, "a break-even needs two different targets (was %s twice)", first);
    checkArgument(Double.isFinite(requestsPerSecond) && requestsPerSecond > 0,
        "requestsPerSecond must be a finite number greater than 0 (was %s)", requestsPerSecond);
  }
}
