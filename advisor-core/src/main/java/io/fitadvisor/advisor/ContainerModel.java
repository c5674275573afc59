package io.fitadvisor.advisor;

import com.google.common.collect.ImmutableMap;
import io.fitadvisor.pricing.Architecture;
import io.fitadvisor.pricing.BillingMonth;
import io.fitadvisor.pricing.CostLine;
import io.fitadvisor.pricing.Deployment;
import io.fitadvisor.pricing.Ec2Deployment;
import io.fitadvisor.pricing.Ec2InstanceType;
import io.fitadvisor.pricing.FargateDeployment;
import io.fitadvisor.pricing.FargateRates;
import io.fitadvisor.pricing.FargateTaskSize;
import io.fitadvisor.pricing.FargateTaskSizes;
import io.fitadvisor.pricing.OperatingSystem;
import io.fitadvisor.pricing.PricedDeployment;
import io.fitadvisor.workload.ContainerSpec;
import io.fitadvisor.workload.Invocation;
import io.fitadvisor.workload.Service;
import io.fitadvisor.workload.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The container targets {@code fargate}, {@code fargate-spot} and {@code ecs-ec2}: fit checks,
 * task or instance sizing, scaling over the per-minute load, and cost.
 *
 * <p>Capacity model. A unit (a Fargate task, or an EC2 instance packed with tasks) serves {@code
 * capacity} requests at once at the service's nominal duration. Per minute the units running are
 * {@code max(floor, ceil(x(t) / (capacity x targetUtilization)))}, where {@code x(t)} is the
 * concurrency's maximum over a window that models the autoscaler:
 *
 * <ul>
 *   <li>reactive (no latency objective): {@code [t - max(15, lag), t - lag]}: capacity for a rise
 *       arrives {@code lag} minutes late (3 alarm minutes plus the start-up time), and is removed
 *       15 minutes after the load falls. Load above the running capacity is a SCALE_OUT_LAG
 *       warning;
 *   <li>ahead (a latency objective is set): {@code [t - 15, t + lag]}: capacity is in place before
 *       the load that needs it;
 *   <li>scheduled (schedule invocation): {@code [t, t]}: each run starts its tasks on time.
 * </ul>
 *
 * Unit-hours are the per-minute units summed over the month, divided by 60.
 */
final class ContainerModel {
  private enum Mode {
    REACTIVE("reactive"), AHEAD("ahead of the scale-out lag"), SCHEDULED("scheduled runs");

    final String label;

    Mode(String label) {
      this.label = label;
    }
  }

  /**
   * A candidate unit: a Fargate task size or an EC2 instance type with its packed tasks.
   * {@code capacity} is the concurrency one unit serves at full use, {@code hourlyUsd} its
   * on-demand (or Spot) price per hour before savings plans.
   */
  record Unit(Architecture architecture, FargateTaskSize taskSize, Ec2InstanceType instance,
      double capacity, int floor, double hourlyUsd, int tasksPerUnit, double taskVcpu,
      double taskMemoryMb, double concurrencyPerTask) {}

  /** An EC2 instance type that holds at least one task of the service, and how many. */
  record InstanceFit(Ec2InstanceType type, int tasksPerInstance) {}

