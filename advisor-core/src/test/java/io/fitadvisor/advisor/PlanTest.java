package io.fitadvisor.advisor;

import static io.fitadvisor.advisor.Fixtures.ADVISOR;
import static io.fitadvisor.advisor.Fixtures.LAMBDA_REQUEST_USD;
import static io.fitadvisor.advisor.Fixtures.LAMBDA_X86_GB_SECOND_USD;
import static io.fitadvisor.advisor.Fixtures.number;
import static io.fitadvisor.advisor.Fixtures.python;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fitadvisor.workload.AccountPricing;
import io.fitadvisor.workload.Application;
import io.fitadvisor.workload.ContainerSpec;
import io.fitadvisor.workload.FrontDoor;
import io.fitadvisor.workload.Invocation;
import io.fitadvisor.workload.LoadSeries;
import io.fitadvisor.workload.LoadShape;
import io.fitadvisor.workload.Loads;
import io.fitadvisor.workload.Preferences;
import io.fitadvisor.workload.Requirements;
import io.fitadvisor.workload.Service;
import io.fitadvisor.workload.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * The application plan, worked out by hand from the us-east-1 rates of the built-in catalog
 * (written out in {@link Fixtures} and below, so the arithmetic does not depend on the code).
 */
class PlanTest {
  private static final double ALB_HOUR_USD = 0.0225;
  private static final double ALB_LCU_HOUR_USD = 0.008;
  private static final double R6G_LARGE_HOUR_USD = 0.1008;
  private static final double FARGATE_ARM_VCPU_HOUR_USD = 0.03238;
  private static final double FARGATE_ARM_GB_HOUR_USD = 0.00356;

  private static Application application(AccountPricing pricing, Service... services) {
    Application.Builder builder = Application.builder().name("app").region("us-east-1").pricing(pricing)
        .preferences(Preferences.DEFAULT);
    for (Service service : services) {
      builder.service(service);
    }
    return builder.build();
  }

  private static AccountPricing freeTier() {
    return new AccountPricing(true, 0, 0, 0, Optional.empty());
  }

  /** 600,000 requests a month of 250 ms at 2,048 MB (a full vCPU: no slowdown, one memory to try). */
  private static Service smallFunction(String name) {
    return python(name).memoryMb(2048).meanDurationMs(250).cpuFraction(1)
        .load(LoadShape.steadyMonthlyRequests(600_000)).build();
  }

  @Test
  void twoSmallFunctionsShareOneFreeTier() {
    Advice advice = ADVISOR.advise(application(freeTier(), smallFunction("a"), smallFunction("b")));

    // Alone, each fits the free tier: 600,000 requests <= 1M and 600,000 x 0.25 s x 2 GB =
    // 300,000 GB-s <= 400,000. A steady 13.7 requests a minute has practically no cold starts.
    for (ServiceAdvice service : advice.services()) {
      assertThat(service.option(Target.LAMBDA).monthlyCostUsd().getAsDouble()).isCloseTo(0, within(1e-12));
    }
    // Together they pay for what exceeds one free tier, once: 1.2M - 1M = 200,000 requests and
    // 600,000 - 400,000 = 200,000 GB-s.
    double expected = 200_000 * LAMBDA_REQUEST_USD + 200_000 * LAMBDA_X86_GB_SECOND_USD;
    Plan plan = advice.plan();
    assertThat(plan.monthlyCostUsd()).isCloseTo(expected, within(1e-9));
    assertThat(plan.assignments()).extracting(Assignment::target).containsExactly(Target.LAMBDA, Target.LAMBDA);
    // The engine shares the free tier in proportion to use: half each.
    assertThat(plan.assignments()).allSatisfy(a -> {
      assertThat(a.monthlyCostUsd()).isCloseTo(expected / 2, within(1e-9));
      assertThat(a.aloneMonthlyCostUsd()).isCloseTo(0, within(1e-12));
      assertThat(a.shared()).containsExactly("Lambda usage of the account");
    });
    SharedCost account = plan.shared().get(0);
    assertThat(account.kind()).isEqualTo("lambda-account");
    assertThat(account.services()).containsExactly("a", "b");
    assertThat(account.savingsUsd()).isCloseTo(-expected, within(1e-9));
    assertThat(plan.allLambdaMonthlyCostUsd().getAsDouble()).isCloseTo(expected, within(1e-9));
    assertThat(plan.search().method()).isEqualTo("exact");
    assertThat(plan.search().gapBoundUsd()).isZero();
  }

