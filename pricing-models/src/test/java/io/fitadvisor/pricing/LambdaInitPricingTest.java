package io.fitadvisor.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The INIT (cold start) component of a Lambda function, worked out by hand from the us-east-1
 * rates: x86_64 duration $0.0000166667 (first 6e9 GB-s), $0.000015 (next 9e9); arm64
 * $0.0000133334; requests $0.20 per 1M. INIT GB-s = cold starts x ceil(INIT ms)/1000 x GB.
 */
class LambdaInitPricingTest {
  private static final double X86_TIER_1 = 0.0000166667;
  private static final double X86_TIER_2 = 0.000015;
  private final PricingEngine engine = TestPrices.engine();

  @Test
  void initIsBilledAsDurationOnItsOwnLine() {
    // 1M requests x 100 ms x 1 GB = 100,000 GB-s; 10,000 cold starts x ceil(249.5) = 250 ms x 1 GB
    // = 2,500 GB-s.
    LambdaDeployment f = LambdaDeployment.builder("f", 1024, 1_000_000, 100)
        .coldStartsPerMonth(10_000).initDurationMs(249.5).build();

    PricedDeployment priced = engine.price(f, AccountTerms.NONE);

    assertThat(f.initGbSeconds()).isEqualTo(2_500.0);
    assertThat(priced.lines()).extracting(CostLine::name)
        .containsExactly("Requests", "Duration (x86_64, tier 1)", "INIT duration (x86_64, tier 1)");
    assertThat(priced.line("INIT duration (x86_64, tier 1)").quantity()).isCloseTo(2_500, within(1e-9));
    assertThat(priced.monthlyCostUsd())
        .isCloseTo(1 * 0.20 + 100_000 * X86_TIER_1 + 2_500 * X86_TIER_1, within(1e-12));
  }

  @Test
  void noInitLinesWithoutColdStarts() {
    PricedDeployment priced = engine.price(LambdaDeployment.builder("f", 1024, 1_000_000, 100)
        .initDurationMs(300).build(), AccountTerms.NONE);

    assertThat(priced.lines()).extracting(CostLine::name).containsExactly("Requests", "Duration (x86_64, tier 1)");
  }

  @Test
  void theFreeTierCoversDurationAndInitInProportion() {
    // Duration 1,000,000 x 300 ms x 1 GB = 300,000 GB-s; INIT 100,000 x 2,000 ms x 1 GB =
    // 200,000 GB-s. 400,000 free of 500,000: 240,000 to the duration, 160,000 to INIT; billable
    // 60,000 and 40,000. 1M requests are free entirely.
    LambdaDeployment f = LambdaDeployment.builder("f", 1024, 1_000_000, 300)
        .coldStartsPerMonth(100_000).initDurationMs(2_000).build();

    PricedDeployment priced = engine.price(f, AccountTerms.withLambdaFreeTier());

    assertThat(priced.line("Free tier duration").quantity()).isCloseTo(240_000, within(1e-6));
    assertThat(priced.line("Free tier INIT duration").quantity()).isCloseTo(160_000, within(1e-6));
    assertThat(priced.line("Duration (x86_64, tier 1)").quantity()).isCloseTo(60_000, within(1e-6));
    assertThat(priced.line("INIT duration (x86_64, tier 1)").quantity()).isCloseTo(40_000, within(1e-6));
    assertThat(priced.monthlyCostUsd()).isCloseTo((60_000 + 40_000) * X86_TIER_1, within(1e-9));
  }

