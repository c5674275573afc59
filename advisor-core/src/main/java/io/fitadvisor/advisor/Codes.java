package io.fitadvisor.advisor;

/** The stable codes of {@link Finding}s; docs/ADVISOR.md lists what each means. */
final class Codes {
  private Codes() {}

  // Violations (the option is infeasible).
  static final String LAMBDA_TIMEOUT = "LAMBDA_TIMEOUT";
  static final String LAMBDA_MEMORY = "LAMBDA_MEMORY";
  static final String LAMBDA_PAYLOAD = "LAMBDA_PAYLOAD";
  static final String LAMBDA_PACKAGE_SIZE = "LAMBDA_PACKAGE_SIZE";
  static final String LAMBDA_EPHEMERAL_STORAGE = "LAMBDA_EPHEMERAL_STORAGE";
  static final String LAMBDA_RUNTIME = "LAMBDA_RUNTIME";
  static final String GPU_UNAVAILABLE = "GPU_UNAVAILABLE";
  static final String PERSISTENT_CONNECTIONS = "PERSISTENT_CONNECTIONS";
  static final String FARGATE_TASK_SIZE = "FARGATE_TASK_SIZE";
  static final String FARGATE_EPHEMERAL_STORAGE = "FARGATE_EPHEMERAL_STORAGE";
  static final String NOT_INTERRUPTIBLE = "NOT_INTERRUPTIBLE";
  static final String LATENCY_OBJECTIVE = "LATENCY_OBJECTIVE";
  static final String ARCHITECTURE_UNAVAILABLE = "ARCHITECTURE_UNAVAILABLE";
  static final String EC2_INSTANCE_SIZE = "EC2_INSTANCE_SIZE";
  /** Kept for readers of older reports: every target is modelled now. */
  static final String NOT_MODELLED = "NOT_MODELLED";

  // Warnings (the option stays feasible).
  static final String COLD_START_LATENCY = "COLD_START_LATENCY";
  static final String THROTTLING_RISK = "THROTTLING_RISK";
  static final String SCALE_OUT_LAG = "SCALE_OUT_LAG";
  static final String DEPRECATED_RUNTIME = "DEPRECATED_RUNTIME";
  static final String SPOT_INTERRUPTION = "SPOT_INTERRUPTION";
  static final String OVERFLOW_ROUTING = "OVERFLOW_ROUTING";
}
