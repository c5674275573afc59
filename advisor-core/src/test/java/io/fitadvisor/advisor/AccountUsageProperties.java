package io.fitadvisor.advisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fitadvisor.pricing.AccountTerms;
import io.fitadvisor.pricing.AlbDeployment;
import io.fitadvisor.pricing.ApiGatewayDeployment;
import io.fitadvisor.pricing.ApiType;
import io.fitadvisor.pricing.Architecture;
import io.fitadvisor.pricing.Deployment;
import io.fitadvisor.pricing.LambdaDeployment;
import io.fitadvisor.pricing.PricingEngine;
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
import net.jqwik.api.constraints.Size;

/** The planner's stand-ins for the account's usage cost what the engine charges for the real list. */
class AccountUsageProperties {
  private static final PricingEngine ENGINE = Fixtures.ON_DEMAND.engine();

  @Property(tries = 300)
  void theStandInsCostWhatTheRealDeploymentsCost(
      @ForAll @Size(max = 12) List<@From("functions") LambdaDeployment> functions,
      @ForAll @Size(max = 4) List<@From("apis") ApiGatewayDeployment> apis,
      @ForAll boolean freeTier, @ForAll @DoubleRange(min = 0, max = 0.5) double savings,
      @ForAll @DoubleRange(min = 0, max = 5) double lcu, @ForAll boolean alb) {
    AccountTerms terms = new AccountTerms(freeTier, savings, 0, 0);
    AccountUsage usage = new AccountUsage(ENGINE, terms);
    List<Deployment> real = new ArrayList<>();
    // Take one function in and out first: what is left must not depend on the history.
    if (!functions.isEmpty()) {
      usage.function(functions.get(0), AccountUsage.storageUsd(ENGINE, functions.get(0)), 1);
      usage.function(functions.get(0), AccountUsage.storageUsd(ENGINE, functions.get(0)), -1);
    }
    for (int i = 0; i < functions.size(); i++) {
      LambdaDeployment f = functions.get(i);
      usage.function(f, AccountUsage.storageUsd(ENGINE, f), 1);
      real.add(rename(f, "f" + i));
    }
    for (int i = 0; i < apis.size(); i++) {
      usage.api(apis.get(i), 1);
      real.add(new ApiGatewayDeployment("a" + i, apis.get(i).type(), apis.get(i).monthlyRequests()));
    }
    if (alb) {
      real.add(AlbDeployment.of("alb", lcu));
    }
    double expected = ENGINE.price(real, terms).monthlyCostUsd();
    assertThat(usage.monthlyCostUsd(lcu, alb ? 1 : 0)).isCloseTo(expected, within(1e-9 * Math.max(1, expected)));
  }

  private static LambdaDeployment rename(LambdaDeployment l, String name) {
    return new LambdaDeployment(name, l.architecture(), l.memoryMb(), l.monthlyRequests(), l.durationMs(),
        l.ephemeralStorageMb(), l.provisionedConcurrency(), l.provisionedHoursPerMonth(), l.coldStartsPerMonth(),
        l.initDurationMs());
  }

  @Provide
  Arbitrary<LambdaDeployment> functions() {
    return Combinators.combine(
            Arbitraries.of(Architecture.values()),
            Arbitraries.integers().between(128, 10_240),
            Arbitraries.doubles().between(0, 5e9).ofScale(0),
            Arbitraries.doubles().between(0.1, 5_000).ofScale(2),
            Arbitraries.integers().between(512, 4_096),
            Arbitraries.doubles().between(0, 1e6).ofScale(1),
            Arbitraries.doubles().between(0, 3_000).ofScale(1))
        .as((arch, memoryMb, requests, durationMs, storageMb, coldStarts, initMs) ->
            LambdaDeployment.builder("f", memoryMb, requests, durationMs).architecture(arch)
                .ephemeralStorageMb(storageMb).coldStartsPerMonth(coldStarts).initDurationMs(initMs).build());
  }

  @Provide
  Arbitrary<ApiGatewayDeployment> apis() {
    return Combinators.combine(Arbitraries.of(ApiType.values()), Arbitraries.doubles().between(0, 2e9).ofScale(0))
        .as((type, requests) -> new ApiGatewayDeployment("a", type, requests));
  }
}