  @Test
  void initOfSeveralFunctionsSharesTheAccountTiers() {
    // a: 4e9 GB-s of duration; b: 1e9 of duration and 2e9 of INIT (2e9 cold starts x 1 s x 1 GB).
    // The account's 7e9 x86 GB-s: 6e9 in tier 1, 1e9 in tier 2; each usage gets 6/7 and 1/7.
    PriceReport report = engine.price(List.of(
        LambdaDeployment.of("a", 1024, 4e9, 1000),
        LambdaDeployment.builder("b", 1024, 1e9, 1000).coldStartsPerMonth(2e9).initDurationMs(1000).build()),
        AccountTerms.NONE);

    PricedDeployment b = report.deployment("b");
    assertThat(b.line("INIT duration (x86_64, tier 1)").quantity()).isCloseTo(2e9 * 6 / 7, within(1e-3));
    assertThat(b.line("INIT duration (x86_64, tier 2)").quantity()).isCloseTo(2e9 / 7, within(1e-3));
    assertThat(report.monthlyCostUsd())
        .isCloseTo(5_000 * 0.20 + 6e9 * X86_TIER_1 + 1e9 * X86_TIER_2, within(1e-5));
  }

  @Test
  void theSavingsPlanCoversInit() {
    // Duration 100,000 GB-s + INIT 2,500 GB-s at $0.0000166667, 17% off both; requests $0.20.
    LambdaDeployment f = LambdaDeployment.builder("f", 1024, 1_000_000, 100)
        .coldStartsPerMonth(10_000).initDurationMs(250).build();

    PricedDeployment priced = engine.price(f, new AccountTerms(false, 0.17, 0, 0));

    assertThat(priced.line("Savings plan (lambda)").quantity()).isCloseTo(102_500 * X86_TIER_1, within(1e-12));
    assertThat(priced.monthlyCostUsd()).isCloseTo(0.20 + 0.83 * 102_500 * X86_TIER_1, within(1e-12));
  }

  @Test
  void theTotalWithoutLinesEqualsThePricedTotal() {
    List<Deployment> list = List.of(
        LambdaDeployment.builder("a", 512, 3_000_000, 120).coldStartsPerMonth(5_000).initDurationMs(88.7).build(),
        LambdaDeployment.builder("b", 2048, 800_000, 40).architecture(Architecture.ARM64).build(),
        new ApiGatewayDeployment("api", ApiType.HTTP, 3_800_000),
        AlbDeployment.of("alb", 1.5),
        FargateDeployment.of("web", 1, 2, 3),
        Ec2Deployment.of("cluster", "m6g.large", 2));
    AccountTerms terms = new AccountTerms(true, 0.1, 0.2, 0.3);

    assertThat(engine.monthlyCostUsd(list, terms)).isCloseTo(engine.price(list, terms).monthlyCostUsd(), within(1e-12));
  }

  @Test
  void badInitArgumentsAreRejected() {
    assertThatThrownBy(() -> LambdaDeployment.builder("f", 128, 1, 1).coldStartsPerMonth(-1).build())
        .hasMessage("coldStartsPerMonth must be a finite number >= 0 (was -1.0)");
    assertThatThrownBy(() -> LambdaDeployment.builder("f", 128, 1, 1).initDurationMs(10_001).build())
        .hasMessage("initDurationMs must be 0..10000 (was 10001.0)");
    assertThatThrownBy(() -> LambdaDeployment.builder("f", 128, 1, 1).initDurationMs(Double.NaN).build())
        .hasMessage("initDurationMs must be 0..10000 (was NaN)");
    assertThatThrownBy(() -> LambdaDeployment.builder("f", 128, 1, 1).provisionedConcurrency(2)
        .coldStartsPerMonth(3).build())
        .hasMessage("coldStartsPerMonth must be 0 with provisioned concurrency (was 3.0)");
  }

  @Test
  void aPriceFileFunctionHasNoInit() {
    LambdaDeployment fromFile = new LambdaDeployment("f", Architecture.X86_64, 512, 1, 10, 512, 0, 730);

    assertThat(fromFile.coldStartsPerMonth()).isZero();
    assertThat(fromFile.initDurationMs()).isZero();
    assertThat(fromFile).isEqualTo(LambdaDeployment.of("f", 512, 1, 10));
  }
}
