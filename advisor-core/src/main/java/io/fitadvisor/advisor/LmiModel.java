package io.fitadvisor.advisor;

import com.google.common.collect.ImmutableMap;
import io.fitadvisor.pricing.Architecture;
import io.fitadvisor.pricing.BillingMonth;
import io.fitadvisor.pricing.CostLine;
import io.fitadvisor.pricing.Ec2Deployment;
import io.fitadvisor.pricing.Ec2InstanceType;
import io.fitadvisor.pricing.LambdaManagedInstancesRates;
import io.fitadvisor.pricing.PricedDeployment;
import io.fitadvisor.workload.Invocation;
import io.fitadvisor.workload.Service;
import io.fitadvisor.workload.Target;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code lambda-managed-instances} target: Lambda functions on EC2 capacity that Lambda runs.
 *
 * <p>Price: the instances' EC2 on-demand hours (less the EC2 savings plan) plus a management fee
 * of 15 % of their on-demand price plus $0.20 per million requests (the catalog's {@code
 * RegionPrices.lambdaManagedInstances()}).
 *
 * <p>Capacity: an execution environment of {@code v} vCPU (1, 2, 4, 8 or 16) gets {@code v x}
 * the instance family's memory per vCPU (C 2, M 4, R 8 GiB), at least 2 GB and at most 32 GB,
 * and serves {@code K = min(perVcpu x v, floor(memory / memoryMb), v / cpuFraction)} requests at
 * once, where {@code perVcpu} is the runtime's default (Python 16, Node.js 64, Java and .NET 32,
 * others 32). An instance holds {@code floor(instance vCPU / v)} environments. The fleet never
 * drops below 3 instances (one per Availability Zone) and scales per minute as {@code max(3,
 * ceil(x(t) / (capacity x 0.7)))}, {@code x(t)} the concurrency's maximum over the last 15
 * minutes. It absorbs about a doubling of the load in 5 minutes: a minute whose load exceeds
 * twice what the fleet of 5 minutes before serves is throttled. With a latency objective the fleet
 * is sized ahead instead ({@code x(t)} also covers the next 5 minutes); without one, throttled
 * minutes are a {@code THROTTLING_RISK} warning. Environments are started ahead of traffic, so
 * there are no cold starts.
 */
final class LmiModel {
  private static final double MILLISECONDS_PER_SECOND = 1_000;
  private static final int[] ENVIRONMENT_VCPUS = {1, 2, 4, 8, 16};
  private static final Pattern RUNTIME = Pattern.compile("(java|python3\\.|nodejs|dotnet)(\\d+)(\\.x)?");
  private static final Pattern FAMILY = Pattern.compile("[cmr]\\d.*");

  /** An instance type with its environments: the unit of capacity. */
  record Unit(Ec2InstanceType type, Architecture architecture, int environmentVcpu, double environmentMemoryGb,
      double concurrencyPerEnvironment, int environmentsPerInstance, double capacity, double hourlyUsd) {}

  private record Choice(Unit unit, double instanceHours, double monthlyCostUsd) {}

  private final ServiceLoad load;
  private final Service service;
  private final AdviceContext context;
  private final FitLimits limits;
  private final FrontDoors frontDoors;
  private final LambdaManagedInstancesRates rates;
  private final List<Finding> violations = new ArrayList<>();
  private final List<Unit> units = new ArrayList<>();
  private final double p99Ms;
  private final boolean ahead;
  private final ServiceLoad.Window window;
  /** Minutes (and their requests) the reactive fleet cannot absorb; 0 when sized ahead. */
  private int throttledMinutes;
  private double throttledRequests;
  private Choice ownLoadChoice;

