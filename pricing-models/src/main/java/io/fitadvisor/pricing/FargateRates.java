package io.fitadvisor.pricing;

/**
 * Fargate's rates for one operating system and architecture (on demand or Spot).
 *
 * @param vcpuHourUsd US dollars per vCPU-hour
 * @param gbHourUsd US dollars per GB-hour of memory
 * @param osLicenceVcpuHourUsd US dollars per vCPU-hour of operating-system licence (0 for Linux)
 */
public record FargateRates(double vcpuHourUsd, double gbHourUsd, double osLicenceVcpuHourUsd) {

  /** Checks that every rate is finite and non-negative. */
  public FargateRates {
    Checks.nonNegative(vcpuHourUsd, "vcpuHourUsd");
    Checks.nonNegative(gbHourUsd, "gbHourUsd");
    Checks.nonNegative(osLicenceVcpuHourUsd, "osLicenceVcpuHourUsd");
  }
}
