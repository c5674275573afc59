package io.fitadvisor.advisor;

import com.google.common.collect.ImmutableMap;
import io.fitadvisor.advisor.ContainerModel.Unit;
import io.fitadvisor.pricing.CostLine;
import io.fitadvisor.pricing.Deployment;
import io.fitadvisor.pricing.LambdaDeployment;
import io.fitadvisor.pricing.PricedDeployment;
import io.fitadvisor.workload.Invocation;
import io.fitadvisor.workload.Service;
import io.fitadvisor.workload.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.PriorityQueue;

/**
 * The {@code hybrid} target: a fixed baseline of {@code k} container tasks (Fargate or ECS on EC2)
 * plus Lambda for the overflow above what they serve, minute by minute.
 *
 * <p>A task serves {@code K} requests at once: the container model's capacity times its target
 * utilization, so the baseline keeps the same headroom as an autoscaled fleet and a request spills
 * over once the tasks are that busy. In minute {@code t}, with concurrency {@code
 * c(t)} and {@code r(t)} requests, the baseline serves {@code min(c, kK)}; the overflow is {@code
 * c - kK} requests in flight on Lambda (times Lambda's slowdown at its memory) and {@code r x (c -
 * kK) / c} requests. Lambda bills the overflow requests at the memory chosen for the {@code lambda}
 * target, and its cold starts: each overflow minute after {@code R} overflow requests in the 5
 * minutes before starts {@code exp(-R) x (1 - exp(-r))} environments, plus one for each environment
 * beyond the warm pool (the largest overflow of those 5 minutes, at least 1) that the overflow
 * needs, as in the Lambda model.
 *
 * <p>{@code k} is searched from 1 to the peak need {@code ceil(peak concurrency / K)} (no overflow
 * at all); {@code k = 0} is the {@code lambda} target itself. The cost is not monotone in {@code
 * k} (whole instances, cold starts, the free tier), so every {@code k} counts: the answer is the
 * cheapest {@code k}, fewer tasks on a tie. A lower bound per {@code k} (the containers plus
 * Lambda's price of slightly fewer overflow requests than there are, without cold starts, from the
 * concurrency's distinct values) orders the search, and a full pass with cold starts is made only
 * while the bound is not above the best cost found, which gives the same answer as pricing every
 * {@code k}. With a latency objective,
 * a {@code k} whose cold starts reach 1 % of all requests must meet it cold (p99 plus INIT p99).
 *
 * <p>Plain load balancers cannot send a request elsewhere when the tasks are busy: synchronous
 * traffic needs a router that spills over (not priced), queued and asynchronous work a queue whose
 * backlog above the baseline goes to Lambda (not priced). The option says which, as a warning.
 */
final class HybridModel {
  private static final double LN_2 = Math.log(2);

  private final ServiceLoad load;
  private final Service service;
  private final AdviceContext context;
  private final FitLimits limits;
  private final FrontDoors frontDoors;
  private final List<Finding> violations = new ArrayList<>();
  private final LambdaModel.Choice lambda;
  private final Best best;

  /** One baseline family: a task with its capacity, and what {@code k} tasks cost a month. */
  private record Baseline(ContainerModel model, Unit unit, double concurrencyPerTask, int tasksPerUnit,
      double unitMonthlyUsd) {

    int units(long tasks) {
      return (int) ((tasks + tasksPerUnit - 1) / tasksPerUnit);
    }

    double monthlyUsd(long tasks) {
      return units(tasks) * unitMonthlyUsd;
    }
  }

  /** The overflow of one {@code k}: requests, cold starts, and the largest overflow concurrency. */
  record Overflow(double requests, double coldStarts, double peakConcurrency) {}

  /** The chosen baseline and {@code k}, priced. */
  private record Best(Baseline baseline, long tasks, Overflow overflow, LambdaDeployment deployment,
      double monthlyCostUsd) {}

  HybridModel(ServiceLoad load, AdviceContext context, FitLimits limits, FrontDoors frontDoors,
      LambdaModel lambdaModel, ContainerModel fargate, ContainerModel ecsEc2) {
    this(load, context, limits, frontDoors, lambdaModel, fargate, ecsEc2, false);
  }