  LmiModel(ServiceLoad load, AdviceContext context, FitLimits limits, FrontDoors frontDoors) {
    this.load = load;
    this.service = load.service;
    this.context = context;
    this.limits = limits;
    this.frontDoors = frontDoors;
    this.rates = context.prices().lambdaManagedInstances();
    this.p99Ms = service.duration().p99Ms().orElse(service.duration().meanMs());
    checkService();
    if (violations.isEmpty()) {
      addUnits();
    }
    if (!violations.isEmpty()) {
      this.ahead = false;
      this.window = null;
      return;
    }
    ServiceLoad.Window reactive = load.window(-limits.lmiScaleInMinutes(), 0);
    Choice reactiveChoice = cheapest(reactive, 1.0);
    ServiceLoad.Overrun throttling = throttling(reactive, reactiveChoice.unit());
    if (throttling.minutes() > 0 && service.requirements().maxLatencyMs().isPresent()) {
      this.ahead = true;
      this.window = load.window(-limits.lmiScaleInMinutes(), limits.lmiDoublingMinutes());
    } else {
      this.ahead = false;
      this.window = reactive;
      this.throttledMinutes = throttling.minutes();
      this.throttledRequests = throttling.requests();
      this.ownLoadChoice = reactiveChoice; // what choose(1.0) would compute again
    }
  }

  /** Whether Lambda Managed Instances run {@code runtime}: java21+, python3.13+, nodejs22+, dotnet8+, provided.al2023. */
  static boolean supportsRuntime(String runtime) {
    if (runtime.equals("provided.al2023")) {
      return true;
    }
    Matcher m = RUNTIME.matcher(runtime);
    if (!m.matches()) {
      return false;
    }
    int version = Integer.parseInt(m.group(2));
    switch (m.group(1)) {
      case "java":
        return version >= 21;
      case "python3.":
        return version >= 13;
      case "nodejs":
        return version >= 22 && m.group(3) != null;
      default:
        return version >= 8;
    }
  }

  private int concurrencyPerVcpu() {
    String runtime = service.runtime();
    if (runtime.startsWith("python")) {
      return limits.lmiConcurrencyPerVcpuPython();
    }
    if (runtime.startsWith("nodejs")) {
      return limits.lmiConcurrencyPerVcpuNodejs();
    }
    if (runtime.startsWith("java")) {
      return limits.lmiConcurrencyPerVcpuJava();
    }
    if (runtime.startsWith("dotnet")) {
      return limits.lmiConcurrencyPerVcpuDotnet();
    }
    return limits.lmiConcurrencyPerVcpuOther();
  }

  private void checkService() {
    if (!supportsRuntime(service.runtime())) {
      violations.add(new Finding(Codes.LAMBDA_RUNTIME, "Lambda Managed Instances run java21, python3.13, "
          + "nodejs22.x, dotnet8 and later versions, and provided.al2023; not " + service.runtime()));
    }
    double maxMb = limits.lmiEnvironmentMaxMemoryGb() * 1024;
    if (service.memoryMb() > maxMb) {
      violations.add(new Finding(Codes.LAMBDA_MEMORY, "one request needs " + Words.megabytes(service.memoryMb())
          + "; an execution environment of Lambda Managed Instances has at most "
          + Words.number(limits.lmiEnvironmentMaxMemoryGb(), 0) + " GB"));
    }
    double timeoutMs = limits.lambdaTimeoutSeconds() * MILLISECONDS_PER_SECOND;
    if (service.duration().longestMs() > timeoutMs) {
      violations.add(new Finding(Codes.LAMBDA_TIMEOUT, "the longest request, "
          + Words.duration(service.duration().longestMs()) + ", exceeds Lambda's " + Words.duration(timeoutMs)
          + " limit"));
    }
    if (service.requirements().gpu()) {
      violations.add(new Finding(Codes.GPU_UNAVAILABLE,
          "the service needs a GPU and Lambda Managed Instances run on C, M and R instances only"));
    }
    if (service.requirements().persistentConnections()) {
      violations.add(new Finding(Codes.PERSISTENT_CONNECTIONS, "the process holds persistent connections "
          + "itself; a Lambda function, on managed instances too, is invoked per request"));
    }
    boolean synchronous = service.invocation() == Invocation.SYNC || service.invocation() == Invocation.QUEUE;
    double requestLimitKb = synchronous ? limits.lambdaSyncPayloadMaxKb() : limits.lambdaAsyncPayloadMaxKb();
    if (service.requestKb() > requestLimitKb || (synchronous && service.responseKb() > limits.lambdaSyncPayloadMaxKb())) {
      violations.add(new Finding(Codes.LAMBDA_PAYLOAD, "a payload of " + Words.count(Math.max(service.requestKb(),
          service.responseKb())) + " KB exceeds Lambda's " + Words.count(requestLimitKb) + " KB limit"));
    }
    if (service.ephemeralStorageMb() > limits.lambdaMaxEphemeralStorageMb()) {
      violations.add(new Finding(Codes.LAMBDA_EPHEMERAL_STORAGE, "the service needs "
          + Words.count(service.ephemeralStorageMb()) + " MB of scratch disk; Lambda's /tmp holds at most "
          + Words.count(limits.lambdaMaxEphemeralStorageMb()) + " MB"));
    }
    if (service.requirements().maxLatencyMs().isPresent() && p99Ms > service.requirements().maxLatencyMs().getAsDouble()) {
      violations.add(new Finding(Codes.LATENCY_OBJECTIVE, "the p99 duration, " + Words.duration(p99Ms)
          + ", exceeds the " + Words.duration(service.requirements().maxLatencyMs().getAsDouble())
          + " latency objective"));
    }
  }

