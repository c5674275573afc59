package io.fitadvisor.pricing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * An EC2 instance type with its Linux prices in one region.
 *
 * @param name e.g. {@code m6g.large}
 * @param architecture x86_64 or arm64
 * @param vcpu virtual CPUs
 * @param memoryGib memory in GiB
 * @param gpus GPUs, 0 when none
 * @param gpuModel e.g. {@code NVIDIA T4}; empty when there is no GPU
 * @param onDemandHourlyUsd on-demand US dollars per instance-hour
 * @param spotHourlyUsd an estimate of the Spot US dollars per instance-hour (Spot prices float)
 */
public record Ec2InstanceType(
    String name,
    Architecture architecture,
    double vcpu,
    double memoryGib,
    int gpus,
    String gpuModel,
    double onDemandHourlyUsd,
    double spotHourlyUsd) {

  /** Checks every field. */
  public Ec2InstanceType {
    checkArgument(name != null && !name.isBlank(), "name must not be blank (was '%s')", name);
    checkNotNull(architecture, "architecture must not be null");
    checkArgument(Double.isFinite(vcpu) && vcpu > 0, "vcpu must be > 0 (was %s)", vcpu);
    checkArgument(Double.isFinite(memoryGib) && memoryGib > 0, "memoryGib must be > 0 (was %s)", memoryGib);
    checkArgument(gpus >= 0, "gpus must be >= 0 (was %s)", gpus);
    checkNotNull(gpuModel, "gpuModel must not be null (use \"\" when there is no GPU)");
    Checks.nonNegative(onDemandHourlyUsd, "onDemandHourlyUsd");
    Checks.nonNegative(spotHourlyUsd, "spotHourlyUsd");
  }
}