  /**
   * With {@code everyK}, the search prices every {@code k} with a full pass instead of skipping
   * those whose lower bound cannot win (the definition; tests compare the two).
   */
  HybridModel(ServiceLoad load, AdviceContext context, FitLimits limits, FrontDoors frontDoors,
      LambdaModel lambdaModel, ContainerModel fargate, ContainerModel ecsEc2, boolean everyK) {
    this.load = load;
    this.service = load.service;
    this.context = context;
    this.limits = limits;
    this.frontDoors = frontDoors;
    Optional<LambdaModel.Choice> chosen = lambdaModel.chosen();
    if (chosen.isEmpty()) {
      Finding why = lambdaModel.violations().get(0);
      violations.add(new Finding(why.code(), "the overflow cannot run on Lambda: " + why.message()));
    }
    List<Baseline> baselines = new ArrayList<>(2);
    baseline(fargate, context.terms().fargateSavingsPlan()).ifPresent(baselines::add);
    baseline(ecsEc2, context.terms().ec2SavingsPlan()).ifPresent(baselines::add);
    if (baselines.isEmpty()) {
      Finding why = fargate.feasible() || ecsEc2.feasible() ? null
          : fargate.violations().get(0);
      violations.add(new Finding(why == null ? Codes.FARGATE_TASK_SIZE : why.code(),
          "no container can hold the baseline: " + (why == null ? "no task fits" : why.message())));
    }
    this.lambda = chosen.orElse(null);
    this.best = violations.isEmpty() ? search(baselines, OverflowLevels.of(load), everyK) : null;
  }

  /**
   * The family's cheapest task per unit of concurrency (ties to the cheaper unit), with the
   * monthly cost of one unit (a task, or an instance of tasks) as the engine prices it.
   */
  private Optional<Baseline> baseline(ContainerModel model, double savingsPlan) {
    if (!model.feasible() || model.units().isEmpty()) {
      return Optional.empty();
    }
    Unit cheapest = null;
    for (Unit unit : model.units()) {
      if (cheapest == null || unit.hourlyUsd() / unit.capacity() < cheapest.hourlyUsd() / cheapest.capacity()
          || (unit.hourlyUsd() / unit.capacity() == cheapest.hourlyUsd() / cheapest.capacity()
              && unit.hourlyUsd() < cheapest.hourlyUsd())) {
        cheapest = unit;
      }
    }
    double unitMonthly = context.engine().monthlyCostUsd(model.fixedDeployment(cheapest, 1), context.terms());
    // The baseline keeps the containers' headroom: a request spills over once the tasks are at
    // their target utilization, as an autoscaled fleet would start a task then.
    return Optional.of(new Baseline(model, cheapest, cheapest.concurrencyPerTask() * model.utilization(),
        cheapest.tasksPerUnit(), unitMonthly));
  }

  /** The largest {@code k} searched: the tasks the busiest minute needs (at most a million). */
  private static int kMax(ServiceLoad load, double perTask) {
    return (int) Math.min(Capacity.units(load.peakConcurrency, perTask), 1_000_000);
  }

  /**
   * The month's concurrency as ascending distinct values with the requests of their minutes, for
   * the overflow's lower bounds: at capacity {@code C} the minutes of value {@code v} overflow
   * (when {@code excess(v, C) > 0}) by {@code R x (v - C) / v} requests in all, so the overflow is
   * {@code A - C x B} with {@code A} and {@code B} the sums of {@code R} and {@code R / v} over the
   * values that overflow, a suffix.
   */
  record OverflowLevels(float[] value, double[] requestsAbove, double[] perValueAbove) {

