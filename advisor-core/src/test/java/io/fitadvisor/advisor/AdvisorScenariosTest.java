package io.fitadvisor.advisor;

import static io.fitadvisor.advisor.Fixtures.ADVISOR;
import static io.fitadvisor.advisor.Fixtures.FARGATE_X86_GB_HOUR_USD;
import static io.fitadvisor.advisor.Fixtures.FARGATE_X86_VCPU_HOUR_USD;
import static io.fitadvisor.advisor.Fixtures.LAMBDA_REQUEST_USD;
import static io.fitadvisor.advisor.Fixtures.LAMBDA_X86_GB_SECOND_USD;
import static io.fitadvisor.advisor.Fixtures.advise;
import static io.fitadvisor.advisor.Fixtures.application;
import static io.fitadvisor.advisor.Fixtures.python;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fitadvisor.workload.Application;
import io.fitadvisor.workload.Architecture;
import io.fitadvisor.workload.ContainerSpec;
import io.fitadvisor.workload.FrontDoor;
import io.fitadvisor.workload.Invocation;
import io.fitadvisor.workload.LoadShape;
import io.fitadvisor.workload.Requirements;
import io.fitadvisor.workload.Service;
import io.fitadvisor.workload.Target;
import io.fitadvisor.workload.Workloads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Whole services through {@link Advisor}: what is recommended, and why. */
class AdvisorScenariosTest {

  @Test
  void everyTargetHasAnOptionInOrder() {
    ServiceAdvice advice = advise(python("any").memoryMb(256).meanDurationMs(50).load(LoadShape.steady(1)).build());
    assertThat(advice.options()).extracting(TargetOption::target).containsExactly(Target.values());
    // Every target is modelled now: python3.12 is too old for Lambda Managed Instances (3.13 and
    // later), and the hybrid is priced.
    assertThat(advice.option(Target.LAMBDA_MANAGED_INSTANCES).violations()).extracting(Finding::code)
        .containsExactly("LAMBDA_RUNTIME");
    assertThat(advice.option(Target.HYBRID).feasible()).isTrue();
    for (TargetOption option : advice.options()) {
      assertThat(option.violations()).extracting(Finding::code).doesNotContain("NOT_MODELLED");
    }
  }

  @Test
  void aLongJobIsNotForLambda() {
    Service batch = python("nightly").memoryMb(4096).meanDurationMs(1_800_000).maxDurationMs(2_400_000)
        .cpuFraction(0.7).invocation(Invocation.SCHEDULE).load(LoadShape.schedule(1, 1)).build();
    ServiceAdvice advice = advise(batch);
    assertThat(advice.option(Target.LAMBDA).violations()).extracting(Finding::code).containsExactly("LAMBDA_TIMEOUT");
    assertThat(advice.recommendation()).isPresent();
    assertThat(advice.recommendation().get().target()).isEqualTo(Target.FARGATE);
    assertThat(advice.recommendation().get().reasons()).anyMatch(r -> r.contains("lambda is ruled out"));
  }

  @Test
  void aGpuServiceGoesToEcsOnEc2() {
    Service vision = Service.builder("vision").runtime("container").memoryMb(6144).meanDurationMs(90)
        .cpuFraction(0.3).load(LoadShape.diurnal(20, 35))
        .container(ContainerSpec.builder().vcpu(4).memoryMb(12_288).concurrency(8).build())
        .requirements(new Requirements(true, false, false, OptionalDouble.empty())).build();
    ServiceAdvice advice = advise(vision);
    assertThat(advice.recommendation().orElseThrow().target()).isEqualTo(Target.ECS_EC2);
    assertThat(advice.recommendation().get().reasons().get(0)).contains("only target");
    assertThat(advice.option(Target.LAMBDA).violations()).extracting(Finding::code).contains("GPU_UNAVAILABLE");
  }

  @Test
  void aRarelyCalledFunctionGoesToLambda() {
    Service rare = python("rare").memoryMb(128).meanDurationMs(100).cpuFraction(0.1)
        .load(LoadShape.steadyMonthlyRequests(43_800)).build();
    ServiceAdvice advice = advise(rare);
    Recommendation recommendation = advice.recommendation().orElseThrow();
    assertThat(recommendation.target()).isEqualTo(Target.LAMBDA);
    // Requests and duration alone (see LambdaModelTest for the cold starts):
    // 43,800 x (0.2e-6 + 0.229 s x 0.125 GB x 0.0000166667) = $0.0297, against $9.01 for a task.
    assertThat(recommendation.monthlyCostUsd())
        .isCloseTo(43_800 * (LAMBDA_REQUEST_USD + 0.229 * 0.125 * LAMBDA_X86_GB_SECOND_USD), within(1e-4));
    assertThat(recommendation.reasons()).hasSizeBetween(2, 5);
    assertThat(recommendation.reasons().get(0)).startsWith("lambda (x86_64) is the cheapest at $0.03 a month");
  }