  /**
   * What packing this service's tasks on a shared ECS cluster needs: the task's shape, the tasks
   * running in each minute ({@code max(minTasks, ceil(x(t) / (concurrencyPerTask x
   * targetUtilization)))} with the ECS-on-EC2 scaling window), kept as runs of equal counts (run
   * {@code j} covers minutes {@code [runStart[j], runStart[j + 1])}; the last entry of {@code
   * runStart} is the month's length), and every instance type that holds a task.
   */
  record ClusterTasks(Architecture architecture, double taskVcpu, double taskMemoryMb, int[] runStart,
      int[] runTasks, List<InstanceFit> fits) {

    /**
     * Runs of a per-minute series of task counts, {@code tasksOf[levelAt[t]]} in minute {@code t},
     * found in one pass into month-long scratch arrays from {@code arrays}, then copied out at
     * their length (the plan keeps them). The pass branches on each change of count when the
     * month's first minutes change at most once in four (a well-guessed branch and no stores
     * between changes: about half the time of the other way on the sample portfolio, and still
     * faster with a change every ten minutes); for counts that change more often, every minute
     * stores its run's count and end without a branch.
     */
    static ClusterTasks ofLevels(Architecture architecture, double taskVcpu, double taskMemoryMb,
        int[] levelAt, int[] tasksOf, List<InstanceFit> fits, MinuteArrays arrays) {
      int n = levelAt.length;
      int[] start = arrays.ints(n + 1);
      int[] tasks = arrays.ints(n);
      int run = 0;
      int previous = tasksOf[levelAt[0]];
      start[0] = 0;
      tasks[0] = previous;
      if (fewChanges(levelAt, tasksOf)) {
        for (int t = 1; t < n; t++) {
          int now = tasksOf[levelAt[t]];
          if (now != previous) {
            start[++run] = t;
            tasks[run] = now;
            previous = now;
          }
        }
        start[run + 1] = n;
      } else {
        // Each minute writes its run's count and, as the run's end so far, the next run's start.
        start[1] = 1;
        for (int t = 1; t < n; t++) {
          int now = tasksOf[levelAt[t]];
          run += now != previous ? 1 : 0;
          start[run + 1] = t + 1;
          tasks[run] = now;
          previous = now;
        }
      }
      return new ClusterTasks(architecture, taskVcpu, taskMemoryMb, Arrays.copyOf(start, run + 2),
          Arrays.copyOf(tasks, run + 1), fits);
    }

    /** Whether the task count changes at most once in four minutes, judged on the first days. */
    private static boolean fewChanges(int[] levelAt, int[] tasksOf) {
      int sample = Math.min(levelAt.length, 2_048);
      int changes = 0;
      for (int t = 1; t < sample; t++) {
        changes += tasksOf[levelAt[t]] != tasksOf[levelAt[t - 1]] ? 1 : 0;
      }
      return changes * 4 <= sample;
    }

    /** Runs of a per-minute series of task counts (0 or more each). */
    static ClusterTasks ofMinutes(Architecture architecture, double taskVcpu, double taskMemoryMb,
        int[] tasksPerMinute, List<InstanceFit> fits) {
      int most = 0;
      for (int tasks : tasksPerMinute) {
        most = Math.max(most, tasks);
      }
      int[] itself = new int[most + 1];
      for (int tasks = 0; tasks <= most; tasks++) {
        itself[tasks] = tasks;
      }
      return ofLevels(architecture, taskVcpu, taskMemoryMb, tasksPerMinute, itself, fits, MinuteArrays.fresh());
    }

    /** Minutes in the month. */
    int minutes() {
      return runStart[runStart.length - 1];
    }

    /** Whether the count never changes. */
    boolean constant() {
      return runTasks.length == 1;
    }
  }

  /** The cheapest unit at one load factor, priced. */
  private record Choice(Unit unit, double unitHours, PricedDeployment compute, double monthlyCostUsd) {}

  private static final Pattern BURSTABLE = Pattern.compile("t\\d.*");

  /** Up to this many distinct windowed values, a cost at another load is as cheap as its bounds. */
  static final int FEW_DISTINCT_VALUES = 64;

  private final Target target;
  private final ServiceLoad load;
  /** The shared cluster's task runs, once worked out for one architecture. */
  private ClusterTasks clusterRuns;
  private final Service service;
  private final AdviceContext context;
  private final FitLimits limits;
  private final FrontDoors frontDoors;
  private final List<Finding> violations = new ArrayList<>();
  private final List<Unit> units = new ArrayList<>();
  private final ContainerSpec spec;
  private final int minTasks;
  private final Mode mode;
  private final int lagMinutes;
  private final double startupSeconds;
  private final ServiceLoad.Window window;
  /** Every instance type that holds one task (ecs-ec2 only), before dropping dominated ones. */
  private final List<InstanceFit> instanceFits = new ArrayList<>();
  private Choice ownLoadChoice;

  ContainerModel(Target target, ServiceLoad load, AdviceContext context, FitLimits limits,
      FrontDoors frontDoors) {
    this.target = target;
    this.load = load;
    this.service = load.service;
    this.context = context;
    this.limits = limits;
    this.frontDoors = frontDoors;
    this.spec = service.container().orElse(ContainerSpec.DEFAULT);
    // Scheduled batch work without a pinned container runs its tasks per run and none between.
    boolean batch = service.invocation() == Invocation.SCHEDULE;
    this.minTasks = service.container().isPresent() || !batch ? spec.minTasks() : 0;
    this.startupSeconds = spec.startupSeconds().orElse(limits.fargateTaskStartupSeconds())
        + (target == Target.ECS_EC2 ? limits.ec2CapacitySeconds() : 0);
    this.lagMinutes = limits.scaleOutAlarmMinutes() + (int) Math.ceil(startupSeconds / 60 - 1e-9);
    if (batch) {
      mode = Mode.SCHEDULED;
    } else if (service.requirements().maxLatencyMs().isPresent()) {
      mode = Mode.AHEAD;
    } else {
      mode = Mode.REACTIVE;
    }
    checkService();
    if (violations.isEmpty()) {
      if (target == Target.ECS_EC2) {
        addInstances();
      } else {
        addTaskSizes();
      }
    }
    this.window = violations.isEmpty() ? scalingWindow() : null;
  }

