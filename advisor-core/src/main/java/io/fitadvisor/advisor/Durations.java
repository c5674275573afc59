package io.fitadvisor.advisor;

/**
 * The duration model shared by every target: a request that takes {@code meanMs} with at least one
 * full vCPU takes {@code meanMs x ((1 - cpuFraction) + cpuFraction / min(1, vcpu))} with {@code
 * vcpu} of a CPU. The CPU part slows down below one vCPU and does not speed up above it (a request
 * is taken to be single-threaded); the I/O part does not change.
 */
final class Durations {
  private Durations() {}

  /** How many times longer a request takes with {@code vcpu} vCPU than with a full one; at least 1. */
  static double slowdown(double cpuFraction, double vcpu) {
    return (1 - cpuFraction) + cpuFraction / Math.min(1, vcpu);
  }
}