  /**
   * A service that only containers can host (it holds its own connections), behind an ALB, pinned
   * to tasks of 1 vCPU and 7 GB serving 10 requests at once; 1 request a second of 100 ms needs one
   * task all month (0.1 in flight, minTasks 1).
   */
  private static Service socketService(String name) {
    return Service.builder(name).runtime("container").memoryMb(512).meanDurationMs(100).cpuFraction(0.5)
        .architectures(io.fitadvisor.workload.Architecture.ARM64)
        .container(ContainerSpec.builder().vcpu(1).memoryMb(7168).concurrency(10).build())
        .requirements(new Requirements(false, true, false, OptionalDouble.empty()))
        .frontDoor(FrontDoor.ALB).load(LoadShape.steady(1)).build();
  }

  @Test
  void twoContainerServicesShareOneLoadBalancerAndOneInstance() {
    Advice advice = ADVISOR.advise(application(AccountPricing.DEFAULT, socketService("a"), socketService("b")));

    // Alone, Fargate wins: 730 h x (1 x $0.03238 + 7 x $0.00356) = $41.8284 a month, against
    // $56.21 for an m6g.large (one 7 GB task fits its 8 GiB - 300 MiB) or $73.584 for an
    // r6g.large. Each with its own ALB: 730 x $0.0225 + 0.04 LCU x 730 x $0.008 (one new
    // connection a second / 25 per LCU).
    double fargate = 730 * (FARGATE_ARM_VCPU_HOUR_USD + 7 * FARGATE_ARM_GB_HOUR_USD);
    double albAlone = 730 * ALB_HOUR_USD + 0.04 * 730 * ALB_LCU_HOUR_USD;
    for (ServiceAdvice service : advice.services()) {
      assertThat(service.recommendation().orElseThrow().target()).isEqualTo(Target.FARGATE);
      assertThat(service.option(Target.FARGATE).monthlyCostUsd().getAsDouble())
          .isCloseTo(fargate + albAlone, within(1e-9));
    }
    // Together: one r6g.large (2 vCPU, 16 GiB: two tasks of 1 vCPU and 7 GB) for both, $73.584,
    // against 2 x $41.8284 = $83.6568 on Fargate; one ALB with 0.08 LCU.
    double instance = 730 * R6G_LARGE_HOUR_USD;
    double alb = 730 * ALB_HOUR_USD + 0.08 * 730 * ALB_LCU_HOUR_USD;
    Plan plan = advice.plan();
    assertThat(plan.monthlyCostUsd()).isCloseTo(instance + alb, within(1e-9));
    assertThat(plan.assignments()).allSatisfy(a -> {
      assertThat(a.target()).isEqualTo(Target.ECS_EC2);
      assertThat(a.placement()).isEqualTo("shared arm64 cluster (r6g.large)");
      assertThat(a.monthlyCostUsd()).isCloseTo((instance + alb) / 2, within(1e-9));
    });
    assertThat(plan.shared()).extracting(SharedCost::name)
        .containsExactly("Application Load Balancer", "ECS cluster (arm64, r6g.large)");
    assertThat(plan.shared().get(0).savingsUsd()).isCloseTo(730 * ALB_HOUR_USD, within(1e-9));
    // Each alone on its own cluster would take the cheapest type that holds one task, an m6g.large.
    assertThat(plan.shared().get(1).savingsUsd()).isCloseTo(2 * 730 * 0.077 - instance, within(1e-9));
    assertThat(plan.allLambdaMonthlyCostUsd()).isEmpty();
    assertThat(plan.allContainersMonthlyCostUsd().getAsDouble()).isCloseTo(instance + alb, within(1e-9));
    assertThat(plan.savingsVsAllContainersUsd().getAsDouble()).isCloseTo(0, within(1e-9));
    assertThat(plan.assignments().get(0).reasons()).anyMatch(r -> r.contains("Application Load Balancer with b"));
  }

  /**
   * An hour of traffic repeated 730 times: 12,000 requests a minute (200 a second, 20 in flight at
   * 100 ms), except one minute of 120,000 (200 in flight).
   */
  private static LoadSeries hourlyBurst() {
    float[] minutes = new float[LoadSeries.MINUTES_PER_MONTH];
    for (int t = 0; t < minutes.length; t++) {
      minutes[t] = t % 60 == 0 ? 120_000 : 12_000;
    }
    return LoadSeries.of(minutes);
  }

  /**
   * A sync Python function, 100 ms at 2,048 MB (billed 100 ms), with a 1 s latency objective;
   * as a container a 2 vCPU, 16 GB task serves 20 requests at once (used in full). No x86 instance
   * type of the catalog holds a 16 GB task with the ECS agent's 300 MiB, so ecs-ec2 is out.
   */
  private static Service burstyApi() {
    return python("bursty").memoryMb(2048).meanDurationMs(100).cpuFraction(1)
        .container(ContainerSpec.builder().vcpu(2).memoryMb(16_384).concurrency(20).targetUtilization(1.0).build())
        .requirements(new Requirements(false, false, false, OptionalDouble.of(1_000)))
        .load(LoadShape.recorded(hourlyBurst())).build();
  }

