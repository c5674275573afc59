package io.fitadvisor.advisor;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * How a plan was found.
 *
 * @param method {@code exact} (branch and bound over every service's choices: the plan is the
 *     cheapest there is) or {@code heuristic} (more than 12 services: the best single-target and
 *     per-service plans improved by moving one service at a time)
 * @param plansExamined complete or partial plans the search priced
 * @param gapBoundUsd how much cheaper, in US dollars a month of cost plus operating effort, the
 *     best plan can at most be than this one: 0 for an exact search; for the heuristic, this plan
 *     minus a proven lower bound of every plan (docs/PLAN.md)
 */
public record PlanSearch(String method, long plansExamined, double gapBoundUsd) {

  /** Checks the values. */
  public PlanSearch {
    checkArgument("exact".equals(method) || "heuristic".equals(method),
        "method must be exact or heuristic (was %s)", method);
    checkArgument(plansExamined >= 0, "plansExamined must be 0 or more (was %s)", plansExamined);
    checkArgument(Double.isFinite(gapBoundUsd) && gapBoundUsd >= 0,
        "gapBoundUsd must be a finite number, 0 or more (was %s)", gapBoundUsd);
  }
}
