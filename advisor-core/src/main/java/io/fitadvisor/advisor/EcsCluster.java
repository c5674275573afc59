package io.fitadvisor.advisor;

import io.fitadvisor.advisor.ContainerModel.ClusterTasks;
import io.fitadvisor.advisor.ContainerModel.InstanceFit;
import io.fitadvisor.pricing.Architecture;
import io.fitadvisor.pricing.Ec2InstanceType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An ECS cluster of one instance type shared by several services' tasks, packed minute by minute.
 *
 * <p>Packing rule (a placement that exists, not an estimate). For instance type {@code T}, service
 * {@code i} fits {@code p_i} tasks on one instance ({@code min(floor(vCPU / task vCPU),
 * floor((memory - 300 MiB) / task memory))}), so each task takes at most {@code 1/p_i} of an
 * instance's vCPU and of its memory. In minute {@code t} service {@code i} runs {@code n_i(t)}
 * tasks: {@code floor(n_i / p_i)} full instances of its own, and a remainder of {@code r_i = n_i
 * mod p_i} tasks that fits in a block of {@code r_i / p_i} of an instance, rounded up to a power of
 * one half ({@code 1/2, 1/4, ...}). Blocks whose sizes are powers of one half always pack into
 * {@code ceil(sum of sizes)} instances (first fit, largest first, fills every instance but the
 * last), and blocks that fit an instance together fit it in every dimension. So the cluster runs
 * {@code sum_i floor(n_i / p_i) + ceil(sum_i block_i)} instances in minute {@code t}. Alone, a
 * service needs {@code ceil(n_i / p_i)} instances, exactly as in its own {@code ecs-ec2} option;
 * together never more than the sum of the services alone on the same type, and never fewer when a
 * service joins (the count only grows with tasks and members).
 *
 * <p>The cluster uses the candidate type that holds a task of every member at the least cost;
 * the EC2 savings plan applies. Not thread-safe.
 */
final class EcsCluster {
  /** Blocks are counted in units of 2^-20 of an instance. */
  static final int UNIT_BITS = 20;
  static final long UNIT = 1L << UNIT_BITS;

  /** One service's tasks, prepared for every candidate type of its architecture. */
  static final class Member {
    final String service;
    final int minutes;
    /** Runs of equal task counts: run j covers minutes [runStart[j], runStart[j + 1]). */
    final int[] runStart;
    final int[] runTasks;
    final boolean constant;
    /** Per candidate type: tasks per instance (0: does not fit). */
    final int[] perInstance;
    /** Per type: full instance-minutes, {@code sum_t floor(n(t) / p)}. */
    final long[] fullMinutes;
    /** Per type and run: the block of the remainder, in units. */
    final int[][] blockUnits;
    /** Per type: the blocks summed over the month, in units. */
    final long[] blockUnitMinutes;
    /** Per type: instance share its tasks take, {@code sum_t n(t) / p}, for sharing the cost. */
    final double[] instanceShareMinutes;
    /** Per type: minutes with a remainder block (each can change the count by one instance at most). */
    final long[] blockMinutes;

    Member(String service, ClusterTasks tasks, List<Ec2InstanceType> types) {
      this.service = service;
      this.minutes = tasks.minutes();
      this.runStart = tasks.runStart();
      this.runTasks = tasks.runTasks();
      this.constant = tasks.constant();
      int runs = runTasks.length;
      int typeCount = types.size();
      perInstance = new int[typeCount];
      fullMinutes = new long[typeCount];
      blockUnits = new int[typeCount][];
      blockUnitMinutes = new long[typeCount];
      instanceShareMinutes = new double[typeCount];
      blockMinutes = new long[typeCount];
      for (int k = 0; k < typeCount; k++) {
        int p = 0;
        for (InstanceFit fit : tasks.fits()) {
          if (fit.type().name().equals(types.get(k).name())) {
            p = fit.tasksPerInstance();
          }
        }
        perInstance[k] = p;
        if (p == 0) {
          continue;
        }
        int[] blocks = new int[runs];
        for (int j = 0; j < runs; j++) {
          long length = runStart[j + 1] - runStart[j];
          int tasksNow = runTasks[j];
          fullMinutes[k] += length * (tasksNow / p);
          blocks[j] = block(tasksNow % p, p);
          blockUnitMinutes[k] += length * blocks[j];
          instanceShareMinutes[k] += length * (double) tasksNow / p;
          if (blocks[j] > 0) {
            blockMinutes[k] += length;
          }
        }
        blockUnits[k] = blocks;
      }
    }

    boolean fits(int type) {
      return perInstance[type] > 0;
    }
  }

