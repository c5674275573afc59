package io.fitadvisor.pricing;

/**
 * One thing that costs money, with its configuration and monthly usage already decided. The kinds
 * are closed: each is priced by {@link PricingEngine}.
 */
public sealed interface Deployment
    permits LambdaDeployment, FargateDeployment, Ec2Deployment, ApiGatewayDeployment, AlbDeployment {

  /** The deployment's name, unique within one priced list. */
  String name();

  /**
   * The kind, spelled as the price file's key: {@code lambda}, {@code fargate}, {@code ec2},
   * {@code apiGateway} or {@code alb}.
   */
  String kind();
}
