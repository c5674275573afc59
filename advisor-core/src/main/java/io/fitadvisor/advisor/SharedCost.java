package io.fitadvisor.advisor;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.fitadvisor.pricing.CostLine;
import java.util.List;

/**
 * Something several assignments of a plan share, counted once: the account's Lambda usage (free
 * tier and duration tiers), API Gateway's request tiers, one Application Load Balancer, or an ECS
 * cluster of EC2 instances packed with several services' tasks.
 *
 * @param kind {@code lambda-account}, {@code api-gateway}, {@code alb} or {@code ecs-cluster}
 * @param name a readable name, unique in the plan, e.g. {@code ECS cluster (arm64, m6g.large)}
 * @param services the services that share it, in service order (two or more)
 * @param monthlyCostUsd what the shared part costs in the plan, US dollars a month
 * @param aloneMonthlyCostUsd what the same parts cost when each service pays for its own (its own
 *     load balancer, its own instances, a free tier each), US dollars a month
 * @param lines the shared part's cost lines
 */
public record SharedCost(String kind, String name, List<String> services, double monthlyCostUsd,
    double aloneMonthlyCostUsd, List<CostLine> lines) {

  /** Checks the values and copies the lists. */
  public SharedCost {
    checkArgument(kind != null && !kind.isBlank(), "kind must not be blank (was '%s')", kind);
    checkArgument(name != null && !name.isBlank(), "name must not be blank (was '%s')", name);
    services = List.copyOf(services);
    checkArgument(services.size() >= 2, "a shared cost has two services or more (was %s)", services.size());
    checkArgument(Double.isFinite(monthlyCostUsd), "monthlyCostUsd must be finite (was %s)", monthlyCostUsd);
    checkArgument(Double.isFinite(aloneMonthlyCostUsd), "aloneMonthlyCostUsd must be finite (was %s)",
        aloneMonthlyCostUsd);
    checkNotNull(lines, "lines must not be null");
    lines = List.copyOf(lines);
  }

  /**
   * What sharing saves a month in US dollars, {@code aloneMonthlyCostUsd - monthlyCostUsd};
   * negative when sharing costs more (one free tier instead of one per function).
   */
  public double savingsUsd() {
    return aloneMonthlyCostUsd - monthlyCostUsd;
  }
}