  /** The concurrency's maximum over the autoscaler's window of this mode (see the class comment). */
  private ServiceLoad.Window scalingWindow() {
    int scaleIn = limits.scaleInMinutes();
    switch (mode) {
      case SCHEDULED:
        return load.window(0, 0);
      case AHEAD:
        return load.window(-scaleIn, lagMinutes);
      default:
        return load.window(-Math.max(scaleIn, lagMinutes), -lagMinutes);
    }
  }

  private void checkService() {
    boolean fargate = target != Target.ECS_EC2;
    if (fargate && service.requirements().gpu()) {
      violations.add(new Finding(Codes.GPU_UNAVAILABLE, "the service needs a GPU and Fargate offers none"));
    }
    if (target == Target.FARGATE_SPOT && !service.requirements().interruptible()) {
      violations.add(new Finding(Codes.NOT_INTERRUPTIBLE, "Spot capacity can be reclaimed with a "
          + "2-minute notice and the service is not marked interruptible"));
    }
    if (target == Target.FARGATE_SPOT
        && !service.architectures().contains(io.fitadvisor.workload.Architecture.X86_64)) {
      violations.add(new Finding(Codes.ARCHITECTURE_UNAVAILABLE,
          "Fargate Spot runs x86_64 tasks only and the service is built for arm64 only"));
    }
    double maxEphemeralMb = limits.fargateMaxEphemeralStorageGb() * 1024;
    if (fargate && service.ephemeralStorageMb() > maxEphemeralMb) {
      violations.add(new Finding(Codes.FARGATE_EPHEMERAL_STORAGE, "the service needs "
          + Words.megabytes(service.ephemeralStorageMb()) + " of scratch disk; a Fargate task has at most "
          + Words.number(limits.fargateMaxEphemeralStorageGb(), 0) + " GB"));
    }
  }

  /** Fargate task sizes that fit the service and any pinned values, cheapest first, dominated ones dropped. */
  private void addTaskSizes() {
    boolean spot = target == Target.FARGATE_SPOT;
    OptionalDouble pinnedVcpu = spec.vcpu();
    OptionalInt pinnedMemoryMb = spec.memoryMb();
    OptionalInt pinnedConcurrency = spec.concurrency();
    double memoryMb = service.memoryMb();
    double cpu = service.duration().cpuFraction();
    double ephemeralGb = ephemeralStorageGb();
    boolean anySize = false;
    boolean latencyExcluded = false;
    List<Unit> found = new ArrayList<>();
    for (io.fitadvisor.workload.Architecture a : service.architectures()) {
      Architecture architecture = Architecture.fromId(a.id());
      Optional<FargateRates> rates = spot
          ? context.prices().fargateSpot(OperatingSystem.LINUX, architecture)
          : Optional.of(context.prices().fargate(OperatingSystem.LINUX, architecture));
      if (rates.isEmpty()) {
        continue;
      }
      for (FargateTaskSize size : FargateTaskSizes.all(OperatingSystem.LINUX)) {
        double taskMemoryMb = size.memoryGb() * 1024;
        if ((pinnedVcpu.isPresent() && pinnedVcpu.getAsDouble() != size.vcpu())
            || (pinnedMemoryMb.isPresent() && pinnedMemoryMb.getAsInt() != taskMemoryMb)) {
          continue;
        }
        double slots = Math.floor(taskMemoryMb / memoryMb + 1e-9);
        double capacity;
        if (pinnedConcurrency.isPresent()) {
          capacity = pinnedConcurrency.getAsInt();
          boolean memoryFits = pinnedMemoryMb.isPresent() || taskMemoryMb >= memoryMb * capacity;
          boolean cpuFits = pinnedVcpu.isPresent() || size.vcpu() >= capacity * cpu - 1e-9;
          if (!memoryFits || !cpuFits) {
            continue;
          }
        } else {
          if (slots < 1) {
            continue;
          }
          capacity = Math.min(slots, size.vcpu() / cpu);
        }
        anySize = true;
        if (!meetsLatency(size.vcpu())) {
          latencyExcluded = true;
          continue;
        }
        double hourly = size.vcpu() * rates.get().vcpuHourUsd() + size.memoryGb() * rates.get().gbHourUsd()
            + (ephemeralGb - limits.fargateIncludedEphemeralStorageGb()) * context.prices().fargateEphemeralStoragePerGbHourUsd();
        found.add(new Unit(architecture, size, null, capacity, minTasks, hourly, 1, size.vcpu(),
            taskMemoryMb, capacity));
      }
    }
    if (found.isEmpty()) {
      if (anySize && latencyExcluded) {
        violations.add(latencyViolation("Fargate task"));
      } else {
        violations.add(new Finding(Codes.FARGATE_TASK_SIZE, noTaskSizeMessage()));
      }
      return;
    }
    units.addAll(frontier(found));
  }

