package io.fitadvisor.advisor;

import io.fitadvisor.pricing.ApiGatewayDeployment;
import io.fitadvisor.pricing.Architecture;
import io.fitadvisor.pricing.LambdaDeployment;
import io.fitadvisor.workload.Target;

/**
 * One way the plan can run one service, split into the part nobody shares and the parts that are
 * priced with other services.
 *
 * @param target the target
 * @param option the service's option for that target (configuration, warnings)
 * @param placement {@code own}, or {@code shared ARCH cluster} for ECS tasks on the shared cluster
 * @param ownUsd what nobody shares, US dollars a month: container tasks or instances, Lambda
 *     Managed Instances, the hybrid's baseline
 * @param lambda the function billed by the account's Lambda usage (the service itself, or the
 *     hybrid's overflow); null when none
 * @param api the API Gateway front door, billed with the account's API tiers; null when none
 * @param albLcu average LCUs on a shared Application Load Balancer; NaN when the choice has none
 * @param clusterArchitecture the shared ECS cluster's architecture; null when not on it
 * @param clusterTasks the tasks to pack there; null when not on it
 * @param aloneUsd the choice's cost priced as if the service were alone in the account
 */
record PlanChoice(Target target, TargetOption option, String placement, double ownUsd, LambdaDeployment lambda,
    ApiGatewayDeployment api, double albLcu, Architecture clusterArchitecture,
    ContainerModel.ClusterTasks clusterTasks, double aloneUsd) {

  boolean usesAlb() {
    return !Double.isNaN(albLcu);
  }

  boolean onCluster() {
    return clusterArchitecture != null;
  }

  /** A target of the all-containers comparison. */
  boolean isContainer() {
    return target == Target.FARGATE || target == Target.FARGATE_SPOT || target == Target.ECS_EC2;
  }
}
