package io.fitadvisor.advisor;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.fitadvisor.workload.Target;
import java.util.List;
import java.util.Optional;

/**
 * The target the advisor recommends for one service: the feasible option with the least monthly
 * cost plus the preferences' operating cost, a tie (within the tie tolerance) going to the more
 * managed target.
 *
 * @param target the recommended target
 * @param architecture {@code x86_64} or {@code arm64} of the recommended option, when it has one
 * @param monthlyCostUsd the option's monthly cost in US dollars (without the operating cost)
 * @param reasons two to five plain sentences with numbers: what decided, by how much, the risk
 */
public record Recommendation(Target target, Optional<String> architecture, double monthlyCostUsd,
    List<String> reasons) {

  /** Copies the reasons and checks the values. */
  public Recommendation {
    checkNotNull(target, "target must not be null");
    checkNotNull(architecture, "architecture must not be null");
    checkArgument(Double.isFinite(monthlyCostUsd) && monthlyCostUsd >= 0,
        "monthlyCostUsd must be a finite number, 0 or more (was %s)", monthlyCostUsd);
    reasons = List.copyOf(reasons);
    checkArgument(reasons.size() >= 2 && reasons.size() <= 5,
        "a recommendation gives 2 to 5 reasons (was %s)", reasons.size());
  }
}