  /**
   * The block of {@code r} tasks when {@code p} fit an instance: the least power of one half at
   * least {@code r / p}, in units (one unit at the least, which is at least {@code r / p} when
   * {@code r / p} is below 2^-20).
   */
  static int block(int r, int p) {
    if (r == 0) {
      return 0;
    }
    int j = 0;
    while (j < UNIT_BITS && ((long) r << (j + 1)) <= p) {
      j++;
    }
    return 1 << (UNIT_BITS - j);
  }

  static long instances(long units) {
    return (units + UNIT - 1) >> UNIT_BITS;
  }

  final Architecture architecture;
  final List<Ec2InstanceType> types;
  private final boolean fluid;
  /** Per type: US dollars per instance-minute after the EC2 savings plan. */
  private final double[] usdPerMinute;
  private final int minutes;
  private final List<Member> members = new ArrayList<>();
  private final long[] full;
  private final int[] missing;
  private final long[] constantUnits;
  private final long[] blockSum;
  /**
   * Per type, the blocks of the members whose tasks vary, as runs: run j covers minutes
   * [start[j], start[j + 1]) (the last to the month's end) with {@code units[j]} units. Task counts
   * change every few minutes at most (they follow windowed maxima), so a few thousand runs stand
   * for 43,800 minutes.
   */
  private final int[][] runStart;
  private final long[][] runUnits;
  private final int[] runCount;
  private final long[] ceilMinutes; // per type: sum over minutes of instances(constant + runs)
  /**
   * Work left undone per type until the type is priced: most types are never the cheapest, so
   * their runs are merged and counted only when a price needs them.
   */
  private final boolean[] stale;
  private final List<List<Member>> pendingMembers = new ArrayList<>();
  private final List<List<Integer>> pendingSigns = new ArrayList<>();

  /**
   * A cluster; {@code fluid} counts the remainder blocks as fractions of an instance instead of
   * whole instances (a lower bound, in time proportional to the number of types; for searches
   * over many services, whose plans are then priced exactly).
   */
  EcsCluster(Architecture architecture, List<Ec2InstanceType> types, double ec2SavingsPlan, int minutes,
      boolean fluid) {
    this.fluid = fluid;
    this.architecture = architecture;
    this.types = List.copyOf(types);
    int n = types.size();
    this.usdPerMinute = new double[n];
    for (int k = 0; k < n; k++) {
      usdPerMinute[k] = types.get(k).onDemandHourlyUsd() * (1 - ec2SavingsPlan) / 60;
    }
    this.minutes = minutes;
    full = new long[n];
    missing = new int[n];
    constantUnits = new long[n];
    blockSum = new long[n];
    ceilMinutes = new long[n];
    runStart = new int[n][];
    runUnits = new long[n][];
    runCount = new int[n];
    stale = new boolean[n];
    for (int k = 0; k < n; k++) {
      runStart[k] = new int[] {0};
      runUnits[k] = new long[] {0};
      runCount[k] = 1;
      pendingMembers.add(new ArrayList<>());
      pendingSigns.add(new ArrayList<>());
    }
  }

  /** Candidate types of {@code architecture}: every type some service's tasks fit, by name. */
  static List<Ec2InstanceType> candidateTypes(Architecture architecture, List<ClusterTasks> all) {
    List<Ec2InstanceType> found = new ArrayList<>();
    for (ClusterTasks tasks : all) {
      for (InstanceFit fit : tasks.fits()) {
        if (fit.type().architecture() == architecture
            && found.stream().noneMatch(t -> t.name().equals(fit.type().name()))) {
          found.add(fit.type());
        }
      }
    }
    found.sort((a, b) -> a.name().compareTo(b.name()));
    return found;
  }

  List<Member> members() {
    return members;
  }

  boolean isEmpty() {
    return members.isEmpty();
  }

  void add(Member m) {
    change(m, 1);
    members.add(m);
  }

  void remove(Member m) {
    change(m, -1);
    members.remove(m);
  }

  private void change(Member m, int sign) {
    for (int k = 0; k < types.size(); k++) {
      if (!m.fits(k)) {
        missing[k] += sign;
        continue;
      }
      full[k] += sign * m.fullMinutes[k];
      blockSum[k] += sign * m.blockUnitMinutes[k];
      if (fluid) {
        continue; // only the totals above count
      }
      if (m.constant) {
        constantUnits[k] += sign * m.blockUnits[k][0];
      } else {
        List<Member> pending = pendingMembers.get(k);
        List<Integer> signs = pendingSigns.get(k);
        int last = pending.size() - 1;
        if (last >= 0 && pending.get(last) == m && signs.get(last) == -sign) {
          // Undoing the change just made (a trial move taken back): nothing to merge.
          pending.remove(last);
          signs.remove(last);
        } else {
          pending.add(m);
          signs.add(sign);
        }
      }
      stale[k] = true;
    }
  }

