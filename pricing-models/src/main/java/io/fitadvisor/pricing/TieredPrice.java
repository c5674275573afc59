package io.fitadvisor.pricing;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;

/**
 * A price that falls as the month's total quantity grows (Lambda duration, API Gateway requests).
 * The cost of a total {@code q} is the sum over tiers of the part of {@code q} inside the tier
 * times the tier's price, so it is continuous and never falls as {@code q} grows.
 */
public final class TieredPrice {
  // Arrays, not the list, so the engine's hot path reads primitives without boxing.
  private final double[] upTo;
  private final double[] unitPriceUsd;
  private final List<PriceTier> tiers;

  private TieredPrice(List<PriceTier> tiers) {
    checkArgument(!tiers.isEmpty(), "a tiered price needs at least one tier");
    int n = tiers.size();
    upTo = new double[n];
    unitPriceUsd = new double[n];
    double previous = 0;
    for (int i = 0; i < n; i++) {
      PriceTier tier = tiers.get(i);
      boolean last = i == n - 1;
      checkArgument(
          last ? tier.upToQuantity() == Double.POSITIVE_INFINITY : Double.isFinite(tier.upToQuantity()),
          "only the last tier is unbounded (tier %s ends at %s)",
          (Object) (i + 1),
          tier.upToQuantity());
      checkArgument(
          tier.upToQuantity() > previous,
          "tier bounds must increase (tier %s ends at %s after %s)",
          (Object) (i + 1),
          tier.upToQuantity(),
          previous);
      previous = tier.upToQuantity();
      upTo[i] = tier.upToQuantity();
      unitPriceUsd[i] = tier.unitPriceUsd();
    }
    this.tiers = List.copyOf(tiers);
  }

  /** A tiered price from its tiers; the last must end at positive infinity. */
  public static TieredPrice of(List<PriceTier> tiers) {
    return new TieredPrice(new ArrayList<>(tiers));
  }

  /** A single price for every unit. */
  public static TieredPrice flat(double unitPriceUsd) {
    return new TieredPrice(List.of(new PriceTier(Double.POSITIVE_INFINITY, unitPriceUsd)));
  }

  /** The tiers, lowest first. */
  public List<PriceTier> tiers() {
    return tiers;
  }

  /** How many tiers there are. */
  public int tierCount() {
    return upTo.length;
  }

  /** The cumulative quantity where tier {@code index} (0-based) ends. */
  public double upToQuantity(int index) {
    return upTo[index];
  }

  /** The price per unit of tier {@code index} (0-based), US dollars. */
  public double unitPriceUsd(int index) {
    return unitPriceUsd[index];
  }

  /**
   * The part of a month's {@code totalQuantity} that falls in tier {@code index}:
   * {@code clamp(total - start, 0, end - start)}.
   */
  public double quantityInTier(double totalQuantity, int index) {
    double start = index == 0 ? 0 : upTo[index - 1];
    if (totalQuantity <= start) {
      return 0;
    }
    return Math.min(totalQuantity, upTo[index]) - start;
  }

  /** The cost of a month's {@code totalQuantity}, US dollars: the sum over tiers of quantity x price. */
  public double cost(double totalQuantity) {
    double cost = 0;
    for (int i = 0; i < upTo.length; i++) {
      double q = quantityInTier(totalQuantity, i);
      if (q <= 0) {
        break;
      }
      cost += q * unitPriceUsd[i];
    }
    return cost;
  }

  @Override
  public String toString() {
    return "TieredPrice" + tiers;
  }
}
