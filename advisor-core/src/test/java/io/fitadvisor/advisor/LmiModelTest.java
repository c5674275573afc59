package io.fitadvisor.advisor;

import static io.fitadvisor.advisor.Fixtures.advise;
import static io.fitadvisor.advisor.Fixtures.codes;
import static io.fitadvisor.advisor.Fixtures.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fitadvisor.pricing.CostLine;
import io.fitadvisor.workload.AccountPricing;
import io.fitadvisor.workload.Architecture;
import io.fitadvisor.workload.LoadShape;
import io.fitadvisor.workload.Preferences;
import io.fitadvisor.workload.Requirements;
import io.fitadvisor.workload.Service;
import io.fitadvisor.workload.Target;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Lambda Managed Instances, worked out by hand: the EC2 price of the instances (c6g.large
 * $0.068 an hour in us-east-1), a 15 % management fee on it, $0.20 per million requests; Node.js
 * environments serve up to 64 requests per vCPU; at least 3 instances run.
 */
class LmiModelTest {

  /** Node.js on arm64, 512 MB a request, 100 ms of which a quarter is CPU: 100 a second is 10 in flight. */
  private static Service.Builder node(double requestsPerSecond) {
    return Service.builder("api").runtime("nodejs22.x").architectures(Architecture.ARM64).memoryMb(512)
        .meanDurationMs(100).cpuFraction(0.25).load(LoadShape.steady(requestsPerSecond));
  }

  @Test
  void aSmallSteadyLoadPaysForTheMinimumFleet() {
    TargetOption lmi = advise(node(100).build()).option(Target.LAMBDA_MANAGED_INSTANCES);

    // A c6g.large (2 vCPU, 4 GiB: 2 GiB per vCPU) holds two 1-vCPU environments of 2 GB; each
    // serves min(64 x 1, 2,048 / 512 = 4, 1 / 0.25 = 4) = 4 requests at once: 8 an instance.
    // 10 in flight need ceil(10 / (8 x 0.7)) = 2 instances, but 3 always run.
    assertThat(lmi.configuration()).containsEntry("instanceType", "c6g.large").containsEntry("minInstances", 3);
    assertThat(number(lmi, "peakInstances")).isEqualTo(3);
    assertThat(number(lmi, "instanceHours")).isEqualTo(3 * 730);
    double instances = 3 * 730 * 0.068;
    double fee = 0.15 * instances;
    double requests = 100 * 2_628_000 / 1e6 * 0.20;
    assertThat(lmi.monthlyCostUsd().getAsDouble()).isCloseTo(instances + fee + requests, within(1e-9));
    assertThat(lmi.lines()).extracting(CostLine::name)
        .containsExactly("Instance hours (c6g.large)", "Management fee (15% of on-demand)",
            "Requests (managed instances)");
    assertThat(lmi.warnings()).isEmpty();
  }

  @Test
  void theEc2SavingsPlanCoversTheInstancesButNotTheFee() {
    AdviceContext context = AdviceContext.of(Fixtures.US_EAST_1,
        new AccountPricing(false, 0, 0, 0.3, Optional.empty()), Preferences.DEFAULT);
    TargetOption lmi = advise(node(100).build(), context).option(Target.LAMBDA_MANAGED_INSTANCES);

    double instances = 3 * 730 * 0.068;
    assertThat(lmi.monthlyCostUsd().getAsDouble())
        .isCloseTo(0.7 * instances + 0.15 * instances + 262.8 * 0.20, within(1e-9));
    assertThat(lmi.lines()).extracting(CostLine::name).contains("Savings plan (ec2)");
  }

  @Test
  void loadThatDoublesFasterThanTheFleetGrowsIsAWarningOrSizedAhead() {
    // 1 a second, then 10 minutes a day at 1,000 (100 in flight): 3 instances serve 24 at once (48
    // on 4-vCPU types), so the load more than doubles what the fleet served 5 minutes before.
    Service.Builder bursty = node(1).load(LoadShape.bursty(1, 1_000, 1, 10));
    TargetOption reactive = advise(bursty.build()).option(Target.LAMBDA_MANAGED_INSTANCES);
    assertThat(reactive.feasible()).isTrue();
    assertThat(codes(reactive)).isEqualTo("THROTTLING_RISK");
    assertThat(reactive.warnings().get(0).message()).contains("more than doubles within 5 minutes");
    assertThat(reactive.configuration()).containsEntry("scaling", "reactive");

    TargetOption ahead = advise(bursty.requirements(new Requirements(false, false, false, OptionalDouble.of(500)))
        .build()).option(Target.LAMBDA_MANAGED_INSTANCES);
    assertThat(ahead.warnings()).isEmpty();
    assertThat(ahead.configuration()).containsEntry("scaling", "ahead of rises");
    assertThat(ahead.monthlyCostUsd().getAsDouble()).isGreaterThan(reactive.monthlyCostUsd().getAsDouble());
  }

  @Test
  void onlyTheSupportedRuntimesRun() {
    for (String runtime : new String[] {"java21", "java25", "python3.13", "python3.14", "nodejs22.x", "nodejs24.x",
        "dotnet8", "dotnet10", "provided.al2023"}) {
      assertThat(LmiModel.supportsRuntime(runtime)).as(runtime).isTrue();
    }
    for (String runtime : new String[] {"java17", "python3.12", "nodejs20.x", "provided.al2", "ruby3.4",
        "container"}) {
      assertThat(LmiModel.supportsRuntime(runtime)).as(runtime).isFalse();
    }
    TargetOption python = advise(Fixtures.python("old").memoryMb(512).meanDurationMs(50).load(LoadShape.steady(1))
        .build()).option(Target.LAMBDA_MANAGED_INSTANCES);
    assertThat(codes(python)).isEqualTo("LAMBDA_RUNTIME");
    assertThat(python.violations().get(0).message()).contains("python3.12");
  }

  @Test
  void limitsOfAnEnvironment() {
    assertThat(codes(advise(node(1).memoryMb(40_000).build()).option(Target.LAMBDA_MANAGED_INSTANCES)))
        .isEqualTo("LAMBDA_MEMORY");
    assertThat(codes(advise(node(1).requirements(new Requirements(true, false, false, OptionalDouble.empty()))
        .build()).option(Target.LAMBDA_MANAGED_INSTANCES))).isEqualTo("GPU_UNAVAILABLE");
    // 20 GB a request fits a 32 GB environment of an r6g.xlarge (4 vCPU, 8 GiB per vCPU) only.
    TargetOption big = advise(node(1).memoryMb(20_480).build()).option(Target.LAMBDA_MANAGED_INSTANCES);
    assertThat(big.configuration()).containsEntry("instanceType", "r6g.xlarge")
        .containsEntry("environmentMemoryGb", 32.0);
  }
}
