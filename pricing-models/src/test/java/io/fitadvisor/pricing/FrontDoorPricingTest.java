package io.fitadvisor.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * API Gateway and ALB worked out by hand from the us-east-1 rates: HTTP APIs $1.00 per 1M for the
 * first 300M, $0.90 after; REST $3.50 (first 333M), $2.80 (next 667M), $2.38 (next 19B), $1.51;
 * ALB $0.0225 per hour and $0.008 per LCU-hour.
 */
class FrontDoorPricingTest {
  private final PricingEngine engine = TestPrices.engine();

  @Test
  void httpApiAtAndAboveItsTierBoundary() {
    PricedDeployment at = engine.price(new ApiGatewayDeployment("api", ApiType.HTTP, 300e6), AccountTerms.NONE);
    PricedDeployment above = engine.price(new ApiGatewayDeployment("api", ApiType.HTTP, 301e6), AccountTerms.NONE);

    assertThat(at.lines()).extracting(CostLine::name).containsExactly("Requests (HTTP API, tier 1)");
    assertThat(at.monthlyCostUsd()).isCloseTo(300 * 1.00, within(1e-9));
    assertThat(above.line("Requests (HTTP API, tier 2)").quantity()).isCloseTo(1.0, within(1e-9));
    assertThat(above.monthlyCostUsd()).isCloseTo(300 * 1.00 + 1 * 0.90, within(1e-9));
  }

  @Test
  void restApiTiers() {
    PricedDeployment priced = engine.price(new ApiGatewayDeployment("api", ApiType.REST, 1_500e6), AccountTerms.NONE);

    assertThat(priced.monthlyCostUsd()).isCloseTo(333 * 3.50 + 667 * 2.80 + 500 * 2.38, within(1e-9));
  }

  @Test
  void apiTiersAreSharedByApisOfTheSameType() {
    // 200M + 200M HTTP = 400M: 300M at $1.00 and 100M at $0.90, half each; REST counts apart.
    PriceReport report = engine.price(List.of(
        new ApiGatewayDeployment("a", ApiType.HTTP, 200e6),
        new ApiGatewayDeployment("b", ApiType.HTTP, 200e6),
        new ApiGatewayDeployment("c", ApiType.REST, 1e6)), AccountTerms.NONE);

    assertThat(report.deployment("a").monthlyCostUsd()).isCloseTo(150 * 1.00 + 50 * 0.90, within(1e-9));
    assertThat(report.deployment("c").monthlyCostUsd()).isCloseTo(1 * 3.50, within(1e-9));
  }

  @Test
  void albHoursAndLcuHours() {
    PricedDeployment priced = engine.price(AlbDeployment.of("lb", 1.5), AccountTerms.NONE);

    assertThat(priced.line("Load balancer hours").monthlyCostUsd()).isCloseTo(730 * 0.0225, within(1e-9));
    assertThat(priced.line("LCU-hours").quantity()).isCloseTo(1_095, within(1e-9));
    assertThat(priced.monthlyCostUsd()).isCloseTo(730 * 0.0225 + 730 * 1.5 * 0.008, within(1e-9));
  }
}
