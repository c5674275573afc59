package io.fitadvisor.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lambda pricing worked out by hand from the us-east-1 rates: x86_64 duration $0.0000166667 (first
 * 6e9 GB-s), $0.000015 (next 9e9), $0.0000133334; arm64 $0.0000133334 (first 7.5e9),
 * $0.0000120001 (next 11.25e9), $0.0000106667; requests $0.20 per 1M.
 */
class LambdaPricingTest {
  private final PricingEngine engine = TestPrices.engine();

  /** {@code requests} at 1 GB and 1 s each: exactly {@code requests} GB-s. */
  private static LambdaDeployment oneGbSecondEach(String name, double requests, Architecture arch) {
    return LambdaDeployment.builder(name, 1024, requests, 1000).architecture(arch).build();
  }

  @Test
  void exactlyAtTheFirstTierBoundaryEverythingIsTier1() {
    PricedDeployment priced = engine.price(oneGbSecondEach("f", 6e9, Architecture.X86_64), AccountTerms.NONE);

    assertThat(priced.lines()).extracting(CostLine::name)
        .containsExactly("Requests", "Duration (x86_64, tier 1)");
    assertThat(priced.line("Duration (x86_64, tier 1)").monthlyCostUsd()).isCloseTo(6e9 * 0.0000166667, within(1e-6));
    assertThat(priced.monthlyCostUsd()).isCloseTo(6_000 * 0.20 + 6e9 * 0.0000166667, within(1e-6));
  }

  @Test
  void justAboveTheFirstTierBoundaryTheRestIsTier2() {
    PricedDeployment priced = engine.price(oneGbSecondEach("f", 6e9 + 1e6, Architecture.X86_64), AccountTerms.NONE);

    assertThat(priced.line("Duration (x86_64, tier 1)").quantity()).isCloseTo(6e9, within(1e-3));
    assertThat(priced.line("Duration (x86_64, tier 2)").quantity()).isCloseTo(1e6, within(1e-3));
    assertThat(priced.monthlyCostUsd())
        .isCloseTo(6_001 * 0.20 + 6e9 * 0.0000166667 + 1e6 * 0.000015, within(1e-6));
  }

  @Test
  void x86TierThreeStartsAt15BillionGbSeconds() {
    PricedDeployment priced = engine.price(oneGbSecondEach("f", 16e9, Architecture.X86_64), AccountTerms.NONE);

    double duration = 6e9 * 0.0000166667 + 9e9 * 0.000015 + 1e9 * 0.0000133334;
    assertThat(priced.monthlyCostUsd()).isCloseTo(16_000 * 0.20 + duration, within(1e-6));
  }

  @Test
  void arm64HasItsOwnTiers() {
    PricedDeployment priced = engine.price(oneGbSecondEach("f", 20e9, Architecture.ARM64), AccountTerms.NONE);

    assertThat(priced.lines()).extracting(CostLine::name).containsExactly(
        "Requests", "Duration (arm64, tier 1)", "Duration (arm64, tier 2)", "Duration (arm64, tier 3)");
    double duration = 7.5e9 * 0.0000133334 + 11.25e9 * 0.0000120001 + 1.25e9 * 0.0000106667;
    assertThat(priced.monthlyCostUsd()).isCloseTo(20_000 * 0.20 + duration, within(1e-6));
  }

  @Test
  void twoFunctionsShareTheAccountTiersInProportion() {
    // 4e9 + 4e9 = 8e9 x86 GB-s: 6e9 in tier 1 and 2e9 in tier 2; each function gets half of each.
    // An arm64 function does not move the x86 tiers.
    PriceReport report = engine.price(List.of(
        oneGbSecondEach("a", 4e9, Architecture.X86_64),
        oneGbSecondEach("b", 4e9, Architecture.X86_64),
        oneGbSecondEach("c", 1e6, Architecture.ARM64)), AccountTerms.NONE);

    PricedDeployment a = report.deployment("a");
    assertThat(a.line("Duration (x86_64, tier 1)").quantity()).isCloseTo(3e9, within(1e-3));
    assertThat(a.line("Duration (x86_64, tier 2)").quantity()).isCloseTo(1e9, within(1e-3));
    assertThat(a.monthlyCostUsd()).isCloseTo(4_000 * 0.20 + 3e9 * 0.0000166667 + 1e9 * 0.000015, within(1e-6));
    assertThat(report.deployment("b").monthlyCostUsd()).isCloseTo(a.monthlyCostUsd(), within(1e-6));
    assertThat(report.deployment("c").monthlyCostUsd()).isCloseTo(0.20 + 1e6 * 0.0000133334, within(1e-9));
    assertThat(report.monthlyCostUsd()).isCloseTo(
        8_000 * 0.20 + 6e9 * 0.0000166667 + 2e9 * 0.000015 + 0.20 + 1e6 * 0.0000133334, within(1e-6));
  }