    static OverflowLevels of(ServiceLoad load) {
      float[] c = load.concurrency;
      float[] r = load.requests;
      float[] value;
      double[] requests;
      if (load.constant) {
        value = new float[] {c[0]};
        requests = new double[] {(double) c.length * r[0]};
      } else if (load.levels()) {
        value = load.levelValue();
        requests = new double[value.length];
        float[] requestsOf = load.levelRequests();
        if (requestsOf != null) {
          int[] minutesOf = load.levelMinutes();
          for (int level = 0; level < value.length; level++) {
            requests[level] = (double) minutesOf[level] * requestsOf[level];
          }
        } else {
          int[] levelOf = load.levelOf();
          for (int t = 0; t < c.length; t++) {
            // A minute without requests adds nothing (the sums start at +0.0 and never fall), so
            // it is skipped: the idle minutes of long requests (most of a batch's month) would
            // each wait on the addition before to the same level.
            if (r[t] != 0) {
              requests[levelOf[t]] += r[t];
            }
          }
        }
      } else {
        // No levels (a series the level paths refuse): sort the minutes by value.
        long[] keyed = new long[c.length];
        for (int t = 0; t < c.length; t++) {
          keyed[t] = (long) Float.floatToIntBits(Math.max(0, c[t])) << 32 | t;
        }
        Arrays.sort(keyed);
        value = new float[c.length];
        requests = new double[c.length];
        int count = 0;
        for (long key : keyed) {
          float v = Float.intBitsToFloat((int) (key >>> 32));
          if (count == 0 || value[count - 1] != v) {
            value[count++] = v;
          }
          requests[count - 1] += r[(int) key];
        }
        value = Arrays.copyOf(value, count);
        requests = Arrays.copyOf(requests, count);
      }
      int levels = value.length;
      double[] above = new double[levels + 1];
      double[] perValue = new double[levels + 1];
      for (int level = levels - 1; level >= 0; level--) {
        above[level] = above[level + 1] + requests[level];
        perValue[level] = perValue[level + 1] + (value[level] > 0 ? requests[level] / value[level] : 0);
      }
      return new OverflowLevels(value, above, perValue);
    }

    /**
     * At most the overflow requests a pass finds above {@code capacity}: {@code A - C x B} less
     * one part in a billion of {@code A + C x B}, far more than the rounding of either way of
     * summing (each a few parts in 10^12 of the terms at most), and at least 0.
     */
    double requestsAtMost(double capacity) {
      int first = firstOverflowing(value, capacity);
      double a = requestsAbove[first];
      double b = capacity * perValueAbove[first];
      return Math.max(0, a - b - 1e-9 * (a + b));
    }
  }

  /**
   * The cheapest feasible baseline of all families, or null when there is none: on a tie, the
   * family listed first (Fargate), then fewer tasks. Each family's {@code k} from 1 to {@link
   * #kMax} has a lower bound, the containers plus Lambda's price of {@link
   * OverflowLevels#requestsAtMost} overflow requests without cold starts (Lambda's price only
   * grows with both). The {@code (family, k)} of least bound is priced with a full pass, again
   * and again, until the least bound left exceeds the best cost found: every baseline that could
   * cost as little has then been priced, which leaves the answer that pricing every {@code k} of
   * every family gives ({@code everyK}, the definition, for tests).
   *
   * <p>The bounds wait in a priority queue ordered by (bound, family, k). A bound is first entered
   * as the containers' cost alone, which is at most the bound, and Lambda's part is priced only
   * when that entry comes to the top: a {@code k} whose containers alone cost more than the best
   * is never priced at all. An entry at the top with its whole bound is then the least bound of
   * all, in the order of the definition.
   */
  private Best search(List<Baseline> baselines, OverflowLevels levels, boolean everyK) {
    PriorityQueue<Bound> bounds = new PriorityQueue<>(BY_BOUND);
    for (int f = 0; f < baselines.size(); f++) {
      Baseline baseline = baselines.get(f);
      // k = 0 is the lambda target itself behind the containers' front door: a baseline has a
      // task. No load at all leaves nothing to split (kMax 0).
      int kMax = kMax(load, baseline.concurrencyPerTask());
      for (int k = 1; k <= kMax; k++) {
        bounds.add(new Bound(everyK ? 0 : baseline.monthlyUsd(k), everyK, f, k));
      }
    }
    Best found = null;
    int foundFamily = -1;
    while (!bounds.isEmpty()
        && bounds.peek().usd() <= (found == null ? Double.POSITIVE_INFINITY : found.monthlyCostUsd())) {
      Bound top = bounds.poll();
      int family = top.family();
      int k = top.k();
      Baseline baseline = baselines.get(family);
      if (!top.whole()) {
        double lambdaUsd = lambdaUsd(levels.requestsAtMost(k * baseline.concurrencyPerTask()), 0);
        bounds.add(new Bound(baseline.monthlyUsd(k) + lambdaUsd, true, family, k));
        continue;
      }
      Overflow overflow = overflow(load, k * baseline.concurrencyPerTask(), limits.lambdaKeepAliveMinutes(),
          lambda.slowdown());
      if (!meetsLatency(overflow)) {
        continue;
      }
      LambdaDeployment deployment = deployment(overflow.requests(), overflow.coldStarts());
      double usd = baseline.monthlyUsd(k) + context.engine().monthlyCostUsd(deployment, context.terms());
      if (found == null || usd < found.monthlyCostUsd() || usd == found.monthlyCostUsd()
          && (family < foundFamily || family == foundFamily && k < found.tasks())) {
        found = new Best(baseline, k, overflow, deployment, usd);
        foundFamily = family;
      }
    }
    return found;
  }

