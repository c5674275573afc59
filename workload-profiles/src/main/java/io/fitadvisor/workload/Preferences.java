package io.fitadvisor.workload;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How the recommendation weighs options (the workload file's {@code preferences} block).
 *
 * @param opsCostPerMonthUsd monthly operating effort in US dollars added to each target's cost;
 *     every target is present (0 unless given), iterated in {@link Target} order
 * @param tieTolerance options whose cost is within this fraction of the cheapest count as a tie,
 *     which goes to the more managed target; in [0, 1], default 0.05
 */
public record Preferences(Map<Target, Double> opsCostPerMonthUsd, double tieTolerance) {

  /** The default tie tolerance: 5 %. */
  public static final double DEFAULT_TIE_TOLERANCE = 0.05;

  /** No operating cost for any target and a 5 % tie tolerance. */
  public static final Preferences DEFAULT = new Preferences(Map.of(), DEFAULT_TIE_TOLERANCE);

  /**
   * Fills absent targets with 0 and checks the rules.
   *
   * @throws IllegalArgumentException naming the field, e.g. {@code opsCostPerMonthUsd.fargate: must
   *     be 0 or greater (was -1)}
   */
  public Preferences {
    requireNonNull(opsCostPerMonthUsd, "opsCostPerMonthUsd");
    EnumMap<Target, Double> all = new EnumMap<>(Target.class);
    for (Target target : Target.values()) {
      Double usd = opsCostPerMonthUsd.get(target);
      all.put(
          target, usd == null ? 0.0 : Checks.nonNegative("opsCostPerMonthUsd." + target.id(), usd));
    }
    // EnumMap keeps the targets in their declared order, so reports list them the same way each
    // run.
    opsCostPerMonthUsd = Collections.unmodifiableMap(all);
    if (Checks.finite("tieTolerance", tieTolerance) < 0 || tieTolerance > 1) {
      throw RuleViolation.of("tieTolerance", "must be between 0 and 1", tieTolerance);
    }
  }

  /** The monthly operating cost in US dollars charged to {@code target} (0 unless given). */
  public double opsCostPerMonthUsd(Target target) {
    return opsCostPerMonthUsd.get(requireNonNull(target, "target"));
  }
}
