package io.fitadvisor.advisor;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The application-level answer: one target per service that some target can host, chosen to
 * minimise the application's monthly cost plus its operating effort, with every shared effect
 * counted once (the Lambda free tier and duration tiers of the account, one load balancer for the
 * services behind an ALB, ECS tasks of several services packed on one EC2 cluster, savings
 * plans). docs/PLAN.md describes the search.
 *
 * @param monthlyCostUsd what the plan costs a month in US dollars, shared resources included
 *     (without the operating effort); the sum of the assignments' costs
 * @param assignments one per service that some target can host, in service order
 * @param allLambdaMonthlyCostUsd every service on {@code lambda}, priced as one account; empty
 *     when some service cannot run on Lambda
 * @param allContainersMonthlyCostUsd every service on its best container target ({@code
 *     fargate}, {@code fargate-spot} or {@code ecs-ec2}) with the load balancer and EC2 capacity
 *     shared; empty when some service has no container option
 * @param opsCostPerMonthUsd the operating effort the plan counts: the preference of each target
 *     it uses, once per target, US dollars a month
 * @param savingsVsAllLambdaUsd {@code allLambdaMonthlyCostUsd - monthlyCostUsd}; empty with it
 * @param savingsVsAllContainersUsd {@code allContainersMonthlyCostUsd - monthlyCostUsd}; empty
 *     with it
 * @param shared the resources and account-level effects two or more assignments share
 * @param search how the plan was found and how far from the best it can be
 * @param reasons two to five plain sentences: what the mix saves, what is shared, the search
 */
public record Plan(double monthlyCostUsd, List<Assignment> assignments, OptionalDouble allLambdaMonthlyCostUsd,
    OptionalDouble allContainersMonthlyCostUsd, double opsCostPerMonthUsd, OptionalDouble savingsVsAllLambdaUsd,
    OptionalDouble savingsVsAllContainersUsd, List<SharedCost> shared, PlanSearch search, List<String> reasons) {

  /** Copies the lists and checks the values. */
  public Plan {
    checkArgument(Double.isFinite(monthlyCostUsd) && monthlyCostUsd >= 0,
        "monthlyCostUsd must be a finite number, 0 or more (was %s)", monthlyCostUsd);
    assignments = List.copyOf(assignments);
    checkNotNull(allLambdaMonthlyCostUsd, "allLambdaMonthlyCostUsd must not be null");
    checkNotNull(allContainersMonthlyCostUsd, "allContainersMonthlyCostUsd must not be null");
    checkArgument(Double.isFinite(opsCostPerMonthUsd) && opsCostPerMonthUsd >= 0,
        "opsCostPerMonthUsd must be a finite number, 0 or more (was %s)", opsCostPerMonthUsd);
    checkNotNull(savingsVsAllLambdaUsd, "savingsVsAllLambdaUsd must not be null");
    checkNotNull(savingsVsAllContainersUsd, "savingsVsAllContainersUsd must not be null");
    shared = List.copyOf(shared);
    checkNotNull(search, "search must not be null");
    reasons = List.copyOf(reasons);
  }

  /** The assignment of {@code service}, if the plan places it. */
  public java.util.Optional<Assignment> assignment(String service) {
    return assignments.stream().filter(a -> a.service().equals(service)).findFirst();
  }
}