  /**
   * A lower bound of baseline {@code k} of family {@code family}: whole (the containers and
   * Lambda's part), or not yet (the containers alone, at most the whole bound).
   */
  private record Bound(double usd, boolean whole, int family, int k) {}

  /** The definition's order: the least bound (NaN last), then the first family, then fewer tasks. */
  private static final Comparator<Bound> BY_BOUND = Comparator.comparingDouble(Bound::usd)
      .thenComparingInt(Bound::family).thenComparingInt(Bound::k);

  /** Lambda's cost of {@code requests} overflow requests and {@code coldStarts}, priced alone by the engine. */
  private double lambdaUsd(double requests, double coldStarts) {
    return context.engine().monthlyCostUsd(deployment(requests, coldStarts), context.terms());
  }

  private LambdaDeployment deployment(double requests, double coldStarts) {
    return LambdaDeployment.builder(service.name() + " overflow", lambda.memoryMb(), requests,
            lambda.billedDurationMs())
        .architecture(lambda.variant().architecture())
        .ephemeralStorageMb(lambda.deployment().ephemeralStorageMb())
        .coldStartsPerMonth(coldStarts)
        .initDurationMs(lambda.init().p50Ms())
        .build();
  }

  /**
   * The overflow above a baseline serving {@code capacity} requests at once: one pass over the
   * month in time order (the month repeats, so the first minutes look back into its end), with
   * a warm pool kept {@code keep} minutes and Lambda's {@code slowdown}. With levels, only the
   * overflowing minutes are visited ({@link #overflowOfMinutes}).
   */
  static Overflow overflow(ServiceLoad load, double capacity, int keep, double slowdown) {
    float[] c = load.concurrency;
    float[] r = load.requests;
    int n = c.length;
    if (load.constant) {
      double excess = excess(c[0], capacity);
      if (excess <= 0) {
        return new Overflow(0, 0, 0);
      }
      double requests = r[0] * excess / c[0];
      // Every minute alike: the warm pool never rises; only idle gaps start environments.
      double cold = n * Math.exp(-keep * requests) * -Math.expm1(-requests);
      return new Overflow(n * requests, cold, excess * slowdown);
    }
    if (keep > 0 && keep <= ServiceLoad.BLOCK_MINUTES && load.levels()) {
      return overflowOfMinutes(load, capacity, keep, slowdown);
    }
    double[] ringRequests = new double[keep];
    double[] ringConcurrency = new double[keep];
    // Seed the window with the month's last minutes.
    for (int j = 0; j < keep; j++) {
      int t = n - keep + j;
      double excess = excess(c[t], capacity);
      ringRequests[j] = excess > 0 ? r[t] * excess / c[t] : 0;
      ringConcurrency[j] = excess * slowdown;
    }
    double requests = 0;
    double cold = 0;
    double peak = 0;
    int head = 0; // ring slot of the oldest minute, overwritten by the current one
    for (int t = 0; t < n; t++) {
      double excess = excess(c[t], capacity);
      double minuteRequests = 0;
      double minuteConcurrency = 0;
      if (excess > 0) {
        minuteRequests = r[t] * excess / c[t];
        minuteConcurrency = excess * slowdown;
        double recent = 0;
        double pool = 0;
        for (int j = 0; j < keep; j++) {
          recent += ringRequests[j];
          pool = Math.max(pool, ringConcurrency[j]);
        }
        requests += minuteRequests;
        peak = Math.max(peak, minuteConcurrency);
        if (minuteRequests > 0) {
          cold += Math.exp(-recent) * -Math.expm1(-minuteRequests);
        }
        long now = Capacity.units(minuteConcurrency, 1);
        long warm = Math.max(1, Capacity.units(pool, 1));
        if (now > warm) {
          cold += now - warm;
        }
      }
      ringRequests[head] = minuteRequests;
      ringConcurrency[head] = minuteConcurrency;
      head = head + 1 == keep ? 0 : head + 1;
    }
    return new Overflow(requests, cold, peak);
  }