  private String noTaskSizeMessage() {
    StringBuilder need = new StringBuilder("no Fargate task size fits ");
    if (spec.vcpu().isPresent() || spec.memoryMb().isPresent()) {
      need.append("the pinned ");
      if (spec.vcpu().isPresent()) {
        need.append(Words.number(spec.vcpu().getAsDouble(), 2)).append(" vCPU");
      }
      if (spec.memoryMb().isPresent()) {
        need.append(spec.vcpu().isPresent() ? " with " : "").append(Words.count(spec.memoryMb().getAsInt())).append(" MB");
      }
      need.append(" (Fargate offers 0.25 to 16 vCPU with 0.5 to 120 GB in fixed steps)");
    } else if (spec.concurrency().isPresent()) {
      int concurrency = spec.concurrency().getAsInt();
      need.append(Words.count(concurrency)).append(" requests at once: that needs ")
          .append(Words.megabytes((double) service.memoryMb() * concurrency)).append(" and ")
          .append(Words.number(concurrency * service.duration().cpuFraction(), 2))
          .append(" vCPU; the largest task has 120 GB and 16 vCPU");
    } else {
      need.append("one request's ").append(Words.megabytes(service.memoryMb()))
          .append("; the largest task has 120 GB");
    }
    return need.toString();
  }

  /** EC2 instance types that can hold at least one task, by price. */
  private void addInstances() {
    double cpu = service.duration().cpuFraction();
    double memoryMb = service.memoryMb();
    OptionalInt pinnedConcurrency = spec.concurrency();
    OptionalDouble pinnedVcpu = spec.vcpu();
    OptionalInt pinnedMemoryMb = spec.memoryMb();
    // The task's shape: pinned values, else derived from the per-request needs (docs/ADVISOR.md).
    double concurrency;
    double taskVcpu;
    double taskMemoryMb;
    if (pinnedConcurrency.isPresent()) {
      concurrency = pinnedConcurrency.getAsInt();
      taskVcpu = pinnedVcpu.orElse(concurrency * cpu);
      taskMemoryMb = pinnedMemoryMb.isPresent() ? pinnedMemoryMb.getAsInt() : memoryMb * concurrency;
    } else if (pinnedVcpu.isPresent() && pinnedMemoryMb.isPresent()) {
      taskVcpu = pinnedVcpu.getAsDouble();
      taskMemoryMb = pinnedMemoryMb.getAsInt();
      concurrency = Math.min(Math.floor(taskMemoryMb / memoryMb + 1e-9), taskVcpu / cpu);
    } else if (pinnedMemoryMb.isPresent()) {
      taskMemoryMb = pinnedMemoryMb.getAsInt();
      concurrency = Math.floor(taskMemoryMb / memoryMb + 1e-9);
      taskVcpu = concurrency * cpu;
    } else if (pinnedVcpu.isPresent()) {
      taskVcpu = pinnedVcpu.getAsDouble();
      concurrency = taskVcpu / cpu;
      taskMemoryMb = memoryMb * Math.ceil(concurrency - 1e-9);
    } else {
      concurrency = 1;
      taskVcpu = cpu;
      taskMemoryMb = memoryMb;
    }
    boolean gpu = service.requirements().gpu();
    boolean anyGpuType = false;
    boolean latencyExcluded = false;
    List<Unit> found = new ArrayList<>();
    for (Ec2InstanceType type : context.prices().ec2Instances().values()) {
      if (!service.architectures().contains(io.fitadvisor.workload.Architecture.fromId(type.architecture().id()))
          || isBurstable(type) || gpu != (type.gpus() > 0)) {
        continue;
      }
      anyGpuType |= type.gpus() > 0;
      double usableMb = type.memoryGib() * 1024 - limits.ecsReservedMemoryMib();
      long perInstance = Math.min((long) Math.floor(type.vcpu() / taskVcpu + 1e-9),
          (long) Math.floor(usableMb / taskMemoryMb + 1e-9));
      if (gpu) {
        perInstance = Math.min(perInstance, type.gpus());
      }
      if (perInstance < 1 || concurrency <= 0) {
        continue;
      }
      // ECS on EC2 shares CPU softly: a request can use a whole idle vCPU, so no slowdown.
      if (!meetsLatency(1)) {
        latencyExcluded = true;
        continue;
      }
      int floor = (int) Math.ceil((double) minTasks / perInstance);
      instanceFits.add(new InstanceFit(type, (int) perInstance));
      found.add(new Unit(Architecture.fromId(type.architecture().id()), null, type,
          perInstance * concurrency, floor, type.onDemandHourlyUsd(), (int) perInstance, taskVcpu,
          taskMemoryMb, concurrency));
    }
    if (found.isEmpty()) {
      if (gpu && !anyGpuType) {
        violations.add(new Finding(Codes.GPU_UNAVAILABLE, "the service needs a GPU and the catalog "
            + "has no GPU instance type for " + architectures() + " in " + context.prices().regionCode()));
      } else if (latencyExcluded) {
        violations.add(latencyViolation("EC2 task"));
      } else {
        violations.add(new Finding(Codes.EC2_INSTANCE_SIZE, "no instance type in the catalog has room "
            + "for one task of " + Words.number(taskVcpu, 2) + " vCPU and " + Words.megabytes(taskMemoryMb)
            + (gpu ? " with a GPU" : "") + " (" + Words.count(limits.ecsReservedMemoryMib())
            + " MiB of each instance is kept for the ECS agent and the OS)"));
      }
      return;
    }
    units.addAll(frontier(found));
  }

