package io.fitadvisor.advisor;

import io.fitadvisor.pricing.AccountTerms;
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
import io.fitadvisor.pricing.PricingEngine;
import io.fitadvisor.pricing.RegionPrices;
import io.fitadvisor.pricing.TieredPrice;
import io.fitadvisor.workload.Preferences;
import io.fitadvisor.workload.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Chooses one target per service for a whole application, minimising the monthly cost plus the
 * operating effort (each target's preference counted once if the plan uses it), with every shared
 * effect counted once: the account's Lambda usage (free tier, duration tiers) and API Gateway tiers
 * priced together by the engine, one Application Load Balancer for every choice behind one (hours
 * once, LCUs summed), ECS tasks of several services packed on one cluster per architecture
 * ({@link EcsCluster}), savings plans (fractions of on-demand lines, so they need no sharing).
 *
 * <p>Up to {@value #EXACT_LIMIT} services the search is exact: branch and bound over the services'
 * choices, bounded below by the exact cost of the services placed so far (clusters counted
 * fractionally) plus, for every service left, the least increase any of its choices can cause.
 * Beyond, a heuristic: the cheapest of the per-service, single-target and all-shared-cluster plans,
 * improved by moving one service at a time while that lowers the cost; its distance from the best
 * plan is bounded by the same lower bound. Both are deterministic; docs/PLAN.md has the proofs.
 *
 * <p>Not thread-safe: one planner makes one plan.
 */
final class Planner {
  static final int EXACT_LIMIT = 12;
  /** The exact search gives up (and keeps the heuristic's plan) after this many nodes. */
  static final long NODE_LIMIT = 3_000_000;
  /** Moves a greedy cluster chain compares at each step. */
  private static final int GREEDY_WIDTH = 6;
  /**
   * From this many services on, the heuristic bounds its work: at most {@value #LARGE_PASSES}
   * passes of descent, and no greedy chains (docs/PLAN.md).
   */
  static final int LARGE = 100;
  private static final int LARGE_PASSES = 8;
  private static final String ALB_NAME = "shared load balancer";

  private final AdviceContext context;
  private final PricingEngine engine;
  private final AccountTerms terms;
  private final Preferences preferences;
  private final List<Slot> slots = new ArrayList<>();
  private final List<String> unplaced = new ArrayList<>();
  private final boolean everyServiceOnLambda;
  private final boolean everyServiceOnContainers;
  private final Map<Architecture, List<Ec2InstanceType>> clusterTypes = new EnumMap<>(Architecture.class);
  private final int minutes;
  // Lower-bound rates: the least any unit of Lambda or API Gateway usage can add.
  private final double leastRequestUsd;
  private final double leastGbSecondUsd;
  private final double albLcuMonthUsd;
  private final EnumMap<ApiType, Double> leastApiMillionUsd =
      new EnumMap<>(ApiType.class);

  /** One service the plan places, with its choices in canonical order (target order, own before shared). */
  static final class Slot {
    final String service;
    final ServiceAdvice advice;
    final List<PlanChoice> choices;
    final EcsCluster.Member[] members;
    final double[] increment;
    /** As {@link #increment}, without taking a whole free tier off the function's use (see {@link #rootBound}). */
    final double[] incrementWithoutFreeTier;
    final double[] alone;
    /** Per choice, the ephemeral storage its function bills (linear, so its own). */
    final double[] storage;

    Slot(String service, ServiceAdvice advice, List<PlanChoice> choices) {
      this.service = service;
      this.advice = advice;
      this.choices = choices;
      this.members = new EcsCluster.Member[choices.size()];
      this.increment = new double[choices.size()];
      this.incrementWithoutFreeTier = new double[choices.size()];
      this.alone = new double[choices.size()];
      this.storage = new double[choices.size()];
    }
  }

  /** A finished search: the choice per slot, how it was found, and what it examined. */
  record Result(int[] pick, double objective, String method, long examined, double gapBoundUsd) {}

  Planner(List<ServiceEvaluation> evaluations, AdviceContext context) {
    this(evaluations, context, true);
  }

  /**
   * A planner; {@code pruneDominated} false keeps every choice (for tests that compare plans
   * against all single-target plans, some of whose choices a plan never needs).
   */
  Planner(List<ServiceEvaluation> evaluations, AdviceContext context, boolean pruneDominated) {
    this.context = context;
    this.engine = context.engine();
    this.terms = context.terms();
    this.preferences = context.preferences();
    RegionPrices prices = context.prices();
    int anyMinutes = io.fitadvisor.workload.LoadSeries.MINUTES_PER_MONTH;
    boolean allLambda = true;
    boolean allContainers = true;
    List<ContainerModel.ClusterTasks> allTasks = new ArrayList<>();
    List<List<PlanChoice>> kept = new ArrayList<>();
    for (ServiceEvaluation evaluation : evaluations) {
      List<PlanChoice> choices = pruneDominated ? dropDominated(evaluation.choices()) : evaluation.choices();
      kept.add(choices);
      allLambda &= choices.stream().anyMatch(c -> c.target() == Target.LAMBDA);
      allContainers &= choices.stream().anyMatch(PlanChoice::isContainer);
      for (PlanChoice choice : choices) {
        if (choice.onCluster()) {
          allTasks.add(choice.clusterTasks());
          anyMinutes = choice.clusterTasks().minutes();
        }
      }
    }
    this.minutes = anyMinutes;
    this.everyServiceOnLambda = allLambda;
    this.everyServiceOnContainers = allContainers;
    for (Architecture architecture : Architecture.values()) {
      clusterTypes.put(architecture, EcsCluster.candidateTypes(architecture, allTasks));
    }
    double leastRequest = Double.POSITIVE_INFINITY;
    double leastGbSecond = Double.POSITIVE_INFINITY;
    for (Architecture architecture : Architecture.values()) {
      leastRequest = Math.min(leastRequest, prices.lambda(architecture).requestsPerMillionUsd() / 1_000_000);
      TieredPrice tiers = prices.lambda(architecture).durationPerGbSecond();
      leastGbSecond = Math.min(leastGbSecond, tiers.unitPriceUsd(tiers.tierCount() - 1));
    }
    this.leastRequestUsd = leastRequest;
    this.leastGbSecondUsd = leastGbSecond * (1 - terms.lambdaSavingsPlan());
    this.albLcuMonthUsd = prices.alb().lcuHourUsd() * BillingMonth.HOURS_PER_MONTH;
    for (ApiType type : ApiType.values()) {
      TieredPrice tiers = prices.apiGateway(type);
      leastApiMillionUsd.put(type, tiers.unitPriceUsd(tiers.tierCount() - 1));
    }
    for (int i = 0; i < evaluations.size(); i++) {
      ServiceAdvice advice = evaluations.get(i).advice();
      List<PlanChoice> choices = kept.get(i);
      if (choices.isEmpty()) {
        unplaced.add(advice.name());
        continue;
      }
      Slot slot = new Slot(advice.name(), advice, choices);
      for (int c = 0; c < choices.size(); c++) {
        PlanChoice choice = choices.get(c);
        if (choice.onCluster()) {
          slot.members[c] = new EcsCluster.Member(advice.name(), choice.clusterTasks(),
              clusterTypes.get(choice.clusterArchitecture()));
        }
      }
      slots.add(slot);
    }
    for (Slot slot : slots) {
      for (int c = 0; c < slot.choices.size(); c++) {
        LambdaDeployment lambda = slot.choices.get(c).lambda();
        slot.storage[c] = lambda == null ? 0 : AccountUsage.storageUsd(engine, lambda);
        slot.increment[c] = increment(slot, c, terms.lambdaFreeTier());
        slot.incrementWithoutFreeTier[c] = increment(slot, c, false);
        slot.alone[c] = aloneUsd(slot, c) + ops(slot.choices.get(c).target());
      }
    }
  }

  /**
   * Drops a choice that another of the same kind (container or not) with the same shared parts
   * beats even when it pays its target's operating effort alone: it can never be in a cheapest
   * plan, nor in a cheapest all-containers plan (the earlier choice is kept on a tie).
   */
  private List<PlanChoice> dropDominated(List<PlanChoice> choices) {
    List<PlanChoice> kept = new ArrayList<>();
    for (int b = 0; b < choices.size(); b++) {
      PlanChoice candidate = choices.get(b);
      boolean dominated = false;
      if (candidate.lambda() == null && !candidate.onCluster()) {
        for (int a = 0; a < choices.size() && !dominated; a++) {
          PlanChoice other = choices.get(a);
          // Only within the same kind, so the all-containers comparison keeps a container choice.
          if (a == b || other.lambda() != null || other.onCluster() || !sameFrontDoor(other, candidate)
              || other.isContainer() != candidate.isContainer()) {
            continue;
          }
          double otherWorst = other.ownUsd() + ops(other.target());
          dominated = otherWorst < candidate.ownUsd() || (otherWorst == candidate.ownUsd() && a < b);
        }
      }
      if (!dominated) {
        kept.add(candidate);
      }
    }
    return kept;
  }

  private static boolean sameFrontDoor(PlanChoice a, PlanChoice b) {
    boolean sameAlb = a.usesAlb() == b.usesAlb() && (!a.usesAlb() || a.albLcu() == b.albLcu());
    boolean sameApi = a.api() == null ? b.api() == null : a.api().equals(b.api());
    return sameAlb && sameApi;
  }

  private double ops(Target target) {
    return preferences.opsCostPerMonthUsd(target);
  }

  // ---- lower bounds --------------------------------------------------------------------------

  /**
   * The least a choice can add to the cost of any plan that does not yet hold the service
   * (docs/PLAN.md proves each part): its own cost; its Lambda requests and GB-seconds beyond a
   * whole free tier ({@code free}) at the lowest rates; its API Gateway requests at the lowest
   * tier; its LCUs; on the shared cluster, its full instances and its blocks as a fraction of an
   * instance, on the cheapest type. Operating effort counts 0.
   */
  private double increment(Slot slot, int c, boolean free) {
    PlanChoice choice = slot.choices.get(c);
    double usd = choice.ownUsd();
    LambdaDeployment lambda = choice.lambda();
    if (lambda != null) {
      double requests = Math.max(0, lambda.monthlyRequests() - (free ? PricingEngine.LAMBDA_FREE_REQUESTS : 0));
      double gbSeconds = Math.max(0, lambda.durationGbSeconds() + lambda.initGbSeconds() - (free ? PricingEngine.LAMBDA_FREE_GB_SECONDS : 0));
      usd += requests * leastRequestUsd + gbSeconds * leastGbSecondUsd;
      usd += slot.storage[c];
    }
    ApiGatewayDeployment api = choice.api();
    if (api != null) {
      usd += api.monthlyRequests() / 1_000_000 * leastApiMillionUsd.get(api.type());
    }
    if (choice.usesAlb()) {
      usd += choice.albLcu() * albLcuMonthUsd;
    }
    EcsCluster.Member member = slot.members[c];
    if (member != null) {
      List<Ec2InstanceType> types = clusterTypes.get(choice.clusterArchitecture());
      double least = Double.POSITIVE_INFINITY;
      for (int k = 0; k < types.size(); k++) {
        if (member.fits(k)) {
          double instanceMinutes = member.fullMinutes[k] + (double) member.blockUnitMinutes[k] / EcsCluster.UNIT;
          least = Math.min(least, instanceMinutes * types.get(k).onDemandHourlyUsd() * (1 - terms.ec2SavingsPlan()) / 60);
        }
      }
      usd += least;
    }
    return usd;
  }

  /** The choice priced as if the service were alone in the account. */
  private double aloneUsd(Slot slot, int c) {
    PlanChoice choice = slot.choices.get(c);
    if (!choice.onCluster()) {
      return choice.aloneUsd();
    }
    EcsCluster cluster = newCluster(choice.clusterArchitecture());
    cluster.add(slot.members[c]);
    double usd = cluster.monthlyCostUsd();
    List<Deployment> doors = new ArrayList<>();
    if (choice.api() != null) {
      doors.add(choice.api());
    }
    if (choice.usesAlb()) {
      doors.add(AlbDeployment.of(ALB_NAME, choice.albLcu()));
    }
    return usd + engine.monthlyCostUsd(doors, terms);
  }

  private EcsCluster newCluster(Architecture architecture) {
    return newCluster(architecture, false);
  }

  private EcsCluster newCluster(Architecture architecture, boolean fluid) {
    return new EcsCluster(architecture, clusterTypes.get(architecture), terms.ec2SavingsPlan(), minutes, fluid);
  }

  // ---- evaluation ----------------------------------------------------------------------------

  /**
   * The running sums of a plan's choices that do not depend on cluster packing: what each choice
   * pays alone, the account's functions and API Gateway requests, the shared ALB's LCUs and users,
   * and how many services use each target (for the operating effort, counted once per target).
   */
  private final class Totals {
    private double own;
    private double lcu;
    private int albUsers;
    private final AccountUsage account = new AccountUsage(engine, terms);
    private final int[] targetUsers = new int[Target.values().length];

    /** Adds ({@code sign} 1) or takes away (-1) choice {@code c} of {@code slot}. */
    void apply(Slot slot, int c, int sign) {
      PlanChoice choice = slot.choices.get(c);
      own += sign * choice.ownUsd();
      if (choice.usesAlb()) {
        lcu += sign * choice.albLcu();
        albUsers += sign;
      }
      if (choice.lambda() != null) {
        account.function(choice.lambda(), slot.storage[c], sign);
      }
      if (choice.api() != null) {
        account.api(choice.api(), sign);
      }
      targetUsers[choice.target().ordinal()] += sign;
    }

    /** The monthly cost of everything but the clusters. */
    double sharedAndOwnUsd() {
      return own + account.monthlyCostUsd(lcu, albUsers);
    }

    /** The operating effort of every target in use, once per target. */
    double opsUsd() {
      double usd = 0;
      for (Target target : Target.values()) {
        if (targetUsers[target.ordinal()] > 0) {
          usd += ops(target);
        }
      }
      return usd;
    }
  }

  /** A plan under construction or change: the choice per slot and the running totals. */
  final class State {
    final int[] pick;
    private final Totals totals = new Totals();
    private final EnumMap<Architecture, EcsCluster> clusters = new EnumMap<>(Architecture.class);

    State() {
      this(false);
    }

    /** An empty plan; {@code fluid} prices clusters fractionally (see {@link EcsCluster}). */
    State(boolean fluid) {
      pick = new int[slots.size()];
      Arrays.fill(pick, -1);
      for (Architecture architecture : Architecture.values()) {
        clusters.put(architecture, newCluster(architecture, fluid));
      }
    }

    State(int[] choices) {
      this(choices, false);
    }

    State(int[] choices, boolean fluid) {
      this(fluid);
      for (int s = 0; s < choices.length; s++) {
        set(s, choices[s]);
      }
    }

    void set(int s, int c) {
      int old = pick[s];
      if (old == c) {
        return;
      }
      if (old >= 0) {
        apply(s, old, -1, true);
      }
      pick[s] = c;
      if (c >= 0) {
        apply(s, c, 1, true);
      }
    }

    /** Adds ({@code sign} 1) or takes away (-1) a choice; the clusters only with {@code clustersToo}. */
    private void apply(int s, int c, int sign, boolean clustersToo) {
      Slot slot = slots.get(s);
      PlanChoice choice = slot.choices.get(c);
      totals.apply(slot, c, sign);
      if (clustersToo && choice.onCluster()) {
        EcsCluster cluster = clusters.get(choice.clusterArchitecture());
        if (sign > 0) {
          cluster.add(slot.members[c]);
        } else {
          cluster.remove(slot.members[c]);
        }
      }
    }

    double cost() {
      double usd = totals.sharedAndOwnUsd();
      for (EcsCluster cluster : clusters.values()) {
        usd += cluster.monthlyCostUsd();
      }
      return usd;
    }

    double opsUsd() {
      return totals.opsUsd();
    }

    double objective() {
      return cost() + opsUsd();
    }

    /** The objective if slot {@code s} took choice {@code c}, without changing the state. */
    double objectiveIf(int s, int c) {
      return objectiveIf(s, c, Double.POSITIVE_INFINITY);
    }

    /**
     * The objective if slot {@code s} took choice {@code c}, without changing the state; exact
     * when below {@code below}, otherwise possibly only a lower bound that is not below it (the
     * clusters are priced exactly only when their bounds leave the plan below it).
     */
    double objectiveIf(int s, int c, double below) {
      int old = pick[s];
      if (old == c) {
        return objective();
      }
      Slot slot = slots.get(s);
      // Everything but the clusters, exactly: take the old choice out, put the new one in, price, undo.
      if (old >= 0) {
        apply(s, old, -1, false);
      }
      if (c >= 0) {
        apply(s, c, 1, false);
      }
      double usd = totals.sharedAndOwnUsd() + totals.opsUsd();
      if (c >= 0) {
        apply(s, c, -1, false);
      }
      if (old >= 0) {
        apply(s, old, 1, false);
      }
      PlanChoice from = old >= 0 ? slot.choices.get(old) : null;
      PlanChoice to = c >= 0 ? slot.choices.get(c) : null;
      EcsCluster.Member[] leave = new EcsCluster.Member[clusters.size()];
      EcsCluster.Member[] join = new EcsCluster.Member[clusters.size()];
      double[] bound = new double[clusters.size()];
      int i = 0;
      for (EcsCluster cluster : clusters.values()) {
        leave[i] = from != null && from.onCluster() && from.clusterArchitecture() == cluster.architecture
            ? slot.members[old] : null;
        join[i] = to != null && to.onCluster() && to.clusterArchitecture() == cluster.architecture
            ? slot.members[c] : null;
        bound[i] = leave[i] == null && join[i] == null ? cluster.monthlyCostUsd()
            : cluster.lowerBoundUsdWith(join[i], leave[i]);
        usd += bound[i];
        i++;
      }
      i = 0;
      for (EcsCluster cluster : clusters.values()) {
        if (usd >= below) {
          return usd;
        }
        if (leave[i] != null || join[i] != null) {
          usd += cluster.monthlyCostUsdWith(join[i], leave[i]) - bound[i];
        }
        i++;
      }
      return usd;
    }
  }

  // ---- search --------------------------------------------------------------------------------

  /** The cheapest plan among choices that {@code allowed} accepts; empty when some slot has none. */
  Optional<Result> search(Predicate<PlanChoice> allowed) {
    List<int[]> options = new ArrayList<>();
    for (Slot slot : slots) {
      List<Integer> ok = new ArrayList<>();
      for (int c = 0; c < slot.choices.size(); c++) {
        if (allowed.test(slot.choices.get(c))) {
          ok.add(c);
        }
      }
      if (ok.isEmpty()) {
        return Optional.empty();
      }
      options.add(ok.stream().mapToInt(Integer::intValue).toArray());
    }
    if (slots.isEmpty()) {
      return Optional.of(new Result(new int[0], 0, "exact", 1, 0));
    }
    Result heuristic = heuristic(options);
    if (slots.size() > EXACT_LIMIT) {
      return Optional.of(heuristic);
    }
    return Optional.of(new Exact(options, heuristic).run());
  }

  /**
   * A lower bound of every plan's objective: the sum over slots of the least increment among their
   * allowed choices; with the free tier, also the same sum with no free tier taken off any
   * function, less the most one free tier can be worth (1M requests and 400,000 GB-s at the least
   * rates); the larger of the two; plus a load balancer's hours when some service can only run
   * behind one.
   */
  private double rootBound(List<int[]> options) {
    double perService = 0;
    double once = 0;
    for (int s = 0; s < slots.size(); s++) {
      double least = Double.POSITIVE_INFINITY;
      double leastWithout = Double.POSITIVE_INFINITY;
      for (int c : options.get(s)) {
        least = Math.min(least, slots.get(s).increment[c]);
        leastWithout = Math.min(leastWithout, slots.get(s).incrementWithoutFreeTier[c]);
      }
      perService += least;
      once += leastWithout;
    }
    double bound = terms.lambdaFreeTier()
        ? Math.max(perService, once - (PricingEngine.LAMBDA_FREE_REQUESTS * leastRequestUsd
            + PricingEngine.LAMBDA_FREE_GB_SECONDS * leastGbSecondUsd))
        : perService;
    // A service whose every allowed choice is behind an ALB makes every plan pay its hours once.
    for (int s = 0; s < slots.size(); s++) {
      boolean always = true;
      for (int c : options.get(s)) {
        always &= slots.get(s).choices.get(c).usesAlb();
      }
      if (always) {
        return bound + engine.monthlyCostUsd(List.of(AlbDeployment.of(ALB_NAME, 0)), terms);
      }
    }
    return bound;
  }

  private Result heuristic(List<int[]> options) {
    int n = slots.size();
    List<int[]> seeds = new ArrayList<>();
    // Each service at its cheapest alone (the earlier choice on a tie: own cluster before shared).
    int[] perService = new int[n];
    for (int s = 0; s < n; s++) {
      int best = options.get(s)[0];
      for (int c : options.get(s)) {
        if (slots.get(s).alone[c] < slots.get(s).alone[best]) {
          best = c;
        }
      }
      perService[s] = best;
    }
    seeds.add(perService);
    // Every service on one target (its first choice there: the own cluster for ecs-ec2).
    for (Target target : Target.values()) {
      int[] seed = new int[n];
      boolean complete = true;
      for (int s = 0; s < n && complete; s++) {
        seed[s] = first(options.get(s), s, p -> p.target() == target);
        complete = seed[s] >= 0;
      }
      if (complete) {
        seeds.add(seed);
      }
    }
    // The per-service plan with every container service moved to a shared cluster where it can go.
    int[] packed = perService.clone();
    boolean moved = false;
    for (int s = 0; s < n; s++) {
      if (slots.get(s).choices.get(packed[s]).isContainer()) {
        int shared = first(options.get(s), s, PlanChoice::onCluster);
        if (shared >= 0 && shared != packed[s]) {
          packed[s] = shared;
          moved = true;
        }
      }
    }
    if (moved) {
      seeds.add(packed);
    }
    // Many services: compare plans with the clusters counted fractionally (no minute-by-minute
    // packing in the loop), then price the answer, and the start plans, exactly.
    boolean fluid = n > LARGE;
    long[] examined = {0};
    List<Result> starts = new ArrayList<>();
    for (int[] seed : seeds) {
      examined[0]++;
      starts.add(new Result(seed, new State(seed, fluid).objective(), "heuristic", 0, 0));
    }
    starts.sort((a, b) -> compare(a.objective(), a.pick(), b.objective(), b.pick()));
    Result best = null;
    for (int i = 0; i < Math.min(3, starts.size()); i++) {
      Result done = descend(starts.get(i).pick(), options, examined, fluid);
      if (best == null || compare(done.objective(), done.pick(), best.objective(), best.pick()) < 0) {
        best = done;
      }
    }
    // Moving one service at a time cannot fill a shared cluster that pays off only with several
    // services on it. A chain of moves can: from the best plan, move services to the cluster one
    // after the other, even when the plan gets dearer for a while, keep the cheapest plan along the
    // chain and descend from it. Two orders: the move that costs least next (greedy), and the
    // services that gain most once the cluster is full (their cost now against their share of a
    // well-packed cluster) first; each from the services on containers only, then from all.
    // Large applications take the gain-order chains only (each costs one evaluation a service).
    int variants = n > LARGE ? 2 : 4;
    for (Architecture architecture : Architecture.values()) {
      for (int variant = 4 - variants; variant < 4; variant++) {
        boolean onlyContainers = variant % 2 == 0;
        boolean greedy = variant < 2;
        Result chained = chain(best.pick(), options, architecture, onlyContainers, greedy, examined, fluid);
        if (chained != null && compare(chained.objective(), chained.pick(), best.objective(), best.pick()) < 0) {
          best = chained;
        }
      }
    }
    if (fluid) {
      // The exact price decides, among the answer and the start plans (which include every
      // single-target plan), so the plan is never dearer than any of them.
      best = new Result(best.pick(), new State(best.pick()).objective(), "heuristic", 0, 0);
      for (int[] seed : seeds) {
        Result exact = new Result(seed, new State(seed).objective(), "heuristic", 0, 0);
        if (compare(exact.objective(), exact.pick(), best.objective(), best.pick()) < 0) {
          best = exact;
        }
      }
    }
    double gap = Math.max(0, best.objective() - rootBound(options));
    return new Result(best.pick(), best.objective(), "heuristic", examined[0], gap);
  }

  /** One chain of moves to {@code architecture}'s cluster (see {@link #heuristic}), descended from its best plan. */
  private Result chain(int[] start, List<int[]> options, Architecture architecture, boolean onlyContainers,
      boolean greedy, long[] examined, boolean fluid) {
    int n = slots.size();
    State state = new State(start.clone(), fluid);
    List<int[]> candidates = new ArrayList<>(); // {slot, shared choice}
    for (int s = 0; s < n; s++) {
      PlanChoice now = slots.get(s).choices.get(state.pick[s]);
      if (now.onCluster() || (onlyContainers && !now.isContainer())) {
        continue;
      }
      int shared = first(options.get(s), s, p -> p.onCluster() && p.clusterArchitecture() == architecture);
      if (shared >= 0) {
        candidates.add(new int[] {s, shared});
      }
    }
    if (candidates.isEmpty()) {
      return null;
    }
    {
      // Most to gain first: the cost alone now minus the least the cluster can charge it.
      candidates.sort((a, b) -> {
        double gainA = slots.get(a[0]).alone[state.pick[a[0]]] - slots.get(a[0]).increment[a[1]];
        double gainB = slots.get(b[0]).alone[state.pick[b[0]]] - slots.get(b[0]).increment[b[1]];
        return gainA != gainB ? Double.compare(gainB, gainA) : a[0] - b[0];
      });
    }
    double bestOnChain = Double.POSITIVE_INFINITY;
    int[] bestChain = null;
    while (!candidates.isEmpty()) {
      int index = 0;
      double objective;
      if (greedy) {
        // The next move that costs least among the few that gain most (bounded work per step).
        objective = Double.POSITIVE_INFINITY;
        for (int i = 0; i < Math.min(GREEDY_WIDTH, candidates.size()); i++) {
          examined[0]++;
          double o = state.objectiveIf(candidates.get(i)[0], candidates.get(i)[1], objective);
          if (o < objective) {
            objective = o;
            index = i;
          }
        }
      } else {
        examined[0]++;
        objective = state.objectiveIf(candidates.get(0)[0], candidates.get(0)[1]);
      }
      int[] move = candidates.remove(index);
      state.set(move[0], move[1]);
      if (objective < bestOnChain) {
        bestOnChain = objective;
        bestChain = state.pick.clone();
      }
    }
    return descend(bestChain, options, examined, fluid);
  }

  /** Coordinate descent: moves one service at a time to its best choice while that lowers the objective. */
  private Result descend(int[] start, List<int[]> options, long[] examined, boolean fluid) {
    State state = new State(start.clone(), fluid);
    double current = state.objective();
    boolean improved = true;
    int passes = slots.size() > LARGE ? LARGE_PASSES : 100;
    for (int pass = 0; improved && pass < passes; pass++) {
      improved = false;
      for (int s = 0; s < slots.size(); s++) {
        int bestChoice = state.pick[s];
        double bestObjective = current;
        for (int c : options.get(s)) {
          if (c == state.pick[s]) {
            continue;
          }
          examined[0]++;
          double threshold = bestObjective - tolerance(bestObjective);
          double objective = state.objectiveIf(s, c, threshold);
          if (objective < threshold) {
            bestObjective = objective;
            bestChoice = c;
          }
        }
        if (bestChoice != state.pick[s]) {
          state.set(s, bestChoice);
          current = bestObjective; // exact: it was below the threshold
          improved = true;
        }
      }
    }
    return new Result(state.pick.clone(), state.objective(), "heuristic", 0, 0);
  }

  private int first(int[] allowed, int s, Predicate<PlanChoice> test) {
    for (int c : allowed) {
      if (test.test(slots.get(s).choices.get(c))) {
        return c;
      }
    }
    return -1;
  }

  private static double tolerance(double objective) {
    return 1e-9 * Math.max(1, Math.abs(objective));
  }

  /**
   * Orders plans: the cheaper first; within the tolerance, the one whose choices come first in
   * service order (targets in their declared order: the more managed first).
   */
  private static int compare(double a, int[] pickA, double b, int[] pickB) {
    if (a < b - tolerance(b)) {
      return -1;
    }
    if (b < a - tolerance(a)) {
      return 1;
    }
    return Arrays.compare(pickA, pickB);
  }

  /** Branch and bound over the slots' allowed choices. */
  private final class Exact {
    private final List<int[]> options;
    private final int n;
    private final int[] order;
    private final double[] remainingBound;
    private final int[] pick;
    /** Running totals of the placed slots, clusters apart. */
    private final Totals totals = new Totals();
    private final EnumMap<Architecture, ClusterBound> clusters = new EnumMap<>(Architecture.class);
    private final EnumMap<Architecture, Map<Long, Double>> clusterCosts = new EnumMap<>(Architecture.class);
    private int[] bestPick;
    private double bestObjective;
    private long nodes;
    private boolean aborted;

    Exact(List<int[]> options, Result start) {
      this.options = options;
      this.n = slots.size();
      this.pick = new int[n];
      Arrays.fill(pick, -1);
      // Slots whose choices differ most first: the bound tightens fastest.
      Integer[] byspread = new Integer[n];
      double[] spread = new double[n];
      for (int s = 0; s < n; s++) {
        byspread[s] = s;
        double least = Double.POSITIVE_INFINITY;
        double most = 0;
        for (int c : options.get(s)) {
          least = Math.min(least, slots.get(s).increment[c]);
          most = Math.max(most, slots.get(s).alone[c]);
        }
        spread[s] = most - least;
      }
      Arrays.sort(byspread, (a, b) -> spread[a] != spread[b] ? Double.compare(spread[b], spread[a]) : a - b);
      order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = byspread[i];
      }
      remainingBound = new double[n + 1];
      for (int i = n - 1; i >= 0; i--) {
        int s = order[i];
        double least = Double.POSITIVE_INFINITY;
        for (int c : options.get(s)) {
          least = Math.min(least, slots.get(s).increment[c]);
        }
        remainingBound[i] = remainingBound[i + 1] + least;
      }
      for (Architecture architecture : Architecture.values()) {
        clusters.put(architecture, new ClusterBound(clusterTypes.get(architecture)));
        clusterCosts.put(architecture, new HashMap<>());
      }
      bestPick = start.pick().clone();
      bestObjective = start.objective();
    }

    Result run() {
      dfs(0);
      if (aborted) {
        Result heuristic = heuristic(options);
        return new Result(heuristic.pick(), heuristic.objective(), "heuristic", nodes + heuristic.examined(),
            heuristic.gapBoundUsd());
      }
      return new Result(bestPick, bestObjective, "exact", nodes, 0);
    }

    private void dfs(int depth) {
      if (aborted) {
        return;
      }
      if (++nodes > NODE_LIMIT) {
        aborted = true;
        return;
      }
      if (depth == n) {
        double objective = totals.sharedAndOwnUsd() + exactClusters() + totals.opsUsd();
        if (compare(objective, pick, bestObjective, bestPick) < 0) {
          bestObjective = objective;
          bestPick = pick.clone();
        }
        return;
      }
      double placed = totals.sharedAndOwnUsd() + boundClusters() + totals.opsUsd();
      if (placed + remainingBound[depth] > bestObjective + tolerance(bestObjective)) {
        return;
      }
      int s = order[depth];
      Slot slot = slots.get(s);
      int[] allowed = options.get(s).clone();
      // Most promising first, so a good plan is found early.
      Integer[] tryOrder = new Integer[allowed.length];
      for (int i = 0; i < allowed.length; i++) {
        tryOrder[i] = allowed[i];
      }
      Arrays.sort(tryOrder, (a, b) -> slot.increment[a] != slot.increment[b]
          ? Double.compare(slot.increment[a], slot.increment[b]) : a - b);
      for (int c : tryOrder) {
        place(s, c, 1);
        dfs(depth + 1);
        place(s, c, -1);
        if (aborted) {
          return;
        }
      }
    }

    private void place(int s, int c, int sign) {
      Slot slot = slots.get(s);
      PlanChoice choice = slot.choices.get(c);
      pick[s] = sign > 0 ? c : -1;
      totals.apply(slot, c, sign);
      if (choice.onCluster()) {
        clusters.get(choice.clusterArchitecture()).change(slot.members[c], s, sign);
      }
    }

    private double boundClusters() {
      double usd = 0;
      for (ClusterBound bound : clusters.values()) {
        usd += bound.lowerBoundUsd();
      }
      return usd;
    }

    /** Each architecture's cluster priced exactly, remembered by its members. */
    private double exactClusters() {
      double usd = 0;
      for (Architecture architecture : Architecture.values()) {
        ClusterBound bound = clusters.get(architecture);
        if (bound.mask == 0) {
          continue;
        }
        usd += clusterCosts.get(architecture).computeIfAbsent(bound.mask, mask -> {
          EcsCluster cluster = newCluster(architecture);
          for (int s = 0; s < n; s++) {
            if ((mask & (1L << s)) != 0) {
              cluster.add(slots.get(s).members[pick[s]]);
            }
          }
          return cluster.monthlyCostUsd();
        });
      }
      return usd;
    }
  }

  /** The fractional lower bound of one architecture's cluster, kept as slots join and leave. */
  private final class ClusterBound {
    private final double[] usdPerMinute;
    private final long[] full;
    private final long[] blocks;
    private final int[] missing;
    long mask;

    ClusterBound(List<Ec2InstanceType> types) {
      int k = types.size();
      usdPerMinute = new double[k];
      for (int i = 0; i < k; i++) {
        usdPerMinute[i] = types.get(i).onDemandHourlyUsd() * (1 - terms.ec2SavingsPlan()) / 60;
      }
      full = new long[k];
      blocks = new long[k];
      missing = new int[k];
    }

    void change(EcsCluster.Member member, int slot, int sign) {
      mask = sign > 0 ? mask | (1L << slot) : mask & ~(1L << slot);
      for (int k = 0; k < full.length; k++) {
        if (member.fits(k)) {
          full[k] += sign * member.fullMinutes[k];
          blocks[k] += sign * member.blockUnitMinutes[k];
        } else {
          missing[k] += sign;
        }
      }
    }

    double lowerBoundUsd() {
      if (mask == 0) {
        return 0;
      }
      double best = Double.POSITIVE_INFINITY;
      for (int k = 0; k < full.length; k++) {
        if (missing[k] == 0) {
          best = Math.min(best, (full[k] + (double) blocks[k] / EcsCluster.UNIT) * usdPerMinute[k]);
        }
      }
      return best;
    }
  }

  // ---- the plan ------------------------------------------------------------------------------

  /** The application plan, with the all-Lambda and all-containers comparisons. */
  Plan plan() {
    Result result = search(choice -> true).orElseThrow();
    OptionalDouble allLambda = OptionalDouble.empty();
    if (everyServiceOnLambda && unplaced.isEmpty()) {
      allLambda = search(choice -> choice.target() == Target.LAMBDA)
          .map(r -> OptionalDouble.of(new State(r.pick()).cost())).orElse(OptionalDouble.empty());
    }
    OptionalDouble allContainers = OptionalDouble.empty();
    if (everyServiceOnContainers && unplaced.isEmpty()) {
      allContainers = search(PlanChoice::isContainer)
          .map(r -> OptionalDouble.of(new State(r.pick()).cost())).orElse(OptionalDouble.empty());
    }
    return new PlanBuilder(result, allLambda, allContainers).build();
  }

  /** How many services the plan places (for tests). */
  int slotCount() {
    return slots.size();
  }

  /** How many choices service {@code slot} has (for tests). */
  int choiceCount(int slot) {
    return slots.get(slot).choices.size();
  }

  private State probe;

  /** The objective (cost plus operating effort) of one choice per slot (for tests; reuses one state). */
  double objective(int[] pick) {
    if (probe == null) {
      probe = new State();
    }
    for (int s = 0; s < pick.length; s++) {
      probe.set(s, pick[s]);
    }
    return probe.objective();
  }

  /** The heuristic's answer over every choice, whatever the number of services (for tests). */
  Result heuristicOverAll() {
    List<int[]> options = new ArrayList<>();
    for (Slot slot : slots) {
      int[] all = new int[slot.choices.size()];
      for (int c = 0; c < all.length; c++) {
        all[c] = c;
      }
      options.add(all);
    }
    return heuristic(options);
  }

  /** The objective (cost plus operating effort) of every slot on {@code target}, for tests; empty when some slot cannot. */
  OptionalDouble singleTargetObjective(Target target, boolean sharedCluster) {
    int[] pick = new int[slots.size()];
    for (int s = 0; s < slots.size(); s++) {
      pick[s] = -1;
      List<PlanChoice> choices = slots.get(s).choices;
      for (int c = 0; c < choices.size() && pick[s] < 0; c++) {
        if (choices.get(c).target() == target && choices.get(c).onCluster() == sharedCluster) {
          pick[s] = c;
        }
      }
      if (pick[s] < 0) {
        return OptionalDouble.empty();
      }
    }
    return OptionalDouble.of(new State(pick).objective());
  }

  /** Turns a search result into the reported plan: per-service costs, shared costs and reasons. */
  private final class PlanBuilder {
    private final Result result;
    private final OptionalDouble allLambda;
    private final OptionalDouble allContainers;
    private final State state;

    PlanBuilder(Result result, OptionalDouble allLambda, OptionalDouble allContainers) {
      this.result = result;
      this.allLambda = allLambda;
      this.allContainers = allContainers;
      this.state = new State(result.pick());
    }

    Plan build() {
      int n = slots.size();
      double[] share = new double[n];
      List<List<String>> sharedBy = new ArrayList<>();
      for (int s = 0; s < n; s++) {
        share[s] = choice(s).ownUsd();
        sharedBy.add(new ArrayList<>());
      }
      List<SharedCost> shared = new ArrayList<>();
      accountUsage(share, sharedBy, shared);
      loadBalancer(share, sharedBy, shared);
      clusters(share, sharedBy, shared);
      double cost = state.cost();
      double ops = state.opsUsd();
      List<Assignment> assignments = new ArrayList<>(n);
      for (int s = 0; s < n; s++) {
        assignments.add(assignment(s, share[s], sharedBy.get(s), shared));
      }
      OptionalDouble vsLambda = allLambda.isPresent() ? OptionalDouble.of(allLambda.getAsDouble() - cost)
          : OptionalDouble.empty();
      OptionalDouble vsContainers = allContainers.isPresent()
          ? OptionalDouble.of(allContainers.getAsDouble() - cost) : OptionalDouble.empty();
      PlanSearch search = new PlanSearch(result.method(), result.examined(), result.gapBoundUsd());
      return new Plan(Math.max(0, cost), assignments, allLambda, allContainers, ops, vsLambda, vsContainers, shared,
          search, reasons(cost, ops, shared, search));
    }

    private PlanChoice choice(int s) {
      return slots.get(s).choices.get(result.pick()[s]);
    }

    /** The functions and API Gateway front doors priced as one account; each slot gets its engine share. */
    private void accountUsage(double[] share, List<List<String>> sharedBy, List<SharedCost> shared) {
      List<Deployment> deployments = new ArrayList<>();
      Map<String, Integer> owner = new HashMap<>();
      for (int s = 0; s < slots.size(); s++) {
        PlanChoice choice = choice(s);
        if (choice.lambda() != null) {
          LambdaDeployment l = choice.lambda();
          String name = "#" + s + " lambda";
          deployments.add(new LambdaDeployment(name, l.architecture(), l.memoryMb(), l.monthlyRequests(),
              l.durationMs(), l.ephemeralStorageMb(), l.provisionedConcurrency(), l.provisionedHoursPerMonth(),
              l.coldStartsPerMonth(), l.initDurationMs()));
          owner.put(name, s);
        }
        if (choice.api() != null) {
          String name = "#" + s + " api";
          deployments.add(new ApiGatewayDeployment(name, choice.api().type(), choice.api().monthlyRequests()));
          owner.put(name, s);
        }
      }
      if (deployments.isEmpty()) {
        return;
      }
      PriceReport report = engine.price(deployments, terms);
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
        int s = owner.get(d.name());
        share[s] += priced.monthlyCostUsd();
        double alone = engine.price(d, terms).monthlyCostUsd();
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
      PricedDeployment alb = engine.price(AlbDeployment.of(ALB_NAME, lcu), terms);
      double hoursUsd = alb.line("Load balancer hours").monthlyCostUsd();
      double lcuUsd = alb.line("LCU-hours").monthlyCostUsd();
      double alone = 0;
      List<String> names = new ArrayList<>();
      for (int s : users) {
        double own = lcu > 0 ? choice(s).albLcu() / lcu : 1.0 / users.size();
        share[s] += hoursUsd / users.size() + lcuUsd * own;
        alone += engine.price(AlbDeployment.of(ALB_NAME, choice(s).albLcu()), terms).monthlyCostUsd();
        names.add(slots.get(s).service);
      }
      if (users.size() >= 2) {
        String name = "Application Load Balancer";
        shared.add(new SharedCost("alb", name, names, alb.monthlyCostUsd(), alone, alb.lines()));
        markShared(names, name, sharedBy);
      }
    }

    /** Each architecture's cluster: its cost shared in proportion to the instance share of each service's tasks. */
    private void clusters(double[] share, List<List<String>> sharedBy, List<SharedCost> shared) {
      for (Architecture architecture : Architecture.values()) {
        EcsCluster cluster = state.clusters.get(architecture);
        if (cluster.isEmpty()) {
          continue;
        }
        int k = cluster.bestType();
        Ec2InstanceType type = cluster.types.get(k);
        double usd = cluster.monthlyCostUsd();
        double weights = 0;
        for (EcsCluster.Member member : cluster.members()) {
          weights += cluster.shareMinutes(member, k);
        }
        List<String> names = new ArrayList<>();
        double alone = 0;
        for (int s = 0; s < slots.size(); s++) {
          PlanChoice choice = choice(s);
          if (choice.onCluster() && choice.clusterArchitecture() == architecture) {
            EcsCluster.Member member = slots.get(s).members[result.pick()[s]];
            share[s] += weights > 0 ? usd * cluster.shareMinutes(member, k) / weights : usd / cluster.members().size();
            names.add(slots.get(s).service);
            EcsCluster single = newCluster(architecture);
            single.add(member);
            alone += single.monthlyCostUsd();
          }
        }
        if (names.size() >= 2) {
          String name = "ECS cluster (" + architecture.id() + ", " + type.name() + ")";
          double average = cluster.instanceMinutes(k) / 60.0 / BillingMonth.HOURS_PER_MONTH;
          PricedDeployment lines = engine.price(new Ec2Deployment(name, type.name(), average,
              BillingMonth.HOURS_PER_MONTH, false), terms);
          shared.add(new SharedCost("ecs-cluster", name, names, usd, alone, lines.lines()));
          markShared(names, name, sharedBy);
        }
      }
    }

    private void markShared(List<String> services, String name, List<List<String>> sharedBy) {
      for (int s = 0; s < slots.size(); s++) {
        if (services.contains(slots.get(s).service)) {
          sharedBy.get(s).add(name);
        }
      }
    }

    private Assignment assignment(int s, double usd, List<String> sharedNames, List<SharedCost> shared) {
      Slot slot = slots.get(s);
      int c = result.pick()[s];
      PlanChoice choice = slot.choices.get(c);
      String placement = choice.placement();
      if (choice.onCluster()) {
        EcsCluster cluster = state.clusters.get(choice.clusterArchitecture());
        placement = "shared " + choice.clusterArchitecture().id() + " cluster ("
            + cluster.types.get(cluster.bestType()).name() + ")";
      }
      Optional<String> architecture = choice.onCluster() ? Optional.of(choice.clusterArchitecture().id())
          : choice.option().architecture();
      List<String> reasons = new ArrayList<>();
      String label = choice.target().id() + architecture.map(a -> " (" + a + ")").orElse("");
      double alone = slot.alone[c] - ops(choice.target());
      if (Math.abs(usd - alone) >= 0.005) {
        reasons.add(label + " costs " + Words.usd(usd) + " a month in the plan, " + Words.usd(alone)
            + " priced alone.");
      } else {
        reasons.add(label + " costs " + Words.usd(usd) + " a month in the plan.");
      }
      for (SharedCost cost : shared) {
        if (sharedNames.contains(cost.name())) {
          List<String> others = new ArrayList<>(cost.services());
          others.remove(slot.service);
          reasons.add(sharedReason(cost.name(), others));
        }
      }
      Optional<String> versus = versusRecommendation(s, new java.util.HashSet<>(sharedNames));
      versus.ifPresent(reasons::add);
      if (versus.isEmpty()) {
        nextBest(s).ifPresent(reasons::add);
      }
      List<String> kept = reasons.subList(0, Math.min(4, reasons.size()));
      if (kept.size() < 2) {
        kept = new ArrayList<>(kept);
        kept.add("No other target can host it.");
      }
      return new Assignment(slot.service, choice.target(), architecture, placement, usd, alone, sharedNames, kept);
    }

    private String sharedReason(String name, List<String> others) {
      String with = others.isEmpty() ? "" : " with " + String.join(", ", others);
      String list = String.join(", ", others);
      if (name.startsWith("Lambda usage")) {
        return "Its Lambda usage is priced with the account's other functions (" + list + ")"
            + (terms.lambdaFreeTier() ? ": one free tier and one set of duration tiers for all of them."
                : ": one set of duration tiers for all of them.");
      }
      if (name.startsWith("API Gateway")) {
        return "Its API Gateway requests count toward the account's request tiers, with " + list + ".";
      }
      if (name.startsWith("Application Load Balancer")) {
        return "It shares one Application Load Balancer" + with + ": the hourly fee is paid once.";
      }
      return "Its tasks are packed" + with + " on one " + name + ".";
    }

    /** How much the plan would cost more with this service on the best choice of another target. */
    private Optional<String> nextBest(int s) {
      Slot slot = slots.get(s);
      Target chosen = slot.choices.get(result.pick()[s]).target();
      double current = state.objective();
      double least = Double.POSITIVE_INFINITY;
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
      if (next == null) {
        return Optional.empty();
      }
      double delta = least - current;
      if (Math.abs(delta) < 0.005) {
        return Optional.of("The next-best target, " + next.id() + ", would cost the same within a cent; "
            + chosen.id() + " comes first in the order of targets.");
      }
      return Optional.of(delta > 0
          ? "The next-best target, " + next.id() + ", would add " + Words.usd(delta) + " a month."
          : "Moving it to " + next.id() + " would save " + Words.usd(-delta) + " a month (within the heuristic's "
              + "stated bound).");
    }

    /** Why the plan places a service elsewhere than its own recommendation, with what that would add. */
    private Optional<String> versusRecommendation(int s, Set<String> sharedNames) {
      Slot slot = slots.get(s);
      Optional<Recommendation> recommended = slot.advice.recommendation();
      Target chosen = slot.choices.get(result.pick()[s]).target();
      if (recommended.isEmpty() || recommended.get().target() == chosen) {
        return Optional.empty();
      }
      Target own = recommended.get().target();
      double current = state.objective();
      double least = Double.POSITIVE_INFINITY;
      for (int c = 0; c < slot.choices.size(); c++) {
        if (slot.choices.get(c).target() == own) {
          least = Math.min(least, state.objectiveIf(s, c));
        }
      }
      String why = sharedNames.isEmpty()
          ? "the recommendation prefers a more managed target within the "
              + Words.percent(preferences.tieTolerance()) + " tie tolerance, the plan takes the cheapest"
          : "what it shares makes " + chosen.id() + " the cheaper choice";
      if (least == Double.POSITIVE_INFINITY) {
        return Optional.of("Alone it would be recommended " + own.id() + "; " + why + ".");
      }
      return Optional.of("Alone it would be recommended " + own.id() + ", which would add "
          + Words.usd(Math.max(0, least - current)) + " a month here: " + why + ".");
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
      if (!unplaced.isEmpty()) {
        reasons.add("Left out, as no target can host them: " + String.join(", ", unplaced) + ".");
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
