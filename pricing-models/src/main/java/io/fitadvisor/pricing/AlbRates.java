package io.fitadvisor.pricing;

/**
 * Application Load Balancer rates.
 *
 * @param hourUsd US dollars per load-balancer hour
 * @param lcuHourUsd US dollars per LCU-hour
 */
public record AlbRates(double hourUsd, double lcuHourUsd) {

  /** Checks that both rates are finite and non-negative. */
  public AlbRates {
    Checks.nonNegative(hourUsd, "hourUsd");
    Checks.nonNegative(lcuHourUsd, "lcuHourUsd");
  }
}
