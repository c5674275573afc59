package io.fitadvisor.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.fitadvisor.workload.FrontDoor;
import io.fitadvisor.workload.LoadSeries;
import io.fitadvisor.workload.LoadShape;
import io.fitadvisor.workload.Requirements;
import io.fitadvisor.workload.Service;
import io.fitadvisor.workload.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * The break-even search with Lambda's bounds against the plain search that prices every curve at
 * every grid point: the bounds only spare exact evaluations, so the break-evens must be equal to
 * the bit. And the bounds must hold: below and above the exact cost, and finite only where the
 * cost is.
 */
class BreakEvenProperties {
  private static final String[] RUNTIMES = {"python3.12", "java21", "nodejs22.x", "container"};
  private static final FrontDoor[] DOORS = {FrontDoor.NONE, FrontDoor.API_GATEWAY_HTTP, FrontDoor.ALB,
      FrontDoor.FUNCTION_URL, FrontDoor.API_GATEWAY_REST};

  @Property(tries = 60)
  void theBoundedSearchFindsWhatThePlainSearchFinds(@ForAll @IntRange(min = 0, max = 6) int kind,
      @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Service service = service(kind, random);
    LoadSeries series = Fixtures.series(service);
    List<BreakEven> bounded = BreakEvens.find(series.averageRequestsPerSecond(), curves(service, true));
    List<BreakEven> plain = BreakEvens.find(series.averageRequestsPerSecond(), curves(service, false));
    assertThat(bounded).isEqualTo(plain);
  }

  @Property(tries = 60)
  void lambdasBoundsHoldTheExactCost(@ForAll @IntRange(min = 0, max = 6) int kind, @ForAll long seed,
      @ForAll @DoubleRange(min = -5, max = 4) double log10Factor) {
    SplittableRandom random = new SplittableRandom(seed);
    Service service = service(kind, random);
    LambdaModel lambda = Fixtures.lambda(service);
    double k = Math.pow(10, log10Factor);
    double exact = lambda.monthlyCostUsd(k);
    double upper = lambda.upperBoundUsd(k);
    assertThat(lambda.lowerBoundUsd(k)).isLessThanOrEqualTo(exact);
    if (Double.isFinite(upper)) {
      assertThat(exact).isFinite().isLessThanOrEqualTo(upper);
    }
  }

  @Property(tries = 60)
  void containerBoundsHoldTheExactCost(@ForAll @IntRange(min = 0, max = 6) int kind, @ForAll long seed,
      @ForAll @DoubleRange(min = -5, max = 4) double log10Factor) {
    SplittableRandom random = new SplittableRandom(seed);
    Service service = service(kind, random);
    ServiceLoad load = Fixtures.load(service);
    FrontDoors doors = new FrontDoors(load, Fixtures.ON_DEMAND);
    double k = Math.pow(10, log10Factor);
    for (Target target : List.of(Target.FARGATE, Target.FARGATE_SPOT, Target.ECS_EC2)) {
      ContainerModel model = new ContainerModel(target, load, Fixtures.ON_DEMAND, FitLimits.builtIn(), doors);
      double exact = model.monthlyCostUsd(k);
      assertThat(model.lowerBoundUsd(k)).isLessThanOrEqualTo(exact);
      assertThat(exact).isLessThanOrEqualTo(model.upperBoundUsd(k));
    }
  }

  @Property(tries = 60)
  void managedInstanceBoundsHoldTheExactCost(@ForAll @IntRange(min = 0, max = 6) int kind, @ForAll long seed,
      @ForAll @DoubleRange(min = -5, max = 4) double log10Factor) {
    SplittableRandom random = new SplittableRandom(seed);
    // Most random services cannot run on managed instances (runtime, latency), and an infeasible
    // one has infinite bounds and cost alike: draw until one can, so every try checks finite bounds.
    LmiModel lmi;
    int draws = 0;
    do {
      ServiceLoad load = Fixtures.load(service(kind, random));
      lmi = new LmiModel(load, Fixtures.ON_DEMAND, FitLimits.builtIn(), new FrontDoors(load, Fixtures.ON_DEMAND));
    } while (!lmi.option().feasible() && ++draws < 100);
    assertThat(lmi.option().feasible()).as("a feasible service in 100 draws").isTrue();
    double k = Math.pow(10, log10Factor);
    double exact = lmi.monthlyCostUsd(k);
    assertThat(lmi.lowerBoundUsd(k)).isLessThanOrEqualTo(exact);
    assertThat(exact).isLessThanOrEqualTo(lmi.upperBoundUsd(k));
  }