  @Test
  void aBurstyServiceWithALatencyObjectiveIsCheapestAsAHybrid() {
    ServiceAdvice advice = Fixtures.advise(burstyApi());
    double taskMonth = 730 * (2 * 0.04048 + 16 * 0.004445); // $111.0184

    // Fargate must size ahead for the objective: each minute holds the largest load of the 15
    // minutes before and the 4 after (3 alarm minutes + 1 to start). Each burst keeps 200 / 20 = 10
    // tasks for 20 minutes of the hour, 1 task the other 40.
    double fargate = 730 * (20 * 10 + 40 * 1) / 60.0 * (2 * 0.04048 + 16 * 0.004445);
    assertThat(advice.option(Target.FARGATE).monthlyCostUsd().getAsDouble()).isCloseTo(fargate, within(1e-9));
    assertThat(advice.option(Target.ECS_EC2).feasible()).isFalse();

    // Lambda alone: 730 x (120,000 + 59 x 12,000) = 604,440,000 requests x (0.2e-6 + 0.1 s x 2 GB
    // x $0.0000166667), plus INIT: each burst starts 200 - 20 = 180 environments; python3.12 zip
    // x86_64 INIT p50 at the nearest row, 1,024 MB, is 88.7 ms, billed 89.
    double lambdaRequests = 730 * (120_000 + 59 * 12_000.0);
    double lambda = lambdaRequests * (LAMBDA_REQUEST_USD + 0.1 * 2 * LAMBDA_X86_GB_SECOND_USD)
        + 730 * 180 * 0.089 * 2 * LAMBDA_X86_GB_SECOND_USD;
    assertThat(advice.option(Target.LAMBDA).monthlyCostUsd().getAsDouble()).isCloseTo(lambda, within(1e-6));

    // Hybrid with k = 1 task (capacity 20): the baseline minutes never overflow; each burst minute
    // sends (200 - 20) / 200 of its 120,000 requests, 108,000, to Lambda. The overflow starts cold
    // after 59 quiet minutes: 1 - exp(-108,000) = 1 for the first request, plus 180 - 1 more
    // environments for the rise: 180 cold starts a burst.
    double overflow = 730 * 108_000.0;
    double coldStarts = 730 * (1 + 179);
    double hybrid = 1 * taskMonth
        + overflow * LAMBDA_REQUEST_USD
        + (overflow * 0.1 * 2 + coldStarts * 0.089 * 2) * LAMBDA_X86_GB_SECOND_USD;
    // k = 2 would add $111.02 of task and save only 12,000 overflow requests a burst:
    // 730 x 12,000 x (0.2e-6 + 0.2 x 0.0000166667) = $30.95 (and some INIT); larger k even less.
    TargetOption option = advice.option(Target.HYBRID);
    assertThat(option.monthlyCostUsd().getAsDouble()).isCloseTo(hybrid, within(1e-6));
    assertThat(number(option, "baselineTasks")).isEqualTo(1);
    assertThat(number(option, "coldStartsPerMonth")).isCloseTo(coldStarts, within(1e-6));
    assertThat(number(option, "lambdaRequestShare")).isCloseTo(overflow / lambdaRequests, within(1e-12));
    assertThat(option.configuration()).containsEntry("overflowRoute", "spill-over router")
        .containsEntry("baseline", "fargate");
    assertThat(option.warnings()).extracting(Finding::code).containsExactly("OVERFLOW_ROUTING");

    // $389.98 against $444.07 on Fargate and $2,136.08 on Lambda.
    assertThat(hybrid).isLessThan(fargate).isLessThan(lambda);
    assertThat(advice.recommendation().orElseThrow().target()).isEqualTo(Target.HYBRID);

    Plan plan = ADVISOR.advise(application(AccountPricing.DEFAULT, burstyApi())).plan();
    assertThat(plan.assignments()).extracting(Assignment::target).containsExactly(Target.HYBRID);
    assertThat(plan.monthlyCostUsd()).isCloseTo(hybrid, within(1e-6));
    assertThat(plan.savingsVsAllContainersUsd().getAsDouble()).isCloseTo(fargate - hybrid, within(1e-6));
    assertThat(plan.savingsVsAllLambdaUsd().getAsDouble()).isCloseTo(lambda - hybrid, within(1e-6));
  }

  @Test
  void queuedWorkOverflowsThroughAQueue() {
    Service worker = python("worker").memoryMb(2048).meanDurationMs(100).cpuFraction(1)
        .invocation(Invocation.QUEUE)
        .container(ContainerSpec.builder().vcpu(2).memoryMb(16_384).concurrency(20).targetUtilization(1.0).build())
        .load(LoadShape.recorded(hourlyBurst())).build();

    TargetOption hybrid = Fixtures.advise(worker).option(Target.HYBRID);

    assertThat(hybrid.configuration()).containsEntry("overflowRoute", "queue");
    assertThat(hybrid.warnings().get(0).message()).contains("queue");
  }

