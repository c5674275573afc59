package io.fitadvisor.advisor;

import static io.fitadvisor.advisor.Fixtures.ADVISOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.fitadvisor.workload.AccountPricing;
import io.fitadvisor.workload.Application;
import io.fitadvisor.workload.ContainerSpec;
import io.fitadvisor.workload.FrontDoor;
import io.fitadvisor.workload.Invocation;
import io.fitadvisor.workload.LoadShape;
import io.fitadvisor.workload.Loads;
import io.fitadvisor.workload.Preferences;
import io.fitadvisor.workload.Requirements;
import io.fitadvisor.workload.Service;
import io.fitadvisor.workload.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Beyond 12 services the plan comes from the heuristic; its stated bound must hold. */
class PlanHeuristicTest {

  /** {@code count} services of four kinds from a fixed seed (as the plan benchmark makes them). */
  static Application generated(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Application.Builder builder = Application.builder().name("generated").region("us-east-1")
        .pricing(new AccountPricing(true, 0.1, 0.15, 0.2, Optional.empty())).preferences(Preferences.DEFAULT);
    String[] runtimes = {"python3.13", "nodejs22.x", "java21"};
    FrontDoor[] doors = {FrontDoor.API_GATEWAY_HTTP, FrontDoor.FUNCTION_URL, FrontDoor.NONE, FrontDoor.ALB};
    for (int i = 0; i < count; i++) {
      String name = "svc-" + i;
      Service service;
      switch (i % 4) {
        case 0 -> service = Service.builder(name).runtime(runtimes[random.nextInt(3)])
            .memoryMb(128 * (1 + random.nextInt(8))).meanDurationMs(20 + random.nextInt(400))
            .cpuFraction(0.1 + 0.1 * random.nextInt(9))
            .load(LoadShape.steadyMonthlyRequests(50_000 + random.nextInt(3_000_000)))
            .frontDoor(doors[random.nextInt(doors.length)]).build();
        case 1 -> {
          double average = 5 + random.nextInt(80);
          service = Service.builder(name).runtime(runtimes[random.nextInt(3)]).memoryMb(512 + 256 * random.nextInt(6))
              .meanDurationMs(40 + random.nextInt(200)).cpuFraction(0.2 + 0.1 * random.nextInt(6))
              .load(LoadShape.diurnal(average, average * 1.5)).frontDoor(FrontDoor.ALB).build();
        }
        case 2 -> service = Service.builder(name).runtime("container").memoryMb(256 + 256 * random.nextInt(4))
            .meanDurationMs(50 + random.nextInt(300)).cpuFraction(0.3)
            .container(ContainerSpec.builder().vcpu(random.nextBoolean() ? 0.5 : 1)
                .memoryMb(1024 * (2 + random.nextInt(3))).concurrency(4 + random.nextInt(20)).build())
            .requirements(new Requirements(false, true, false, OptionalDouble.empty()))
            .load(LoadShape.steady(0.5 + random.nextInt(20)))
            .frontDoor(random.nextBoolean() ? FrontDoor.ALB : FrontDoor.NONE).build();
        default -> service = Service.builder(name).runtime("python3.13").memoryMb(1024)
            .meanDurationMs(300 + random.nextInt(900)).cpuFraction(0.7).invocation(Invocation.QUEUE)
            .load(LoadShape.bursty(0.2 + random.nextInt(3), 20 + random.nextInt(60), 2 + random.nextInt(10),
                5 + random.nextInt(20))).build();
      }
      builder.service(service);
    }
    return builder.build();
  }

  @Test
  void theHeuristicsPlanIsWithinItsBoundOfEveryPlan() {
    Application app = generated(16, 11);
    AdviceContext context = ADVISOR.context(app);
    List<ServiceEvaluation> evaluations = new ArrayList<>();
    for (Service service : app.services()) {
      evaluations.add(ADVISOR.evaluate(service, Loads.series(service), context));
    }
    Plan plan = ADVISOR.plan(evaluations, context);
    assertThat(plan.search().method()).isEqualTo("heuristic");
    assertThat(plan.assignments()).hasSize(16);
    double objective = plan.monthlyCostUsd() + plan.opsCostPerMonthUsd();
    double bound = plan.search().gapBoundUsd();
    assertThat(bound).isFinite().isGreaterThanOrEqualTo(0).isLessThan(objective);

    Planner all = ADVISOR.planner(evaluations, context, false);
    for (Target target : Target.values()) {
      for (boolean shared : new boolean[] {false, true}) {
        all.singleTargetObjective(target, shared)
            .ifPresent(single -> assertThat(objective).isLessThanOrEqualTo(single + 1e-6));
      }
    }
    // No plan is cheaper than the plan minus its bound.
    SplittableRandom random = new SplittableRandom(5);
    int[] pick = new int[all.slotCount()];
    for (int sample = 0; sample < 300; sample++) {
      for (int s = 0; s < pick.length; s++) {
        pick[s] = random.nextInt(all.choiceCount(s));
      }
      assertThat(all.objective(pick)).isGreaterThanOrEqualTo(objective - bound - 1e-6);
    }
    assertThat(plan.reasons()).anyMatch(r -> r.startsWith("Heuristic search over 16 services"));
  }

  @Test
  void thePlanIsDeterministic() {
    Application app = generated(14, 3);
    Plan first = ADVISOR.advise(app).plan();
    Plan second = ADVISOR.advise(app).plan();
    assertThat(second).isEqualTo(first);
  }
}
