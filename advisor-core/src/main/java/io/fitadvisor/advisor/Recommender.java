package io.fitadvisor.advisor;

import io.fitadvisor.workload.Preferences;
import io.fitadvisor.workload.Target;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the recommendation among feasible options: the least monthly cost plus the preferences'
 * operating cost per target; options within {@code tieTolerance} of that least score (a fraction of
 * it) count as tied, and a tie goes to the most managed target ({@link Target} order). Writes two
 * to five reasons: what decided and by how much, the chosen configuration, a ruled-out target, the
 * main risk, and a break-even rate.
 */
final class Recommender {
  private static final int MAX_REASONS = 5;
  /** Violations that say nothing about the service itself, so they make poor reasons. */
  private static final Set<String> UNINFORMATIVE = Set.of(Codes.NOT_MODELLED, Codes.NOT_INTERRUPTIBLE,
      Codes.ARCHITECTURE_UNAVAILABLE);

  private Recommender() {}

  static Optional<Recommendation> recommend(List<TargetOption> options, Preferences preferences,
      List<BreakEven> breakEven) {
    List<TargetOption> feasible = options.stream().filter(TargetOption::feasible).toList();
    if (feasible.isEmpty()) {
      return Optional.empty();
    }
    Comparator<TargetOption> byScore = Comparator.comparingDouble(o -> score(o, preferences));
    TargetOption cheapest = feasible.stream().min(byScore.thenComparing(TargetOption::target)).orElseThrow();
    double least = score(cheapest, preferences);
    double tolerance = preferences.tieTolerance();
    TargetOption chosen = feasible.stream()
        .filter(o -> score(o, preferences) <= least + tolerance * Math.abs(least))
        .min(Comparator.comparing(TargetOption::target))
        .orElseThrow();
    List<String> reasons = new ArrayList<>();
    reasons.add(decision(chosen, cheapest, feasible, preferences));
    opsCost(chosen, feasible, preferences).ifPresent(reasons::add);
    reasons.add(configuration(chosen));
    ruledOut(options).ifPresent(reasons::add);
    if (!chosen.warnings().isEmpty()) {
      reasons.add("Risk: " + chosen.warnings().get(0).message() + ".");
    }
    breakEven.stream()
        .filter(b -> b.first() == chosen.target() || b.second() == chosen.target())
        .findFirst()
        .ifPresent(b -> reasons.add(breakEvenReason(b, chosen.target())));
    List<String> kept = reasons.subList(0, Math.min(MAX_REASONS, reasons.size()));
    return Optional.of(new Recommendation(chosen.target(), chosen.architecture(),
        chosen.monthlyCostUsd().getAsDouble(), kept));
  }

  /** Why no target can host the service: each option's first violation. */
  static String whyNone(List<TargetOption> options) {
    StringBuilder text = new StringBuilder("No target can host this service: ");
    boolean first = true;
    for (TargetOption option : options) {
      if (option.violations().get(0).code().equals(Codes.NOT_MODELLED)) {
        continue;
      }
      text.append(first ? "" : "; ").append(option.target().id()).append(": ")
          .append(option.violations().get(0).message());
      first = false;
    }
    return text.append('.').toString();
  }

  private static double score(TargetOption option, Preferences preferences) {
    return option.monthlyCostUsd().getAsDouble() + preferences.opsCostPerMonthUsd(option.target());
  }

  private static String decision(TargetOption chosen, TargetOption cheapest, List<TargetOption> feasible,
      Preferences preferences) {
    String name = label(chosen);
    double cost = chosen.monthlyCostUsd().getAsDouble();
    if (feasible.size() == 1) {
      return name + " is the only target that can host the service, at " + Words.usd(cost) + " a month.";
    }
    if (chosen != cheapest) {
      double chosenScore = score(chosen, preferences);
      double cheapestScore = score(cheapest, preferences);
      return label(cheapest) + " would cost " + Words.usd(cheapestScore) + " a month, only "
          + Words.usd(chosenScore - cheapestScore) + " (" + Words.percent((chosenScore - cheapestScore) / chosenScore)
          + ") less than " + name + " at " + Words.usd(chosenScore) + ": within the "
          + Words.percent(preferences.tieTolerance()) + " tie tolerance, so the more managed "
          + chosen.target().id() + " is preferred.";
    }
    TargetOption runnerUp = feasible.stream()
        .filter(o -> o != chosen)
        .min(Comparator.<TargetOption>comparingDouble(o -> score(o, preferences)).thenComparing(TargetOption::target))
        .orElseThrow();
    double chosenScore = score(chosen, preferences);
    double runnerScore = score(runnerUp, preferences);
    String saving = runnerScore > 0
        ? Words.usd(runnerScore - chosenScore) + " (" + Words.percent((runnerScore - chosenScore) / runnerScore) + ")"
        : Words.usd(runnerScore - chosenScore);
    return name + " is the cheapest at " + Words.usd(cost) + " a month, " + saving + " less than "
        + label(runnerUp) + " at " + Words.usd(runnerUp.monthlyCostUsd().getAsDouble()) + ".";
  }

