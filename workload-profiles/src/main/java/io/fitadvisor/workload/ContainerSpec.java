package io.fitadvisor.workload;

import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * How a service runs as a container task, when the user pins it (the {@code container} block).
 * Absent values are chosen by the advisor.
 *
 * @param vcpu task size in vCPU, greater than 0
 * @param memoryMb task memory in MB, greater than 0 (and, within a service, at least the memory one
 *     request needs)
 * @param concurrency requests one task serves at once at the service's duration, at least 1
 * @param minTasks tasks that always run, 0 or more; default 1
 * @param targetUtilization share of a task's capacity the autoscaler aims to use, in (0, 1];
 *     default 0.7
 * @param startupSeconds seconds from launching a task to serving, 0 or more
 */
public record ContainerSpec(
    OptionalDouble vcpu,
    OptionalInt memoryMb,
    OptionalInt concurrency,
    int minTasks,
    double targetUtilization,
    OptionalDouble startupSeconds) {

  /** The default number of tasks that always run. */
  public static final int DEFAULT_MIN_TASKS = 1;

  /** The default target utilization. */
  public static final double DEFAULT_TARGET_UTILIZATION = 0.7;

  /** Nothing pinned: one task minimum, 70 % target utilization. */
  public static final ContainerSpec DEFAULT =
      new ContainerSpec(
          OptionalDouble.empty(),
          OptionalInt.empty(),
          OptionalInt.empty(),
          DEFAULT_MIN_TASKS,
          DEFAULT_TARGET_UTILIZATION,
          OptionalDouble.empty());

  /**
   * Checks the rules of the {@code container} block.
   *
   * @throws IllegalArgumentException naming the field, e.g. {@code targetUtilization: must be
   *     greater than 0 and at most 1 (was 1.5)}
   */
  public ContainerSpec {
    requireNonNull(vcpu, "vcpu");
    requireNonNull(memoryMb, "memoryMb");
    requireNonNull(concurrency, "concurrency");
    requireNonNull(startupSeconds, "startupSeconds");
    Checks.positive("vcpu", vcpu);
    Checks.positive("memoryMb", memoryMb);
    Checks.positive("concurrency", concurrency);
    Checks.nonNegative("minTasks", minTasks);
    Checks.fractionAboveZero("targetUtilization", targetUtilization);
    Checks.nonNegative("startupSeconds", startupSeconds);
  }

  /** A builder starting from {@link #DEFAULT}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ContainerSpec}; unset values keep the defaults. */
  public static final class Builder {
    private OptionalDouble vcpu = OptionalDouble.empty();
    private OptionalInt memoryMb = OptionalInt.empty();
    private OptionalInt concurrency = OptionalInt.empty();
    private int minTasks = DEFAULT_MIN_TASKS;
    private double targetUtilization = DEFAULT_TARGET_UTILIZATION;
    private OptionalDouble startupSeconds = OptionalDouble.empty();

    private Builder() {}

    /** Task size in vCPU. */
    public Builder vcpu(double vcpu) {
      this.vcpu = OptionalDouble.of(vcpu);
      return this;
    }

    /** Task memory in MB. */
    public Builder memoryMb(int memoryMb) {
      this.memoryMb = OptionalInt.of(memoryMb);
      return this;
    }

    /** Requests one task serves at once. */
    public Builder concurrency(int concurrency) {
      this.concurrency = OptionalInt.of(concurrency);
      return this;
    }

    /** Tasks that always run. */
    public Builder minTasks(int minTasks) {
      this.minTasks = minTasks;
      return this;
    }

    /** Share of capacity the autoscaler aims to use, in (0, 1]. */
    public Builder targetUtilization(double targetUtilization) {
      this.targetUtilization = targetUtilization;
      return this;
    }

    /** Seconds from launching a task to serving. */
    public Builder startupSeconds(double startupSeconds) {
      this.startupSeconds = OptionalDouble.of(startupSeconds);
      return this;
    }

    /**
     * The spec.
     *
     * @throws IllegalArgumentException when a rule is broken, naming the field
     */
    public ContainerSpec build() {
      return new ContainerSpec(
          vcpu, memoryMb, concurrency, minTasks, targetUtilization, startupSeconds);
    }
  }
}