  /** Brings type {@code k}'s runs and count up to date. */
  private void refresh(int k) {
    List<Member> pending = pendingMembers.get(k);
    if (!pending.isEmpty()) {
      List<Integer> signs = pendingSigns.get(k);
      for (int i = 0; i < pending.size(); i++) {
        mergeRuns(k, pending.get(i), signs.get(i));
      }
      pending.clear();
      signs.clear();
    }
    if (stale[k]) {
      ceilMinutes[k] = walk(k, constantUnits[k], null, null);
      stale[k] = false;
    }
  }

  /** Adds ({@code sign} 1) or takes away (-1) a varying member's blocks to type {@code k}'s runs. */
  private void mergeRuns(int k, Member m, int sign) {
    int[] starts = runStart[k];
    long[] units = runUnits[k];
    int count = runCount[k];
    int[] blocks = m.blockUnits[k];
    int[] newStarts = new int[count + blocks.length];
    long[] newUnits = new long[count + blocks.length];
    int size = 0;
    int i = 0;
    int j = 0;
    int t = 0;
    while (t < minutes) {
      long value = units[i] + (long) sign * blocks[j];
      if (size == 0 || newUnits[size - 1] != value) {
        newStarts[size] = t;
        newUnits[size++] = value;
      }
      int endI = i + 1 < count ? starts[i + 1] : minutes;
      int endJ = m.runStart[j + 1];
      t = Math.min(endI, endJ);
      if (endI == t) {
        i++;
      }
      if (endJ == t) {
        j++;
      }
    }
    runStart[k] = newStarts;
    runUnits[k] = newUnits;
    runCount[k] = size;
  }

  /**
   * {@code sum over minutes of instances(constant + runs(t) + add(t) - leave(t))} for type {@code
   * k}, where {@code add} and {@code leave} are varying members (or null): one walk over the runs.
   */
  private long walk(int k, long constant, Member add, Member leave) {
    int[] starts = runStart[k];
    long[] units = runUnits[k];
    int count = runCount[k];
    int[] addBlocks = add != null ? add.blockUnits[k] : null;
    int[] leaveBlocks = leave != null ? leave.blockUnits[k] : null;
    int i = 0;
    int a = 0;
    int l = 0;
    int t = 0;
    long total = 0;
    while (t < minutes) {
      long value = constant + units[i];
      int end = i + 1 < count ? starts[i + 1] : minutes;
      if (addBlocks != null) {
        value += addBlocks[a];
        end = Math.min(end, add.runStart[a + 1]);
      }
      if (leaveBlocks != null) {
        value -= leaveBlocks[l];
        end = Math.min(end, leave.runStart[l + 1]);
      }
      total += (end - t) * instances(value);
      t = end;
      if (i + 1 < count && starts[i + 1] == t) {
        i++;
      }
      if (addBlocks != null && add.runStart[a + 1] == t) {
        a++;
      }
      if (leaveBlocks != null && leave.runStart[l + 1] == t) {
        l++;
      }
    }
    return total;
  }

  /** The index of the cheapest type that holds every member's task, or -1. */
  int bestType() {
    if (members.isEmpty()) {
      return -1;
    }
    if (fluid) {
      throw new IllegalStateException("a fluid cluster has no exact price");
    }
    int n = types.size();
    double[] bound = new double[n];
    Integer[] order = new Integer[n];
    for (int k = 0; k < n; k++) {
      order[k] = k;
      bound[k] = missing[k] > 0 ? Double.POSITIVE_INFINITY : (full[k] + (double) blockSum[k] / UNIT) * usdPerMinute[k];
    }
    Arrays.sort(order, (x, y) -> bound[x] != bound[y] ? Double.compare(bound[x], bound[y]) : x - y);
    int best = -1;
    double bestUsd = Double.POSITIVE_INFINITY;
    for (int k : order) {
      if (bound[k] == Double.POSITIVE_INFINITY || bound[k] > bestUsd) {
        break;
      }
      refresh(k);
      double usd = (full[k] + ceilMinutes[k]) * usdPerMinute[k];
      if (usd < bestUsd || (usd == bestUsd && k < best)) {
        bestUsd = usd;
        best = k;
      }
    }
    return best;
  }

