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
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

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
 * k} (whole instances, cold starts, the free tier), so every {@code k} counts. A lower bound per
 * {@code k} (the containers plus Lambda without INIT, exact for every {@code k} from one pass over
 * the month) orders the search, and a full pass with cold starts is made only while the bound is
 * below the best cost found. With a latency objective,
 * a {@code k} whose cold starts reach 1 % of all requests must meet it cold (p99 plus INIT p99).
 *
 * <p>Plain load balancers cannot send a request elsewhere when the tasks are busy: synchronous
 * traffic needs a router that spills over (not priced), queued and asynchronous work a queue whose
 * backlog above the baseline goes to Lambda (not priced). The option says which, as a warning.
 */
final class HybridModel {
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
  private record Overflow(double requests, double coldStarts, double peakConcurrency) {}

  /** The chosen baseline and {@code k}, priced. */
  private record Best(Baseline baseline, long tasks, Overflow overflow, LambdaDeployment deployment,
      double monthlyCostUsd) {}

  HybridModel(ServiceLoad load, AdviceContext context, FitLimits limits, FrontDoors frontDoors,
      LambdaModel lambdaModel, ContainerModel fargate, ContainerModel ecsEc2) {
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
    Best found = null;
    if (violations.isEmpty()) {
      for (Baseline baseline : baselines) {
        Best candidate = search(baseline);
        if (candidate != null && (found == null || candidate.monthlyCostUsd() < found.monthlyCostUsd())) {
          found = candidate;
        }
      }
    }
    this.best = found;
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
    double unitMonthly = context.engine().monthlyCostUsd(List.of(model.fixedDeployment(cheapest, 1)), context.terms());
    // The baseline keeps the containers' headroom: a request spills over once the tasks are at
    // their target utilization, as an autoscaled fleet would start a task then.
    return Optional.of(new Baseline(model, cheapest, cheapest.concurrencyPerTask() * model.utilization(),
        cheapest.tasksPerUnit(), unitMonthly));
  }

  /** The cheapest feasible {@code k} of one baseline family, or null when none is feasible. */
  private Best search(Baseline baseline) {
    double perTask = baseline.concurrencyPerTask();
    long peakNeed = Capacity.units(load.peakConcurrency, perTask);
    int kMax = (int) Math.min(peakNeed, 1_000_000);
    // Overflow requests for every k in one pass: minute t overflows for k < need(t), by
    // r - (r K / c) k; difference arrays collect the constant and the slope per k.
    double[] constant = new double[kMax + 2];
    double[] slope = new double[kMax + 2];
    float[] c = load.concurrency;
    float[] r = load.requests;
    int minutes = load.constant ? 1 : c.length;
    double weight = load.constant ? c.length : 1;
    for (int t = 0; t < minutes; t++) {
      if (c[t] <= 0 || r[t] <= 0) {
        continue;
      }
      int need = (int) Math.min(Capacity.units(c[t], perTask), kMax);
      constant[0] += weight * r[t];
      constant[need] -= weight * r[t];
      double s = weight * r[t] * perTask / c[t];
      slope[0] += s;
      slope[need] -= s;
    }
    double[] lowerBound = new double[kMax + 1];
    double[] overflowRequests = new double[kMax + 1];
    double a = 0;
    double b = 0;
    for (int k = 0; k <= kMax; k++) {
      a += constant[k];
      b += slope[k];
      overflowRequests[k] = Math.max(0, a - b * k);
      lowerBound[k] = baseline.monthlyUsd(k) + lambdaUsd(overflowRequests[k], 0);
    }
    if (kMax < 1) {
      return null; // no load at all: nothing to split
    }
    // k = 0 is the lambda target itself behind the containers' front door: a baseline has a task.
    Integer[] order = new Integer[kMax];
    for (int k = 1; k <= kMax; k++) {
      order[k - 1] = k;
    }
    Arrays.sort(order, (x, y) -> lowerBound[x] != lowerBound[y] ? Double.compare(lowerBound[x], lowerBound[y])
        : Integer.compare(x, y));
    Best found = null;
    for (int k : order) {
      if (found != null && lowerBound[k] >= found.monthlyCostUsd()) {
        break;
      }
      Overflow overflow = overflow(k * perTask);
      if (!meetsLatency(overflow)) {
        continue;
      }
      LambdaDeployment deployment = deployment(overflow.requests(), overflow.coldStarts());
      double usd = baseline.monthlyUsd(k) + context.engine().monthlyCostUsd(List.of(deployment), context.terms());
      if (found == null || usd < found.monthlyCostUsd() || (usd == found.monthlyCostUsd() && k < found.tasks())) {
        found = new Best(baseline, k, overflow, deployment, usd);
      }
    }
    return found;
  }

  /** Lambda's cost of {@code requests} overflow requests and {@code coldStarts}, priced alone by the engine. */
  private double lambdaUsd(double requests, double coldStarts) {
    return context.engine().monthlyCostUsd(List.of(deployment(requests, coldStarts)), context.terms());
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
   * month in time order (the month repeats, so the first minutes look back into its end).
   */
  private Overflow overflow(double capacity) {
    float[] c = load.concurrency;
    float[] r = load.requests;
    int n = c.length;
    int keep = limits.lambdaKeepAliveMinutes();
    double slowdown = lambda.slowdown();
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