  @Test
  void aSteadyHeavyLoadIsFarCheaperOnContainers() {
    Service api = Service.builder("orders").runtime("java21").memoryMb(1024).meanDurationMs(100)
        .cpuFraction(0.5).load(LoadShape.steady(500)).build();
    ServiceAdvice advice = advise(api);
    Recommendation recommendation = advice.recommendation().orElseThrow();
    assertThat(recommendation.target()).isIn(Target.FARGATE, Target.ECS_EC2);
    double lambda = advice.option(Target.LAMBDA).monthlyCostUsd().getAsDouble();
    assertThat(recommendation.monthlyCostUsd()).isLessThan(lambda / 2);
  }

  @Test
  void persistentConnectionsAreNotForLambda() {
    Service chat = Service.builder("chat").runtime("nodejs22.x").memoryMb(512).meanDurationMs(15)
        .cpuFraction(0.3).load(LoadShape.diurnal(120, 200)).frontDoor(FrontDoor.ALB)
        .requirements(new Requirements(false, true, false, OptionalDouble.empty())).build();
    ServiceAdvice advice = advise(chat);
    assertThat(advice.option(Target.LAMBDA).violations()).extracting(Finding::code)
        .containsExactly("PERSISTENT_CONNECTIONS");
    assertThat(advice.recommendation().orElseThrow().target()).isNotEqualTo(Target.LAMBDA);
  }

  @Test
  void breakEvenOfASteadyServiceMatchesTheHandFormula() {
    // One 0.25 vCPU / 0.5 GB task all month against Lambda for 50 ms of CPU at a full vCPU, i.e.
    // 50 x 1769 = 88,450 MB-ms a request before rounding to whole ms: 512 MB bills ceil(172.75) =
    // 173 ms (88,576 MB-ms), while 610 MB bills exactly 145 ms (88,450 MB-ms), the least.
    // Break-even rate = task cost per hour / (3,600 x Lambda cost per request); a task holds
    // 0.25 x 0.7 = 0.175 in flight, enough up to 3.5 rps.
    Service service = python("steady").memoryMb(512).meanDurationMs(50).cpuFraction(1)
        .load(LoadShape.steady(1)).build();
    ServiceAdvice advice = advise(service);
    double taskPerHour = 0.25 * FARGATE_X86_VCPU_HOUR_USD + 0.5 * FARGATE_X86_GB_HOUR_USD;
    double lambdaPerRequest = LAMBDA_REQUEST_USD + (610 / 1024.0) * 0.145 * LAMBDA_X86_GB_SECOND_USD;
    double expected = taskPerHour / (3600 * lambdaPerRequest); // 2.091 rps
    BreakEven lambdaFargate = advice.breakEven().stream()
        .filter(b -> b.first() == Target.LAMBDA && b.second() == Target.FARGATE)
        .findFirst().orElseThrow();
    assertThat(lambdaFargate.requestsPerSecond()).isCloseTo(expected, within(expected * 1e-5));
  }

  @Test
  void pairsThatNeverCrossAreLeftOut() {
    // Without a GPU or persistent connections every target runs it; with only x86 on Spot and not
    // interruptible, Spot is infeasible and appears in no pair.
    ServiceAdvice advice = advise(python("steady").memoryMb(512).meanDurationMs(50).load(LoadShape.steady(1)).build());
    assertThat(advice.breakEven()).allMatch(b -> b.first() != Target.FARGATE_SPOT && b.second() != Target.FARGATE_SPOT);
    assertThat(advice.breakEven()).allMatch(b -> b.first().ordinal() < b.second().ordinal());
  }

  @Test
  void theSameInputGivesEqualResults() {
    Application app = application("shop",
        python("a").memoryMb(256).meanDurationMs(40).load(LoadShape.bursty(0.5, 50, 6, 5)).build(),
        Service.builder("b").runtime("java21").memoryMb(1024).meanDurationMs(120).cpuFraction(0.3)
            .load(LoadShape.diurnal(30, 50)).frontDoor(FrontDoor.API_GATEWAY_HTTP).build());
    Advice first = ADVISOR.advise(app);
    Advice second = Advisor.of(Fixtures.CATALOG).advise(app);
    assertThat(second).isEqualTo(first);
    assertThat(second.toString()).isEqualTo(first.toString());
  }

  @Test
  void aServiceNoTargetCanHostGetsANoteInsteadOfARecommendation() {
    Service impossible = Service.builder("arm-gpu").runtime("container").architectures(Architecture.ARM64)
        .memoryMb(4096).meanDurationMs(50).load(LoadShape.steady(1))
        .requirements(new Requirements(true, false, false, OptionalDouble.empty())).build();
    ServiceAdvice advice = advise(impossible);
    assertThat(advice.recommendation()).isEmpty();
    assertThat(advice.notes()).anyMatch(n -> n.startsWith("No target can host this service: lambda: "));
    assertThat(advice.notes().get(0)).doesNotContain("not modelled");
  }

