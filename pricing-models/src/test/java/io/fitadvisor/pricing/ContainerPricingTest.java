package io.fitadvisor.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Fargate and EC2 pricing worked out by hand from the us-east-1 rates: Fargate Linux/x86
 * $0.04048 per vCPU-hour and $0.004445 per GB-hour, Linux/arm $0.03238 and $0.00356, Windows
 * $0.09148 + $0.046 licence per vCPU-hour and $0.01005 per GB-hour, Spot $0.0124419 and
 * $0.00136621, storage $0.000111 per GB-hour above 20 GB; m6g.large $0.077 per hour.
 */
class ContainerPricingTest {
  private final PricingEngine engine = TestPrices.engine();

  @Test
  void linuxX86TasksForTheWholeMonth() {
    // 5 tasks x 730 h = 3,650 task-hours; 1 vCPU and 2 GB each.
    PricedDeployment priced = engine.price(FargateDeployment.of("web", 1, 2, 5), AccountTerms.NONE);

    assertThat(priced.line("vCPU").quantity()).isEqualTo(3_650.0);
    assertThat(priced.line("Memory").quantity()).isEqualTo(7_300.0);
    assertThat(priced.monthlyCostUsd()).isCloseTo(3_650 * 0.04048 + 7_300 * 0.004445, within(1e-9));
  }

  @Test
  void linuxArmTasks() {
    FargateDeployment tasks = FargateDeployment.builder("web", 0.5, 1, 2).architecture(Architecture.ARM64).build();

    PricedDeployment priced = engine.price(tasks, AccountTerms.NONE);

    // 2 tasks x 730 h = 1,460 task-hours x (0.5 x $0.03238 + 1 x $0.00356).
    assertThat(priced.monthlyCostUsd()).isCloseTo(1_460 * (0.5 * 0.03238 + 1 * 0.00356), within(1e-9));
  }

  @Test
  void windowsAddsItsLicencePerVcpuHour() {
    FargateDeployment tasks = FargateDeployment.builder("win", 2, 4, 1).os(OperatingSystem.WINDOWS).build();

    PricedDeployment priced = engine.price(tasks, AccountTerms.NONE);

    // 730 h x 2 vCPU = 1,460 vCPU-hours; 730 x 4 GB = 2,920 GB-hours.
    assertThat(priced.line("Windows licence").monthlyCostUsd()).isCloseTo(1_460 * 0.046, within(1e-9));
    assertThat(priced.monthlyCostUsd())
        .isCloseTo(1_460 * 0.09148 + 2_920 * 0.01005 + 1_460 * 0.046, within(1e-9));
  }

  @Test
  void spotUsesTheSpotRates() {
    FargateDeployment tasks = FargateDeployment.builder("batch", 4, 8, 3).spot(true).hoursPerMonth(100).build();

    PricedDeployment priced = engine.price(tasks, AccountTerms.NONE);

    // 3 tasks x 100 h = 300 task-hours: 1,200 vCPU-hours and 2,400 GB-hours at Spot rates.
    assertThat(priced.lines()).extracting(CostLine::name).containsExactly("vCPU (Spot)", "Memory (Spot)");
    assertThat(priced.monthlyCostUsd()).isCloseTo(1_200 * 0.0124419 + 2_400 * 0.00136621, within(1e-9));
  }

  @Test
  void spotIsNotOfferedForArmOrWindows() {
    assertThatThrownBy(() -> FargateDeployment.builder("x", 1, 2, 1).architecture(Architecture.ARM64).spot(true).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("spot is offered for Linux x86_64 tasks only");
    assertThatThrownBy(() -> FargateDeployment.builder("x", 1, 2, 1).os(OperatingSystem.WINDOWS).spot(true).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ephemeralStorageAbove20GbIsBilledPerGbHour() {
    FargateDeployment tasks = FargateDeployment.builder("etl", 1, 2, 2).ephemeralStorageGb(50).build();

    PricedDeployment priced = engine.price(tasks, AccountTerms.NONE);

    // 2 tasks x 730 h x 30 GB above the included 20 = 43,800 GB-hours.
    assertThat(priced.line("Ephemeral storage").quantity()).isEqualTo(43_800.0);
    assertThat(priced.line("Ephemeral storage").monthlyCostUsd()).isCloseTo(43_800 * 0.000111, within(1e-9));
  }

  @Test
  void fargateSavingsPlanCoversComputeButNotLicenceOrStorage() {
    FargateDeployment tasks = FargateDeployment.builder("win", 1, 2, 1)
        .os(OperatingSystem.WINDOWS).ephemeralStorageGb(21).build();
    AccountTerms terms = new AccountTerms(false, 0, 0.2, 0);

    PricedDeployment priced = engine.price(tasks, terms);

    double compute = 730 * 0.09148 + 1_460 * 0.01005;
    assertThat(priced.line("Savings plan (fargate)").monthlyCostUsd()).isCloseTo(-0.2 * compute, within(1e-9));
    assertThat(priced.monthlyCostUsd()).isCloseTo(0.8 * compute + 730 * 0.046 + 730 * 0.000111, within(1e-9));
  }

  @Test
  void savingsPlanDoesNotApplyToSpot() {
    FargateDeployment tasks = FargateDeployment.builder("batch", 1, 2, 1).spot(true).build();

    PricedDeployment priced = engine.price(tasks, new AccountTerms(false, 0, 0.5, 0));

    assertThat(priced.lines()).extracting(CostLine::name).doesNotContain("Savings plan (fargate)");
  }

  @Test
  void ec2OnDemandInstanceHours() {
    PricedDeployment priced = engine.price(Ec2Deployment.of("workers", "m6g.large", 3), AccountTerms.NONE);

    // 3 x 730 h = 2,190 instance-hours x $0.077.
    assertThat(priced.line("Instance hours (m6g.large)").quantity()).isEqualTo(2_190.0);
    assertThat(priced.monthlyCostUsd()).isCloseTo(2_190 * 0.077, within(1e-9));
  }

  @Test
  void ec2SpotUsesTheCatalogEstimate() {
    Ec2InstanceType type = TestPrices.usEast1().ec2Instance("m6g.large").orElseThrow();

    PricedDeployment priced = engine.price(new Ec2Deployment("w", "m6g.large", 2, 100, true), AccountTerms.NONE);

    assertThat(priced.monthlyCostUsd()).isCloseTo(200 * type.spotHourlyUsd(), within(1e-9));
    assertThat(type.spotHourlyUsd()).isLessThan(type.onDemandHourlyUsd());
  }

  @Test
  void ec2SavingsPlan() {
    PricedDeployment priced = engine.price(Ec2Deployment.of("w", "m6g.large", 1), new AccountTerms(false, 0, 0, 0.3));

    assertThat(priced.monthlyCostUsd()).isCloseTo(0.7 * 730 * 0.077, within(1e-9));
  }

  @Test
  void unknownInstanceTypeIsRejected() {
    assertThatThrownBy(() -> engine.price(Ec2Deployment.of("w", "x9.huge", 1), AccountTerms.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown instance type 'x9.huge' in us-east-1 (known: c5.large, c6g.large");
  }
}
