package io.fitadvisor.pricing;

/**
 * Account-level terms that change prices: Lambda's free tier and Compute/EC2 savings plans.
 *
 * @param lambdaFreeTier whether Lambda's monthly free tier (1,000,000 requests and 400,000 GB-s,
 *     shared by all functions priced together) applies
 * @param lambdaSavingsPlan fraction off Lambda duration and provisioned concurrency, in [0, 1)
 * @param fargateSavingsPlan fraction off on-demand Fargate vCPU and memory, in [0, 1)
 * @param ec2SavingsPlan fraction off on-demand EC2 instance hours, in [0, 1)
 */
public record AccountTerms(
    boolean lambdaFreeTier, double lambdaSavingsPlan, double fargateSavingsPlan, double ec2SavingsPlan) {

  /** No free tier and no savings plans: plain on-demand prices. */
  public static final AccountTerms NONE = new AccountTerms(false, 0, 0, 0);

  /** Checks that every fraction is in [0, 1). */
  public AccountTerms {
    Checks.fraction(lambdaSavingsPlan, "lambdaSavingsPlan");
    Checks.fraction(fargateSavingsPlan, "fargateSavingsPlan");
    Checks.fraction(ec2SavingsPlan, "ec2SavingsPlan");
  }

  /** On-demand prices with Lambda's free tier applied. */
  public static AccountTerms withLambdaFreeTier() {
    return new AccountTerms(true, 0, 0, 0);
  }
}