  /** Burstable types (t2, t3, t4g, ...) earn CPU credits below a baseline; sustained load makes them costly. */
  private static boolean isBurstable(Ec2InstanceType type) {
    return BURSTABLE.matcher(type.name()).matches();
  }

  private String architectures() {
    return String.join(" or ", service.architectures().stream().map(io.fitadvisor.workload.Architecture::id).toList());
  }

  /** Whether the p99 duration, slowed on a unit with less than one vCPU, meets the objective. */
  private boolean meetsLatency(double vcpu) {
    OptionalDouble objective = service.requirements().maxLatencyMs();
    if (objective.isEmpty()) {
      return true;
    }
    return p99Ms() * Durations.slowdown(service.duration().cpuFraction(), vcpu) <= objective.getAsDouble();
  }

  private double p99Ms() {
    return service.duration().p99Ms().orElse(service.duration().meanMs());
  }

  private Finding latencyViolation(String what) {
    return new Finding(Codes.LATENCY_OBJECTIVE, "the p99 duration, " + Words.duration(p99Ms())
        + ", exceeds the " + Words.duration(service.requirements().maxLatencyMs().getAsDouble())
        + " latency objective on every " + what + " that fits");
  }

  /** Drops units that another beats on price, capacity and floor at once; the rest cheapest first. */
  private static List<Unit> frontier(List<Unit> found) {
    List<Unit> sorted = new ArrayList<>(found);
    sorted.sort(Comparator.comparingDouble(Unit::hourlyUsd).thenComparing(u -> -u.capacity()));
    List<Unit> kept = new ArrayList<>();
    for (Unit unit : sorted) {
      boolean dominated = false;
      for (Unit other : kept) {
        if (other.hourlyUsd() <= unit.hourlyUsd() && other.capacity() >= unit.capacity()
            && other.floor() <= unit.floor()) {
          dominated = true;
          break;
        }
      }
      if (!dominated) {
        kept.add(unit);
      }
    }
    return kept;
  }

  /** The autoscaler's target; scheduled runs start exactly the tasks they need, so they fill them. */
  double utilization() {
    return mode == Mode.SCHEDULED ? 1.0 : spec.targetUtilization();
  }

  private double ephemeralStorageGb() {
    return Math.max(limits.fargateIncludedEphemeralStorageGb(), Math.ceil(service.ephemeralStorageMb() / 1024.0 - 1e-9));
  }

  /** The cheapest monthly cost at load factor {@code k}; infinite when infeasible. */
  double monthlyCostUsd(double k) {
    if (!violations.isEmpty()) {
      return Double.POSITIVE_INFINITY;
    }
    if (k == 1.0) {
      return choose(k).monthlyCostUsd();
    }
    // Another load (the break-even search): the same choice and arithmetic, priced without
    // building cost lines.
    Pick pick = pick(k);
    Unit unit = units.get(pick.unit());
    Deployment compute = deployment(unit, pick.unitMinutes() / 60);
    return context.engine().monthlyCostUsd(compute, context.terms()) + frontDoors.monthlyCostUsd(false, k);
  }

