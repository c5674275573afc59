package io.fitadvisor.pricing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * Amazon ECS tasks on AWS Fargate, with their monthly running time.
 *
 * <p>Billed vCPU-hours = {@code tasks x hoursPerMonth x vcpu}; GB-hours = {@code tasks x
 * hoursPerMonth x memoryGb}; storage GB-hours = {@code tasks x hoursPerMonth x
 * (ephemeralStorageGb - 20)}.
 *
 * @param name the deployment's name
 * @param os linux or windows
 * @param architecture x86_64, or arm64 on Linux only
 * @param vcpu task vCPU; with {@code memoryGb} a valid Fargate task size ({@link FargateTaskSizes})
 * @param memoryGb task memory in GB
 * @param tasks tasks running at once, finite and >= 0 (a fraction is an average over the month)
 * @param hoursPerMonth hours each task runs in the month, 0..744
 * @param ephemeralStorageGb configured ephemeral storage, 20..200 GB (20 GB are included)
 * @param spot whether the tasks run on Fargate Spot (Linux x86_64 only)
 */
public record FargateDeployment(
    String name,
    OperatingSystem os,
    Architecture architecture,
    double vcpu,
    double memoryGb,
    double tasks,
    double hoursPerMonth,
    double ephemeralStorageGb,
    boolean spot)
    implements Deployment {

  /** Ephemeral storage included in the price, GB; also the default. */
  public static final double INCLUDED_EPHEMERAL_STORAGE_GB = 20;
  /** Highest configurable ephemeral storage, GB. */
  public static final double MAX_EPHEMERAL_STORAGE_GB = 200;

  /** Checks every argument; see the class description for the rules. */
  public FargateDeployment {
    Checks.name(name);
    checkNotNull(os, "os must not be null");
    checkNotNull(architecture, "architecture must not be null");
    checkArgument(
        os == OperatingSystem.LINUX || architecture == Architecture.X86_64,
        "architecture must be x86_64 for Windows tasks (was %s)",
        architecture.id());
    checkArgument(
        FargateTaskSizes.isValid(os, vcpu, memoryGb),
        "vcpu %s with memoryGb %s is not a valid Fargate task size for %s",
        vcpu,
        memoryGb,
        os.id());
    Checks.nonNegative(tasks, "tasks");
    Checks.hours(hoursPerMonth, "hoursPerMonth");
    checkArgument(
        ephemeralStorageGb >= INCLUDED_EPHEMERAL_STORAGE_GB && ephemeralStorageGb <= MAX_EPHEMERAL_STORAGE_GB,
        "ephemeralStorageGb must be 20..200 (was %s)",
        ephemeralStorageGb);
    checkArgument(
        !spot || (os == OperatingSystem.LINUX && architecture == Architecture.X86_64),
        "spot is offered for Linux x86_64 tasks only (was %s %s)",
        os.id(),
        architecture.id());
  }

  /** Linux x86_64 tasks, on demand, running the whole 730-hour month, with 20 GB of storage. */
  public static FargateDeployment of(String name, double vcpu, double memoryGb, double tasks) {
    return builder(name, vcpu, memoryGb, tasks).build();
  }

  /**
   * A builder starting from the defaults: Linux, x86_64, 730 hours, 20 GB storage, on demand.
   */
  public static Builder builder(String name, double vcpu, double memoryGb, double tasks) {
    return new Builder(name, vcpu, memoryGb, tasks);
  }

  @Override
  public String kind() {
    return "fargate";
  }

  /** Builds a {@link FargateDeployment}; the record's constructor checks the values. */
  public static final class Builder {
    private final String name;
    private final double vcpu;
    private final double memoryGb;
    private final double tasks;
    private OperatingSystem os = OperatingSystem.LINUX;
    private Architecture architecture = Architecture.X86_64;
    private double hoursPerMonth = BillingMonth.HOURS_PER_MONTH;
    private double ephemeralStorageGb = INCLUDED_EPHEMERAL_STORAGE_GB;
    private boolean spot;

    private Builder(String name, double vcpu, double memoryGb, double tasks) {
      this.name = name;
      this.vcpu = vcpu;
      this.memoryGb = memoryGb;
      this.tasks = tasks;
    }

    /** Sets the operating system (default Linux). */
    public Builder os(OperatingSystem os) {
      this.os = os;
      return this;
    }

    /** Sets the architecture (default x86_64). */
    public Builder architecture(Architecture architecture) {
      this.architecture = architecture;
      return this;
    }

    /** Sets the hours each task runs in the month (default 730). */
    public Builder hoursPerMonth(double hoursPerMonth) {
      this.hoursPerMonth = hoursPerMonth;
      return this;
    }

    /** Sets the ephemeral storage in GB (default 20). */
    public Builder ephemeralStorageGb(double ephemeralStorageGb) {
      this.ephemeralStorageGb = ephemeralStorageGb;
      return this;
    }

    /** Sets whether the tasks run on Fargate Spot (default false). */
    public Builder spot(boolean spot) {
      this.spot = spot;
      return this;
    }

    /** Builds the deployment. */
    public FargateDeployment build() {
      return new FargateDeployment(
          name, os, architecture, vcpu, memoryGb, tasks, hoursPerMonth, ephemeralStorageGb, spot);
    }
  }
}
