package io.fitadvisor.pricing;

/**
 * The billing month every price in this project assumes: 730 hours, as in AWS's own calculators
 * (365 days x 24 hours / 12 months).
 */
public final class BillingMonth {
  /** Hours in the billing month: 730. */
  public static final double HOURS_PER_MONTH = 730;
  /** Minutes in the billing month: 43,800. */
  public static final double MINUTES_PER_MONTH = HOURS_PER_MONTH * 60;
  /** Seconds in the billing month: 2,628,000. */
  public static final double SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;
  /**
   * The most hours a deployment may run in one month as input: 744, a 31-day month. Inputs above
   * 730 are allowed so a user can price a long calendar month.
   */
  public static final double MAX_HOURS_PER_MONTH = 744;

  private BillingMonth() {}
}