  /**
   * The cluster's monthly cost in US dollars: 0 without members, infinite when no type holds
   * every task; for a fluid cluster, its lower bound with blocks as fractions.
   */
  double monthlyCostUsd() {
    if (members.isEmpty()) {
      return 0;
    }
    if (fluid) {
      return monthlyCostUsdWith(null, null);
    }
    int k = bestType();
    return k < 0 ? Double.POSITIVE_INFINITY : (full[k] + ceilMinutes[k]) * usdPerMinute[k];
  }

  /** Instance-minutes a month on type {@code k}. */
  long instanceMinutes(int k) {
    refresh(k);
    return full[k] + ceilMinutes[k];
  }

  /**
   * A lower bound of {@link #monthlyCostUsdWith}, in time proportional to the number of types: on
   * each type, the full instances plus the larger of the blocks as fractions of an instance and
   * the whole instances counted now (less one a minute where {@code leave} had a block; only when
   * that count is up to date).
   */
  double lowerBoundUsdWith(Member add, Member leave) {
    int count = members.size() + (add != null ? 1 : 0) - (leave != null ? 1 : 0);
    if (count == 0) {
      return 0;
    }
    double best = Double.POSITIVE_INFINITY;
    for (int k = 0; k < types.size(); k++) {
      boolean leaveFits = leave != null && leave.fits(k);
      int miss = missing[k] + (add != null && !add.fits(k) ? 1 : 0) - (leave != null && !leaveFits ? 1 : 0);
      if (miss > 0) {
        continue;
      }
      long f = full[k] + (add != null ? add.fullMinutes[k] : 0) - (leaveFits ? leave.fullMinutes[k] : 0);
      long b = blockSum[k] + (add != null ? add.blockUnitMinutes[k] : 0)
          - (leaveFits ? leave.blockUnitMinutes[k] : 0);
      double blocks = (double) b / UNIT;
      boolean current = !stale[k] && pendingMembers.get(k).isEmpty();
      double whole = current ? ceilMinutes[k] - (leaveFits ? leave.blockMinutes[k] : 0) : 0;
      best = Math.min(best, (f + Math.max(blocks, whole)) * usdPerMinute[k]);
    }
    return best;
  }

  /**
   * The monthly cost with {@code add} joined and {@code leave} gone (either may be null),
   * without changing the cluster. Types are tried from the lowest bound and skipped once the bound
   * exceeds the best cost found.
   */
  double monthlyCostUsdWith(Member add, Member leave) {
    int count = members.size() + (add != null ? 1 : 0) - (leave != null ? 1 : 0);
    if (count == 0) {
      return 0;
    }
    int n = types.size();
    double[] bound = new double[n];
    Integer[] order = new Integer[n];
    for (int k = 0; k < n; k++) {
      order[k] = k;
      int miss = missing[k] + (add != null && !add.fits(k) ? 1 : 0) - (leave != null && !leave.fits(k) ? 1 : 0);
      if (miss > 0) {
        bound[k] = Double.POSITIVE_INFINITY;
        continue;
      }
      long f = full[k] + (add != null ? add.fullMinutes[k] : 0) - (leave != null ? leave.fullMinutes[k] : 0);
      long b = blockSum[k] + (add != null ? add.blockUnitMinutes[k] : 0)
          - (leave != null ? leave.blockUnitMinutes[k] : 0);
      bound[k] = (f + (double) b / UNIT) * usdPerMinute[k];
    }
    Arrays.sort(order, (x, y) -> bound[x] != bound[y] ? Double.compare(bound[x], bound[y]) : x - y);
    if (fluid) {
      return bound[order[0]];
    }
    double best = Double.POSITIVE_INFINITY;
    for (int k : order) {
      if (bound[k] >= best || bound[k] == Double.POSITIVE_INFINITY) {
        break;
      }
      long f = full[k] + (add != null ? add.fullMinutes[k] : 0) - (leave != null ? leave.fullMinutes[k] : 0);
      best = Math.min(best, (f + ceilWith(k, add, leave)) * usdPerMinute[k]);
    }
    return best;
  }

  private long ceilWith(int k, Member add, Member leave) {
    refresh(k);
    // A leaving member that never fitted this type added nothing to it (the type was closed by it).
    if (leave != null && !leave.fits(k)) {
      leave = null;
    }
    long c = constantUnits[k];
    if (add != null && add.constant) {
      c += add.blockUnits[k][0];
    }
    if (leave != null && leave.constant) {
      c -= leave.blockUnits[k][0];
    }
    return walk(k, c, add != null && !add.constant ? add : null, leave != null && !leave.constant ? leave : null);
  }

  /** Per member, the instance share its tasks take on type {@code k}, summed over the month. */
  double shareMinutes(Member m, int k) {
    return m.instanceShareMinutes[k];
  }
}
