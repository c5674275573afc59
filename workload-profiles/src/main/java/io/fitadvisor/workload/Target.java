package io.fitadvisor.workload;

/**
 * Where the advisor can place a service, declared from the most managed to the least managed:
 * {@link #ordinal()} order is the tie-break order of the recommendation (a tie goes to the earlier
 * constant).
 */
public enum Target {
  /** AWS Lambda on demand. */
  LAMBDA("lambda"),
  /** Lambda functions on EC2 capacity that Lambda manages. */
  LAMBDA_MANAGED_INSTANCES("lambda-managed-instances"),
  /** Amazon ECS tasks on AWS Fargate, on demand. */
  FARGATE("fargate"),
  /** Amazon ECS tasks on Fargate Spot (interruptible services only). */
  FARGATE_SPOT("fargate-spot"),
  /** Amazon ECS tasks on an EC2 cluster the user runs. */
  ECS_EC2("ecs-ec2"),
  /** Container tasks for the baseline, Lambda for the overflow above it. */
  HYBRID("hybrid");

  private final String id;

  Target(String id) {
    this.id = id;
  }

  /**
   * The spelling of the workload file and the JSON output, e.g. {@code lambda-managed-instances}.
   */
  public String id() {
    return id;
  }

  /**
   * The target spelled {@code id}.
   *
   * @throws IllegalArgumentException for any other text, listing the known ids
   */
  public static Target fromId(String id) {
    return Ids.fromId(values(), Target::id, "target", id);
  }
}
