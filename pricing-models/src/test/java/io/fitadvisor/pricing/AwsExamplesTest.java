package io.fitadvisor.pricing;

import static io.fitadvisor.pricing.TestPrices.cents;
import static io.fitadvisor.pricing.TestPrices.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The worked examples AWS printed on its pricing pages, checked to the cent. */
class AwsExamplesTest {

  @Test
  void lambdaOldPageExample512Mb3MillionRequestsOneSecondWithFreeTier() {
    // AWS Lambda pricing page (100 ms era, $0.00001667 per GB-s): 3M x 1 s x 0.5 GB = 1,500,000 GB-s;
    // minus 400,000 free = 1,100,000 GB-s = $18.34; 3M - 1M free = 2M requests = $0.40; total $18.74.
    PricedDeployment priced = TestPrices.eraEngine()
        .price(LambdaDeployment.of("example", 512, 3_000_000, 1000), AccountTerms.withLambdaFreeTier());

    assertThat(cents(priced.line("Requests").monthlyCostUsd())).isEqualTo(usd("0.40"));
    assertThat(priced.line("Duration (x86_64, tier 1)").quantity()).isCloseTo(1_100_000, within(1e-6));
    assertThat(cents(priced.line("Duration (x86_64, tier 1)").monthlyCostUsd())).isEqualTo(usd("18.34"));
    assertThat(cents(priced.monthlyCostUsd())).isEqualTo(usd("18.74"));
  }

  @Test
  void lambdaOldPageExample128Mb30MillionRequests200MsWithFreeTier() {
    // 30M x 0.2 s x 0.125 GB = 750,000 GB-s; minus 400,000 = 350,000 GB-s x $0.00001667 = $5.8345;
    // 29M billable requests x $0.20 = $5.80; total $11.6345, printed $11.63.
    PricedDeployment priced = TestPrices.eraEngine()
        .price(LambdaDeployment.of("example", 128, 30_000_000, 200), AccountTerms.withLambdaFreeTier());

    assertThat(priced.line("Requests").monthlyCostUsd()).isCloseTo(29 * 0.20, within(1e-9));
    assertThat(priced.line("Duration (x86_64, tier 1)").monthlyCostUsd())
        .isCloseTo(350_000 * 0.00001667, within(1e-9));
    assertThat(cents(priced.monthlyCostUsd())).isEqualTo(usd("11.63"));
  }

  @Test
  void lambdaOneMillisecondBillingAnnouncement() {
    // 60M invocations x 28 ms at 1 GB: 60e6 x 0.028 x 1 = 1,680,000 GB-s x $0.0000166667 = $28.000056;
    // requests 60 x $0.20 = $12. No free tier in the announcement's arithmetic.
    PricedDeployment priced = TestPrices.engine()
        .price(LambdaDeployment.of("example", 1024, 60_000_000, 28), AccountTerms.NONE);

    assertThat(cents(priced.line("Requests").monthlyCostUsd())).isEqualTo(usd("12.00"));
    assertThat(cents(priced.line("Duration (x86_64, tier 1)").monthlyCostUsd())).isEqualTo(usd("28.00"));
    assertThat(priced.monthlyCostUsd()).isCloseTo(12 + 1_680_000 * 0.0000166667, within(1e-9));
  }

  @Test
  void lambdaDurationIsRoundedUpToTheMillisecond() {
    // 27.2 ms is billed as 28 ms: the same $28.00 as the announcement example.
    PricedDeployment priced = TestPrices.engine()
        .price(LambdaDeployment.of("example", 1024, 60_000_000, 27.2), AccountTerms.NONE);

    assertThat(priced.line("Duration (x86_64, tier 1)").quantity()).isCloseTo(1_680_000, within(1e-6));
  }

  @Test
  void fargatePre2019PageExample() {
    // 5 tasks x 1 vCPU x 2 GB, 10 minutes a day for 30 days = 5 hours per task:
    // vCPU 5 x 5 h x 1 x $0.0506 = $1.265; memory 5 x 5 h x 2 GB x $0.0127 = $0.635; total $1.90.
    double hours = 10.0 / 60 * 30;
    FargateDeployment tasks = FargateDeployment.builder("example", 1, 2, 5).hoursPerMonth(hours).build();

    PricedDeployment priced = TestPrices.eraEngine().price(tasks, AccountTerms.NONE);

    assertThat(priced.line("vCPU").monthlyCostUsd()).isCloseTo(1.265, within(1e-9));
    assertThat(priced.line("Memory").monthlyCostUsd()).isCloseTo(0.635, within(1e-9));
    assertThat(cents(priced.monthlyCostUsd())).isEqualTo(usd("1.90"));
  }
}
