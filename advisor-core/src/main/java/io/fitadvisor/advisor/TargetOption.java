package io.fitadvisor.advisor;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import io.fitadvisor.pricing.CostLine;
import io.fitadvisor.workload.Target;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One target for one service, in its cheapest feasible configuration, or infeasible.
 *
 * @param target the target
 * @param architecture {@code x86_64} or {@code arm64} of the chosen configuration; empty when
 *     infeasible
 * @param feasible whether the service can run there: true exactly when there are no violations
 * @param monthlyCostUsd the configuration's monthly cost in US dollars (the sum of {@code lines});
 *     empty when infeasible
 * @param configuration what was chosen, in a stable order (e.g. {@code memoryMb}, {@code vcpu},
 *     {@code instanceType}); values are {@link Number}, {@link String} or {@link Boolean}
 * @param lines the cost lines (compute and front door), so a reader can redo the arithmetic
 * @param violations why the option is infeasible; empty when feasible
 * @param warnings risks of a feasible option
 */
public record TargetOption(Target target, Optional<String> architecture, boolean feasible,
    OptionalDouble monthlyCostUsd, Map<String, Object> configuration, List<CostLine> lines,
    List<Finding> violations, List<Finding> warnings) {

  /** Copies the collections (keeping the configuration's order) and checks consistency. */
  public TargetOption {
    checkNotNull(target, "target must not be null");
    checkNotNull(architecture, "architecture must not be null");
    checkNotNull(monthlyCostUsd, "monthlyCostUsd must not be null");
    configuration = ImmutableMap.copyOf(configuration);
    for (Object value : configuration.values()) {
      checkArgument(value instanceof Number || value instanceof String || value instanceof Boolean,
          "configuration values must be numbers, strings or booleans (was %s)", value);
    }
    lines = List.copyOf(lines);
    violations = List.copyOf(violations);
    warnings = List.copyOf(warnings);
    checkArgument(feasible == violations.isEmpty(),
        "an option is feasible exactly when it has no violations (feasible %s, %s violations)",
        (Object) feasible, violations.size());
    checkArgument(feasible == monthlyCostUsd.isPresent(),
        "a feasible option has a cost and an infeasible one has none");
  }

  /** An infeasible option with its violations and no cost. */
  static TargetOption infeasible(Target target, List<Finding> violations) {
    checkArgument(!violations.isEmpty(), "an infeasible option needs a violation");
    return new TargetOption(target, Optional.empty(), false, OptionalDouble.empty(), Map.of(),
        List.of(), violations, List.of());
  }
}