  @Test
  void pricedAloneAFunctionDoesNotShareTiers() {
    PricedDeployment alone = engine.price(oneGbSecondEach("a", 4e9, Architecture.X86_64), AccountTerms.NONE);

    assertThat(alone.monthlyCostUsd()).isCloseTo(4_000 * 0.20 + 4e9 * 0.0000166667, within(1e-6));
  }

  @Test
  void provisionedConcurrencyBillsCapacityAndItsOwnDurationRate() {
    // 10 environments x 1 GB x 730 h x 3600 s = 26,280,000 GB-s at $0.0000041667;
    // 1M requests x 0.1 s x 1 GB = 100,000 GB-s at $0.0000097222; no free tier for this function.
    LambdaDeployment f = LambdaDeployment.builder("pc", 1024, 1_000_000, 100).provisionedConcurrency(10).build();

    PricedDeployment priced = engine.price(f, AccountTerms.withLambdaFreeTier());

    assertThat(priced.lines()).extracting(CostLine::name).containsExactly(
        "Requests", "Provisioned concurrency (x86_64)", "Duration, provisioned (x86_64)");
    assertThat(priced.line("Requests").quantity()).isEqualTo(1.0);
    assertThat(priced.line("Provisioned concurrency (x86_64)").monthlyCostUsd())
        .isCloseTo(26_280_000 * 0.0000041667, within(1e-9));
    assertThat(priced.monthlyCostUsd())
        .isCloseTo(0.20 + 26_280_000 * 0.0000041667 + 100_000 * 0.0000097222, within(1e-9));
  }

  @Test
  void provisionedConcurrencyForPartOfTheMonthOnArm() {
    // 2 environments x 2 GB x 100 h x 3600 s = 1,440,000 GB-s at the arm64 rate $0.0000033334.
    LambdaDeployment f = LambdaDeployment.builder("pc", 2048, 0, 100)
        .architecture(Architecture.ARM64).provisionedConcurrency(2).provisionedHoursPerMonth(100).build();

    PricedDeployment priced = engine.price(f, AccountTerms.NONE);

    assertThat(priced.monthlyCostUsd()).isCloseTo(1_440_000 * 0.0000033334, within(1e-9));
  }

  @Test
  void ephemeralStorageAboveTheIncluded512MbIsBilledPerGbSecond() {
    // 1536 MB = 1 GB above 512 MB; 1M requests x 1 s = 1,000,000 GB-s x $0.0000000309.
    LambdaDeployment f = LambdaDeployment.builder("tmp", 1024, 1_000_000, 1000).ephemeralStorageMb(1536).build();

    PricedDeployment priced = engine.price(f, AccountTerms.NONE);

    assertThat(priced.line("Ephemeral storage").quantity()).isCloseTo(1_000_000, within(1e-6));
    assertThat(priced.line("Ephemeral storage").monthlyCostUsd()).isCloseTo(1_000_000 * 0.0000000309, within(1e-12));
  }

  @Test
  void noEphemeralStorageLineAtTheIncludedSize() {
    PricedDeployment priced = engine.price(LambdaDeployment.of("f", 1024, 1_000_000, 1000), AccountTerms.NONE);

    assertThat(priced.lines()).extracting(CostLine::name).doesNotContain("Ephemeral storage");
  }