  /** Every C, M or R instance type and environment size that holds one request, dominated ones dropped. */
  private void addUnits() {
    double memoryMb = service.memoryMb();
    double cpu = service.duration().cpuFraction();
    int perVcpu = concurrencyPerVcpu();
    double fee = rates.managementFeeFraction();
    double savings = context.terms().ec2SavingsPlan();
    List<Unit> found = new ArrayList<>();
    for (Ec2InstanceType type : context.prices().ec2Instances().values()) {
      if (!FAMILY.matcher(type.name()).matches() || type.gpus() > 0
          || !service.architectures().contains(io.fitadvisor.workload.Architecture.fromId(type.architecture().id()))) {
        continue;
      }
      double gibPerVcpu = type.memoryGib() / type.vcpu();
      if (gibPerVcpu < limits.lmiMemoryGibPerVcpuMin() - 1e-9 || gibPerVcpu > limits.lmiMemoryGibPerVcpuMax() + 1e-9) {
        continue;
      }
      for (int vcpu : ENVIRONMENT_VCPUS) {
        double memoryGb = vcpu * gibPerVcpu;
        if (vcpu > type.vcpu() + 1e-9 || vcpu > limits.lmiEnvironmentMaxVcpu()
            || memoryGb > limits.lmiEnvironmentMaxMemoryGb() + 1e-9
            || memoryGb < limits.lmiEnvironmentMinMemoryGb() - 1e-9) {
          continue;
        }
        double slots = Math.floor(memoryGb * 1024 / memoryMb + 1e-9);
        double concurrency = Math.min(Math.min((double) perVcpu * vcpu, slots), vcpu / cpu);
        if (concurrency < 1) {
          continue;
        }
        int environments = (int) Math.floor(type.vcpu() / vcpu + 1e-9);
        double hourly = type.onDemandHourlyUsd() * (1 - savings + fee);
        found.add(new Unit(type, type.architecture(), vcpu, memoryGb, concurrency, environments,
            environments * concurrency, hourly));
      }
    }
    if (found.isEmpty()) {
      violations.add(new Finding(Codes.EC2_INSTANCE_SIZE, "no C, M or R instance type of the catalog for "
          + String.join(" or ", service.architectures().stream().map(io.fitadvisor.workload.Architecture::id).toList())
          + " in " + context.prices().regionCode() + " gives an execution environment (at most "
          + Words.number(limits.lmiEnvironmentMaxMemoryGb(), 0) + " GB) room for one request of "
          + Words.megabytes(memoryMb)));
      return;
    }
    found.sort(Comparator.comparingDouble(Unit::hourlyUsd).thenComparing(u -> -u.capacity()));
    for (Unit unit : found) {
      boolean dominated = units.stream().anyMatch(o -> o.hourlyUsd() <= unit.hourlyUsd() && o.capacity() >= unit.capacity());
      if (!dominated) {
        units.add(unit);
      }
    }
  }

