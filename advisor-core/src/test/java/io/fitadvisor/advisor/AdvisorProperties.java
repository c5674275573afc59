package io.fitadvisor.advisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fitadvisor.workload.Architecture;
import io.fitadvisor.workload.FrontDoor;
import io.fitadvisor.workload.Invocation;
import io.fitadvisor.workload.LoadShape;
import io.fitadvisor.workload.Preferences;
import io.fitadvisor.workload.Service;
import io.fitadvisor.workload.Target;
import java.util.EnumSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class AdvisorProperties {

  @Property(tries = 200)
  void windowedMaximumMatchesTheDefinition(@ForAll @Size(min = 1, max = 60) float[] raw,
      @ForAll @IntRange(min = -20, max = 5) int from, @ForAll @IntRange(min = 0, max = 20) int width) {
    float[] x = nonNegative(raw);
    int to = from + width;
    float[] fast = Windows.max(x, from, to);
    for (int t = 0; t < x.length; t++) {
      float max = Float.NEGATIVE_INFINITY;
      for (int p = t + from; p <= t + to; p++) {
        max = Math.max(max, x[Math.floorMod(p, x.length)]);
      }
      assertThat(fast[t]).isEqualTo(max);
    }
  }

  @Property(tries = 200)
  void unitMinutesMatchTheDefinition(@ForAll @Size(min = 1, max = 80) float[] raw,
      @ForAll @DoubleRange(min = 0.01, max = 50) double k,
      @ForAll @DoubleRange(min = 0.1, max = 10) double capacity,
      @ForAll @IntRange(min = 0, max = 3) int floor) {
    float[] x = nonNegative(raw);
    double expected = 0;
    for (float v : x) {
      expected += Math.max(floor, Capacity.units(k * v, capacity));
    }
    assertThat(new ServiceLoad.Window(x).unitMinutes(k, capacity, floor)).isEqualTo(expected);
  }

  @Property(tries = 60)
  void optionsAreConsistentAndTheRecommendationIsTheCheapestWithinTheTolerance(
      @ForAll("services") Service service) {
    ServiceAdvice advice = Fixtures.advise(service);
    assertThat(advice.options()).extracting(TargetOption::target).containsExactly(Target.values());
    for (TargetOption option : advice.options()) {
      assertThat(option.feasible()).isEqualTo(option.violations().isEmpty());
      if (option.feasible()) {
        double cost = option.monthlyCostUsd().getAsDouble();
        assertThat(cost).isFinite().isGreaterThanOrEqualTo(0);
        double lines = option.lines().stream().mapToDouble(l -> l.monthlyCostUsd()).sum();
        assertThat(lines).isCloseTo(cost, within(1e-9 * Math.max(1, cost)));
      }
    }
    double cheapest = advice.options().stream().filter(TargetOption::feasible)
        .mapToDouble(o -> o.monthlyCostUsd().getAsDouble()).min().orElse(Double.NaN);
    advice.recommendation().ifPresentOrElse(r -> {
      assertThat(advice.option(r.target()).feasible()).isTrue();
      assertThat(r.monthlyCostUsd()).isLessThanOrEqualTo(cheapest * (1 + Preferences.DEFAULT_TIE_TOLERANCE) + 1e-12);
      assertThat(r.reasons()).hasSizeBetween(2, 5);
    }, () -> assertThat(Double.isNaN(cheapest)).isTrue());
    for (BreakEven breakEven : advice.breakEven()) {
      assertThat(breakEven.requestsPerSecond()).isBetween(BreakEvens.LOWEST_RPS, BreakEvens.HIGHEST_RPS);
    }
  }

  @Property(tries = 40)
  void aScaledLoadCostsWhatTheScaledSeriesCosts(@ForAll("services") Service service,
      @ForAll @DoubleRange(min = 0.05, max = 20) double k) {
    LambdaModel model = Fixtures.lambda(service);
    ServiceAdvice scaled = Fixtures.ADVISOR.advise(service, Fixtures.series(service).scaled(k), Fixtures.ON_DEMAND);
    TargetOption option = scaled.option(Target.LAMBDA);
    if (option.feasible()) {
      double expected = option.monthlyCostUsd().getAsDouble();
      assertThat(model.monthlyCostUsd(k)).isCloseTo(expected, within(1e-5 * expected + 1e-9));
    }
  }

  @Provide
  Arbitrary<Service> services() {
    Arbitrary<LoadShape> loads = Arbitraries.oneOf(
        Arbitraries.doubles().between(0.001, 500).ofScale(4).map(LoadShape::steady),
        Arbitraries.doubles().between(0.01, 200).ofScale(3).map(avg -> LoadShape.diurnal(avg, avg * 1.5)),
        Arbitraries.integers().between(1, 24).map(bursts -> LoadShape.bursty(0.2, 80, bursts, 10)));
    return Combinators.combine(
            Arbitraries.of("python3.12", "java21", "nodejs22.x", "provided.al2023"),
            Arbitraries.integers().between(128, 4096),
            Arbitraries.doubles().between(1, 5_000).ofScale(1),
            Arbitraries.doubles().between(0.05, 1).ofScale(2),
            loads,
            Arbitraries.of(FrontDoor.values()),
            Arbitraries.of(Invocation.SYNC, Invocation.ASYNC, Invocation.QUEUE))
        .as((runtime, memoryMb, meanMs, cpu, load, door, invocation) -> Service.builder("svc")
            .runtime(runtime).memoryMb(memoryMb).meanDurationMs(meanMs).cpuFraction(cpu)
            .architectures(EnumSet.allOf(Architecture.class)).load(load).frontDoor(door)
            .invocation(invocation).build());
  }

  private static float[] nonNegative(float[] raw) {
    float[] x = new float[raw.length];
    for (int i = 0; i < raw.length; i++) {
      float v = Math.abs(raw[i]);
      x[i] = Float.isFinite(v) ? Math.min(v, 1e6f) : 0;
    }
    return x;
  }
}