  @Test
  void savingsPlanReducesDurationButNotRequests() {
    // Duration 1,000,000 GB-s x $0.0000166667 = $16.6667; 17% off = -$2.833339; requests $0.20 stay.
    AccountTerms terms = new AccountTerms(false, 0.17, 0, 0);

    PricedDeployment priced = engine.price(LambdaDeployment.of("f", 1024, 1_000_000, 1000), terms);

    CostLine discount = priced.line("Savings plan (lambda)");
    assertThat(discount.quantity()).isCloseTo(1_000_000 * 0.0000166667, within(1e-9));
    assertThat(discount.monthlyCostUsd()).isCloseTo(-0.17 * 1_000_000 * 0.0000166667, within(1e-9));
    assertThat(priced.monthlyCostUsd()).isCloseTo(0.20 + 0.83 * 1_000_000 * 0.0000166667, within(1e-9));
  }

  @Test
  void savingsPlanAlsoCoversProvisionedConcurrency() {
    LambdaDeployment f = LambdaDeployment.builder("pc", 1024, 0, 100).provisionedConcurrency(1).build();
    AccountTerms terms = new AccountTerms(false, 0.10, 0, 0);

    PricedDeployment priced = engine.price(f, terms);

    // 1 x 1 GB x 730 h x 3600 s = 2,628,000 GB-s x $0.0000041667, 10% off.
    assertThat(priced.monthlyCostUsd()).isCloseTo(0.9 * 2_628_000 * 0.0000041667, within(1e-9));
  }

  @Test
  void freeTierIsSharedByFunctionsInProportionToTheirUse() {
    // a: 3M requests x 0.2 s x 1 GB = 600,000 GB-s (x86); b: 1M x 0.2 s x 1 GB = 200,000 GB-s (arm).
    // 400,000 free GB-s of 800,000: half of each; 1M free requests of 4M: a quarter of each.
    PriceReport report = engine.price(List.of(
        LambdaDeployment.of("a", 1024, 3_000_000, 200),
        LambdaDeployment.builder("b", 1024, 1_000_000, 200).architecture(Architecture.ARM64).build()),
        AccountTerms.withLambdaFreeTier());

    PricedDeployment a = report.deployment("a");
    PricedDeployment b = report.deployment("b");
    assertThat(a.line("Free tier duration").quantity()).isCloseTo(300_000, within(1e-6));
    assertThat(b.line("Free tier duration").quantity()).isCloseTo(100_000, within(1e-6));
    assertThat(a.line("Free tier requests").quantity()).isCloseTo(0.75, within(1e-12));
    assertThat(a.monthlyCostUsd()).isCloseTo(2.25 * 0.20 + 300_000 * 0.0000166667, within(1e-9));
    assertThat(b.monthlyCostUsd()).isCloseTo(0.75 * 0.20 + 100_000 * 0.0000133334, within(1e-9));
  }

  @Test
  void freeTierCoversSmallUseEntirely() {
    PriceReport report = engine.price(List.of(
        LambdaDeployment.of("a", 512, 400_000, 500), LambdaDeployment.of("b", 256, 100_000, 1000)),
        AccountTerms.withLambdaFreeTier());

    assertThat(report.monthlyCostUsd()).isEqualTo(0.0);
  }

  @Test
  void freeTierIsCountedOnceForTheWholeList() {
    // Two copies of the 18.73 example share one free tier: 6M requests - 1M = 5M; 3M GB-s - 400k = 2.6M.
    PriceReport report = engine.price(List.of(
        LambdaDeployment.of("a", 512, 3_000_000, 1000), LambdaDeployment.of("b", 512, 3_000_000, 1000)),
        AccountTerms.withLambdaFreeTier());

    assertThat(report.monthlyCostUsd()).isCloseTo(5 * 0.20 + 2_600_000 * 0.0000166667, within(1e-9));
  }

  @Test
  void zeroRequestsCostNothingButStillShowTheLines() {
    PricedDeployment priced = engine.price(LambdaDeployment.of("idle", 128, 0, 10), AccountTerms.NONE);

    assertThat(priced.monthlyCostUsd()).isEqualTo(0.0);
    assertThat(priced.lines()).extracting(CostLine::name).containsExactly("Requests", "Duration (x86_64, tier 1)");
  }

  @Test
  void repeatedNamesAreRejected() {
    assertThatThrownBy(() -> engine.price(List.of(
        LambdaDeployment.of("a", 128, 1, 1), LambdaDeployment.of("a", 128, 1, 1)), AccountTerms.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("deployment names must be unique ('a' repeats)");
  }
}