  /**
   * {@link #overflow} visiting only the overflowing minutes. Overflowing depends on the
   * concurrency alone and grows with it, so blocks of minutes whose highest level stays below the
   * first overflowing level are skipped whole. The ring is the plain pass's: slot {@code t mod
   * keep} holds minute {@code t}'s overflow, 0 for a minute of a visited block that does not
   * overflow, and all slots are cleared after a skipped block (the {@code keep} minutes before
   * lie in it, as {@code keep} is at most a block; the caller checks). The slots are summed in
   * order and the month's last minutes seed them, so every addition is the plain pass's. A
   * minute's overflow requests and concurrency come from tables per level (per minute when a
   * level's minutes differ in requests).
   *
   * <p>A cold-start term {@code exp(-recent) x (1 - exp(-r))} below half a unit in the last place
   * of the running sum leaves the sum's bits as they are (the sum is non-negative and only
   * grows), so its exponentials are skipped once {@code exp(-recent)} is surely below a quarter
   * of that unit; with a sum of 0 the rule is exp's own underflow.
   */
  private static Overflow overflowOfMinutes(ServiceLoad load, double capacity, int keep, double slowdown) {
    float[] c = load.concurrency;
    float[] r = load.requests;
    int n = c.length;
    float[] value = load.levelValue();
    int[] levelOf = load.levelOf();
    float[] requestsOf = load.levelRequests();
    int levels = value.length;
    int first = firstOverflowing(value, capacity);
    // Per level from the first overflowing one: the overflow's requests (when a level's minutes
    // share them), concurrency, and 1 - exp(-requests) once met (NaN until then).
    // Environments are whole: units(max of the ring) is the max of the ring's units (units only
    // grows), so the ring keeps each minute's environments rather than its concurrency.
    double[] requestsByLevel = new double[levels];
    double[] concurrencyByLevel = new double[levels];
    long[] environmentsByLevel = new long[levels];
    double[] firstFactor = new double[levels];
    for (int level = first; level < levels; level++) {
      double excess = excess(value[level], capacity);
      requestsByLevel[level] = requestsOf != null ? requestsOf[level] * excess / value[level] : Double.NaN;
      concurrencyByLevel[level] = excess * slowdown;
      environmentsByLevel[level] = ColdStartInputs.units(concurrencyByLevel[level]);
      firstFactor[level] = Double.NaN;
    }
    // Slot t mod keep holds minute t's overflow, 0 when it did not overflow; the month's last
    // minutes seed it.
    double[] slotRequests = new double[keep];
    long[] slotEnvironments = new long[keep];
    for (int v = -Math.min(keep, n); v < 0; v++) {
      int u = v + n;
      if (levelOf[u] >= first) {
        int slot = v + keep;
        slotRequests[slot] = requestsOf != null ? requestsByLevel[levelOf[u]] : overflowRequests(c, r, u, capacity);
        slotEnvironments[slot] = environmentsByLevel[levelOf[u]];
      }
    }
    int[] blockMax = load.blockMaxLevel();
    int block = ServiceLoad.BLOCK_MINUTES;
    double requests = 0;
    double cold = 0;
    double peak = 0;
    boolean skipped = false;
    for (int b = 0; b < blockMax.length; b++) {
      if (blockMax[b] < first) {
        skipped = true;
        continue;
      }
      if (skipped) {
        // The keep minutes before this block lie in the skipped one (keep <= the block's length):
        // none overflowed.
        Arrays.fill(slotRequests, 0.0);
        Arrays.fill(slotEnvironments, 0);
        skipped = false;
      }
      int end = Math.min(n, (b + 1) * block);
      int slotOfT = (b * block) % keep;
      for (int t = b * block; t < end; t++, slotOfT = slotOfT + 1 == keep ? 0 : slotOfT + 1) {
        int level = levelOf[t];
        if (level < first) {
          slotRequests[slotOfT] = 0;
          slotEnvironments[slotOfT] = 0;
          continue;
        }
        double thisRequests = requestsOf != null ? requestsByLevel[level] : overflowRequests(c, r, t, capacity);
        double thisConcurrency = concurrencyByLevel[level];
        long environments = environmentsByLevel[level];
        // Zeros in the slots change no bit of the non-negative sum: the plain pass adds them too.
        double recent = 0;
        long pool = 0;
        for (int j = 0; j < keep; j++) {
          recent += slotRequests[j];
          pool = Math.max(pool, slotEnvironments[j]);
        }
        slotRequests[slotOfT] = thisRequests;
        slotEnvironments[slotOfT] = environments;
        requests += thisRequests;
        peak = thisConcurrency > peak ? thisConcurrency : peak;
        // exp(-recent) < ulp(cold) / 4 when recent > (54 - exponent(cold)) ln 2; with cold == 0
        // (exponent -1023) that is 746.5, where exp underflows to 0.
        if (thisRequests > 0 && recent <= (54 - Math.getExponent(cold)) * LN_2) {
          double factor = firstFactor[level];
          if (!(factor >= 0)) {
            factor = -Math.expm1(-thisRequests);
            if (requestsOf != null) {
              firstFactor[level] = factor;
            }
          }
          cold += Math.exp(-recent) * factor;
        }
        // Whole environments: Capacity.units(x, 1) without its division (x / 1.0 is x).
        long warm = Math.max(1, pool);
        if (environments > warm) {
          cold += environments - warm;
        }
      }
    }
    return new Overflow(requests, cold, peak);
  }