  private static Optional<String> opsCost(TargetOption chosen, List<TargetOption> feasible, Preferences preferences) {
    List<String> parts = new ArrayList<>();
    for (TargetOption option : feasible) {
      double ops = preferences.opsCostPerMonthUsd(option.target());
      if (ops > 0) {
        parts.add(option.target().id() + " " + Words.usd(ops));
      }
    }
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("Operating effort a month is counted in the comparison: " + String.join(", ", parts) + ".");
  }

  private static String configuration(TargetOption option) {
    Map<String, Object> c = option.configuration();
    String arch = option.architecture().orElse("");
    switch (option.target()) {
      case LAMBDA:
        return "It runs at " + Words.count(number(c, "memoryMb")) + " MB on " + arch + " ("
            + c.get("packaging") + "), billed " + Words.count(number(c, "billedDurationMs"))
            + " ms a request, " + coldStarts(number(c, "coldStartsPerMonth")) + ".";
      case LAMBDA_MANAGED_INSTANCES:
        return "It runs on " + c.get("instanceType") + " instances that Lambda manages, "
            + Words.significant(number(c, "averageInstances")) + " on average (peak "
            + Words.count(number(c, "peakInstances")) + ", at least " + Words.count(number(c, "minInstances"))
            + "), each environment of " + Words.count(number(c, "environmentVcpu")) + " vCPU and "
            + Words.number(number(c, "environmentMemoryGb"), 1) + " GB serving up to "
            + Words.counted(number(c, "concurrencyPerEnvironment"), 1, "request") + " at once.";
      case HYBRID:
        return "It keeps " + Words.counted(number(c, "baselineTasks"), 0, c.get("baseline") + " task")
            + " for the baseline and sends the overflow, " + Words.percent(number(c, "lambdaRequestShare"))
            + " of requests, to Lambda at " + Words.count(number(c, "lambdaMemoryMb")) + " MB through a "
            + c.get("overflowRoute") + ".";
      case ECS_EC2:
        return "It runs " + c.get("instanceType") + " instances, " + Words.significant(number(c, "averageInstances"))
            + " on average (peak " + Words.count(number(c, "peakInstances")) + "), with "
            + Words.counted(number(c, "tasksPerInstance"), 0, "task") + " of " + Words.number(number(c, "taskVcpu"), 2)
            + " vCPU and " + Words.megabytes(number(c, "taskMemoryMb")) + " on each.";
      default:
        return "It runs " + Words.significant(number(c, "averageTasks")) + " tasks on average (peak "
            + Words.count(number(c, "peakTasks")) + ") of " + Words.number(number(c, "vcpu"), 2) + " vCPU and "
            + Words.number(number(c, "memoryGb"), 1) + " GB on " + arch + ", each serving up to "
            + Words.counted(number(c, "concurrencyPerTask"), 2, "request") + " at once.";
    }
  }

  private static String coldStarts(double perMonth) {
    return perMonth < 0.5 ? "with practically no cold starts" : "with about " + Words.count(perMonth) + " cold starts a month";
  }

  private static double number(Map<String, Object> configuration, String key) {
    return ((Number) configuration.get(key)).doubleValue();
  }

  private static Optional<String> ruledOut(List<TargetOption> options) {
    for (TargetOption option : options) {
      if (!option.feasible() && !UNINFORMATIVE.contains(option.violations().get(0).code())) {
        return Optional.of(option.target().id() + " is ruled out: " + option.violations().get(0).message() + ".");
      }
    }
    return Optional.empty();
  }

  private static String breakEvenReason(BreakEven breakEven, Target chosen) {
    Target other = breakEven.first() == chosen ? breakEven.second() : breakEven.first();
    return "At about " + Words.significant(breakEven.requestsPerSecond()) + " requests per second on average "
        + chosen.id() + " and " + other.id() + " cost the same.";
  }

  private static String label(TargetOption option) {
    return option.target().id() + option.architecture().map(a -> " (" + a + ")").orElse("");
  }
}
