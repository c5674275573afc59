package io.fitadvisor.pricing;

/**
 * One valid Fargate task size.
 *
 * @param vcpu task vCPU
 * @param memoryGb task memory in GB
 */
public record FargateTaskSize(double vcpu, double memoryGb) {}
