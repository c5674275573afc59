package io.fitadvisor.pricing;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * One line of a bill: {@code quantity} units at {@code unitPriceUsd} each. {@code monthlyCostUsd}
 * is {@code quantity x unitPriceUsd}, kept as computed so a reader can redo the arithmetic.
 * Discount lines (savings plans) have a negative unit price and cost.
 *
 * @param name what is billed, e.g. {@code Requests} or {@code Duration (x86_64, tier 1)}
 * @param unit the unit of {@code quantity}, e.g. {@code 1M requests}, {@code GB-s}, {@code vCPU-hours}
 * @param quantity units a month, finite
 * @param unitPriceUsd US dollars per unit, finite
 * @param monthlyCostUsd US dollars a month, finite
 */
public record CostLine(String name, String unit, double quantity, double unitPriceUsd, double monthlyCostUsd) {

  /** Checks that the texts are present and the numbers finite. */
  public CostLine {
    checkArgument(name != null && !name.isBlank(), "name must not be blank (was '%s')", name);
    checkArgument(unit != null && !unit.isBlank(), "unit must not be blank (was '%s')", unit);
    checkArgument(Double.isFinite(quantity), "quantity must be finite (was %s)", quantity);
    checkArgument(Double.isFinite(unitPriceUsd), "unitPriceUsd must be finite (was %s)", unitPriceUsd);
    checkArgument(Double.isFinite(monthlyCostUsd), "monthlyCostUsd must be finite (was %s)", monthlyCostUsd);
  }

  /** A line whose cost is {@code quantity x unitPriceUsd}. */
  static CostLine of(String name, String unit, double quantity, double unitPriceUsd) {
    return new CostLine(name, unit, quantity, unitPriceUsd, quantity * unitPriceUsd);
  }
}