  /**
   * The first of the ascending {@code values} that overflows {@code capacity} ({@code values.length}
   * when none does), by binary search: overflowing grows with the value.
   */
  private static int firstOverflowing(float[] values, double capacity) {
    int lo = 0;
    int hi = values.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (excess(values[mid], capacity) > 0) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** Minute {@code t}'s overflow requests above {@code capacity}, as the plain pass works them out. */
  private static double overflowRequests(float[] c, float[] r, int t, double capacity) {
    double excess = excess(c[t], capacity);
    return excess > 0 ? r[t] * excess / c[t] : 0;
  }

  /** Concurrency above {@code capacity}, or 0 within a millionth of a task of it (float noise). */
  private static double excess(double concurrency, double capacity) {
    double excess = concurrency - capacity;
    return excess > Capacity.EPSILON * Math.max(1, capacity) ? excess : 0;
  }

  /** With a latency objective, cold starts in the p99 (1 % of requests or more) must meet it. */
  private boolean meetsLatency(Overflow overflow) {
    OptionalDouble objective = service.requirements().maxLatencyMs();
    if (objective.isEmpty() || load.monthlyRequests <= 0
        || overflow.coldStarts() / load.monthlyRequests < LambdaModel.COLD_SHARE_IN_P99) {
      return true;
    }
    return coldLatencyMs() <= objective.getAsDouble();
  }

  private double coldLatencyMs() {
    double p99 = service.duration().p99Ms().orElse(service.duration().meanMs());
    return p99 * lambda.slowdown() + lambda.init().p99Ms();
  }


  /** The baseline's monthly cost (the containers alone), for the plan. */
  double containerMonthlyCostUsd() {
    return best.baseline().monthlyUsd(best.tasks());
  }

  /** The overflow function as the engine prices it, for the plan (which prices it with the account's other functions). */
  LambdaDeployment overflowDeployment() {
    return best.deployment();
  }

  /** The option at the service's own load. */
  TargetOption option() {
    if (best == null) {
      List<Finding> why = violations.isEmpty()
          ? List.of(new Finding(Codes.LATENCY_OBJECTIVE, "no baseline meets the latency objective"))
          : violations;
      return TargetOption.infeasible(Target.HYBRID, why);
    }
    Baseline baseline = best.baseline();
    Unit unit = baseline.unit();
    long k = best.tasks();
    Deployment containers = baseline.model().fixedDeployment(unit, baseline.units(k));
    PricedDeployment containerLines = context.engine().price(containers, context.terms());
    PricedDeployment lambdaLines = context.engine().price(best.deployment(), context.terms());
    List<CostLine> lines = new ArrayList<>(containerLines.lines());
    for (CostLine line : lambdaLines.lines()) {
      lines.add(new CostLine("Lambda overflow: " + line.name(), line.unit(), line.quantity(), line.unitPriceUsd(),
          line.monthlyCostUsd()));
    }
    lines.addAll(frontDoors.lines(false, 1.0));
    double usd = 0;
    for (CostLine line : lines) {
      usd += line.monthlyCostUsd();
    }
    double total = load.monthlyRequests;
    double lambdaShare = total > 0 ? best.overflow().requests() / total : 0;
    ImmutableMap.Builder<String, Object> configuration = ImmutableMap.builder();
    configuration.put("baseline", baseline.model().target().id())
        .put("baselineTasks", k);
    if (unit.instance() != null) {
      configuration.put("instanceType", unit.instance().name())
          .put("tasksPerInstance", unit.tasksPerUnit())
          .put("instances", baseline.units(k))
          .put("taskVcpu", unit.taskVcpu())
          .put("taskMemoryMb", unit.taskMemoryMb());
    } else {
      configuration.put("vcpu", unit.taskSize().vcpu())
          .put("memoryGb", unit.taskSize().memoryGb());
    }
    configuration.put("concurrencyPerTask", unit.concurrencyPerTask())
        .put("baselineConcurrency", k * baseline.concurrencyPerTask())
        .put("containerRequestShare", 1 - lambdaShare)
        .put("lambdaRequestShare", lambdaShare)
        .put("overflowRequestsPerMonth", best.overflow().requests())
        .put("overflowRoute", route())
        .put("lambdaArchitecture", lambda.variant().architecture().id())
        .put("lambdaMemoryMb", lambda.memoryMb())
        .put("packaging", lambda.variant().packaging())
        .put("billedDurationMs", lambda.billedDurationMs())
        .put("coldStartsPerMonth", best.overflow().coldStarts())
        .put("initDurationMs", lambda.init().p50Ms())
        .put("frontDoor", frontDoors.effective(false).id());
    return new TargetOption(Target.HYBRID, Optional.of(unit.architecture().id()), true, OptionalDouble.of(usd),
        configuration.build(), lines, List.of(), warnings());
  }

  private boolean queued() {
    return service.invocation() != Invocation.SYNC;
  }

  private String route() {
    return queued() ? "queue" : "spill-over router";
  }

  private List<Finding> warnings() {
    List<Finding> found = new ArrayList<>();
    long k = best.tasks();
    String tasks = Words.counted(k, 0, "task");
    if (queued()) {
      found.add(new Finding(Codes.OVERFLOW_ROUTING, "the overflow reaches Lambda through a queue: the " + tasks
          + " drain it and the backlog above what they take goes to a Lambda function (for example an SQS "
          + "event source mapping on an overflow queue); the queue is not priced"));
    } else {
      found.add(new Finding(Codes.OVERFLOW_ROUTING, "plain load balancers and API Gateway cannot send a request "
          + "elsewhere when the " + tasks + " are busy: put a router that spills over to the function (for "
          + "example a proxy in front of the tasks that forwards to a function URL) in front; the router is "
          + "not priced"));
    }
    double cold = best.overflow().coldStarts();
    OptionalDouble objective = service.requirements().maxLatencyMs();
    if (objective.isPresent() && cold > 0 && coldLatencyMs() > objective.getAsDouble()) {
      found.add(new Finding(Codes.COLD_START_LATENCY, "about " + Words.count(cold) + " cold starts a month ("
          + Words.percent(cold / load.monthlyRequests) + " of requests) take " + Words.duration(coldLatencyMs())
          + ", above the " + Words.duration(objective.getAsDouble()) + " objective; rare enough to stay out of "
          + "the p99"));
    }
    if (best.overflow().peakConcurrency() > limits.lambdaConcurrencyQuota()) {
      found.add(new Finding(Codes.THROTTLING_RISK, "the overflow reaches about "
          + Words.count(best.overflow().peakConcurrency()) + " concurrent executions, above the default quota of "
          + Words.count(limits.lambdaConcurrencyQuota())));
    }
    return found;
  }
}
