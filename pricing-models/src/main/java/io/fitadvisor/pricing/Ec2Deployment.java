package io.fitadvisor.pricing;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * EC2 instances (for example an ECS cluster's capacity), priced at {@code count x hoursPerMonth x}
 * the instance's hourly rate. ECS itself adds nothing.
 *
 * @param name the deployment's name
 * @param instanceType an instance type of the region's catalog, e.g. {@code m6g.large}
 * @param count instances running at once, finite and >= 0 (a fraction is an average)
 * @param hoursPerMonth hours each instance runs in the month, 0..744
 * @param spot whether to price at the catalog's Spot estimate instead of on demand
 */
public record Ec2Deployment(String name, String instanceType, double count, double hoursPerMonth, boolean spot)
    implements Deployment {

  /** Checks every argument. */
  public Ec2Deployment {
    Checks.name(name);
    checkArgument(
        instanceType != null && !instanceType.isBlank(), "instanceType must not be blank (was '%s')", instanceType);
    Checks.nonNegative(count, "count");
    Checks.hours(hoursPerMonth, "hoursPerMonth");
  }

  /** On-demand instances running the whole 730-hour month. */
  public static Ec2Deployment of(String name, String instanceType, double count) {
    return new Ec2Deployment(name, instanceType, count, BillingMonth.HOURS_PER_MONTH, false);
  }

  @Override
  public String kind() {
    return "ec2";
  }
}
