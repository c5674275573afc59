package io.fitadvisor.advisor;

import static io.fitadvisor.advisor.Fixtures.ADVISOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.fitadvisor.workload.AccountPricing;
import io.fitadvisor.workload.Application;
import io.fitadvisor.workload.Architecture;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * The plan against every alternative, on small random applications where every combination of
 * choices can be priced: the exact search finds the cheapest, which is never dearer than any
 * single-target plan, and the heuristic's stated bound holds.
 */
class PlanProperties {

  private record Case(Application application, AdviceContext context, List<ServiceEvaluation> evaluations) {}

  private static Case evaluate(List<Service> services, boolean freeTier, double opsFargate) {
    Application.Builder builder = Application.builder().name("app").region("us-east-1")
        .pricing(new AccountPricing(freeTier, 0.1, 0.2, 0.3, Optional.empty()))
        .preferences(new Preferences(Map.of(Target.FARGATE, opsFargate), 0.05));
    for (int i = 0; i < services.size(); i++) {
      Service s = services.get(i);
      builder.service(rename(s, "svc" + i));
    }
    Application app = builder.build();
    AdviceContext context = ADVISOR.context(app);
    List<ServiceEvaluation> evaluations = new ArrayList<>();
    for (Service service : app.services()) {
      evaluations.add(ADVISOR.evaluate(service, Loads.series(service), context));
    }
    return new Case(app, context, evaluations);
  }

  private static Service rename(Service s, String name) {
    return new Service(name, s.runtime(), s.packaging(), s.architectures(), s.invocation(), s.memoryMb(),
        s.duration(), s.requestKb(), s.responseKb(), s.packageMb(), s.ephemeralStorageMb(), s.load(), s.container(),
        s.requirements(), s.frontDoor());
  }

  @Property(tries = 60)
  void theExactPlanIsTheCheapestAndNeverDearerThanASingleTargetPlan(
      @ForAll("services") @Size(min = 1, max = 3) List<Service> services,
      @ForAll boolean freeTier) {
    Case c = evaluate(services, freeTier, 0);
    Plan plan = ADVISOR.plan(c.evaluations(), c.context());
    double objective = plan.monthlyCostUsd() + plan.opsCostPerMonthUsd();
    Planner all = ADVISOR.planner(c.evaluations(), c.context(), false);
    double tolerance = 1e-7 * Math.max(1, objective);
    if (all.slotCount() > 0) {
      assertThat(objective).isCloseTo(PlanTest.Bruteforce.cheapest(all), org.assertj.core.api.Assertions.within(tolerance));
    }
    for (Target target : Target.values()) {
      for (boolean shared : new boolean[] {false, true}) {
        OptionalDouble single = all.singleTargetObjective(target, shared);
        if (single.isPresent()) {
          assertThat(objective).isLessThanOrEqualTo(single.getAsDouble() + tolerance);
        }
      }
    }
    plan.allLambdaMonthlyCostUsd().ifPresent(v -> assertThat(plan.monthlyCostUsd()).isLessThanOrEqualTo(v + tolerance));
    plan.allContainersMonthlyCostUsd()
        .ifPresent(v -> assertThat(plan.monthlyCostUsd()).isLessThanOrEqualTo(v + tolerance));
    double sum = plan.assignments().stream().mapToDouble(Assignment::monthlyCostUsd).sum();
    assertThat(sum).isCloseTo(plan.monthlyCostUsd(), org.assertj.core.api.Assertions.within(tolerance));
  }

  @Property(tries = 40)
  void theHeuristicsBoundHolds(@ForAll("services") @Size(min = 2, max = 3) List<Service> services,
      @ForAll boolean freeTier) {
    Case c = evaluate(services, freeTier, 25);
    Planner all = ADVISOR.planner(c.evaluations(), c.context(), false);
    if (all.slotCount() == 0) {
      return;
    }
    double cheapest = PlanTest.Bruteforce.cheapest(all);
    Planner.Result heuristic = all.heuristicOverAll();
    double tolerance = 1e-7 * Math.max(1, cheapest);
    assertThat(heuristic.objective()).isGreaterThanOrEqualTo(cheapest - tolerance);
    assertThat(heuristic.objective() - heuristic.gapBoundUsd()).isLessThanOrEqualTo(cheapest + tolerance);
  }

  @Provide
  Arbitrary<List<Service>> services() {
    Arbitrary<LoadShape> loads = Arbitraries.oneOf(
        Arbitraries.doubles().between(0.01, 300).ofScale(3).map(LoadShape::steady),
        Arbitraries.doubles().between(0.1, 100).ofScale(2).map(avg -> LoadShape.diurnal(avg, avg * 1.6)),
        Arbitraries.integers().between(1, 24).map(bursts -> LoadShape.bursty(0.5, 60, bursts, 5)));
    Arbitrary<Service> functions = Combinators.combine(
            Arbitraries.of("python3.13", "nodejs22.x", "java21"),
            Arbitraries.integers().between(128, 3072),
            Arbitraries.doubles().between(5, 800).ofScale(1),
            Arbitraries.doubles().between(0.05, 1).ofScale(2),
            loads,
            Arbitraries.of(FrontDoor.values()),
            Arbitraries.of(Invocation.SYNC, Invocation.QUEUE))
        .as((runtime, memoryMb, meanMs, cpu, load, door, invocation) -> Service.builder("f")
            .runtime(runtime).memoryMb(memoryMb).meanDurationMs(meanMs).cpuFraction(cpu)
            .architectures(EnumSet.allOf(Architecture.class)).load(load).frontDoor(door).invocation(invocation)
            .build());
    Arbitrary<Service> containers = Combinators.combine(
            Arbitraries.of(0.25, 0.5, 1.0, 2.0),
            Arbitraries.integers().between(1, 8),
            Arbitraries.integers().between(1, 40),
            Arbitraries.doubles().between(0.05, 80).ofScale(2),
            Arbitraries.of(FrontDoor.ALB, FrontDoor.NONE),
            Arbitraries.of(true, false))
        .as((vcpu, gb, concurrency, rps, door, interruptible) -> Service.builder("c").runtime("container")
            .memoryMb(256).meanDurationMs(200).cpuFraction(0.3)
            .container(ContainerSpec.builder().vcpu(vcpu).memoryMb((int) Math.max(vcpu * 2, Math.min(gb, vcpu * 8)) * 1024)
                .concurrency(concurrency).build())
            .requirements(new Requirements(false, true, interruptible, OptionalDouble.empty()))
            .load(LoadShape.steady(rps)).frontDoor(door).build());
    return Arbitraries.oneOf(functions, containers).list();
  }
}
