package io.fitadvisor.advisor;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.fitadvisor.workload.Target;
import java.util.List;
import java.util.Optional;

/**
 * Where the plan places one service, and what it costs there.
 *
 * @param service the service's name
 * @param target the target it runs on
 * @param architecture {@code x86_64} or {@code arm64} of the configuration (for {@code hybrid},
 *     the containers'), when it has one
 * @param placement how it runs in the plan, e.g. {@code own}, {@code shared arm64 cluster
 *     (m6g.large)}; for ecs-ec2 the difference between its own cluster and the shared one
 * @param monthlyCostUsd its part of the plan's cost in US dollars a month: its own lines, its
 *     share of the account's Lambda and API Gateway tiers and free tier, and its share of a shared
 *     load balancer (the hourly fee split evenly, LCUs its own) or cluster (in proportion to the
 *     instance share its tasks take)
 * @param aloneMonthlyCostUsd what the same choice costs priced as if the service were alone in the
 *     account (its option's cost)
 * @param shared names of the {@link Plan#shared()} entries it takes part in
 * @param reasons two to four plain sentences with numbers
 */
public record Assignment(String service, Target target, Optional<String> architecture, String placement,
    double monthlyCostUsd, double aloneMonthlyCostUsd, List<String> shared, List<String> reasons) {

  /** Checks the values and copies the lists. */
  public Assignment {
    checkArgument(service != null && !service.isBlank(), "service must not be blank (was '%s')", service);
    checkNotNull(target, "target must not be null");
    checkNotNull(architecture, "architecture must not be null");
    checkArgument(placement != null && !placement.isBlank(), "placement must not be blank (was '%s')", placement);
    checkArgument(Double.isFinite(monthlyCostUsd), "monthlyCostUsd must be finite (was %s)", monthlyCostUsd);
    checkArgument(Double.isFinite(aloneMonthlyCostUsd), "aloneMonthlyCostUsd must be finite (was %s)",
        aloneMonthlyCostUsd);
    shared = List.copyOf(shared);
    reasons = List.copyOf(reasons);
  }
}
