package io.fitadvisor.advisor;

import static io.fitadvisor.advisor.Fixtures.C6G_LARGE_HOUR_USD;
import static io.fitadvisor.advisor.Fixtures.FARGATE_SPOT_GB_HOUR_USD;
import static io.fitadvisor.advisor.Fixtures.FARGATE_SPOT_VCPU_HOUR_USD;
import static io.fitadvisor.advisor.Fixtures.FARGATE_X86_GB_HOUR_USD;
import static io.fitadvisor.advisor.Fixtures.FARGATE_X86_VCPU_HOUR_USD;
import static io.fitadvisor.advisor.Fixtures.advise;
import static io.fitadvisor.advisor.Fixtures.codes;
import static io.fitadvisor.advisor.Fixtures.number;
import static io.fitadvisor.advisor.Fixtures.python;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fitadvisor.workload.Architecture;
import io.fitadvisor.workload.ContainerSpec;
import io.fitadvisor.workload.Invocation;
import io.fitadvisor.workload.LoadShape;
import io.fitadvisor.workload.Requirements;
import io.fitadvisor.workload.Service;
import io.fitadvisor.workload.Target;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ContainerModelTest {
  /** 0.25 vCPU and 0.5 GB on Linux/x86 for an hour. */
  private static final double SMALLEST_TASK_HOUR_USD = 0.25 * FARGATE_X86_VCPU_HOUR_USD + 0.5 * FARGATE_X86_GB_HOUR_USD;

  @Test
  void oneSmallTaskAllMonth() {
    // 2 rps x 50 ms = 0.1 in flight; a 0.25 vCPU / 0.5 GB task holds 0.25 (CPU-bound) x 0.7.
    Service service = python("small").memoryMb(512).meanDurationMs(50).cpuFraction(1)
        .load(LoadShape.steady(2)).build();
    TargetOption fargate = advise(service).option(Target.FARGATE);
    assertThat(fargate.architecture()).contains("x86_64");
    assertThat(number(fargate, "vcpu")).isEqualTo(0.25);
    assertThat(number(fargate, "memoryGb")).isEqualTo(0.5);
    assertThat(number(fargate, "averageTasks")).isEqualTo(1);
    assertThat(fargate.monthlyCostUsd().getAsDouble()).isCloseTo(730 * SMALLEST_TASK_HOUR_USD, within(1e-9));
    assertThat(fargate.warnings()).isEmpty();
  }

  @Test
  void tasksFollowTheConcurrency() {
    // 10 rps x 50 ms = 0.5 in flight. 0.25 vCPU/0.5 GB: ceil(0.5 / (0.25 x 0.7)) = 3 tasks at
    // $0.0123425/h = $0.0370275/h; 0.5 vCPU/1 GB: ceil(0.5 / 0.35) = 2 x $0.024685; 1 vCPU/2 GB:
    // 1 x $0.04937. Three small tasks are cheapest.
    Service service = python("three").memoryMb(512).meanDurationMs(50).cpuFraction(1)
        .load(LoadShape.steady(10)).build();
    TargetOption fargate = advise(service).option(Target.FARGATE);
    assertThat(number(fargate, "vcpu")).isEqualTo(0.25);
    assertThat(number(fargate, "averageTasks")).isEqualTo(3);
    assertThat(number(fargate, "peakTasks")).isEqualTo(3);
    assertThat(fargate.monthlyCostUsd().getAsDouble()).isCloseTo(3 * 730 * SMALLEST_TASK_HOUR_USD, within(1e-9));
  }

  @Test
  void ec2PacksTasksOnTheCheapestInstance() {
    // 20 rps x 100 ms = 2 in flight; each task 0.5 vCPU and 1,024 MB serves one request.
    // c6g.large (2 vCPU, 4 GiB - 300 MiB): min(2/0.5, 3,796/1,024) = 3 tasks, ceil(2 / (3 x 0.7)) = 1
    // instance at $0.068; m6g.large (4 tasks) $0.077, c7g.large $0.0725; burstable t4g are skipped.
    Service service = Service.builder("api").runtime("java21").memoryMb(1024).meanDurationMs(100)
        .cpuFraction(0.5).load(LoadShape.steady(20)).build();
    TargetOption ec2 = advise(service).option(Target.ECS_EC2);
    assertThat(ec2.configuration()).containsEntry("instanceType", "c6g.large");
    assertThat(number(ec2, "tasksPerInstance")).isEqualTo(3);
    assertThat(number(ec2, "averageInstances")).isEqualTo(1);
    assertThat(ec2.architecture()).contains("arm64");
    assertThat(ec2.monthlyCostUsd().getAsDouble()).isCloseTo(730 * C6G_LARGE_HOUR_USD, within(1e-9));
  }

  @Test
  void spotNeedsAnInterruptibleX86Service() {
    Service.Builder service = python("worker").memoryMb(512).meanDurationMs(50).cpuFraction(1)
        .load(LoadShape.steady(2));
    assertThat(codes(advise(service.build()).option(Target.FARGATE_SPOT))).isEqualTo("NOT_INTERRUPTIBLE");

    service.requirements(new Requirements(false, false, true, OptionalDouble.empty()));
    TargetOption spot = advise(service.build()).option(Target.FARGATE_SPOT);
    assertThat(spot.feasible()).isTrue();
    assertThat(spot.warnings()).extracting(Finding::code).containsExactly("SPOT_INTERRUPTION");
    double hour = 0.25 * FARGATE_SPOT_VCPU_HOUR_USD + 0.5 * FARGATE_SPOT_GB_HOUR_USD;
    assertThat(spot.monthlyCostUsd().getAsDouble()).isCloseTo(730 * hour, within(1e-9));

    service.architectures(Architecture.ARM64);
    assertThat(codes(advise(service.build()).option(Target.FARGATE_SPOT))).isEqualTo("ARCHITECTURE_UNAVAILABLE");
  }

  @Test
  void reactiveScalingLagsBehindBursts() {
    // Four 10-minute bursts a day from 1 to 100 rps x 100 ms: from 0.1 to 10 in flight. New tasks
    // arrive 3 alarm minutes + 60 s after the rise, so the first 4 minutes of each burst outrun
    // the running tasks: 30 days x 4 bursts + 2 bursts in the last 600 minutes = 122 bursts, 488 minutes.
    Service.Builder service = python("hooks").memoryMb(512).meanDurationMs(100).cpuFraction(1)
        .load(LoadShape.bursty(1, 100, 4, 10));
    TargetOption reactive = advise(service.build()).option(Target.FARGATE);
    assertThat(reactive.warnings()).extracting(Finding::code).containsExactly("SCALE_OUT_LAG");
    assertThat(reactive.warnings().get(0).message()).startsWith("in 488 minutes a month");

    // With a latency objective the tasks are started ahead of the lag: no warning, more task-hours.
    service.requirements(new Requirements(false, false, false, OptionalDouble.of(1_000)));
    TargetOption ahead = advise(service.build()).option(Target.FARGATE);
    assertThat(ahead.warnings()).isEmpty();
    assertThat(ahead.configuration()).containsEntry("scaling", "ahead of the scale-out lag");
    assertThat(ahead.monthlyCostUsd().getAsDouble()).isGreaterThan(reactive.monthlyCostUsd().getAsDouble());
  }

  @Test
  void scheduledRunsPayOnlyWhileTheyRun() {
    // One 30-minute run a day: 31 runs in the 730-hour month (30 days + 600 minutes), 15.5 task-hours
    // of 1 vCPU / 4 GB (4,096 MB per request; 0.5 vCPU would hold only 0.5/0.7 of a run).
    Service service = python("nightly").memoryMb(4096).meanDurationMs(1_800_000).cpuFraction(0.7)
        .invocation(Invocation.SCHEDULE).load(LoadShape.schedule(1, 1)).build();
    TargetOption fargate = advise(service).option(Target.FARGATE);
    assertThat(number(fargate, "minTasks")).isEqualTo(0);
    assertThat(number(fargate, "taskHours")).isCloseTo(15.5, within(1e-9));
    double hour = 1 * FARGATE_X86_VCPU_HOUR_USD + 4 * FARGATE_X86_GB_HOUR_USD;
    assertThat(fargate.monthlyCostUsd().getAsDouble()).isCloseTo(15.5 * hour, within(1e-9));
  }

  @Test
  void taskSizeAndStorageLimits() {
    Service huge = python("huge").memoryMb(130 * 1024).meanDurationMs(50).load(LoadShape.steady(1)).build();
    assertThat(codes(advise(huge).option(Target.FARGATE))).isEqualTo("FARGATE_TASK_SIZE");

    Service pinned = python("pinned").memoryMb(512).meanDurationMs(50).load(LoadShape.steady(1))
        .container(ContainerSpec.builder().vcpu(3).memoryMb(2048).build()).build();
    TargetOption option = advise(pinned).option(Target.FARGATE);
    assertThat(codes(option)).isEqualTo("FARGATE_TASK_SIZE");
    assertThat(option.violations().get(0).message()).contains("3 vCPU with 2,048 MB");

    Service disk = python("disk").memoryMb(512).meanDurationMs(50).ephemeralStorageMb(250 * 1024)
        .load(LoadShape.steady(1)).build();
    assertThat(codes(advise(disk).option(Target.FARGATE))).isEqualTo("FARGATE_EPHEMERAL_STORAGE");
  }

  @Test
  void aPinnedTaskSizeIsUsedAsGiven() {
    Service service = python("pinned").memoryMb(512).meanDurationMs(50).load(LoadShape.steady(1))
        .container(ContainerSpec.builder().vcpu(1).memoryMb(2048).concurrency(10).build()).build();
    TargetOption fargate = advise(service).option(Target.FARGATE);
    assertThat(number(fargate, "vcpu")).isEqualTo(1);
    assertThat(number(fargate, "memoryGb")).isEqualTo(2);
    assertThat(number(fargate, "concurrencyPerTask")).isEqualTo(10);
    double hour = FARGATE_X86_VCPU_HOUR_USD + 2 * FARGATE_X86_GB_HOUR_USD;
    assertThat(fargate.monthlyCostUsd().getAsDouble()).isCloseTo(730 * hour, within(1e-9));
  }

  @Test
  void gpuServicesRunOnlyOnGpuInstances() {
    Service service = Service.builder("vision").runtime("container").architectures(Architecture.X86_64)
        .memoryMb(6144).meanDurationMs(90).cpuFraction(0.3).load(LoadShape.steady(10))
        .container(ContainerSpec.builder().vcpu(4).memoryMb(12_288).concurrency(8).build())
        .requirements(new Requirements(true, false, false, OptionalDouble.empty())).build();
    ServiceAdvice advice = advise(service);
    assertThat(codes(advice.option(Target.FARGATE))).isEqualTo("GPU_UNAVAILABLE");
    TargetOption ec2 = advice.option(Target.ECS_EC2);
    // 10 rps x 90 ms = 0.9 in flight, 8 per task, one task per GPU: one g4dn.xlarge all month.
    assertThat(ec2.configuration()).containsEntry("instanceType", "g4dn.xlarge");
    double hourly = Fixtures.US_EAST_1.ec2Instance("g4dn.xlarge").orElseThrow().onDemandHourlyUsd();
    assertThat(ec2.monthlyCostUsd().getAsDouble()).isCloseTo(730 * hourly, within(1e-9));

    Service armOnly = Service.builder("vision-arm").runtime("container").architectures(Architecture.ARM64)
        .memoryMb(6144).meanDurationMs(90).load(LoadShape.steady(10))
        .requirements(new Requirements(true, false, false, OptionalDouble.empty())).build();
    TargetOption none = advise(armOnly).option(Target.ECS_EC2);
    assertThat(codes(none)).isEqualTo("GPU_UNAVAILABLE");
    assertThat(none.violations().get(0).message()).contains("no GPU instance type for arm64");
  }
}
