package io.fitadvisor.advisor;

import static com.google.common.base.Preconditions.checkNotNull;

import io.fitadvisor.pricing.AccountTerms;
import io.fitadvisor.pricing.PricingEngine;
import io.fitadvisor.pricing.RegionPrices;
import io.fitadvisor.workload.AccountPricing;
import io.fitadvisor.workload.Application;
import io.fitadvisor.workload.Preferences;

/**
 * What one evaluation needs besides the service and its load: the region's prices (with an
 * engine built once), the account's terms and the preferences. Immutable and safe to share
 * between threads; build it once and reuse it for many evaluations.
 */
public final class AdviceContext {
  private final RegionPrices prices;
  private final PricingEngine engine;
  private final AccountTerms terms;
  private final Preferences preferences;

  private AdviceContext(RegionPrices prices, AccountTerms terms, Preferences preferences) {
    this.prices = checkNotNull(prices, "prices must not be null");
    this.engine = PricingEngine.of(prices);
    this.terms = checkNotNull(terms, "terms must not be null");
    this.preferences = checkNotNull(preferences, "preferences must not be null");
  }

  /**
   * A context for one region.
   *
   * @param prices the region's prices
   * @param pricing the account's free tier and savings plans (its {@code catalogFile} is the
   *     caller's business: pass the prices of that catalog)
   * @param preferences operating costs per target and the tie tolerance
   */
  public static AdviceContext of(RegionPrices prices, AccountPricing pricing, Preferences preferences) {
    checkNotNull(pricing, "pricing must not be null");
    return new AdviceContext(prices, new AccountTerms(pricing.lambdaFreeTier(),
        pricing.lambdaSavingsPlan(), pricing.fargateSavingsPlan(), pricing.ec2SavingsPlan()),
        preferences);
  }

  /** A context with on-demand prices (no free tier, no savings plans) and default preferences. */
  public static AdviceContext of(RegionPrices prices) {
    return new AdviceContext(prices, AccountTerms.NONE, Preferences.DEFAULT);
  }

  /** A context for {@code application}'s pricing block and preferences, with {@code prices}. */
  public static AdviceContext of(RegionPrices prices, Application application) {
    checkNotNull(application, "application must not be null");
    return of(prices, application.pricing(), application.preferences());
  }

  /** The region's prices. */
  public RegionPrices prices() {
    return prices;
  }

  /** The account's free tier and savings plans, as the pricing engine takes them. */
  public AccountTerms terms() {
    return terms;
  }

  /** Operating costs per target and the tie tolerance. */
  public Preferences preferences() {
    return preferences;
  }

  PricingEngine engine() {
    return engine;
  }
}
