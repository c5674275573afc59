package io.fitadvisor.advisor;

import io.fitadvisor.pricing.AccountTerms;
import io.fitadvisor.pricing.AlbDeployment;
import io.fitadvisor.pricing.ApiGatewayDeployment;
import io.fitadvisor.pricing.ApiType;
import io.fitadvisor.pricing.Architecture;
import io.fitadvisor.pricing.BillingMonth;
import io.fitadvisor.pricing.Deployment;
import io.fitadvisor.pricing.Ec2InstanceType;
import io.fitadvisor.pricing.LambdaDeployment;
import io.fitadvisor.pricing.PricingEngine;
import io.fitadvisor.pricing.RegionPrices;
import io.fitadvisor.pricing.TieredPrice;
import io.fitadvisor.workload.Preferences;
import io.fitadvisor.workload.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.stream.IntStream;

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
 * {@link PlanReport} turns the chosen plan into the reported {@link Plan}.
 *
 * <p>Independent work (the services' choices, the three searches of {@link #plan}, the start plans
 * and the descents from them) runs in parallel on the common fork-join pool. Each piece has its own
 * state and results are combined in a fixed order, so the plan is the same, to the bit, as a
 * sequential run ({@code PlanParallelProperties}). One planner makes one plan; its methods are not
 * meant to be called from several threads.
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
  /** Fewer services than this are prepared on the calling thread (parallel work would cost more). */
  private static final int PARALLEL_SLOTS = 32;
  /** From this many services on, searches and the plans within one run in parallel. */
  private static final int PARALLEL_PLANS = 8;
  static final String ALB_NAME = "shared load balancer";
  private static final Architecture[] ARCHITECTURES = Architecture.values();
  private static final Target[] TARGETS = Target.values();

  final AdviceContext context;
  final PricingEngine engine;
  final AccountTerms terms;
  final Preferences preferences;
  final List<Slot> slots;
  final List<String> unplaced = new ArrayList<>();
  private final boolean parallel;
  private final boolean everyServiceOnLambda;
  private final boolean everyServiceOnContainers;
  private final Map<Architecture, List<Ec2InstanceType>> clusterTypes = new EnumMap<>(Architecture.class);
  /** Per architecture, an empty cluster that prices a member alone (read only, so shared). */
  private final EcsCluster[] pricers = new EcsCluster[ARCHITECTURES.length];
  /** Per target, its operating effort in US dollars a month. */
  private final double[] opsUsd = new double[TARGETS.length];
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
    /**
     * Per choice, what the running totals read, side by side ({@link #FIELDS} a choice: a search
     * reads them millions of times): own cost, LCUs (NaN when not behind the shared load
     * balancer), the function's architecture ordinal (-1: none), requests and GB-seconds, the API
     * type ordinal (-1: none) and requests, the target ordinal.
     */
    final double[] sums;
    static final int OWN = 0;
    static final int LCU = 1;
    static final int FUNCTION = 2;
    static final int FUNCTION_REQUESTS = 3;
    static final int FUNCTION_GB_SECONDS = 4;
    static final int API = 5;
    static final int API_REQUESTS = 6;
    static final int TARGET = 7;
    static final int FIELDS = 8;

    Slot(String service, ServiceAdvice advice, List<PlanChoice> choices) {
      this.service = service;
      this.advice = advice;
      this.choices = choices;
      this.members = new EcsCluster.Member[choices.size()];
      this.increment = new double[choices.size()];
      this.incrementWithoutFreeTier = new double[choices.size()];
      this.alone = new double[choices.size()];
      int n = choices.size();
      this.storage = new double[n];
      this.sums = new double[n * FIELDS];
      for (int c = 0; c < n; c++) {
        PlanChoice choice = choices.get(c);
        LambdaDeployment lambda = choice.lambda();
        ApiGatewayDeployment api = choice.api();
        int at = c * FIELDS;
        sums[at + OWN] = choice.ownUsd();
        sums[at + LCU] = choice.albLcu();
        sums[at + FUNCTION] = lambda == null ? -1 : lambda.architecture().ordinal();
        sums[at + FUNCTION_REQUESTS] = lambda == null ? 0 : lambda.monthlyRequests();
        sums[at + FUNCTION_GB_SECONDS] = lambda == null ? 0 : AccountUsage.gbSeconds(lambda);
        sums[at + API] = api == null ? -1 : api.type().ordinal();
        sums[at + API_REQUESTS] = api == null ? 0 : api.monthlyRequests();
        sums[at + TARGET] = choice.target().ordinal();
      }
    }
  }

  /**
   * A finished search: the choice per slot, how it was found, and what it examined; {@code priced},
   * when not null, is a state of exactly this plan, built from scratch and never changed since
   * (only priced), so it can stand in for a new one.
   */
  record Result(int[] pick, double objective, String method, long examined, double gapBoundUsd, State priced) {
    Result(int[] pick, double objective, String method, long examined, double gapBoundUsd) {
      this(pick, objective, method, examined, gapBoundUsd, null);
    }
  }

  Planner(List<ServiceEvaluation> evaluations, AdviceContext context) {
    this(evaluations, context, true);
  }

  /**
   * A planner; {@code pruneDominated} false keeps every choice (for tests that compare plans
   * against all single-target plans, some of whose choices a plan never needs).
   */
  Planner(List<ServiceEvaluation> evaluations, AdviceContext context, boolean pruneDominated) {
    this(evaluations, context, pruneDominated, true);
  }

  /** A planner; {@code parallel} false does every piece of work on the calling thread (for tests). */
  Planner(List<ServiceEvaluation> evaluations, AdviceContext context, boolean pruneDominated, boolean parallel) {
    this.context = context;
    this.engine = context.engine();
    this.terms = context.terms();
    this.preferences = context.preferences();
    this.parallel = parallel;
    for (Target target : TARGETS) {
      opsUsd[target.ordinal()] = preferences.opsCostPerMonthUsd(target);
    }
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
    for (Architecture architecture : ARCHITECTURES) {
      clusterTypes.put(architecture, EcsCluster.candidateTypes(architecture, allTasks));
      pricers[architecture.ordinal()] = newCluster(architecture);
    }
    double leastRequest = Double.POSITIVE_INFINITY;
    double leastGbSecond = Double.POSITIVE_INFINITY;
    for (Architecture architecture : ARCHITECTURES) {
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
    // Each service's choices are prepared on their own (its tasks on every instance type, its
    // bounds, its price alone): in parallel for many services, in service order in the list.
    List<Slot> prepared = inOrder(evaluations.size(), evaluations.size() >= PARALLEL_SLOTS, i -> {
      List<PlanChoice> choices = kept.get(i);
      return choices.isEmpty() ? null : slot(evaluations.get(i).advice(), choices);
    });
    List<Slot> placed = new ArrayList<>();
    for (int i = 0; i < prepared.size(); i++) {
      if (prepared.get(i) == null) {
        unplaced.add(evaluations.get(i).advice().name());
      } else {
        placed.add(prepared.get(i));
      }
    }
    this.slots = List.copyOf(placed);
  }

  private Slot slot(ServiceAdvice advice, List<PlanChoice> choices) {
    Slot slot = new Slot(advice.name(), advice, choices);
    for (int c = 0; c < choices.size(); c++) {
      PlanChoice choice = choices.get(c);
      if (choice.onCluster()) {
        slot.members[c] = new EcsCluster.Member(advice.name(), choice.clusterTasks(),
            clusterTypes.get(choice.clusterArchitecture()));
      }
    }
    for (int c = 0; c < choices.size(); c++) {
      LambdaDeployment lambda = choices.get(c).lambda();
      slot.storage[c] = lambda == null ? 0 : AccountUsage.storageUsd(engine, lambda);
      slot.increment[c] = increment(slot, c, terms.lambdaFreeTier());
      slot.incrementWithoutFreeTier[c] = increment(slot, c, false);
      slot.alone[c] = aloneUsd(slot, c) + ops(choices.get(c).target());
    }
    return slot;
  }

  /**
   * {@code work} of 0 to {@code count - 1}, its results in that order: on the common fork-join
   * pool when {@code inParallel} (and the planner may), otherwise one after the other.
   */
  <T> List<T> inOrder(int count, boolean inParallel, IntFunction<T> work) {
    @SuppressWarnings("unchecked")
    T[] results = (T[]) new Object[count];
    if (parallel && inParallel && count > 1) {
      IntStream.range(0, count).parallel().forEach(i -> results[i] = work.apply(i));
    } else {
      for (int i = 0; i < count; i++) {
        results[i] = work.apply(i);
      }
    }
    return Arrays.asList(results);
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

  double ops(Target target) {
    return opsUsd[target.ordinal()];
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
    double usd = aloneClusterUsd(slot.members[c], choice.clusterArchitecture());
    List<Deployment> doors = new ArrayList<>();
    if (choice.api() != null) {
      doors.add(choice.api());
    }
    if (choice.usesAlb()) {
      doors.add(AlbDeployment.of(ALB_NAME, choice.albLcu()));
    }
    return usd + engine.monthlyCostUsd(doors, terms);
  }

  /** What {@code member} would pay for a cluster of {@code architecture} of its own, US dollars a month. */
  double aloneClusterUsd(EcsCluster.Member member, Architecture architecture) {
    return pricers[architecture.ordinal()].aloneMonthlyCostUsd(member);
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
   *
   * <p>The sums are of doubles, so a choice taken out and put back can leave them a rounding
   * apart: every search keeps its own state and changes it in a fixed order, which is what makes
   * a plan the same to the bit from run to run.
   */
  private final class Totals {
    private double own;
    private double lcu;
    private int albUsers;
    private final AccountUsage account = new AccountUsage(engine, terms);
    private final int[] targetUsers = new int[TARGETS.length];

    /** Adds ({@code sign} 1) or takes away (-1) choice {@code c} of {@code slot}. */
    void apply(Slot slot, int c, int sign) {
      double[] sums = slot.sums;
      int at = c * Slot.FIELDS;
      own += sign * sums[at + Slot.OWN];
      double lcuOfChoice = sums[at + Slot.LCU];
      if (!Double.isNaN(lcuOfChoice)) {
        lcu += sign * lcuOfChoice;
        albUsers += sign;
      }
      int function = (int) sums[at + Slot.FUNCTION];
      if (function >= 0) {
        account.function(function, sums[at + Slot.FUNCTION_REQUESTS], sums[at + Slot.FUNCTION_GB_SECONDS],
            slot.storage[c], sign);
      }
      int api = (int) sums[at + Slot.API];
      if (api >= 0) {
        account.api(api, sums[at + Slot.API_REQUESTS], sign);
      }
      targetUsers[(int) sums[at + Slot.TARGET]] += sign;
    }

    /** The monthly cost of everything but the clusters. */
    double sharedAndOwnUsd() {
      return own + account.monthlyCostUsd(lcu, albUsers);
    }

    /** The operating effort of every target in use, once per target. */
    double opsUsd() {
      double usd = 0;
      for (int t = 0; t < TARGETS.length; t++) {
        if (targetUsers[t] > 0) {
          usd += opsUsd[t];
        }
      }
      return usd;
    }
  }

  /** A plan under construction or change: the choice per slot and the running totals. */
  final class State {
    final int[] pick;
    private final Totals totals = new Totals();
    /** Per architecture (by ordinal), its shared cluster. */
    private final EcsCluster[] clusters = new EcsCluster[ARCHITECTURES.length];

    State() {
      this(false);
    }

    /** An empty plan; {@code fluid} prices clusters fractionally (see {@link EcsCluster}). */
    State(boolean fluid) {
      pick = new int[slots.size()];
      Arrays.fill(pick, -1);
      for (Architecture architecture : ARCHITECTURES) {
        clusters[architecture.ordinal()] = newCluster(architecture, fluid);
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

    EcsCluster cluster(Architecture architecture) {
      return clusters[architecture.ordinal()];
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
        EcsCluster cluster = cluster(choice.clusterArchitecture());
        if (sign > 0) {
          cluster.add(slot.members[c]);
        } else {
          cluster.remove(slot.members[c]);
        }
      }
    }

    double cost() {
      double usd = totals.sharedAndOwnUsd();
      for (EcsCluster cluster : clusters) {
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
      // At most one member leaves and one joins, each on its architecture's cluster.
      Architecture leaving = from != null && from.onCluster() ? from.clusterArchitecture() : null;
      Architecture joining = to != null && to.onCluster() ? to.clusterArchitecture() : null;
      double[] bound = new double[clusters.length];
      for (int i = 0; i < clusters.length; i++) {
        EcsCluster cluster = clusters[i];
        EcsCluster.Member leave = leaving == cluster.architecture ? slot.members[old] : null;
        EcsCluster.Member join = joining == cluster.architecture ? slot.members[c] : null;
        bound[i] = leave == null && join == null ? cluster.monthlyCostUsd() : cluster.lowerBoundUsdWith(join, leave);
        usd += bound[i];
      }
      for (int i = 0; i < clusters.length; i++) {
        if (usd >= below) {
          return usd;
        }
        EcsCluster cluster = clusters[i];
        EcsCluster.Member leave = leaving == cluster.architecture ? slot.members[old] : null;
        EcsCluster.Member join = joining == cluster.architecture ? slot.members[c] : null;
        if (leave != null || join != null) {
          usd += cluster.monthlyCostUsdWith(join, leave) - bound[i];
        }
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
    for (Target target : TARGETS) {
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
    long[] examined = {seeds.size()};
    // The start plans are priced each on its own state, and the three cheapest descended each on
    // its own: independent work, combined below in a fixed order.
    boolean wide = n >= PARALLEL_PLANS;
    List<Result> starts = new ArrayList<>(inOrder(seeds.size(), wide,
        i -> new Result(seeds.get(i), new State(seeds.get(i), fluid).objective(), "heuristic", 0, 0)));
    starts.sort((a, b) -> compare(a.objective(), a.pick(), b.objective(), b.pick()));
    int descents = Math.min(3, starts.size());
    long[][] counts = new long[descents][1];
    List<Result> descended = inOrder(descents, wide, i -> descend(starts.get(i).pick(), options, counts[i], fluid));
    Result best = null;
    for (int i = 0; i < descents; i++) {
      examined[0] += counts[i][0];
      Result done = descended.get(i);
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
    // Each chain starts from the best plan so far, so they run one after the other.
    int variants = n > LARGE ? 2 : 4;
    for (Architecture architecture : ARCHITECTURES) {
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
      best = cheapestExactly(best.pick(), seeds, starts, wide);
    }
    double gap = Math.max(0, best.objective() - rootBound(options));
    return new Result(best.pick(), best.objective(), "heuristic", examined[0], gap, best.priced());
  }

  /**
   * For a search with fractional clusters: the cheapest, priced exactly, of its answer and the
   * start plans (which include every single-target plan), so the plan is never dearer than any of
   * them; each priced on a state of its own, kept in the result for the report. A start plan's
   * fractional price ({@code starts}) is a lower bound of its exact one: one dearer than the
   * answer even so, by far more than the comparison's tolerance, cannot win and is not priced.
   * The others are priced in parallel, and compared in the order of {@code seeds}.
   */
  private Result cheapestExactly(int[] answerPick, List<int[]> seeds, List<Result> starts, boolean wide) {
    State answerState = new State(answerPick);
    Result best = new Result(answerPick, answerState.objective(), "heuristic", 0, 0, answerState);
    double hopeless = best.objective() + 1e-6 * Math.max(1, Math.abs(best.objective()));
    Map<int[], Double> fractional = new IdentityHashMap<>();
    for (Result start : starts) {
      fractional.put(start.pick(), start.objective());
    }
    List<int[]> contenders = new ArrayList<>();
    for (int[] seed : seeds) {
      double lower = fractional.get(seed);
      if (lower - tolerance(lower) <= hopeless) {
        contenders.add(seed);
      }
    }
    Map<int[], Result> exact = new IdentityHashMap<>();
    for (Result priced : inOrder(contenders.size(), wide, i -> {
      State state = new State(contenders.get(i));
      return new Result(contenders.get(i), state.objective(), "heuristic", 0, 0, state);
    })) {
      exact.put(priced.pick(), priced);
    }
    for (int[] seed : seeds) {
      Result contender = exact.get(seed);
      if (contender != null && compare(contender.objective(), contender.pick(), best.objective(), best.pick()) < 0) {
        best = contender;
      }
    }
    return best;
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
      for (Architecture architecture : ARCHITECTURES) {
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
            heuristic.gapBoundUsd(), heuristic.priced());
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
      for (Architecture architecture : ARCHITECTURES) {
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

  /**
   * The application plan, with the all-Lambda and all-containers comparisons: three searches of
   * their own, run in parallel.
   */
  Plan plan() {
    boolean lambdaToo = everyServiceOnLambda && unplaced.isEmpty();
    boolean containersToo = everyServiceOnContainers && unplaced.isEmpty();
    List<Predicate<PlanChoice>> searches = List.of(choice -> true, choice -> choice.target() == Target.LAMBDA,
        PlanChoice::isContainer);
    List<Optional<Result>> found = inOrder(3, slots.size() >= PARALLEL_PLANS, i -> {
      if ((i == 1 && !lambdaToo) || (i == 2 && !containersToo)) {
        return Optional.<Result>empty();
      }
      Optional<Result> result = search(searches.get(i));
      // The comparisons report a cost: price it now, on the searching thread.
      return i == 0 ? result : result.map(r -> new Result(r.pick(), priced(r).cost(), r.method(), r.examined(),
          r.gapBoundUsd(), null));
    });
    Result result = found.get(0).orElseThrow();
    OptionalDouble allLambda = found.get(1).map(r -> OptionalDouble.of(r.objective())).orElse(OptionalDouble.empty());
    OptionalDouble allContainers = found.get(2).map(r -> OptionalDouble.of(r.objective()))
        .orElse(OptionalDouble.empty());
    return new PlanReport(this, result, priced(result), allLambda, allContainers).build();
  }

  /** A state of the result's plan built from scratch: the search's own when it kept one. */
  private State priced(Result result) {
    return result.priced() != null ? result.priced() : new State(result.pick());
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
}