  /** The cheapest unit over {@code w} at load factor {@code k} (the first on a tie). */
  private Choice cheapest(ServiceLoad.Window w, double k) {
    Choice best = null;
    int floor = limits.lmiMinInstances();
    for (Unit unit : units) {
      double capacity = unit.capacity() * limits.lmiTargetUtilization();
      // A unit that cannot beat the best even at a lower bound of its instance-minutes is skipped.
      double atLeast = w.fewestUnitMinutes(k, capacity, floor);
      if (best != null && atLeast / 60 * unit.hourlyUsd() >= best.monthlyCostUsd()) {
        continue;
      }
      double minutes = w.unitMinutes(k, capacity, floor);
      double usd = minutes / 60 * unit.hourlyUsd();
      if (best == null || usd < best.monthlyCostUsd()) {
        best = new Choice(unit, minutes / 60, usd);
      }
    }
    return best;
  }

  /**
   * The minutes in which the load exceeds twice what the reactive fleet of {@code
   * doublingMinutes} before serves at full use.
   */
  private ServiceLoad.Overrun throttling(ServiceLoad.Window w, Unit unit) {
    if (load.constant) {
      return new ServiceLoad.Overrun(0, 0);
    }
    double perUnit = unit.capacity() * limits.lmiTargetUtilization();
    // Twice what the fleet serves at full use, per level of the window (the same arithmetic as
    // per minute: 2 x fleet x capacity x (1 + EPSILON)); minute t reads the fleet of t - d.
    long[] fleet = w.unitsPerLevel(perUnit, limits.lmiMinInstances());
    double[] absorbed = new double[fleet.length];
    for (int level = 0; level < fleet.length; level++) {
      absorbed[level] = 2 * fleet[level] * unit.capacity() * (1 + Capacity.EPSILON);
    }
    return load.minutesAbove(w, absorbed, limits.lmiDoublingMinutes());
  }

  /** The cheapest monthly cost at load factor {@code k}; infinite when infeasible. */
  double monthlyCostUsd(double k) {
    if (!violations.isEmpty()) {
      return Double.POSITIVE_INFINITY;
    }
    return choose(k).monthlyCostUsd() + requestsUsd(k) + frontDoors.monthlyCostUsd(true, k);
  }

  /**
   * Cheap bounds of {@link #monthlyCostUsd} for the break-even search when the exact cost is dear
   * (a window of many distinct values, as for the containers), else null.
   */
  BreakEvens.Bounds bounds() {
    return violations.isEmpty() && window.distinctValues() > ContainerModel.FEW_DISTINCT_VALUES
        ? new BreakEvens.Bounds(this::lowerBoundUsd, this::upperBoundUsd) : null;
  }

  /**
   * A lower bound of {@link #monthlyCostUsd}{@code (k)} that needs no pass over the windowed
   * series: the least unit's fewest instance-minutes ({@link ServiceLoad.Window#fewestUnitMinutes})
   * at its hourly rate, plus the requests and the front door; lowered by one part in a billion
   * against rounding. Infinite when infeasible.
   */
  double lowerBoundUsd(double k) {
    return boundUsd(k, false) * (1 - 1e-9);
  }

  /**
   * An upper bound of {@link #monthlyCostUsd}{@code (k)} that needs no pass over the windowed
   * series: the cheapest unit costs at most the least unit's most instance-minutes ({@link
   * ServiceLoad.Window#mostUnitMinutes}) at its hourly rate; plus the requests and the front door,
   * raised by one part in a billion against rounding. Infinite when infeasible.
   */
  double upperBoundUsd(double k) {
    return boundUsd(k, true) * (1 + 1e-9);
  }

  private double boundUsd(double k, boolean most) {
    if (!violations.isEmpty()) {
      return Double.POSITIVE_INFINITY;
    }
    int floor = limits.lmiMinInstances();
    double least = Double.POSITIVE_INFINITY;
    for (Unit unit : units) {
      double capacity = unit.capacity() * limits.lmiTargetUtilization();
      double minutes = most ? window.mostUnitMinutes(k, capacity, floor) : window.fewestUnitMinutes(k, capacity, floor);
      least = Math.min(least, minutes / 60 * unit.hourlyUsd());
    }
    return least + requestsUsd(k) + frontDoors.monthlyCostUsd(true, k);
  }

