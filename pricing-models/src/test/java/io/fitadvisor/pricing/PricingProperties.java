package io.fitadvisor.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;

/** Properties every price must have, whatever the inputs. */
class PricingProperties {
  private static final PricingEngine ENGINE = TestPrices.engine();
  private static final double EPSILON = 1e-9;

  private static double cost(Deployment d, boolean freeTier) {
    return ENGINE.price(d, freeTier ? AccountTerms.withLambdaFreeTier() : AccountTerms.NONE).monthlyCostUsd();
  }

  /** Allows for rounding in sums of large numbers. */
  private static double tolerance(double magnitude) {
    return EPSILON + Math.abs(magnitude) * 1e-12;
  }

  @Property
  void theCostAloneIsThePricedCostToTheBit(
      @ForAll @IntRange(min = 128, max = 10_240) int memoryMb,
      @ForAll @DoubleRange(min = 0, max = 2e10) double requests,
      @ForAll @DoubleRange(min = 0.1, max = 60_000) double durationMs,
      @ForAll @DoubleRange(min = 0, max = 1e8) double coldStarts,
      @ForAll @DoubleRange(min = 0, max = 10_000) double initMs,
      @ForAll @IntRange(min = 0, max = 100) int tasks,
      @ForAll boolean arm,
      @ForAll boolean freeTier) {
    AccountTerms terms = freeTier ? AccountTerms.withLambdaFreeTier() : AccountTerms.NONE;
    List<Deployment> deployments = List.of(
        LambdaDeployment.builder("f", memoryMb, requests, durationMs)
            .architecture(arm ? Architecture.ARM64 : Architecture.X86_64)
            .coldStartsPerMonth(coldStarts)
            .initDurationMs(initMs)
            .build(),
        FargateDeployment.builder("t", 2, 4, tasks).build(),
        new AlbDeployment("a", 730, tasks * 0.7),
        new ApiGatewayDeployment("api", ApiType.HTTP, requests));
    for (Deployment d : deployments) {
      assertThat(ENGINE.monthlyCostUsd(d, terms)).isEqualTo(ENGINE.price(d, terms).monthlyCostUsd());
    }
  }

  @Property
  void lambdaCostNeverFallsWhenUsageGrows(
      @ForAll @IntRange(min = 128, max = 10_240) int memoryMb,
      @ForAll @DoubleRange(min = 0, max = 2e10) double requests,
      @ForAll @DoubleRange(min = 0.1, max = 60_000) double durationMs,
      @ForAll @DoubleRange(min = 0, max = 1e9) double moreRequests,
      @ForAll @DoubleRange(min = 0, max = 1_000) double moreDurationMs,
      @ForAll @IntRange(min = 0, max = 1_000) int moreMemoryMb,
      @ForAll boolean arm,
      @ForAll boolean freeTier) {
    Architecture arch = arm ? Architecture.ARM64 : Architecture.X86_64;
    double base = cost(LambdaDeployment.builder("f", memoryMb, requests, durationMs).architecture(arch).build(), freeTier);
    LambdaDeployment bigger = LambdaDeployment.builder("f", Math.min(10_240, memoryMb + moreMemoryMb),
        requests + moreRequests, durationMs + moreDurationMs).architecture(arch).build();

    assertThat(cost(bigger, freeTier)).isGreaterThanOrEqualTo(base - tolerance(base));
  }

  @Property
  void fargateCostNeverFallsWhenTasksOrHoursGrow(
      @ForAll @IntRange(min = 0, max = 100) int tasks,
      @ForAll @DoubleRange(min = 0, max = 700) double hours,
      @ForAll @IntRange(min = 0, max = 10) int moreTasks,
      @ForAll @DoubleRange(min = 0, max = 44) double moreHours) {
    double base = cost(FargateDeployment.builder("f", 2, 4, tasks).hoursPerMonth(hours).build(), false);
    double bigger = cost(FargateDeployment.builder("f", 2, 4, tasks + moreTasks).hoursPerMonth(hours + moreHours).build(), false);

    assertThat(bigger).isGreaterThanOrEqualTo(base - tolerance(base));
  }

  @Property
  void ec2AndAlbCostNeverFallWhenHoursGrow(
      @ForAll @DoubleRange(min = 0, max = 700) double hours,
      @ForAll @DoubleRange(min = 0, max = 44) double moreHours,
      @ForAll @DoubleRange(min = 0, max = 100) double lcu) {
    assertThat(cost(new Ec2Deployment("e", "m6g.large", 3, hours + moreHours, false), false))
        .isGreaterThanOrEqualTo(cost(new Ec2Deployment("e", "m6g.large", 3, hours, false), false));
    assertThat(cost(new AlbDeployment("a", hours + moreHours, lcu), false))
        .isGreaterThanOrEqualTo(cost(new AlbDeployment("a", hours, lcu), false));
  }

  @Property
  void tieredCostIsContinuousAcrossEveryBoundary(
      @ForAll boolean lambdaArm, @ForAll @IntRange(min = 0, max = 3) int which,
      @ForAll @DoubleRange(min = 1e-6, max = 1e3) @Scale(6) double step) {
    List<TieredPrice> prices = List.of(
        TestPrices.usEast1().lambda(lambdaArm ? Architecture.ARM64 : Architecture.X86_64).durationPerGbSecond(),
        TestPrices.usEast1().apiGateway(ApiType.HTTP),
        TestPrices.usEast1().apiGateway(ApiType.REST));
    TieredPrice price = prices.get(which % prices.size());
    for (int t = 0; t < price.tierCount() - 1; t++) {
      double boundary = price.upToQuantity(t);
      double below = price.cost(boundary - step);
      double above = price.cost(boundary + step);
      double maxRate = Math.max(price.unitPriceUsd(t), price.unitPriceUsd(t + 1));
      // No jump: crossing the boundary costs no more than the 2 x step units around it.
      assertThat(above - below).isBetween(-tolerance(above), 2 * step * maxRate + tolerance(above));
    }
  }

