package io.fitadvisor.advisor;

import static io.fitadvisor.advisor.Fixtures.ADVISOR;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The planner runs independent work on the common fork-join pool (the services' choices, the three
 * searches, the start plans and their descents, the report's texts); the plan must be the same, to
 * the bit ({@code equals} compares every double), as when everything runs on the calling thread.
 */
class PlanParallelProperties {

  @Property(tries = 12)
  void theParallelPlanIsTheSequentialPlan(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int count) {
    assertSamePlan(seed, count);
  }

  /** Beyond {@value Planner#LARGE} services the search compares plans with fractional clusters. */
  @Property(tries = 2)
  void theParallelPlanOfManyServicesIsTheSequentialPlan(@ForAll long seed) {
    assertSamePlan(seed, Planner.LARGE + 20);
  }

  private static void assertSamePlan(long seed, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    Application app = application(count, random);
    AdviceContext context = ADVISOR.context(app);
    List<ServiceEvaluation> evaluations = new ArrayList<>();
    for (Service service : app.services()) {
      evaluations.add(ADVISOR.evaluate(service, Loads.series(service), context));
    }
    Plan sequential = new Planner(evaluations, context, true, false).plan();
    Plan parallel = new Planner(evaluations, context, true, true).plan();
    assertThat(parallel).isEqualTo(sequential);
    // And as the advisor makes it.
    assertThat(ADVISOR.plan(evaluations, context)).isEqualTo(sequential);
  }

  /**
   * Functions behind every front door, web services behind the load balancer, container-only
   * services (steady or on a daily cycle, so their task counts vary), queue workers and services
   * with a recorded month, with random account terms and operating effort.
   */
  static Application application(int count, SplittableRandom random) {
    boolean freeTier = random.nextBoolean();
    double savings = random.nextInt(3) * 0.1;
    Application.Builder builder = Application.builder().name("app").region("us-east-1")
        .pricing(new AccountPricing(freeTier, savings, savings * 1.5, savings * 2, Optional.empty()))
        .preferences(new Preferences(Map.of(Target.FARGATE, (double) random.nextInt(40),
            Target.ECS_EC2, (double) random.nextInt(60)), 0.05));
    String[] runtimes = {"python3.13", "nodejs22.x", "java21"};
    FrontDoor[] doors = FrontDoor.values();
    for (int i = 0; i < count; i++) {
      String name = "svc-" + i;
      Service service = switch (random.nextInt(6)) {
        case 0 -> Service.builder(name).runtime(runtimes[random.nextInt(3)])
            .memoryMb(128 + random.nextInt(2900)).meanDurationMs(5 + random.nextInt(800))
            .cpuFraction(0.05 + 0.9 * random.nextDouble())
            .load(LoadShape.steadyMonthlyRequests(10_000 + random.nextInt(5_000_000)))
            .frontDoor(doors[random.nextInt(doors.length)]).build();
        case 1 -> {
          double average = 0.5 + random.nextInt(80);
          yield Service.builder(name).runtime(runtimes[random.nextInt(3)]).memoryMb(512 + 256 * random.nextInt(6))
              .meanDurationMs(40 + random.nextInt(200)).cpuFraction(0.2 + 0.1 * random.nextInt(6))
              .load(LoadShape.diurnal(average, average * (1.2 + 0.6 * random.nextDouble())))
              .frontDoor(FrontDoor.ALB).build();
        }
        case 2, 3 -> {
          double vcpu = new double[] {0.25, 0.5, 1, 2}[random.nextInt(4)];
          double average = 0.5 + random.nextInt(40);
          yield Service.builder(name).runtime("container").memoryMb(256).meanDurationMs(50 + random.nextInt(300))
              .cpuFraction(0.3)
              .container(ContainerSpec.builder().vcpu(vcpu).memoryMb((int) (vcpu * 2048) + 1024 * random.nextInt(2))
                  .concurrency(1 + random.nextInt(30)).build())
              .requirements(new Requirements(false, true, random.nextBoolean(), OptionalDouble.empty()))
              .load(random.nextBoolean() ? LoadShape.steady(average) : LoadShape.diurnal(average, average * 1.8))
              .frontDoor(random.nextBoolean() ? FrontDoor.ALB : FrontDoor.NONE).build();
        }
        case 4 -> Service.builder(name).runtime("python3.13").memoryMb(1024)
            .meanDurationMs(300 + random.nextInt(900)).cpuFraction(0.7).invocation(Invocation.QUEUE)
            .load(LoadShape.bursty(0.2 + random.nextInt(3), 20 + random.nextInt(60), 2 + random.nextInt(10),
                5 + random.nextInt(20))).build();
        default -> Service.builder(name).runtime(runtimes[random.nextInt(3)]).memoryMb(128 << random.nextInt(4))
            .meanDurationMs(20 + random.nextInt(300)).cpuFraction(0.1 + 0.9 * random.nextDouble())
            .load(LoadShape.recorded(LoadSeries.of(FastPathProperties.minutes(random.nextInt(7), random))))
            .frontDoor(doors[random.nextInt(doors.length)]).build();
      };
      builder.service(service);
    }
    return builder.build();
  }
}
