package io.fitadvisor.advisor;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.fitadvisor.workload.LoadSummary;
import io.fitadvisor.workload.Target;
import java.util.List;
import java.util.Optional;

/**
 * The advice for one service.
 *
 * @param name the service's name
 * @param load the service's load as the advisor saw it
 * @param recommendation the recommended option; empty when no target can host the service (then
 *     {@code notes} says why)
 * @param options one per target, in {@link Target} order, each in its
 *     cheapest feasible configuration or infeasible with at least one violation
 * @param breakEven for pairs of feasible targets whose costs cross when the load is scaled
 * @param notes remarks on the service as a whole, e.g. why there is no recommendation or that a
 *     trace was repeated to fill the month
 */
public record ServiceAdvice(String name, LoadSummary load, Optional<Recommendation> recommendation,
    List<TargetOption> options, List<BreakEven> breakEven, List<String> notes) {

  /** Copies the lists and checks the values. */
  public ServiceAdvice {
    checkArgument(name != null && !name.isBlank(), "name must not be blank");
    checkNotNull(load, "load must not be null");
    checkNotNull(recommendation, "recommendation must not be null");
    options = List.copyOf(options);
    breakEven = List.copyOf(breakEven);
    notes = List.copyOf(notes);
  }

  /** The option for {@code target}; every target has one. */
  public TargetOption option(Target target) {
    for (TargetOption option : options) {
      if (option.target() == target) {
        return option;
      }
    }
    throw new IllegalArgumentException("no option for " + target.id() + " in " + name);
  }
}