  @Property(tries = 80)
  void theMemoryChoiceEqualsTryingEveryMb(@ForAll @IntRange(min = 0, max = 6) int kind, @ForAll long seed,
      @ForAll @DoubleRange(min = -4, max = 3) double log10Factor,
      @ForAll @DoubleRange(min = 0, max = 1) double coldShare) {
    SplittableRandom random = new SplittableRandom(seed);
    Service service = service(kind, random);
    LambdaModel lambda = Fixtures.lambda(service);
    double k = Math.pow(10, log10Factor);
    // Cold starts from none to every request: above 1 % they enter the p99 where there is an objective.
    double coldEstimate = coldShare * k * Fixtures.series(service).monthlyRequests();
    for (int v = 0; v < lambda.variantCount(); v++) {
      assertThat(lambda.memoryChoice(v, k, coldEstimate, false))
          .containsExactly(lambda.memoryChoice(v, k, coldEstimate, true));
    }
  }

  /** A random service: runtime, size, duration, latency objective, front door and load shape. */
  static Service service(int kind, SplittableRandom random) {
    LoadSeries series = LoadSeries.of(FastPathProperties.minutes(kind, random));
    double meanMs = 5 + random.nextInt(3000);
    Service.Builder builder = Service.builder("svc")
        .runtime(RUNTIMES[random.nextInt(RUNTIMES.length)])
        .memoryMb(128 << random.nextInt(6))
        .meanDurationMs(meanMs)
        .p99DurationMs(meanMs * (1 + random.nextInt(5)))
        .cpuFraction(random.nextDouble())
        .frontDoor(DOORS[random.nextInt(DOORS.length)])
        .load(LoadShape.recorded(series));
    // Interruptible work half the time, so that Fargate Spot (which needs it) is feasible then; a
    // latency objective half the time, from tight (cold starts cannot enter the p99) to loose.
    boolean interruptible = random.nextBoolean();
    OptionalDouble objective = random.nextBoolean()
        ? OptionalDouble.of(meanMs * (1 + random.nextInt(5)) + random.nextInt(3000)) : OptionalDouble.empty();
    builder.requirements(new Requirements(false, false, interruptible, objective));
    return builder.build();
  }

  /**
   * The break-even curves as the advisor builds them, with or without the bounds of Lambda,
   * managed instances and the containers.
   */
  private static List<BreakEvens.Curve> curves(Service service, boolean withBounds) {
    ServiceLoad load = Fixtures.load(service);
    AdviceContext context = Fixtures.ON_DEMAND;
    FitLimits limits = FitLimits.builtIn();
    FrontDoors doors = new FrontDoors(load, context);
    LambdaModel lambda = new LambdaModel(load, context, limits, ColdStarts.builtIn(), doors);
    LmiModel lmi = new LmiModel(load, context, limits, doors);
    List<BreakEvens.Curve> curves = new ArrayList<>();
    if (lambda.option().feasible()) {
      curves.add(new BreakEvens.Curve(Target.LAMBDA, lambda::monthlyCostUsd, withBounds
          ? new BreakEvens.Bounds(lambda::lowerBoundUsd, lambda::upperBoundUsd) : null));
    }
    if (lmi.option().feasible()) {
      curves.add(new BreakEvens.Curve(Target.LAMBDA_MANAGED_INSTANCES, lmi::monthlyCostUsd, withBounds
          ? new BreakEvens.Bounds(lmi::lowerBoundUsd, lmi::upperBoundUsd) : null));
    }
    for (Target target : List.of(Target.FARGATE, Target.FARGATE_SPOT, Target.ECS_EC2)) {
      ContainerModel model = new ContainerModel(target, load, context, limits, doors);
      if (model.option().feasible()) {
        curves.add(new BreakEvens.Curve(target, model::monthlyCostUsd, withBounds
            ? new BreakEvens.Bounds(model::lowerBoundUsd, model::upperBoundUsd) : null));
      }
    }
    return curves;
  }
}
