package io.fitadvisor.pricing;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * One tier of a tiered price: units up to {@code upToQuantity} (counted from the month's first
 * unit) cost {@code unitPriceUsd} each.
 *
 * @param upToQuantity the month's cumulative quantity where this tier ends; positive infinity for
 *     the last tier
 * @param unitPriceUsd US dollars per unit in this tier, finite and >= 0
 */
public record PriceTier(double upToQuantity, double unitPriceUsd) {

  /** Checks that the bound is positive and the price finite and non-negative. */
  public PriceTier {
    checkArgument(upToQuantity > 0 && !Double.isNaN(upToQuantity), "upToQuantity must be > 0 (was %s)", upToQuantity);
    Checks.nonNegative(unitPriceUsd, "unitPriceUsd");
  }
}
