package io.fitadvisor.advisor;

import io.fitadvisor.pricing.AlbDeployment;
import io.fitadvisor.pricing.ApiGatewayDeployment;
import io.fitadvisor.pricing.ApiType;
import io.fitadvisor.pricing.Architecture;
import io.fitadvisor.pricing.BillingMonth;
import io.fitadvisor.pricing.CostLine;
import io.fitadvisor.pricing.Deployment;
import io.fitadvisor.pricing.Ec2Deployment;
import io.fitadvisor.pricing.Ec2InstanceType;
import io.fitadvisor.pricing.LambdaDeployment;
import io.fitadvisor.pricing.PriceReport;
import io.fitadvisor.pricing.PricedDeployment;
import io.fitadvisor.workload.Target;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Turns a search's plan into the reported {@link Plan}: each service's part of the cost, the
 * shared costs with what the services would pay alone, and the reasons (docs/PLAN.md, "What an
 * assignment reports").
 *
 * <p>The reasons that compare a service's target with the next-best one price the plan with that
 * service moved ({@link Planner.State#objectiveIf}), one service after the other on one state, in
 * service order; that order is part of the result (the state's running sums are doubles).
 */
final class PlanReport {
  /** An assignment keeps at most this many reasons. */
  private static final int ASSIGNMENT_REASONS = 4;

  private final Planner planner;
  private final List<Planner.Slot> slots;
  private final Planner.Result result;
  private final OptionalDouble allLambda;
  private final OptionalDouble allContainers;
  private final Planner.State state;
  /** The preferences' tie tolerance, written once: {@code 5%}. */
  private final String tieTolerance;

  /**
   * The report of {@code result}, whose plan {@code state} holds, built from scratch and not
   * changed since.
   */
  PlanReport(Planner planner, Planner.Result result, Planner.State state, OptionalDouble allLambda,
      OptionalDouble allContainers) {
    this.planner = planner;
    this.slots = planner.slots;
    this.result = result;
    this.allLambda = allLambda;
    this.allContainers = allContainers;
    this.state = state;
    this.tieTolerance = Words.percent(planner.preferences.tieTolerance());
  }

  Plan build() {
    int n = slots.size();
    double cost = state.cost();
    double ops = state.opsUsd();
    // The clusters' prices and types, as the state has them (it is priced: nothing new to count).
    List<ClusterFacts> clusters = new ArrayList<>();
    String[] placements = new String[Architecture.values().length];
    for (Architecture architecture : Architecture.values()) {
      EcsCluster cluster = state.cluster(architecture);
      if (!cluster.isEmpty()) {
        int k = cluster.bestType();
        Ec2InstanceType type = cluster.types.get(k);
        clusters.add(new ClusterFacts(architecture, k, type, cluster.monthlyCostUsd(),
            cluster.instanceMinutes(k), List.copyOf(cluster.members())));
        placements[architecture.ordinal()] = "shared " + architecture.id() + " cluster (" + type.name() + ")";
      }
    }
    // Two independent pieces of work, in parallel: what another target would add, priced on the
    // state one service after the other in service order (the state's sums are doubles: the order
    // is part of the result); and each service's part of the shared costs (the pricing engine and
    // the members' tasks only).
    double[] share = new double[n];
    List<List<String>> sharedBy = new ArrayList<>();
    for (int s = 0; s < n; s++) {
      share[s] = choice(s).ownUsd();
      sharedBy.add(new ArrayList<>());
    }
    List<SharedCost> shared = new ArrayList<>();
    Alternative[] alternatives = new Alternative[n];
    planner.inOrder(2, n >= 32, part -> {
      if (part == 0) {
        for (int s = 0; s < n; s++) {
          alternatives[s] = alternative(s);
        }
      } else {
        accountUsage(share, sharedBy, shared);
        loadBalancer(share, sharedBy, shared);
        clusters(clusters, share, sharedBy, shared);
      }
      return null;
    });
    List<Sharing> sharing = new ArrayList<>(shared.size());
    for (SharedCost sharedCost : shared) {
      sharing.add(new Sharing(sharedCost));
    }
    // The rest of each assignment is its own: written in parallel.
    List<Assignment> assignments = planner.inOrder(n, n >= 32,
        s -> assignment(s, share[s], sharedBy.get(s), sharing, placements, alternatives[s]));
    OptionalDouble vsLambda = allLambda.isPresent() ? OptionalDouble.of(allLambda.getAsDouble() - cost)
        : OptionalDouble.empty();
    OptionalDouble vsContainers = allContainers.isPresent()
        ? OptionalDouble.of(allContainers.getAsDouble() - cost) : OptionalDouble.empty();
    PlanSearch search = new PlanSearch(result.method(), result.examined(), result.gapBoundUsd());
    return new Plan(Math.max(0, cost), assignments, allLambda, allContainers, ops, vsLambda, vsContainers, shared,
        search, reasons(cost, ops, shared, search));
  }

  /** A shared cluster of the plan: its best type {@code k}, its price, its instance-minutes there, its members. */
  private record ClusterFacts(Architecture architecture, int k, Ec2InstanceType type,
      double monthlyCostUsd, long instanceMinutes, List<EcsCluster.Member> members) {}

  private PlanChoice choice(int s) {
    return slots.get(s).choices.get(result.pick()[s]);
  }

  /** The functions and API Gateway front doors priced as one account; each slot gets its engine share. */
  private void accountUsage(double[] share, List<List<String>> sharedBy, List<SharedCost> shared) {
    List<Deployment> deployments = new ArrayList<>();
    List<Integer> owner = new ArrayList<>();
    for (int s = 0; s < slots.size(); s++) {
      PlanChoice choice = choice(s);
      if (choice.lambda() != null) {
        LambdaDeployment l = choice.lambda();
        String name = "#" + s + " lambda";
        deployments.add(new LambdaDeployment(name, l.architecture(), l.memoryMb(), l.monthlyRequests(),
            l.durationMs(), l.ephemeralStorageMb(), l.provisionedConcurrency(), l.provisionedHoursPerMonth(),
            l.coldStartsPerMonth(), l.initDurationMs()));
        owner.add(s);
      }
      if (choice.api() != null) {
        String name = "#" + s + " api";
        deployments.add(new ApiGatewayDeployment(name, choice.api().type(), choice.api().monthlyRequests()));
        owner.add(s);
      }
    }
    if (deployments.isEmpty()) {
      return;
    }
    PriceReport report = planner.engine.price(deployments, planner.terms);
    List<Double> alones = planner.inOrder(deployments.size(), deployments.size() >= 64,
        i -> planner.engine.price(deployments.get(i), planner.terms).monthlyCostUsd());
    List<String> functions = new ArrayList<>();
    double functionsUsd = 0;
    double functionsAlone = 0;
    List<CostLine> functionLines = new ArrayList<>();
    Map<ApiType, List<String>> apiUsers = new EnumMap<>(ApiType.class);
    Map<ApiType, double[]> apiUsd = new EnumMap<>(ApiType.class);
    Map<ApiType, List<CostLine>> apiLines = new EnumMap<>(ApiType.class);
    for (int i = 0; i < deployments.size(); i++) {
      Deployment d = deployments.get(i);
      PricedDeployment priced = report.deployments().get(i);
      int s = owner.get(i);
      share[s] += priced.monthlyCostUsd();
      double alone = alones.get(i);
      if (d instanceof LambdaDeployment) {
        functions.add(slots.get(s).service);
        functionsUsd += priced.monthlyCostUsd();
        functionsAlone += alone;
        functionLines.addAll(priced.lines());
      } else {
        ApiType type = ((ApiGatewayDeployment) d).type();
        apiUsers.computeIfAbsent(type, t -> new ArrayList<>()).add(slots.get(s).service);
        double[] usd = apiUsd.computeIfAbsent(type, t -> new double[2]);
        usd[0] += priced.monthlyCostUsd();
        usd[1] += alone;
        apiLines.computeIfAbsent(type, t -> new ArrayList<>()).addAll(priced.lines());
      }
    }
    if (functions.size() >= 2) {
      String name = "Lambda usage of the account";
      shared.add(new SharedCost("lambda-account", name, functions, functionsUsd, functionsAlone,
          merge(functionLines)));
      markShared(functions, name, sharedBy);
    }
    for (Map.Entry<ApiType, List<String>> entry : apiUsers.entrySet()) {
      if (entry.getValue().size() >= 2) {
        String name = "API Gateway requests (" + (entry.getKey() == ApiType.HTTP ? "HTTP API" : "REST API") + ")";
        double[] usd = apiUsd.get(entry.getKey());
        shared.add(new SharedCost("api-gateway", name, entry.getValue(), usd[0], usd[1],
            merge(apiLines.get(entry.getKey()))));
        markShared(entry.getValue(), name, sharedBy);
      }
    }
  }

  /** One load balancer: the hourly fee split evenly between its users, the LCUs by each one's own. */
  private void loadBalancer(double[] share, List<List<String>> sharedBy, List<SharedCost> shared) {
    List<Integer> users = new ArrayList<>();
    double lcu = 0;
    for (int s = 0; s < slots.size(); s++) {
      if (choice(s).usesAlb()) {
        users.add(s);
        lcu += choice(s).albLcu();
      }
    }
    if (users.isEmpty()) {
      return;
    }
    PricedDeployment alb = planner.engine.price(AlbDeployment.of(Planner.ALB_NAME, lcu), planner.terms);
    double hoursUsd = alb.line("Load balancer hours").monthlyCostUsd();
    double lcuUsd = alb.line("LCU-hours").monthlyCostUsd();
    List<Double> alones = planner.inOrder(users.size(), users.size() >= 64, i -> planner.engine
        .price(AlbDeployment.of(Planner.ALB_NAME, choice(users.get(i)).albLcu()), planner.terms).monthlyCostUsd());
    double alone = 0;
    List<String> names = new ArrayList<>();
    for (int i = 0; i < users.size(); i++) {
      int s = users.get(i);
      double own = lcu > 0 ? choice(s).albLcu() / lcu : 1.0 / users.size();
      share[s] += hoursUsd / users.size() + lcuUsd * own;
      alone += alones.get(i);
      names.add(slots.get(s).service);
    }
    if (users.size() >= 2) {
      String name = "Application Load Balancer";
      shared.add(new SharedCost("alb", name, names, alb.monthlyCostUsd(), alone, alb.lines()));
      markShared(names, name, sharedBy);
    }
  }

  /** Each architecture's cluster: its cost shared in proportion to the instance share of each service's tasks. */
  private void clusters(List<ClusterFacts> clusters, double[] share, List<List<String>> sharedBy,
      List<SharedCost> shared) {
    for (ClusterFacts facts : clusters) {
      Architecture architecture = facts.architecture();
      int k = facts.k();
      double usd = facts.monthlyCostUsd();
      // Each member's instance share is a pass over its runs: once each, on the common pool.
      List<EcsCluster.Member> members = facts.members();
      List<Double> shares = planner.inOrder(members.size(), members.size() >= 32,
          i -> members.get(i).instanceShareMinutes(k));
      Map<EcsCluster.Member, Double> shareOf = new IdentityHashMap<>();
      double weights = 0;
      for (int i = 0; i < members.size(); i++) {
        weights += shares.get(i);
        shareOf.put(members.get(i), shares.get(i));
      }
      List<String> names = new ArrayList<>();
      double alone = 0;
      for (int s = 0; s < slots.size(); s++) {
        PlanChoice choice = choice(s);
        if (choice.onCluster() && choice.clusterArchitecture() == architecture) {
          EcsCluster.Member member = slots.get(s).members[result.pick()[s]];
          share[s] += weights > 0 ? usd * shareOf.get(member) / weights : usd / members.size();
          names.add(slots.get(s).service);
          alone += planner.aloneClusterUsd(member, architecture);
        }
      }
      if (names.size() >= 2) {
        String name = "ECS cluster (" + architecture.id() + ", " + facts.type().name() + ")";
        double average = facts.instanceMinutes() / 60.0 / BillingMonth.HOURS_PER_MONTH;
        PricedDeployment lines = planner.engine.price(new Ec2Deployment(name, facts.type().name(), average,
            BillingMonth.HOURS_PER_MONTH, false), planner.terms);
        shared.add(new SharedCost("ecs-cluster", name, names, usd, alone, lines.lines()));
        markShared(names, name, sharedBy);
      }
    }
  }

  private void markShared(List<String> services, String name, List<List<String>> sharedBy) {
    Set<String> members = new HashSet<>(services);
    for (int s = 0; s < slots.size(); s++) {
      if (members.contains(slots.get(s).service)) {
        sharedBy.get(s).add(name);
      }
    }
  }

  /**
   * A shared cost with its services joined once ({@code a, b, c}), so that the list of the others
   * of each service is cut from it rather than joined again (the lists hold every service of a
   * large application).
   */
  private static final class Sharing {
    final SharedCost cost;
    private final String joined;
    /** Where each service starts in {@link #joined}, and one past the end. */
    private final int[] start;
    private final Map<String, Integer> index = new HashMap<>();

    Sharing(SharedCost cost) {
      this.cost = cost;
      List<String> services = cost.services();
      this.joined = String.join(", ", services);
      this.start = new int[services.size() + 1];
      int at = 0;
      for (int i = 0; i < services.size(); i++) {
        start[i] = at;
        at += services.get(i).length() + 2;
        index.putIfAbsent(services.get(i), i);
      }
      start[services.size()] = at;
    }

    /** Whether only {@code service} takes part (no others). */
    boolean aloneIn(String service) {
      Integer i = index.get(service);
      return cost.services().size() == (i == null ? 0 : 1);
    }

    /** The services but {@code service} (its first place), joined with ", ", appended to {@code out}. */
    StringBuilder appendOthers(StringBuilder out, String service) {
      Integer found = index.get(service);
      if (found == null) {
        return out.append(joined);
      }
      int i = found;
      int last = cost.services().size() - 1;
      if (i == last) {
        // "a, b, c" less "c": up to the separator before it.
        return out.append(joined, 0, Math.max(0, start[i] - 2));
      }
      // Less "a" or "b": what comes before it, then what follows its separator.
      return out.append(joined, 0, start[i]).append(joined, start[i + 1], joined.length());
    }

    /** The length of all the services joined: room enough for the others of any one. */
    int joinedLength() {
      return joined.length();
    }
  }

  private Assignment assignment(int s, double usd, List<String> sharedNames, List<Sharing> sharing,
      String[] placements, Alternative alternative) {
    Planner.Slot slot = slots.get(s);
    int c = result.pick()[s];
    PlanChoice choice = slot.choices.get(c);
    String placement = choice.onCluster() ? placements[choice.clusterArchitecture().ordinal()] : choice.placement();
    Optional<String> architecture = choice.onCluster() ? Optional.of(choice.clusterArchitecture().id())
        : choice.option().architecture();
    List<String> reasons = new ArrayList<>();
    String label = choice.target().id() + architecture.map(a -> " (" + a + ")").orElse("");
    double alone = slot.alone[c] - planner.ops(choice.target());
    if (Math.abs(usd - alone) >= 0.005) {
      reasons.add(label + " costs " + Words.usd(usd) + " a month in the plan, " + Words.usd(alone)
          + " priced alone.");
    } else {
      reasons.add(label + " costs " + Words.usd(usd) + " a month in the plan.");
    }
    for (Sharing cost : sharing) {
      // Only the reasons kept are written out (each lists every other service sharing).
      if (reasons.size() < ASSIGNMENT_REASONS && sharedNames.contains(cost.cost.name())) {
        reasons.add(sharedReason(cost, slot.service));
      }
    }
    alternative.reason(!sharedNames.isEmpty()).ifPresent(reasons::add);
    List<String> kept = reasons.subList(0, Math.min(ASSIGNMENT_REASONS, reasons.size()));
    if (kept.size() < 2) {
      kept = new ArrayList<>(kept);
      kept.add("No other target can host it.");
    }
    return new Assignment(slot.service, choice.target(), architecture, placement, usd, alone, sharedNames, kept);
  }

  private String sharedReason(Sharing sharing, String service) {
    String name = sharing.cost.name();
    boolean noOthers = sharing.aloneIn(service);
    StringBuilder out = new StringBuilder(sharing.joinedLength() + name.length() + 120);
    if (name.startsWith("Lambda usage")) {
      out.append("Its Lambda usage is priced with the account's other functions (");
      return sharing.appendOthers(out, service).append(')')
          .append(planner.terms.lambdaFreeTier() ? ": one free tier and one set of duration tiers for all of them."
              : ": one set of duration tiers for all of them.").toString();
    }
    if (name.startsWith("API Gateway")) {
      out.append("Its API Gateway requests count toward the account's request tiers, with ");
      return sharing.appendOthers(out, service).append('.').toString();
    }
    if (name.startsWith("Application Load Balancer")) {
      out.append("It shares one Application Load Balancer");
      if (!noOthers) {
        sharing.appendOthers(out.append(" with "), service);
      }
      return out.append(": the hourly fee is paid once.").toString();
    }
    out.append("Its tasks are packed");
    if (!noOthers) {
      sharing.appendOthers(out.append(" with "), service);
    }
    return out.append(" on one ").append(name).append('.').toString();
  }

  /**
   * What another target would add to the plan, for one reason of service {@code s}: its own
   * recommendation's target when the plan places it elsewhere ({@code versus}), otherwise the
   * best choice of another target ({@code target} null when there is none). {@code least} is the
   * plan's objective with the service moved there, {@code current} without.
   */
  private record Alternative(boolean versus, Target chosen, Target target, double least, double current,
      String tieTolerance) {

    /** The reason's text; {@code sharesAnything}: the service takes part in a shared cost. */
    Optional<String> reason(boolean sharesAnything) {
      if (versus) {
        String why = !sharesAnything
            ? "the recommendation prefers a more managed target within the " + tieTolerance
                + " tie tolerance, the plan takes the cheapest"
            : "what it shares makes " + chosen.id() + " the cheaper choice";
        if (least == Double.POSITIVE_INFINITY) {
          return Optional.of("Alone it would be recommended " + target.id() + "; " + why + ".");
        }
        return Optional.of("Alone it would be recommended " + target.id() + ", which would add "
            + Words.usd(Math.max(0, least - current)) + " a month here: " + why + ".");
      }
      if (target == null) {
        return Optional.empty();
      }
      double delta = least - current;
      if (Math.abs(delta) < 0.005) {
        return Optional.of("The next-best target, " + target.id() + ", would cost the same within a cent; "
            + chosen.id() + " comes first in the order of targets.");
      }
      return Optional.of(delta > 0
          ? "The next-best target, " + target.id() + ", would add " + Words.usd(delta) + " a month."
          : "Moving it to " + target.id() + " would save " + Words.usd(-delta) + " a month (within the heuristic's "
              + "stated bound).");
    }
  }

  /**
   * Why the plan places a service elsewhere than its own recommendation, with what that would
   * add; or, when it does not, how much more the plan would cost with the service on the best
   * choice of another target.
   */
  private Alternative alternative(int s) {
    Planner.Slot slot = slots.get(s);
    Target chosen = slot.choices.get(result.pick()[s]).target();
    Optional<Recommendation> recommended = slot.advice.recommendation();
    double current = state.objective();
    double least = Double.POSITIVE_INFINITY;
    if (recommended.isPresent() && recommended.get().target() != chosen) {
      Target own = recommended.get().target();
      for (int c = 0; c < slot.choices.size(); c++) {
        if (slot.choices.get(c).target() == own) {
          least = Math.min(least, state.objectiveIf(s, c));
        }
      }
      return new Alternative(true, chosen, own, least, current, tieTolerance);
    }
    Target next = null;
    for (int c = 0; c < slot.choices.size(); c++) {
      Target target = slot.choices.get(c).target();
      if (target == chosen) {
        continue;
      }
      double objective = state.objectiveIf(s, c, least);
      if (objective < least) {
        least = objective;
        next = target;
      }
    }
    return new Alternative(false, chosen, next, least, current, tieTolerance);
  }

  private List<String> reasons(double cost, double ops, List<SharedCost> shared, PlanSearch search) {
    List<String> reasons = new ArrayList<>();
    StringBuilder first = new StringBuilder("The plan costs " + Words.usd(cost) + " a month");
    List<String> against = new ArrayList<>();
    if (allLambda.isPresent()) {
      against.add(saving(allLambda.getAsDouble(), cost) + " all on Lambda (" + Words.usd(allLambda.getAsDouble()) + ")");
    }
    if (allContainers.isPresent()) {
      against.add(saving(allContainers.getAsDouble(), cost) + " all on containers ("
          + Words.usd(allContainers.getAsDouble()) + ")");
    }
    if (!against.isEmpty()) {
      first.append(": ").append(String.join(" and ", against));
    }
    reasons.add(first.append('.').toString());
    if (!shared.isEmpty()) {
      List<String> parts = new ArrayList<>();
      for (SharedCost s : shared) {
        double saved = s.savingsUsd();
        parts.add(s.name() + " for " + String.join(", ", s.services()) + " ("
            + (saved >= 0 ? "saves " + Words.usd(saved) : "costs " + Words.usd(-saved) + " more than each alone")
            + ")");
      }
      reasons.add("Counted once: " + String.join("; ", parts) + ".");
    }
    if (ops > 0) {
      reasons.add("Operating effort of " + Words.usd(ops) + " a month is counted once per target the plan uses.");
    }
    if (!planner.unplaced.isEmpty()) {
      reasons.add("Left out, as no target can host them: " + String.join(", ", planner.unplaced) + ".");
    }
    if ("exact".equals(search.method())) {
      reasons.add("Exact search over " + Words.counted(slots.size(), 0, "service") + ": no plan is cheaper.");
    } else {
      reasons.add("Heuristic search over " + Words.counted(slots.size(), 0, "service") + ": the best plan is at most "
          + Words.usd(search.gapBoundUsd()) + " a month cheaper.");
    }
    return reasons.subList(0, Math.min(5, reasons.size()));
  }

  private String saving(double other, double cost) {
    double saved = other - cost;
    if (Math.abs(saved) < 0.005) {
      return "the same as";
    }
    String percent = other > 0 ? " (" + Words.percent(Math.abs(saved) / other) + ")" : "";
    return saved > 0 ? Words.usd(saved) + percent + " less than" : Words.usd(-saved) + percent + " more than";
  }

  /** Cost lines of several deployments summed by line name (same unit price), in first-seen order. */
  private static List<CostLine> merge(List<CostLine> lines) {
    Map<String, CostLine> merged = new LinkedHashMap<>();
    for (CostLine line : lines) {
      String key = line.name() + "\u0000" + line.unitPriceUsd();
      CostLine before = merged.get(key);
      merged.put(key, before == null ? line : new CostLine(line.name(), line.unit(),
          before.quantity() + line.quantity(), line.unitPriceUsd(), before.monthlyCostUsd() + line.monthlyCostUsd()));
    }
    return List.copyOf(merged.values());
  }
}