  /**
   * Bounds of {@link #monthlyCostUsd} for the break-even search, or null when the windowed series
   * has so few distinct values that the exact cost is about as cheap (a steady load has one).
   */
  BreakEvens.Bounds bounds() {
    return violations.isEmpty() && window.distinctValues() > FEW_DISTINCT_VALUES
        ? new BreakEvens.Bounds(this::lowerBoundUsd, this::upperBoundUsd) : null;
  }

  /**
   * A lower bound of {@link #monthlyCostUsd}{@code (k)} that needs no pass over the windowed
   * series, for the break-even search. A unit's unit-minutes are at least {@code max(floor x
   * minutes, k x sum / capacity - EPSILON x minutes)} (each minute's {@code ceil(k x / capacity -
   * EPSILON)} is at least {@code k x / capacity - EPSILON}); the engine's price only grows with
   * the unit-hours, so the chosen unit costs at least the least of the units' prices of that.
   * With the front door, lowered by one part in a billion against rounding; infinite when
   * infeasible.
   */
  double lowerBoundUsd(double k) {
    if (!violations.isEmpty()) {
      return Double.POSITIVE_INFINITY;
    }
    double least = Double.POSITIVE_INFINITY;
    for (Unit unit : units) {
      least = Math.min(least, context.engine().monthlyCostUsd(deployment(unit, fewestUnitMinutes(unit, k) / 60), context.terms()));
    }
    return (least + frontDoors.monthlyCostUsd(false, k)) * (1 - 1e-9);
  }

  /**
   * An upper bound of {@link #monthlyCostUsd}{@code (k)} that needs no pass over the windowed
   * series, for the break-even search. A unit's unit-minutes are at most {@code (floor + 1) x
   * minutes + k x sum / capacity} (each minute's count is below {@code floor + k x / capacity +
   * 1}). The choice takes the unit of least {@code unit-minutes x hourly price}, so that is at
   * most {@code U}, the least of those bounds priced, and the chosen unit is one whose lower
   * bound priced is at most {@code U}, with at most {@code U / hourly price} unit-minutes: the
   * largest engine price of such a unit and unit-minutes bounds its cost. With the front door,
   * raised by one part in a billion against rounding; infinite when infeasible.
   */
  double upperBoundUsd(double k) {
    if (!violations.isEmpty()) {
      return Double.POSITIVE_INFINITY;
    }
    double least = Double.POSITIVE_INFINITY;
    for (Unit unit : units) {
      least = Math.min(least, mostUnitMinutes(unit, k) / 60 * unit.hourlyUsd());
    }
    least *= 1 + 1e-9;
    double dearest = 0;
    for (Unit unit : units) {
      if (fewestUnitMinutes(unit, k) / 60 * unit.hourlyUsd() <= least) {
        double unitMinutes = Math.min(mostUnitMinutes(unit, k), least / unit.hourlyUsd() * 60);
        dearest = Math.max(dearest, context.engine().monthlyCostUsd(deployment(unit, unitMinutes / 60), context.terms()));
      }
    }
    return (dearest + frontDoors.monthlyCostUsd(false, k)) * (1 + 1e-9);
  }

  /** At most the unit-minutes of {@code unit} at load factor {@code k} (see {@link #lowerBoundUsd}). */
  private double fewestUnitMinutes(Unit unit, double k) {
    return window.fewestUnitMinutes(k, unit.capacity() * utilization(), unit.floor());
  }

  /** At least the unit-minutes of {@code unit} at load factor {@code k} (see {@link #upperBoundUsd}). */
  private double mostUnitMinutes(Unit unit, double k) {
    return window.mostUnitMinutes(k, unit.capacity() * utilization(), unit.floor());
  }

  /**
   * The cheapest unit at load factor {@code k} (the first in frontier order on a tie). A unit's
   * unit-minutes are at least {@link #fewestUnitMinutes}; units are tried from the lowest such
   * bound and the rest skipped once the bound exceeds the best cost, which saves most passes over
   * the month at high load and leaves the answer trying every unit gives.
   */
  private Choice choose(double k) {
    if (k == 1.0) {
      if (ownLoadChoice == null) {
        ownLoadChoice = chooseAt(k);
      }
      return ownLoadChoice;
    }
    return chooseAt(k);
  }

