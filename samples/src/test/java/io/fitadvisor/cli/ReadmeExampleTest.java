package io.fitadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fitadvisor.advisor.Advice;
import io.fitadvisor.advisor.Advisor;
import io.fitadvisor.pricing.AccountTerms;
import io.fitadvisor.pricing.LambdaDeployment;
import io.fitadvisor.pricing.PriceCatalog;
import io.fitadvisor.pricing.PricedDeployment;
import io.fitadvisor.pricing.PricingEngine;
import io.fitadvisor.workload.Application;
import io.fitadvisor.workload.LoadShape;
import io.fitadvisor.workload.Service;
import org.junit.jupiter.api.Test;

/** The README's Java example, kept compiling and checked. */
class ReadmeExampleTest {
  @Test
  void theReadmeExampleRuns() {
    PriceCatalog catalog = PriceCatalog.builtIn();
    PricingEngine engine = PricingEngine.of(catalog.region("us-east-1"));
    PricedDeployment resize = engine.price(
        LambdaDeployment.of("resize", 512, 3_000_000, 1000), AccountTerms.NONE);
    // 3 x $0.20 + 3,000,000 x 1 s x 0.5 GB x $0.0000166667 = $0.60 + $25.00005
    assertThat(resize.monthlyCostUsd()).isCloseTo(0.60 + 1_500_000 * 0.0000166667, within(1e-9));

    Application shop = Application.builder().name("shop").region("us-east-1")
        .service(Service.builder("api").runtime("java21").memoryMb(1024).meanDurationMs(120)
            .load(LoadShape.steady(25)))
        .build();
    Advice advice = Advisor.of(catalog).advise(shop);
    assertThat(advice.services()).hasSize(1);
    assertThat(advice.services().get(0).recommendation()).isPresent();
    assertThat(advice.plan().assignments()).hasSize(1);
  }
}
