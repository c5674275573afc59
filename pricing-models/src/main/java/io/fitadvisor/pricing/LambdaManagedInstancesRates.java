package io.fitadvisor.pricing;

/**
 * Lambda Managed Instances: requests are billed like Lambda's, the EC2 instances at EC2 prices, plus
 * a management fee that is a fraction of the instances' on-demand price.
 *
 * @param requestsPerMillionUsd US dollars per 1,000,000 requests
 * @param managementFeeFraction the fee as a fraction of the EC2 on-demand hourly price, in [0, 1)
 */
public record LambdaManagedInstancesRates(double requestsPerMillionUsd, double managementFeeFraction) {

  /** Checks the rate and the fraction. */
  public LambdaManagedInstancesRates {
    Checks.nonNegative(requestsPerMillionUsd, "requestsPerMillionUsd");
    Checks.fraction(managementFeeFraction, "managementFeeFraction");
  }
}
