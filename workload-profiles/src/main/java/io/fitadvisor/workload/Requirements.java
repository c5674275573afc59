package io.fitadvisor.workload;

import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;

/**
 * Hard needs of a service (the {@code requirements} block); an option that cannot meet one is
 * infeasible.
 *
 * @param gpu whether the service needs a GPU
 * @param persistentConnections whether the process itself holds WebSockets or long-lived TCP
 * @param interruptible whether it may run on Spot capacity (stopped after a 2-minute notice)
 * @param maxLatencyMs p99 latency objective in milliseconds, cold starts included; greater than 0
 */
public record Requirements(
    boolean gpu,
    boolean persistentConnections,
    boolean interruptible,
    OptionalDouble maxLatencyMs) {

  /** No hard needs: the defaults of the workload file. */
  public static final Requirements NONE =
      new Requirements(false, false, false, OptionalDouble.empty());

  /**
   * Checks the rules of the {@code requirements} block.
   *
   * @throws IllegalArgumentException naming the field, e.g. {@code maxLatencyMs: must be greater
   *     than 0 (was 0)}
   */
  public Requirements {
    requireNonNull(maxLatencyMs, "maxLatencyMs");
    Checks.positive("maxLatencyMs", maxLatencyMs);
  }
}