  @Provide
  Arbitrary<Deployment> deployments() {
    Arbitrary<Deployment> lambda = Combinators.combine(
        Arbitraries.integers().between(128, 10_240),
        Arbitraries.doubles().between(0, 5e9),
        Arbitraries.doubles().between(1, 10_000),
        Arbitraries.of(Architecture.values()),
        Arbitraries.integers().between(512, 10_240),
        Arbitraries.integers().between(0, 3))
        .as((memory, requests, duration, arch, storage, pc) -> (Deployment) LambdaDeployment
            .builder("x", memory, requests, duration).architecture(arch).ephemeralStorageMb(storage)
            .provisionedConcurrency(pc).build());
    Arbitrary<Deployment> fargate = Combinators.combine(
        Arbitraries.of(FargateTaskSizes.all(OperatingSystem.LINUX)),
        Arbitraries.doubles().between(0, 50),
        Arbitraries.doubles().between(0, 744),
        Arbitraries.integers().between(20, 200),
        Arbitraries.of(true, false))
        .as((size, tasks, hours, storage, spot) -> (Deployment) FargateDeployment
            .builder("x", size.vcpu(), size.memoryGb(), tasks).hoursPerMonth(hours).ephemeralStorageGb(storage)
            .spot(spot).build());
    Arbitrary<Deployment> ec2 = Combinators.combine(
        Arbitraries.of(TestPrices.usEast1().ec2Instances().keySet()),
        Arbitraries.doubles().between(0, 20), Arbitraries.of(true, false))
        .as((type, count, spot) -> (Deployment) new Ec2Deployment("x", type, count, 730, spot));
    Arbitrary<Deployment> api = Combinators.combine(Arbitraries.of(ApiType.values()), Arbitraries.doubles().between(0, 3e10))
        .as((type, requests) -> (Deployment) new ApiGatewayDeployment("x", type, requests));
    Arbitrary<Deployment> alb = Arbitraries.doubles().between(0, 50).map(lcu -> (Deployment) AlbDeployment.of("x", lcu));
    return Arbitraries.oneOf(lambda, fargate, ec2, api, alb);
  }

  private static List<Deployment> named(List<Deployment> list) {
    List<Deployment> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      out.add(rename(list.get(i), "d" + i));
    }
    return out;
  }

  private static Deployment rename(Deployment d, String name) {
    if (d instanceof LambdaDeployment l) {
      return new LambdaDeployment(name, l.architecture(), l.memoryMb(), l.monthlyRequests(), l.durationMs(),
          l.ephemeralStorageMb(), l.provisionedConcurrency(), l.provisionedHoursPerMonth());
    } else if (d instanceof FargateDeployment f) {
      return new FargateDeployment(name, f.os(), f.architecture(), f.vcpu(), f.memoryGb(), f.tasks(),
          f.hoursPerMonth(), f.ephemeralStorageGb(), f.spot());
    } else if (d instanceof Ec2Deployment e) {
      return new Ec2Deployment(name, e.instanceType(), e.count(), e.hoursPerMonth(), e.spot());
    } else if (d instanceof ApiGatewayDeployment a) {
      return new ApiGatewayDeployment(name, a.type(), a.monthlyRequests());
    } else {
      AlbDeployment b = (AlbDeployment) d;
      return new AlbDeployment(name, b.hoursPerMonth(), b.lcu());
    }
  }

  @Property
  void linesAddUpToEachDeploymentAndDeploymentsToTheTotal(
      @ForAll @Size(max = 25) List<@From("deployments") Deployment> list,
      @ForAll boolean freeTier,
      @ForAll @DoubleRange(min = 0, max = 0.7) double savings) {
    AccountTerms terms = new AccountTerms(freeTier, savings, savings, savings);

    PriceReport report = ENGINE.price(named(list), terms);

    double sum = 0;
    for (PricedDeployment d : report.deployments()) {
      assertThat(TestPrices.sumOfLines(d)).isCloseTo(d.monthlyCostUsd(), within(tolerance(d.monthlyCostUsd())));
      assertThat(d.monthlyCostUsd()).isNotNegative();
      for (CostLine line : d.lines()) {
        assertThat(line.monthlyCostUsd()).isCloseTo(line.quantity() * line.unitPriceUsd(), within(1e-12));
      }
      sum += d.monthlyCostUsd();
    }
    assertThat(report.monthlyCostUsd()).isCloseTo(sum, within(tolerance(sum)));
  }

  @Property
  void pricingTogetherNeverCostsMoreThanAloneWithoutTheFreeTier(@ForAll @Size(max = 25) List<@From("deployments") Deployment> list) {
    List<Deployment> deployments = named(list);
    double together = ENGINE.price(deployments, AccountTerms.NONE).monthlyCostUsd();
    double alone = 0;
    for (Deployment d : deployments) {
      alone += ENGINE.price(d, AccountTerms.NONE).monthlyCostUsd();
    }

    // Account-level tiers only lower the price of the usage beyond each boundary.
    assertThat(together).isLessThanOrEqualTo(alone + tolerance(alone));
  }
}
