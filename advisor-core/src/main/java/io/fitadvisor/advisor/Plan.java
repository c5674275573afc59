package io.fitadvisor.advisor;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The application-level answer: one target per service that has a recommendation, and what the
 * application would cost on each extreme.
 *
 * <p>For now every figure is the sum of per-service option costs, each service priced as if alone
 * in the account; sharing account-level effects (free tier, Lambda tiers, one load balancer,
 * packing EC2 capacity across services) is a later step.
 *
 * @param monthlyCostUsd the sum of the recommended options' monthly costs, US dollars
 * @param assignments one per service with a recommendation, in service order
 * @param allLambdaMonthlyCostUsd the sum of every service's {@code lambda} option; empty when
 *     some service cannot run on Lambda
 * @param allContainersMonthlyCostUsd the sum of every service's cheapest feasible container option
 *     ({@code fargate}, {@code fargate-spot} or {@code ecs-ec2}); empty when some service has none
 */
public record Plan(double monthlyCostUsd, List<Assignment> assignments,
    OptionalDouble allLambdaMonthlyCostUsd, OptionalDouble allContainersMonthlyCostUsd) {

  /** Copies the assignments and checks the values. */
  public Plan {
    checkArgument(Double.isFinite(monthlyCostUsd) && monthlyCostUsd >= 0,
        "monthlyCostUsd must be a finite number, 0 or more (was %s)", monthlyCostUsd);
    assignments = List.copyOf(assignments);
    checkNotNull(allLambdaMonthlyCostUsd, "allLambdaMonthlyCostUsd must not be null");
    checkNotNull(allContainersMonthlyCostUsd, "allContainersMonthlyCostUsd must not be null");
  }
}