  private Choice chooseAt(double k) {
    Pick pick = pick(k);
    Unit unit = units.get(pick.unit());
    double unitHours = pick.unitMinutes() / 60;
    PricedDeployment compute = context.engine().price(deployment(unit, unitHours), context.terms());
    return new Choice(unit, unitHours, compute, compute.monthlyCostUsd() + frontDoors.monthlyCostUsd(false, k));
  }

  /** The index of the cheapest unit at load factor {@code k}, and its unit-minutes. */
  private record Pick(int unit, double unitMinutes) {}

  private Pick pick(double k) {
    int count = units.size();
    double[] bounds = new double[count];
    int[] order = new int[count];
    for (int i = 0; i < count; i++) {
      Unit unit = units.get(i);
      bounds[i] = unit.hourlyUsd() / 60 * fewestUnitMinutes(unit, k);
      // Insertion by bound, after equal bounds: the order of a stable sort, without boxing.
      int at = i;
      while (at > 0 && Double.compare(bounds[order[at - 1]], bounds[i]) > 0) {
        order[at] = order[at - 1];
        at--;
      }
      order[at] = i;
    }
    int best = -1;
    double bestUnitMinutes = 0;
    double bestUsd = Double.POSITIVE_INFINITY;
    for (int i : order) {
      if (bounds[i] > bestUsd || (bounds[i] == bestUsd && i > best)) {
        continue;
      }
      Unit unit = units.get(i);
      double unitMinutes = window.unitMinutes(k, unit.capacity() * utilization(), unit.floor());
      double usd = unitMinutes / 60 * unit.hourlyUsd();
      if (usd < bestUsd || (usd == bestUsd && i < best)) {
        bestUsd = usd;
        best = i;
        bestUnitMinutes = unitMinutes;
      }
    }
    return new Pick(best, bestUnitMinutes);
  }

  /** The deployment of {@code unitHours} hours of {@code unit} a month, as the engine prices it. */
  Deployment deployment(Unit unit, double unitHours) {
    double average = unitHours / BillingMonth.HOURS_PER_MONTH;
    if (unit.instance() != null) {
      return new Ec2Deployment(service.name(), unit.instance().name(), average, BillingMonth.HOURS_PER_MONTH, false);
    }
    return new FargateDeployment(service.name(), OperatingSystem.LINUX, unit.architecture(),
        unit.taskSize().vcpu(), unit.taskSize().memoryGb(), average, BillingMonth.HOURS_PER_MONTH,
        ephemeralStorageGb(), target == Target.FARGATE_SPOT);
  }

  /** The option at the service's own load. */
  TargetOption option() {
    if (!violations.isEmpty()) {
      return TargetOption.infeasible(target, violations);
    }
    Choice best = choose(1.0);
    Unit unit = best.unit();
    double capacity = unit.capacity() * utilization();
    long peak = window.peakUnits(1.0, capacity, unit.floor());
    List<CostLine> lines = new ArrayList<>(best.compute().lines());
    lines.addAll(frontDoors.lines(false, 1.0));
    ImmutableMap.Builder<String, Object> configuration = ImmutableMap.builder();
    if (unit.instance() != null) {
      configuration.put("instanceType", unit.instance().name())
          .put("tasksPerInstance", unit.tasksPerUnit())
          .put("taskVcpu", unit.taskVcpu())
          .put("taskMemoryMb", unit.taskMemoryMb())
          .put("concurrencyPerTask", unit.concurrencyPerTask())
          .put("minTasks", minTasks)
          .put("targetUtilization", utilization())
          .put("averageInstances", best.unitHours() / BillingMonth.HOURS_PER_MONTH)
          .put("peakInstances", peak)
          .put("instanceHours", best.unitHours());
    } else {
      configuration.put("vcpu", unit.taskSize().vcpu())
          .put("memoryGb", unit.taskSize().memoryGb())
          .put("concurrencyPerTask", unit.concurrencyPerTask())
          .put("minTasks", minTasks)
          .put("targetUtilization", utilization())
          .put("averageTasks", best.unitHours() / BillingMonth.HOURS_PER_MONTH)
          .put("peakTasks", peak)
          .put("taskHours", best.unitHours())
          .put("ephemeralStorageGb", ephemeralStorageGb());
    }
    configuration.put("scaling", mode.label)
        .put("scaleOutLagMinutes", lagMinutes)
        .put("frontDoor", frontDoors.effective(false).id());
    return new TargetOption(target, Optional.of(unit.architecture().id()), true,
        OptionalDouble.of(best.monthlyCostUsd()), configuration.build(), lines, List.of(), warnings(unit));
  }

  /** Whether some configuration fits (no violation). */
  boolean feasible() {
    return violations.isEmpty();
  }

