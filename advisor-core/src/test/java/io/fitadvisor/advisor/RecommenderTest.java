package io.fitadvisor.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.fitadvisor.workload.Preferences;
import io.fitadvisor.workload.Target;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class RecommenderTest {
  private static TargetOption option(Target target, double usd) {
    return new TargetOption(target, Optional.of("arm64"), true, OptionalDouble.of(usd),
        Map.of("memoryMb", 512, "packaging", "zip", "billedDurationMs", 100, "coldStartsPerMonth", 0,
            "averageTasks", 1, "peakTasks", 1, "vcpu", 0.25, "memoryGb", 0.5, "concurrencyPerTask", 1),
        List.of(), List.of(), List.of());
  }

  private static TargetOption infeasible(Target target, String code) {
    return TargetOption.infeasible(target, List.of(new Finding(code, "it cannot")));
  }

  @Test
  void aTieGoesToTheMoreManagedTarget() {
    List<TargetOption> options = List.of(option(Target.LAMBDA, 100), option(Target.FARGATE, 96));
    // 96 x 1.05 = 100.8 >= 100: a tie at 5 %, so lambda.
    Recommendation tie = Recommender.recommend(options, Preferences.DEFAULT, List.of()).orElseThrow();
    assertThat(tie.target()).isEqualTo(Target.LAMBDA);
    assertThat(tie.reasons().get(0)).contains("within the 5% tie tolerance");
    // With no tolerance the cheaper one wins.
    Recommendation strict = Recommender.recommend(options, new Preferences(Map.of(), 0), List.of()).orElseThrow();
    assertThat(strict.target()).isEqualTo(Target.FARGATE);
    assertThat(strict.reasons().get(0)).isEqualTo("fargate (arm64) is the cheapest at $96.00 a month, "
        + "$4.00 (4%) less than lambda (arm64) at $100.00.");
  }

  @Test
  void operatingCostCountsInTheComparisonButNotInTheCost() {
    List<TargetOption> options = List.of(option(Target.LAMBDA, 100), option(Target.FARGATE, 80));
    Preferences preferences = new Preferences(Map.of(Target.FARGATE, 30.0), 0.05);
    // 80 + 30 = 110 against 100.
    Recommendation recommendation = Recommender.recommend(options, preferences, List.of()).orElseThrow();
    assertThat(recommendation.target()).isEqualTo(Target.LAMBDA);
    assertThat(recommendation.monthlyCostUsd()).isEqualTo(100);
    assertThat(recommendation.reasons()).anyMatch(r -> r.contains("fargate $30.00"));
  }

  @Test
  void reasonsNameARuledOutTargetAndABreakEven() {
    List<TargetOption> options = List.of(infeasible(Target.LAMBDA, "LAMBDA_TIMEOUT"),
        infeasible(Target.LAMBDA_MANAGED_INSTANCES, "NOT_MODELLED"), option(Target.FARGATE, 10),
        option(Target.ECS_EC2, 30));
    Recommendation recommendation = Recommender.recommend(options, Preferences.DEFAULT,
        List.of(new BreakEven(Target.FARGATE, Target.ECS_EC2, 123.4))).orElseThrow();
    assertThat(recommendation.reasons()).hasSizeBetween(2, 5);
    assertThat(recommendation.reasons()).contains("lambda is ruled out: it cannot.");
    assertThat(recommendation.reasons()).anyMatch(r -> r.contains("123 requests per second"));
  }

  @Test
  void nothingFeasibleMeansNoRecommendation() {
    List<TargetOption> options = List.of(infeasible(Target.LAMBDA, "GPU_UNAVAILABLE"),
        infeasible(Target.HYBRID, "NOT_MODELLED"));
    assertThat(Recommender.recommend(options, Preferences.DEFAULT, List.of())).isEmpty();
    assertThat(Recommender.whyNone(options)).isEqualTo("No target can host this service: lambda: it cannot.");
  }
}
