package io.fitadvisor.pricing;

/**
 * An Application Load Balancer: {@code hoursPerMonth x} the hourly rate plus {@code hoursPerMonth x
 * lcu x} the LCU-hour rate.
 *
 * @param name the deployment's name
 * @param hoursPerMonth hours the load balancer exists in the month, 0..744
 * @param lcu average load balancer capacity units in use, finite and >= 0
 */
public record AlbDeployment(String name, double hoursPerMonth, double lcu) implements Deployment {

  /** Checks every argument. */
  public AlbDeployment {
    Checks.name(name);
    Checks.hours(hoursPerMonth, "hoursPerMonth");
    Checks.nonNegative(lcu, "lcu");
  }

  /** A load balancer running the whole 730-hour month. */
  public static AlbDeployment of(String name, double lcu) {
    return new AlbDeployment(name, BillingMonth.HOURS_PER_MONTH, lcu);
  }

  @Override
  public String kind() {
    return "alb";
  }
}