  /** Why no configuration fits; empty when feasible. */
  List<Finding> violations() {
    return violations;
  }

  /** The target this model prices. */
  Target target() {
    return target;
  }

  /** The windowed concurrency the units are scaled on (see the class comment); null when infeasible. */
  ServiceLoad.Window window() {
    return window;
  }

  /** The candidate units that survive the fit checks, cheapest first (empty when infeasible). */
  List<Unit> units() {
    return units;
  }

  /** The monthly compute cost of the chosen unit at the service's own load (no front door). */
  double computeMonthlyCostUsd() {
    return choose(1.0).compute().monthlyCostUsd();
  }

  /** A deployment of {@code count} units running the whole month, as the engine prices it. */
  Deployment fixedDeployment(Unit unit, double count) {
    return deployment(unit, count * BillingMonth.HOURS_PER_MONTH);
  }

  /**
   * What a shared ECS cluster needs to pack this service's tasks (ecs-ec2 only; empty for GPU
   * services, which keep their own GPU instances, and when infeasible).
   */
  Optional<ClusterTasks> clusterTasks(Architecture architecture) {
    if (target != Target.ECS_EC2 || !violations.isEmpty() || service.requirements().gpu()) {
      return Optional.empty();
    }
    List<InstanceFit> fits = instanceFits.stream()
        .filter(f -> f.type().architecture() == architecture)
        .toList();
    if (fits.isEmpty()) {
      return Optional.empty();
    }
    Unit any = units.get(0);
    double perTask = any.concurrencyPerTask() * utilization();
    int n = window.minutes();
    if (load.constant) {
      int tasks = (int) Math.max(minTasks, Capacity.units(window.valueAt(0), perTask));
      return Optional.of(new ClusterTasks(architecture, any.taskVcpu(), any.taskMemoryMb(),
          new int[] {0, n}, new int[] {tasks}, fits));
    }
    if (clusterRuns != null) {
      // The task counts do not depend on the architecture, only the instances that fit do: the
      // runs of the first architecture asked serve the other (they are never written to).
      return Optional.of(new ClusterTasks(architecture, any.taskVcpu(), any.taskMemoryMb(),
          clusterRuns.runStart(), clusterRuns.runTasks(), fits));
    }
    // Tasks per level of the window, then per minute: a table look-up instead of a division.
    long[] tasksPerLevel = window.unitsPerLevel(perTask, minTasks);
    int[] tasksOf = new int[tasksPerLevel.length];
    for (int level = 0; level < tasksOf.length; level++) {
      tasksOf[level] = (int) tasksPerLevel[level];
    }
    clusterRuns = ClusterTasks.ofLevels(architecture, any.taskVcpu(), any.taskMemoryMb(), window.levelAt, tasksOf,
        fits, load.arrays);
    return Optional.of(clusterRuns);
  }

  private List<Finding> warnings(Unit unit) {
    List<Finding> found = new ArrayList<>();
    // A steady load never rises, so it never outruns the autoscaler.
    if (mode == Mode.REACTIVE && service.invocation() == Invocation.SYNC && !load.constant) {
      scaleOutLag(unit).ifPresent(found::add);
    }
    if (target == Target.FARGATE_SPOT) {
      found.add(new Finding(Codes.SPOT_INTERRUPTION, "Spot tasks can be stopped at any time after a "
          + "2-minute notice; Spot prices float (the catalog's rate is an estimate)"));
    }
    return found;
  }

  /**
   * Minutes in which the load exceeds what the running units serve at full utilization, because
   * new capacity arrives {@code lag} minutes after a rise.
   */
  private Optional<Finding> scaleOutLag(Unit unit) {
    ServiceLoad.Overrun overrun = load.overrun(window, unit.capacity() * utilization(), unit.floor(), unit.capacity());
    int minutes = overrun.minutes();
    double requestsOver = overrun.requests();
    if (minutes == 0) {
      return Optional.empty();
    }
    return Optional.of(new Finding(Codes.SCALE_OUT_LAG, "in " + Words.count(minutes) + " minutes a month ("
        + Words.percent(requestsOver / load.monthlyRequests) + " of requests) the load outruns the running "
        + (unit.instance() != null ? "instances" : "tasks") + ": new capacity takes about " + lagMinutes
        + " minutes (" + limits.scaleOutAlarmMinutes() + " alarm minutes and "
        + Words.duration(startupSeconds * 1000) + " to start), so requests queue or fail; set "
        + "requirements.maxLatencyMs to size ahead, or raise container.minTasks"));
  }
}
