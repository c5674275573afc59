package io.fitadvisor.advisor;

import static io.fitadvisor.advisor.Fixtures.LAMBDA_REQUEST_USD;
import static io.fitadvisor.advisor.Fixtures.LAMBDA_X86_GB_SECOND_USD;
import static io.fitadvisor.advisor.Fixtures.advise;
import static io.fitadvisor.advisor.Fixtures.codes;
import static io.fitadvisor.advisor.Fixtures.number;
import static io.fitadvisor.advisor.Fixtures.python;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fitadvisor.pricing.CostLine;
import io.fitadvisor.workload.AccountPricing;
import io.fitadvisor.workload.Architecture;
import io.fitadvisor.workload.Invocation;
import io.fitadvisor.workload.LoadShape;
import io.fitadvisor.workload.Packaging;
import io.fitadvisor.workload.Preferences;
import io.fitadvisor.workload.Requirements;
import io.fitadvisor.workload.Service;
import io.fitadvisor.workload.Target;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class LambdaModelTest {

  /** One request a minute, 100 ms of which 10 % CPU, at 128 MB. */
  private static Service oneRequestAMinute() {
    return python("rare").memoryMb(128).meanDurationMs(100).cpuFraction(0.1)
        .load(LoadShape.steadyMonthlyRequests(43_800)).build();
  }

  @Test
  void costOfARarelyCalledFunctionByHand() {
    TargetOption lambda = advise(oneRequestAMinute()).option(Target.LAMBDA);

    // At 128 MB (1769/128 of a vCPU slower for the 10 % CPU part): 100 x (0.9 + 0.1 x 1769/128)
    // = 228.203125 ms, billed 229 ms.
    assertThat(number(lambda, "memoryMb")).isEqualTo(128);
    assertThat(number(lambda, "billedDurationMs")).isEqualTo(229);
    double requests = 43_800 * LAMBDA_REQUEST_USD;
    double duration = 43_800 * 0.229 * (128 / 1024.0) * LAMBDA_X86_GB_SECOND_USD;
    // One request a minute, five-minute keep-alive: exp(-5) x (1 - exp(-1)) cold starts a minute.
    double coldStarts = 43_800 * Math.exp(-5) * (1 - Math.exp(-1));
    assertThat(number(lambda, "coldStartsPerMonth")).isCloseTo(coldStarts, within(1e-6));
    // python3.12,zip,x86_64,128,1822,89.4,109.1,152.1: INIT p50 89.4 ms, billed 90 ms.
    double init = coldStarts * 0.090 * (128 / 1024.0) * LAMBDA_X86_GB_SECOND_USD;
    assertThat(lambda.monthlyCostUsd().getAsDouble()).isCloseTo(requests + duration + init, within(1e-9));
    assertThat(lambda.lines()).extracting(CostLine::name)
        .containsExactly("Requests", "Duration (x86_64, tier 1)", "INIT duration (x86_64, tier 1)");
  }

  @Test
  void memoryRisesJustEnoughToMeetTheLatencyObjective() {
    Service service = python("fast").memoryMb(512).meanDurationMs(100).p99DurationMs(200).cpuFraction(1)
        .requirements(new Requirements(false, false, false, OptionalDouble.of(300)))
        .load(LoadShape.steady(10)).build();
    TargetOption lambda = advise(service).option(Target.LAMBDA);
    // p99 x 1769/m <= 300 from m = 200 x 1769 / 300 = 1179.3, so from 1,180 MB (1,179 MB gives
    // 300.08 ms). All CPU, so MB x ms = 100 x 1769 = 176,900 before rounding up to whole ms:
    // 1,180 MB bills ceil(149.9) = 150 ms, 177,000 MB-ms; 1,220 MB (176,900 / 145) bills exactly
    // 145 ms, 176,900 MB-ms, the least possible and the smallest such memory from 1,180 MB.
    assertThat(number(lambda, "memoryMb")).isEqualTo(1220);
    assertThat(number(lambda, "billedDurationMs")).isEqualTo(145);
  }

  @Test
  void roundingToWholeMillisecondsCanMakeMoreMemoryCheaper() {
    Service service = python("tiny").memoryMb(128).meanDurationMs(1.2).cpuFraction(1)
        .load(LoadShape.steady(100)).build();
    TargetOption lambda = advise(service).option(Target.LAMBDA);
    // MB x billed ms: 128 x ceil(16.58) = 2,176; 133 x 16 = 2,128; 177 x 12 = 2,124;
    // 193 x ceil(10.999) = 193 x 11 = 2,123, the least; 236 x 9 = 2,124; 1,062 x 2 = 2,124.
    assertThat(number(lambda, "memoryMb")).isEqualTo(193);
    assertThat(number(lambda, "billedDurationMs")).isEqualTo(11);
  }

  @Test
  void coldStartsInTheP99PushMemoryUp() {
    // One request every 10 minutes: exp(-0.5) x (1 - exp(-0.1)) / 0.1 = 58 % of requests are cold.
    Service service = Service.builder("cold").runtime("java21").packaging(Packaging.ZIP)
        .architectures(Architecture.X86_64).memoryMb(512).meanDurationMs(50).p99DurationMs(100)
        .cpuFraction(0.5).requirements(new Requirements(false, false, false, OptionalDouble.of(600)))
        .load(LoadShape.steadyMonthlyRequests(4_380)).build();
    TargetOption lambda = advise(service).option(Target.LAMBDA);
    // java21 zip x86_64 INIT p99: 568.2 ms at 512 MB (rows 385..768 MB), 443.1 ms at 1,024 MB (from
    // 769 MB). 100 x (0.5 + 884.5/m) + 443.1 <= 600 from m = 828 (599.92 ms; 827 MB gives 600.05).
    assertThat(number(lambda, "memoryMb")).isEqualTo(828);
    assertThat(lambda.warnings()).extracting(Finding::code).doesNotContain("COLD_START_LATENCY");
  }

  @Test
  void coldStartsThatBreakTheObjectiveAtEveryMemoryAreAViolation() {
    Service service = Service.builder("cold").runtime("java21").packaging(Packaging.ZIP)
        .architectures(Architecture.X86_64).memoryMb(512).meanDurationMs(50).p99DurationMs(100)
        .cpuFraction(0.5).requirements(new Requirements(false, false, false, OptionalDouble.of(500)))
        .load(LoadShape.steadyMonthlyRequests(4_380)).build();
    // Best case 100 ms + 443.1 ms INIT p99 > 500 ms.
    TargetOption lambda = advise(service).option(Target.LAMBDA);
    assertThat(lambda.feasible()).isFalse();
    assertThat(lambda.violations().get(0).code()).isEqualTo("LATENCY_OBJECTIVE");
    assertThat(lambda.violations().get(0).message()).contains("cold starts").contains("443 ms");
  }

  @Test
  void rareColdStartsAboveTheObjectiveAreAWarning() {
    // One request a minute: exp(-5) x (1 - exp(-1)) = 0.43 % of requests are cold, under 1 %.
    Service service = Service.builder("warmish").runtime("java21").packaging(Packaging.ZIP)
        .architectures(Architecture.X86_64).memoryMb(1024).meanDurationMs(50).p99DurationMs(100)
        .cpuFraction(0.5).requirements(new Requirements(false, false, false, OptionalDouble.of(300)))
        .load(LoadShape.steadyMonthlyRequests(43_800)).build();
    TargetOption lambda = advise(service).option(Target.LAMBDA);
    assertThat(lambda.feasible()).isTrue();
    assertThat(lambda.warnings()).extracting(Finding::code).contains("COLD_START_LATENCY");
  }

  @Test
  void aLongJobExceedsTheTimeout() {
    Service service = python("batch").memoryMb(2048).meanDurationMs(1_800_000).maxDurationMs(2_400_000)
        .load(LoadShape.schedule(1, 1)).build();
    TargetOption lambda = advise(service).option(Target.LAMBDA);
    assertThat(lambda.feasible()).isFalse();
    assertThat(lambda.monthlyCostUsd()).isEmpty();
    assertThat(lambda.violations().get(0).code()).isEqualTo("LAMBDA_TIMEOUT");
    assertThat(lambda.violations().get(0).message())
        .isEqualTo("the longest request, 40 min, exceeds Lambda's 15 min limit even with a full vCPU");
  }

  @Test
  void aJobThatFitsOnlyWithMoreCpuGetsMoreMemory() {
    // 600 s with a full vCPU, all CPU: 600 x 1769/m <= 900 s from m = 1179.3, so at least 1,180 MB.
    Service service = python("cruncher").memoryMb(512).meanDurationMs(600_000).cpuFraction(1)
        .load(LoadShape.schedule(1, 1)).build();
    TargetOption lambda = advise(service).option(Target.LAMBDA);
    assertThat(lambda.feasible()).isTrue();
    assertThat(number(lambda, "memoryMb")).isBetween(1180.0, 1769.0);
    assertThat(number(lambda, "billedDurationMs")).isLessThanOrEqualTo(900_000);
  }

  @Test
  void hardLimits() {
    assertThat(codes(advise(python("big").memoryMb(12_288).meanDurationMs(10)
        .load(LoadShape.steady(1)).build()).option(Target.LAMBDA))).isEqualTo("LAMBDA_MEMORY");
    assertThat(codes(advise(python("upload").memoryMb(256).meanDurationMs(10).requestKb(7_000)
        .load(LoadShape.steady(1)).build()).option(Target.LAMBDA))).isEqualTo("LAMBDA_PAYLOAD");
    assertThat(codes(advise(python("event").memoryMb(256).meanDurationMs(10).requestKb(2_000)
        .invocation(Invocation.ASYNC).load(LoadShape.steady(1)).build()).option(Target.LAMBDA)))
        .isEqualTo("LAMBDA_PAYLOAD");
    assertThat(codes(advise(python("scratch").memoryMb(256).meanDurationMs(10).ephemeralStorageMb(20_480)
        .load(LoadShape.steady(1)).build()).option(Target.LAMBDA))).isEqualTo("LAMBDA_EPHEMERAL_STORAGE");
    assertThat(codes(advise(python("gpu").memoryMb(256).meanDurationMs(10)
        .requirements(new Requirements(true, false, false, OptionalDouble.empty()))
        .load(LoadShape.steady(1)).build()).option(Target.LAMBDA))).isEqualTo("GPU_UNAVAILABLE");
    assertThat(codes(advise(python("socket").memoryMb(256).meanDurationMs(10)
        .requirements(new Requirements(false, true, false, OptionalDouble.empty()))
        .load(LoadShape.steady(1)).build()).option(Target.LAMBDA))).isEqualTo("PERSISTENT_CONNECTIONS");
  }

  @Test
  void aLargePackageGoesToAnImageWhenAllowed() {
    Service.Builder heavy = python("heavy").memoryMb(512).meanDurationMs(50).packageMb(300)
        .load(LoadShape.steady(1));
    TargetOption zipOnly = advise(heavy.build()).option(Target.LAMBDA);
    assertThat(codes(zipOnly)).isEqualTo("LAMBDA_PACKAGE_SIZE");
    assertThat(zipOnly.violations().get(0).message()).contains("300 MB").contains("250 MB");

    TargetOption any = advise(heavy.packaging(Packaging.ANY).build()).option(Target.LAMBDA);
    assertThat(any.feasible()).isTrue();
    assertThat(any.configuration()).containsEntry("packaging", "image");
  }

  @Test
  void deprecatedRuntimesCannotStartNewZipFunctions() {
    Service.Builder old = python("old").runtime("python3.9").memoryMb(256).meanDurationMs(50)
        .load(LoadShape.steady(1));
    assertThat(codes(advise(old.build()).option(Target.LAMBDA))).isEqualTo("LAMBDA_RUNTIME");
    TargetOption image = advise(old.packaging(Packaging.ANY).build()).option(Target.LAMBDA);
    assertThat(image.configuration()).containsEntry("packaging", "image");
    assertThat(image.warnings()).extracting(Finding::code).contains("DEPRECATED_RUNTIME");
  }

  @Test
  void containerRuntimesRunAsImages() {
    Service service = Service.builder("custom").runtime("container").memoryMb(512).meanDurationMs(50)
        .load(LoadShape.steady(1)).build();
    assertThat(advise(service).option(Target.LAMBDA).configuration()).containsEntry("packaging", "image");
  }

  @Test
  void highConcurrencyAndSteepRisesRiskThrottling() {
    // 20,000 rps x 100 ms = 2,000 requests in flight at 2,048 MB (a full vCPU: no slowdown).
    Service busy = python("busy").memoryMb(2048).meanDurationMs(100).load(LoadShape.steady(20_000)).build();
    TargetOption lambda = advise(busy).option(Target.LAMBDA);
    assertThat(lambda.warnings()).extracting(Finding::code).containsExactly("THROTTLING_RISK");
    assertThat(lambda.warnings().get(0).message()).contains("2,000").contains("1,000");

    // From 0 to 10,000 rps x 1 s = 10,000 in flight within a minute: above 1,000 per 10 s.
    Service spiky = python("spiky").memoryMb(2048).meanDurationMs(1_000)
        .load(LoadShape.bursty(0, 10_000, 1, 1)).build();
    assertThat(advise(spiky).option(Target.LAMBDA).warnings())
        .filteredOn(f -> f.message().contains("every 10 seconds")).hasSize(1);
  }

  @Test
  void aWarmP99AboveTheObjectiveIsAViolation() {
    Service service = python("slow").memoryMb(512).meanDurationMs(300).p99DurationMs(500)
        .requirements(new Requirements(false, false, false, OptionalDouble.of(400)))
        .load(LoadShape.steady(5)).build();
    ServiceAdvice advice = advise(service);
    TargetOption lambda = advice.option(Target.LAMBDA);
    assertThat(codes(lambda)).isEqualTo("LATENCY_OBJECTIVE");
    assertThat(lambda.violations().get(0).message()).contains("500 ms").contains("400 ms");
    assertThat(codes(advice.option(Target.FARGATE))).isEqualTo("LATENCY_OBJECTIVE");
    assertThat(codes(advice.option(Target.ECS_EC2))).isEqualTo("LATENCY_OBJECTIVE");
    assertThat(advice.recommendation()).isEmpty();
  }

  @Test
  void armIsCheaperForTheSameMemory() {
    Service service = python("io").architectures(Architecture.X86_64, Architecture.ARM64).memoryMb(512)
        .meanDurationMs(100).cpuFraction(0.1).load(LoadShape.steady(10)).build();
    TargetOption lambda = advise(service).option(Target.LAMBDA);
    assertThat(lambda.architecture()).contains("arm64");
    // 26,280,000 requests x (0.2e-6 + 0.5 GB x 0.125 s x 0.0000133334): at 512 MB,
    // 100 x (0.9 + 0.1 x 1769/512) = 124.55 ms, billed 125 ms; steady load, no cold starts.
    double expected = 26_280_000 * (LAMBDA_REQUEST_USD + 0.5 * 0.125 * Fixtures.LAMBDA_ARM_GB_SECOND_USD);
    assertThat(lambda.monthlyCostUsd().getAsDouble()).isCloseTo(expected, within(1e-6));
  }

  @Test
  void costAtAScaledLoadEqualsTheCostOfTheScaledSeries() {
    Service service = python("diurnal").memoryMb(256).meanDurationMs(80).cpuFraction(0.4)
        .load(LoadShape.diurnal(0.05, 0.09)).build();
    LambdaModel model = Fixtures.lambda(service);
    for (double k : new double[] {0.01, 0.3, 7, 250}) {
      double scaled = Fixtures.ADVISOR.advise(service, Fixtures.series(service).scaled(k), Fixtures.ON_DEMAND)
          .option(Target.LAMBDA).monthlyCostUsd().getAsDouble();
      assertThat(model.monthlyCostUsd(k)).isCloseTo(scaled, within(scaled * 1e-6));
    }
  }

  @Test
  void initLinesComeFromTheEngineWithTheFreeTierAndSavingsPlan() {
    // One request a minute at 128 MB, 229 ms billed (see above): 43,800 x 0.229 x 0.125 = 1,253.775
    // GB-s, far inside the free tier, as are the INIT GB-s; the engine shows both as free.
    AdviceContext free = AdviceContext.of(Fixtures.US_EAST_1,
        new AccountPricing(true, 0.17, 0, 0, Optional.empty()), Preferences.DEFAULT);
    TargetOption lambda = advise(oneRequestAMinute(), free).option(Target.LAMBDA);

    assertThat(lambda.lines()).extracting(CostLine::name).containsExactly("Requests", "Free tier requests",
        "Duration (x86_64, tier 1)", "Free tier duration", "Free tier INIT duration");
    assertThat(lambda.monthlyCostUsd().getAsDouble()).isZero();
  }

  @Test
  void theMemoryChoicesEstimateEqualsTheEnginesPriceOfTheChosenConfiguration() {
    Service[] services = {
        oneRequestAMinute(),
        python("storage").memoryMb(300).meanDurationMs(37.3).cpuFraction(0.6).ephemeralStorageMb(2_048)
            .load(LoadShape.diurnal(40, 70)).build(),
        Service.builder("cold").runtime("java21").packaging(Packaging.ZIP).architectures(Architecture.ARM64)
            .memoryMb(512).meanDurationMs(50).p99DurationMs(100).cpuFraction(0.5)
            .requirements(new Requirements(false, false, false, OptionalDouble.of(600)))
            .load(LoadShape.steadyMonthlyRequests(4_380)).build(),
        python("bursty").memoryMb(256).meanDurationMs(900).cpuFraction(0.2)
            .load(LoadShape.bursty(1, 400, 6, 5)).build()};
    AdviceContext[] contexts = {
        Fixtures.ON_DEMAND,
        AdviceContext.of(Fixtures.US_EAST_1, new AccountPricing(true, 0, 0, 0, Optional.empty()), Preferences.DEFAULT),
        AdviceContext.of(Fixtures.US_EAST_1, new AccountPricing(true, 0.17, 0, 0, Optional.empty()),
            Preferences.DEFAULT),
        AdviceContext.of(Fixtures.US_EAST_1, new AccountPricing(false, 0.1, 0, 0, Optional.empty()),
            Preferences.DEFAULT)};
    for (Service service : services) {
      for (AdviceContext context : contexts) {
        ServiceLoad load = Fixtures.load(service);
        LambdaModel model = new LambdaModel(load, context, FitLimits.builtIn(), ColdStarts.builtIn(),
            new FrontDoors(load, context));
        double engine = model.option().monthlyCostUsd().getAsDouble();
        assertThat(model.estimatedMonthlyCostUsd(1.0)).as(service.name())
            .isCloseTo(engine, within(1e-9 * Math.max(1, engine)));
      }
    }
  }
}