  @Test
  void thePlanIsNeverDearerThanTheBestSingleTargetPlanAndIsTheCheapestOfAll() {
    AccountPricing pricing = new AccountPricing(true, 0.1, 0.2, 0.3, Optional.empty());
    Application app = application(pricing, smallFunction("mailer"), socketService("chat"), socketService("feed"),
        burstyApi(), python("api").memoryMb(512).meanDurationMs(60).cpuFraction(0.4)
            .frontDoor(FrontDoor.ALB).load(LoadShape.diurnal(30, 55)).build());
    AdviceContext context = ADVISOR.context(app);
    List<ServiceEvaluation> evaluations = new ArrayList<>();
    for (Service service : app.services()) {
      evaluations.add(ADVISOR.evaluate(service, Loads.series(service), context));
    }
    Plan plan = ADVISOR.plan(evaluations, context);
    double objective = plan.monthlyCostUsd() + plan.opsCostPerMonthUsd();

    // Every combination of every service's choices, priced the same way: none is cheaper.
    Planner all = ADVISOR.planner(evaluations, context, false);
    double cheapest = Bruteforce.cheapest(all);
    assertThat(objective).isCloseTo(cheapest, within(1e-6));
    for (Target target : Target.values()) {
      for (boolean shared : new boolean[] {false, true}) {
        all.singleTargetObjective(target, shared)
            .ifPresent(single -> assertThat(objective).isLessThanOrEqualTo(single + 1e-6));
      }
    }
    double sum = plan.assignments().stream().mapToDouble(Assignment::monthlyCostUsd).sum();
    assertThat(sum).isCloseTo(plan.monthlyCostUsd(), within(1e-6));
    assertThat(plan.reasons()).hasSizeBetween(2, 5);
    assertThat(plan.assignments()).allSatisfy(a -> assertThat(a.reasons()).hasSizeBetween(2, 4));
  }

  @Test
  void operatingEffortIsCountedOncePerTargetUsed() {
    // $100 a month for running any Fargate: the plan pays it once for both services.
    Preferences preferences = new Preferences(Map.of(Target.FARGATE, 100.0), 0.05);
    Application app = Application.builder().name("app").region("us-east-1").pricing(AccountPricing.DEFAULT)
        .preferences(preferences).service(socketService("a")).service(socketService("b")).build();
    Plan plan = ADVISOR.advise(app).plan();
    // Both fit one r6g.large, so ecs-ec2 wins and no Fargate effort is paid.
    assertThat(plan.opsCostPerMonthUsd()).isZero();
    assertThat(plan.assignments()).extracting(Assignment::target).containsOnly(Target.ECS_EC2);

    Preferences ec2Effort = new Preferences(Map.of(Target.ECS_EC2, 50.0), 0.05);
    Application withEffort = Application.builder().name("app").region("us-east-1").pricing(AccountPricing.DEFAULT)
        .preferences(ec2Effort).service(socketService("a")).service(socketService("b")).build();
    Plan effortful = ADVISOR.advise(withEffort).plan();
    // $73.584 + $50 once on ECS against $83.6568 on Fargate: Fargate now.
    assertThat(effortful.assignments()).extracting(Assignment::target).containsOnly(Target.FARGATE);
    assertThat(effortful.opsCostPerMonthUsd()).isZero();
  }

  @Test
  void aServiceNoTargetCanHostIsLeftOut() {
    Service impossible = Service.builder("impossible").runtime("container").memoryMb(200_000).meanDurationMs(50)
        .load(LoadShape.steady(1)).build();
    Plan plan = ADVISOR.advise(application(AccountPricing.DEFAULT, smallFunction("a"), impossible)).plan();

    assertThat(plan.assignments()).extracting(Assignment::service).containsExactly("a");
    assertThat(plan.allLambdaMonthlyCostUsd()).isEmpty();
    assertThat(plan.allContainersMonthlyCostUsd()).isEmpty();
    assertThat(plan.reasons()).anyMatch(r -> r.contains("Left out") && r.contains("impossible"));
  }

  /** Enumerates every combination of choices; small applications only. */
  static final class Bruteforce {
    private Bruteforce() {}

    static double cheapest(Planner planner) {
      int n = planner.slotCount();
      int[] pick = new int[n];
      double best = Double.POSITIVE_INFINITY;
      while (true) {
        best = Math.min(best, planner.objective(pick));
        int s = 0;
        while (s < n && ++pick[s] == planner.choiceCount(s)) {
          pick[s] = 0;
          s++;
        }
        if (s == n) {
          return best;
        }
      }
    }
  }
}
