package io.fitadvisor.pricing;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * Lambda's on-demand rates for one architecture in one region.
 *
 * @param requestsPerMillionUsd US dollars per 1,000,000 requests
 * @param durationPerGbSecond the monthly tiers of the duration price, US dollars per GB-s
 * @param provisionedConcurrencyPerGbSecondUsd US dollars per GB-s of provisioned capacity
 * @param provisionedDurationPerGbSecondUsd US dollars per GB-s of duration while provisioned
 */
public record LambdaRates(
    double requestsPerMillionUsd,
    TieredPrice durationPerGbSecond,
    double provisionedConcurrencyPerGbSecondUsd,
    double provisionedDurationPerGbSecondUsd) {

  /** Checks that every rate is present, finite and non-negative. */
  public LambdaRates {
    Checks.nonNegative(requestsPerMillionUsd, "requestsPerMillionUsd");
    checkNotNull(durationPerGbSecond, "durationPerGbSecond must not be null");
    Checks.nonNegative(provisionedConcurrencyPerGbSecondUsd, "provisionedConcurrencyPerGbSecondUsd");
    Checks.nonNegative(provisionedDurationPerGbSecondUsd, "provisionedDurationPerGbSecondUsd");
  }
}