  private Choice choose(double k) {
    if (k == 1.0) {
      if (ownLoadChoice == null) {
        ownLoadChoice = cheapest(window, k);
      }
      return ownLoadChoice;
    }
    return cheapest(window, k);
  }

  private double requestsUsd(double k) {
    return k * load.monthlyRequests / 1_000_000 * rates.requestsPerMillionUsd();
  }

  /** The windowed concurrency the fleet is scaled on; null when infeasible. */
  ServiceLoad.Window window() {
    return window;
  }

  /** The candidate units, by hourly price (empty when infeasible). */
  List<Unit> units() {
    return units;
  }

  /** The compute cost at the service's own load: instances, management fee and requests (no front door). */
  double computeMonthlyCostUsd() {
    return choose(1.0).monthlyCostUsd() + requestsUsd(1.0);
  }


  /** The option at the service's own load. */
  TargetOption option() {
    if (!violations.isEmpty()) {
      return TargetOption.infeasible(Target.LAMBDA_MANAGED_INSTANCES, violations);
    }
    Choice best = choose(1.0);
    Unit unit = best.unit();
    double average = best.instanceHours() / BillingMonth.HOURS_PER_MONTH;
    PricedDeployment instances = context.engine().price(new Ec2Deployment(service.name(), unit.type().name(),
        average, BillingMonth.HOURS_PER_MONTH, false), context.terms());
    double onDemandUsd = best.instanceHours() * unit.type().onDemandHourlyUsd();
    List<CostLine> lines = new ArrayList<>(instances.lines());
    double fee = rates.managementFeeFraction();
    lines.add(new CostLine("Management fee (" + Words.percent(fee) + " of on-demand)", "USD", onDemandUsd, fee,
        onDemandUsd * fee));
    double millions = load.monthlyRequests / 1_000_000;
    lines.add(new CostLine("Requests (managed instances)", "1M requests", millions, rates.requestsPerMillionUsd(),
        millions * rates.requestsPerMillionUsd()));
    lines.addAll(frontDoors.lines(true, 1.0));
    double usd = 0;
    for (CostLine line : lines) {
      usd += line.monthlyCostUsd();
    }
    double perUnit = unit.capacity() * limits.lmiTargetUtilization();
    ImmutableMap<String, Object> configuration = ImmutableMap.<String, Object>builder()
        .put("instanceType", unit.type().name())
        .put("memoryGiBPerVcpu", unit.environmentMemoryGb() / unit.environmentVcpu())
        .put("environmentVcpu", unit.environmentVcpu())
        .put("environmentMemoryGb", unit.environmentMemoryGb())
        .put("concurrencyPerEnvironment", unit.concurrencyPerEnvironment())
        .put("environmentsPerInstance", unit.environmentsPerInstance())
        .put("minInstances", limits.lmiMinInstances())
        .put("targetUtilization", limits.lmiTargetUtilization())
        .put("averageInstances", average)
        .put("peakInstances", window.peakUnits(1.0, perUnit, limits.lmiMinInstances()))
        .put("instanceHours", best.instanceHours())
        .put("scaling", ahead ? "ahead of rises" : "reactive")
        .put("frontDoor", frontDoors.effective(true).id())
        .build();
    return new TargetOption(Target.LAMBDA_MANAGED_INSTANCES, Optional.of(unit.architecture().id()), true,
        OptionalDouble.of(usd), configuration, lines, List.of(), warnings());
  }

  private List<Finding> warnings() {
    if (throttledMinutes == 0) {
      return List.of();
    }
    String what = service.invocation() == Invocation.SYNC ? "requests fail" : "requests are retried later";
    return List.of(new Finding(Codes.THROTTLING_RISK, "in " + Words.count(throttledMinutes) + " minutes a month ("
        + Words.percent(throttledRequests / load.monthlyRequests) + " of requests) the load more than doubles within "
        + limits.lmiDoublingMinutes() + " minutes, faster than Lambda Managed Instances add capacity, so "
        + what + "; set requirements.maxLatencyMs to size the fleet ahead, or raise its minimum"));
  }
}