  @Test
  void thePlanSumsTheRecommendations() {
    Service rare = python("rare").memoryMb(128).meanDurationMs(100).load(LoadShape.steadyMonthlyRequests(43_800)).build();
    Service batch = python("batch").memoryMb(2048).meanDurationMs(1_800_000).invocation(Invocation.SCHEDULE)
        .load(LoadShape.schedule(1, 1)).build();
    Advice advice = ADVISOR.advise(application("mixed", rare, batch));
    Plan plan = advice.plan();
    double expected = advice.services().stream()
        .mapToDouble(s -> s.recommendation().orElseThrow().monthlyCostUsd()).sum();
    assertThat(plan.monthlyCostUsd()).isCloseTo(expected, within(1e-12));
    assertThat(plan.assignments()).extracting(Assignment::service).containsExactly("rare", "batch");
    assertThat(plan.allLambdaMonthlyCostUsd()).isEmpty(); // the batch job cannot run on Lambda
    assertThat(plan.allContainersMonthlyCostUsd()).isPresent();
    assertThat(advice.region()).isEqualTo("us-east-1");
    assertThat(advice.catalogEffectiveDate()).isEqualTo(Fixtures.CATALOG.effectiveDate());
  }

  @Test
  void aMonthWithoutRequestsCostsOnlyWhatAlwaysRuns() {
    Service idle = python("idle").memoryMb(256).meanDurationMs(50)
        .load(LoadShape.recorded(io.fitadvisor.workload.LoadSeries.of(new float[43_800]))).build();
    ServiceAdvice advice = advise(idle);
    assertThat(advice.option(Target.LAMBDA).monthlyCostUsd().getAsDouble()).isZero();
    assertThat(advice.recommendation().orElseThrow().target()).isEqualTo(Target.LAMBDA);
    assertThat(advice.breakEven()).isEmpty();
  }

  @Test
  void anUnknownRegionIsRejected() {
    Application app = Application.builder().name("x").region("xx-nowhere-1")
        .service(python("a").memoryMb(128).meanDurationMs(10).load(LoadShape.steady(1)).build()).build();
    assertThatThrownBy(() -> ADVISOR.advise(app)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("xx-nowhere-1");
  }

  @Test
  void frontDoorsArePricedPerTarget() {
    Service hooks = python("hooks").memoryMb(256).meanDurationMs(40).requestKb(1_200)
        .load(LoadShape.steady(1)).frontDoor(FrontDoor.API_GATEWAY_HTTP).build();
    ServiceAdvice advice = advise(hooks);
    // A 1,200 KB request is metered as three 512 KB requests: 2,628,000 x 3 at $1.00 per million.
    TargetOption lambda = advice.option(Target.LAMBDA);
    assertThat(lambda.lines()).filteredOn(l -> l.name().startsWith("Requests (HTTP"))
        .singleElement().satisfies(l -> assertThat(l.quantity()).isCloseTo(2.628 * 3, within(1e-9)));

    Service url = python("url").memoryMb(256).meanDurationMs(40).load(LoadShape.steady(1))
        .frontDoor(FrontDoor.FUNCTION_URL).build();
    ServiceAdvice urlAdvice = advise(url);
    assertThat(urlAdvice.option(Target.LAMBDA).lines()).extracting(l -> l.name())
        .doesNotContain("Load balancer hours");
    assertThat(urlAdvice.option(Target.FARGATE).lines()).extracting(l -> l.name())
        .contains("Load balancer hours");
    assertThat(urlAdvice.notes()).anyMatch(n -> n.contains("no function URL"));
  }

  @Test
  void everyBundledSampleIsAdvised() throws IOException {
    Path folder = Path.of("../samples/src/main/resources/io/fitadvisor/samples");
    List<String> names = Files.readAllLines(folder.resolve("index.txt")).stream()
        .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    assertThat(names).hasSizeGreaterThanOrEqualTo(7);
    String[] expected = {"lambda", "fargate", "fargate-spot", "ecs-ec2", "fargate", "lambda", "lambda"};
    String[] got = new String[names.size()];
    Advice ioBound = null;
    for (int i = 0; i < names.size(); i++) {
      Advice advice = ADVISOR.advise(Workloads.read(folder.resolve(names.get(i))));
      got[i] = advice.services().get(0).recommendation().map(r -> r.target().id()).orElse("none");
      if (names.get(i).equals("io-bound-arm.yaml")) {
        ioBound = advice;
      }
      // Every sample's plan places every service some target can host.
      assertThat(advice.plan().assignments()).hasSize((int) advice.services().stream()
          .filter(s -> s.recommendation().isPresent()).count());
    }
    assertThat(Arrays.copyOf(got, expected.length)).containsExactly(expected);
    // The I/O-bound service: Arm's lower price per GB-s wins.
    assertThat(ioBound.services().get(0).recommendation().orElseThrow().architecture()).contains("arm64");
  }
}
