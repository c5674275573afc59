package io.fitadvisor.advisor;

import io.fitadvisor.advisor.ContainerModel.ClusterTasks;
import io.fitadvisor.advisor.ContainerModel.InstanceFit;
import io.fitadvisor.pricing.Architecture;
import io.fitadvisor.pricing.Ec2InstanceType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

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
 * the EC2 savings plan applies. Every count is an exact integer (instance-minutes, blocks in units
 * of 2^-20 of an instance), so the order in which members join or leave never changes a price.
 * Not thread-safe; {@link Member}s are immutable and may be shared.
 */
final class EcsCluster {
  /** Blocks are counted in units of 2^-20 of an instance. */
  static final int UNIT_BITS = 20;
  static final long UNIT = 1L << UNIT_BITS;
  private static final long UNIT_MASK = UNIT - 1;

  /**
   * One service's tasks, prepared for every candidate type of its architecture. Immutable in what
   * it answers, and safe to share between threads.
   */
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
    /** Per type: the blocks summed over the month, in units. */
    final long[] blockUnitMinutes;
    /** Per type: minutes with a remainder block (each can change the count by one instance at most). */
    final long[] blockMinutes;
    /** Per type, the first type that fits as many tasks an instance (the same blocks). */
    private final int[] sameAs;
    /** Per type (by {@link #sameAs}), its blocks; made when first asked. */
    private final AtomicReferenceArray<Blocks> blocks;

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
      blockUnitMinutes = new long[typeCount];
      blockMinutes = new long[typeCount];
      sameAs = new int[typeCount];
      blocks = new AtomicReferenceArray<>(typeCount);
      // Task counts repeat from run to run (a few dozen distinct counts for thousands of runs):
      // the minutes at each distinct count are summed once, and each type's sums are taken over
      // the distinct counts.
      int[] distinct;
      long[] minutesAt;
      int most = Integer.MIN_VALUE;
      int least = Integer.MAX_VALUE;
      for (int n : runTasks) {
        most = Math.max(most, n);
        least = Math.min(least, n);
      }
      if ((long) most - least <= 2L * runs + 64) {
        long[] byCount = new long[most - least + 1];
        int different = 0;
        for (int j = 0; j < runs; j++) {
          int i = runTasks[j] - least;
          different += byCount[i] == 0 ? 1 : 0;
          byCount[i] += runStart[j + 1] - runStart[j];
        }
        distinct = new int[different];
        minutesAt = new long[different];
        for (int i = 0, d = 0; i < byCount.length; i++) {
          if (byCount[i] != 0) {
            distinct[d] = i + least;
            minutesAt[d++] = byCount[i];
          }
        }
      } else {
        distinct = runTasks;
        minutesAt = new long[runs];
        for (int j = 0; j < runs; j++) {
          minutesAt[j] = runStart[j + 1] - runStart[j];
        }
      }
      for (int k = 0; k < typeCount; k++) {
        int p = 0;
        for (InstanceFit fit : tasks.fits()) {
          if (fit.type().name().equals(types.get(k).name())) {
            p = fit.tasksPerInstance();
          }
        }
        perInstance[k] = p;
        sameAs[k] = k;
        if (p == 0) {
          continue;
        }
        int same = -1;
        for (int earlier = 0; earlier < k && same < 0; earlier++) {
          if (perInstance[earlier] == p) {
            same = earlier;
          }
        }
        if (same >= 0) {
          sameAs[k] = same;
          fullMinutes[k] = fullMinutes[same];
          blockUnitMinutes[k] = blockUnitMinutes[same];
          blockMinutes[k] = blockMinutes[same];
          continue;
        }
        long fullSum = 0;
        long unitSum = 0;
        long withBlock = 0;
        for (int d = 0; d < distinct.length; d++) {
          long length = minutesAt[d];
          int b = block(distinct[d] % p, p);
          fullSum += length * (distinct[d] / p);
          unitSum += length * b;
          withBlock += b > 0 ? length : 0;
        }
        fullMinutes[k] = fullSum;
        blockUnitMinutes[k] = unitSum;
        blockMinutes[k] = withBlock;
      }
    }

    boolean fits(int type) {
      return perInstance[type] > 0;
    }

    /** Its blocks on type {@code k} (which it fits). */
    Blocks blocks(int k) {
      Blocks made = blocks.get(sameAs[k]);
      if (made == null) {
        made = new Blocks(this, perInstance[k]);
        // Another thread may have made the same blocks meanwhile: either is right.
        blocks.compareAndSet(sameAs[k], null, made);
      }
      return made;
    }

    /** The instance share its tasks take on type {@code k}, {@code sum_t n(t) / p}, for sharing the cost. */
    double instanceShareMinutes(int k) {
      int p = perInstance[k];
      double share = 0;
      for (int j = 0; j < runTasks.length; j++) {
        long length = runStart[j + 1] - runStart[j];
        share += length * (double) runTasks[j] / p;
      }
      return share;
    }
  }

  /**
   * A member's remainder blocks on types that fit {@code p} of its tasks an instance, as runs of
   * equal blocks (adjacent task counts often have the same block): run {@code j} covers minutes
   * {@code [start[j], start[j + 1])} with {@code units[j]} units; and the runs with a block apart,
   * with the bit length of their block ({@code level}: 2^level units).
   */
  static final class Blocks {
    final int[] start;
    final int[] units;
    final int[] activeFrom;
    final int[] activeTo;
    final byte[] activeLevel;

    Blocks(Member m, int p) {
      int[] tasks = m.runTasks;
      int[] blockOf = null;
      int most = 0;
      int least = 0;
      for (int n : tasks) {
        most = Math.max(most, n);
        least = Math.min(least, n);
      }
      if (least >= 0 && most <= 2 * tasks.length + 64) {
        // Few distinct counts: each count's block once (counting up, not dividing).
        blockOf = new int[most + 1];
        for (int n = 0, r = 0; n <= most; n++) {
          blockOf[n] = block(r, p);
          r = r + 1 == p ? 0 : r + 1;
        }
      }
      int[] runStart = new int[tasks.length + 1];
      int[] runUnits = new int[tasks.length];
      int runs = 0;
      int active = 0;
      for (int j = 0; j < tasks.length; j++) {
        int b = blockOf != null ? blockOf[tasks[j]] : block(tasks[j] % p, p);
        if (runs == 0 || runUnits[runs - 1] != b) {
          runStart[runs] = m.runStart[j];
          runUnits[runs++] = b;
          active += b != 0 ? 1 : 0;
        }
      }
      runStart[runs] = m.minutes;
      start = Arrays.copyOf(runStart, runs + 1);
      units = Arrays.copyOf(runUnits, runs);
      activeFrom = new int[active];
      activeTo = new int[active];
      activeLevel = new byte[active];
      for (int j = 0, i = 0; j < runs; j++) {
        if (units[j] != 0) {
          activeFrom[i] = start[j];
          activeTo[i] = start[j + 1];
          activeLevel[i++] = (byte) Integer.numberOfTrailingZeros(units[j]);
        }
      }
    }

    int runs() {
      return units.length;
    }
  }

  /**
   * The block of {@code r} tasks when {@code p} fit an instance: the least power of one half at
   * least {@code r / p}, in units (one unit at the least, which is at least {@code r / p} when
   * {@code r / p} is below 2^-20). {@code 0 <= r < p}.
   */
  static int block(int r, int p) {
    if (r == 0) {
      return 0;
    }
    // The largest j with r * 2^j <= p: the difference of the leading bits, or one less.
    int j = Integer.numberOfLeadingZeros(r) - Integer.numberOfLeadingZeros(p);
    if (((long) r << j) > p) {
      j--;
    }
    return 1 << (UNIT_BITS - Math.min(j, UNIT_BITS));
  }

  static long instances(long units) {
    return (units + UNIT - 1) >> UNIT_BITS;
  }

  final Architecture architecture;
  final List<Ec2InstanceType> types;
  private final boolean fluid;
  /** Per type: US dollars per instance-minute after the EC2 savings plan. */
  private final double[] usdPerMinute;
  private final List<Member> members = new ArrayList<>();
  private final long[] full;
  private final int[] missing;
  private final long[] blockSum;
  /** Per type, the minute-by-minute packing of the blocks (null for a fluid cluster). */
  private final Packing[] packings;
  /** The price of the members as they are, until they change (NaN: not known). */
  private double costUsd = Double.NaN;

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
    full = new long[n];
    missing = new int[n];
    blockSum = new long[n];
    packings = new Packing[n];
    if (!fluid) {
      for (int k = 0; k < n; k++) {
        packings[k] = new Packing(k, minutes);
      }
    }
  }

  /** Candidate types of {@code architecture}: every type some service's tasks fit, by name. */
  static List<Ec2InstanceType> candidateTypes(Architecture architecture, List<ClusterTasks> all) {
    List<Ec2InstanceType> found = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ClusterTasks tasks : all) {
      for (InstanceFit fit : tasks.fits()) {
        if (fit.type().architecture() == architecture && names.add(fit.type().name())) {
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
    costUsd = Double.NaN;
    for (int k = 0; k < types.size(); k++) {
      if (!m.fits(k)) {
        missing[k] += sign;
        continue;
      }
      full[k] += sign * m.fullMinutes[k];
      blockSum[k] += sign * m.blockUnitMinutes[k];
      if (!fluid) {
        packings[k].change(m, sign);
      }
    }
  }

  /**
   * Types {@code 0..n-1} ordered by {@code bound}, the lower index first on a tie (an insertion
   * sort: a cluster has a handful of candidate types).
   */
  private static int[] byBound(double[] bound) {
    int n = bound.length;
    int[] order = new int[n];
    for (int k = 0; k < n; k++) {
      int i = k;
      while (i > 0 && Double.compare(bound[order[i - 1]], bound[k]) > 0) {
        order[i] = order[i - 1];
        i--;
      }
      order[i] = k;
    }
    return order;
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
    for (int k = 0; k < n; k++) {
      bound[k] = missing[k] > 0 ? Double.POSITIVE_INFINITY : (full[k] + (double) blockSum[k] / UNIT) * usdPerMinute[k];
    }
    int best = -1;
    double bestUsd = Double.POSITIVE_INFINITY;
    for (int k : byBound(bound)) {
      if (bound[k] == Double.POSITIVE_INFINITY || bound[k] > bestUsd) {
        break;
      }
      Packing packing = packings[k];
      packing.refresh();
      double usd = (full[k] + packing.ceilMinutes) * usdPerMinute[k];
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
    if (!Double.isNaN(costUsd)) {
      return costUsd; // nothing changed since (and the types it brought up to date still are)
    }
    if (fluid) {
      costUsd = monthlyCostUsdWith(null, null);
    } else {
      int k = bestType();
      costUsd = k < 0 ? Double.POSITIVE_INFINITY : (full[k] + packings[k].ceilMinutes) * usdPerMinute[k];
    }
    return costUsd;
  }

  /**
   * What {@code m} alone would cost on a cluster of these types, US dollars a month: each minute
   * it needs {@code ceil(n / p)} instances, so its full instances and one for each minute with a
   * block. The members of this cluster play no part.
   */
  double aloneMonthlyCostUsd(Member m) {
    double best = Double.POSITIVE_INFINITY;
    for (int k = 0; k < types.size(); k++) {
      if (m.fits(k)) {
        best = Math.min(best, (m.fullMinutes[k] + m.blockMinutes[k]) * usdPerMinute[k]);
      }
    }
    return best;
  }

  /** Instance-minutes a month on type {@code k}. */
  long instanceMinutes(int k) {
    packings[k].refresh();
    return full[k] + packings[k].ceilMinutes;
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
      // A fluid cluster keeps no count: as a count of 0, always up to date.
      boolean current = fluid || packings[k].current();
      long ceil = fluid ? 0 : packings[k].ceilMinutes;
      double whole = current ? ceil - (leaveFits ? leave.blockMinutes[k] : 0) : 0;
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
    for (int k = 0; k < n; k++) {
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
    if (fluid) {
      // The least bound, as the first of the types ordered by bound.
      double least = bound[0];
      for (int k = 1; k < n; k++) {
        least = Math.min(least, bound[k]);
      }
      return least;
    }
    double best = Double.POSITIVE_INFINITY;
    for (int k : byBound(bound)) {
      if (bound[k] >= best || bound[k] == Double.POSITIVE_INFINITY) {
        break;
      }
      long f = full[k] + (add != null ? add.fullMinutes[k] : 0) - (leave != null ? leave.fullMinutes[k] : 0);
      // A leaving member that never fitted this type added nothing to it (the type was closed by it).
      best = Math.min(best, (f + packings[k].ceilWith(add, leave != null && leave.fits(k) ? leave : null))
          * usdPerMinute[k]);
    }
    return best;
  }

  /**
   * The blocks of the members on one instance type, minute by minute, and the instances they take.
   *
   * <p>The blocks of the members whose tasks vary are kept as runs: run {@code j} covers minutes
   * {@code [start[j], start[j + 1])} with {@code units[j]} units ({@code start[count]} is the
   * month's end); task counts change every few minutes at most (they follow windowed maxima), so a
   * few thousand runs stand for 43,800 minutes. The members of constant tasks add one sum to every
   * minute.
   *
   * <p>Work is left undone until the type is priced (most types are never the cheapest): members
   * wait in a list, and are merged into the runs (one at a time, or many in one pass over the
   * minutes) and counted then.
   *
   * <p>A price with one member joining (or leaving) needs only where its blocks open (or close)
   * an instance: a block of 2^i units opens one where the last instance has less than 2^i units
   * free, and closes one where the last instance holds at most 2^i units. So, when first asked
   * after a change, each run gets the bit length of its free room ({@code (-units) mod 2^20}, for
   * joining) or of its fill less one (for leaving), and the minutes are counted by bit length: a
   * member of constant tasks reads one count; a varying member walks its own blocks against the
   * runs, or, once many prices have been asked since the last change, takes differences of prefix
   * sums over the minutes (one per block of its own).
   */
  private static final class Packing {
    /** Bit lengths go from 0 to {@code UNIT_BITS}; a minute with no instance has no fill. */
    private static final byte NO_FILL = Byte.MAX_VALUE;
    private static final int LEVELS = UNIT_BITS + 1;
    private final int k;
    private final int minutes;
    private long constantUnits;
    /** Where each run starts; {@code start[count]} is the month's end. */
    private int[] start = {0, 0};
    private long[] units = {0};
    private int count = 1;
    /** Instance-minutes of the blocks: {@code sum over minutes of instances(constant + runs)}. */
    long ceilMinutes;
    /** The runs and {@link #ceilMinutes} wait for {@link #refresh} (members changed). */
    private boolean stale;
    private final List<Member> pending = new ArrayList<>();
    private final List<Integer> signs = new ArrayList<>();
    /** Joining (0) and leaving (1): what is kept per direction, made when first asked after a change. */
    private final Direction[] directions = {new Direction(), new Direction()};
    /** Prices of varying members that walked the runs since the last change: the work they took. */
    private long walked;

    /** What one direction (a block joining, or leaving) reads. */
    private static final class Direction {
      /** Per run, the bit length of its room (joining) or of its fill less one (leaving); null: not made. */
      byte[] bits;
      /** Minutes by bit length, cumulated: {@code atMost[i]} minutes have a bit length of at most i. */
      final long[] atMost = new long[LEVELS];
      /** Per minute, its bit length; and per bit length, prefix sums over the minutes (the index). */
      byte[] perMinute;
      final int[][] prefix = new int[LEVELS][];

      void drop() {
        bits = null;
        if (perMinute != null) {
          perMinute = null;
          Arrays.fill(prefix, null);
        }
      }
    }

    Packing(int k, int minutes) {
      this.k = k;
      this.minutes = minutes;
      start[1] = minutes;
    }

    /** Whether the count is up to date (nothing changed since the last {@link #refresh}). */
    boolean current() {
      return !stale && pending.isEmpty();
    }

    void change(Member m, int sign) {
      if (m.constant) {
        constantUnits += sign * m.blocks(k).units[0];
      } else {
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
      stale = true;
    }

    /** Brings the runs and the count up to date. */
    void refresh() {
      if (!stale) {
        return;
      }
      if (pending.isEmpty()) {
        ceilMinutes = count(); // only members of constant tasks changed
      } else {
        // One member at a time costs a pass over the runs each; many at once (a plan built from
        // scratch) cost one pass over the minutes. The last pass counts the instances too.
        long oneByOne = 0;
        long runs = count;
        for (Member m : pending) {
          runs += m.blocks(k).runs();
          oneByOne += runs;
        }
        if (pending.size() > 1 && oneByOne > 2L * minutes + runs) {
          ceilMinutes = mergeAll();
        } else {
          for (int i = 0; i < pending.size(); i++) {
            ceilMinutes = merge(pending.get(i), signs.get(i));
          }
        }
        pending.clear();
        signs.clear();
      }
      stale = false;
      walked = 0;
      directions[0].drop();
      directions[1].drop();
    }

    /**
     * Adds ({@code sign} 1) or takes away (-1) a varying member's blocks to the runs; returns the
     * instance-minutes after.
     */
    private long merge(Member m, int sign) {
      Blocks blocks = m.blocks(k);
      int[] blockStart = blocks.start;
      int[] blockUnits = blocks.units;
      int[] newStart = new int[count + blockUnits.length + 1];
      long[] newUnits = new long[count + blockUnits.length];
      int size = 0;
      int i = 0;
      int j = 0;
      int t = 0;
      long total = 0;
      while (t < minutes) {
        long value = units[i] + (long) sign * blockUnits[j];
        if (size == 0 || newUnits[size - 1] != value) {
          newStart[size] = t;
          newUnits[size++] = value;
        }
        int endI = start[i + 1];
        int endJ = blockStart[j + 1];
        int end = Math.min(endI, endJ);
        total += (end - t) * instances(constantUnits + value);
        t = end;
        if (endI == t) {
          i++;
        }
        if (endJ == t) {
          j++;
        }
      }
      newStart[size] = minutes;
      start = newStart;
      units = newUnits;
      count = size;
      return total;
    }

    /** Merges every pending member into the runs in one pass over the minutes; returns the instance-minutes. */
    private long mergeAll() {
      long[] delta = new long[minutes + 1];
      for (int i = 0; i < count; i++) {
        delta[start[i]] += units[i];
        delta[start[i + 1]] -= units[i];
      }
      for (int p = 0; p < pending.size(); p++) {
        long sign = signs.get(p);
        Blocks blocks = pending.get(p).blocks(k);
        for (int j = 0; j < blocks.activeFrom.length; j++) {
          long change = sign << blocks.activeLevel[j];
          delta[blocks.activeFrom[j]] += change;
          delta[blocks.activeTo[j]] -= change;
        }
      }
      int size = 1;
      for (int t = 1; t < minutes; t++) {
        if (delta[t] != 0) {
          size++;
        }
      }
      int[] newStart = new int[size + 1];
      long[] newUnits = new long[size];
      long value = delta[0];
      newUnits[0] = value;
      int r = 1;
      for (int t = 1; t < minutes; t++) {
        if (delta[t] != 0) {
          value += delta[t];
          newStart[r] = t;
          newUnits[r++] = value;
        }
      }
      newStart[size] = minutes;
      start = newStart;
      units = newUnits;
      count = size;
      return count();
    }

    /** The instance-minutes of the runs: {@code sum over minutes of instances(constant + runs)}. */
    private long count() {
      long total = 0;
      for (int i = 0; i < count; i++) {
        total += (start[i + 1] - start[i]) * instances(constantUnits + units[i]);
      }
      return total;
    }

    /** The direction's bit lengths per run and minutes by bit length, made if not yet. */
    private Direction direction(boolean joining) {
      Direction direction = directions[joining ? 0 : 1];
      if (direction.bits == null) {
        byte[] bits = new byte[count];
        long[] atMost = direction.atMost;
        Arrays.fill(atMost, 0);
        for (int i = 0; i < count; i++) {
          long value = constantUnits + units[i];
          byte b;
          if (joining) {
            b = (byte) (64 - Long.numberOfLeadingZeros(-value & UNIT_MASK));
          } else {
            b = value > 0 ? (byte) (64 - Long.numberOfLeadingZeros((value - 1) & UNIT_MASK)) : NO_FILL;
          }
          bits[i] = b;
          if (b != NO_FILL) {
            atMost[b] += start[i + 1] - start[i];
          }
        }
        for (int i = 1; i < LEVELS; i++) {
          atMost[i] += atMost[i - 1];
        }
        direction.bits = bits;
      }
      return direction;
    }

    /**
     * {@code sum over minutes of instances(constant + runs + add - leave)}, with {@code leave} a
     * member that fits the type (or null) and the count up to date after this call.
     */
    long ceilWith(Member add, Member leave) {
      refresh();
      if (add == null && leave == null) {
        return ceilMinutes;
      }
      if (leave == null) {
        return ceilMinutes + changed(add, true);
      }
      if (add == null) {
        return ceilMinutes - changed(leave, false);
      }
      long c = constantUnits;
      if (add.constant) {
        c += add.blocks(k).units[0];
      }
      if (leave.constant) {
        c -= leave.blocks(k).units[0];
      }
      return walk(c, add.constant ? null : add, leave.constant ? null : leave);
    }

    /**
     * The minutes where {@code m}'s block opens an instance ({@code joining}) or closes one
     * (leaving: every minute of its blocks has an instance then).
     */
    private long changed(Member m, boolean joining) {
      Blocks blocks = m.blocks(k);
      Direction direction = direction(joining);
      if (m.constant) {
        return blocks.units[0] == 0 ? 0 : direction.atMost[level(blocks.units[0])];
      }
      int[] from = blocks.activeFrom;
      int[] to = blocks.activeTo;
      byte[] levels = blocks.activeLevel;
      if (direction.perMinute == null) {
        walked += count + from.length;
        if (walked <= 2L * minutes) {
          return walkOwnRuns(blocks, direction.bits);
        }
        byte[] perMinute = new byte[minutes];
        byte[] bits = direction.bits;
        for (int i = 0; i < count; i++) {
          for (int t = start[i]; t < start[i + 1]; t++) {
            perMinute[t] = bits[i]; // runs are short: a loop, not a call to fill each
          }
        }
        direction.perMinute = perMinute;
      }
      long total = 0;
      for (int j = 0; j < from.length; j++) {
        int level = levels[j];
        int[] prefix = direction.prefix[level];
        if (prefix == null) {
          prefix = prefix(direction.perMinute, level);
          direction.prefix[level] = prefix;
        }
        total += prefix[to[j]] - prefix[from[j]];
      }
      return total;
    }

    private static int level(int block) {
      return Integer.numberOfTrailingZeros(block);
    }

    /** Per minute {@code t}, the minutes before it whose bit length is at most {@code level}. */
    private int[] prefix(byte[] perMinute, int level) {
      int[] prefix = new int[minutes + 1];
      int sum = 0;
      for (int t = 0; t < minutes; t++) {
        sum += perMinute[t] <= level ? 1 : 0;
        prefix[t + 1] = sum;
      }
      return prefix;
    }

    /** As {@link #changed} for a varying member, walking the runs its blocks overlap. */
    private long walkOwnRuns(Blocks blocks, byte[] bits) {
      int[] from = blocks.activeFrom;
      int[] to = blocks.activeTo;
      byte[] levels = blocks.activeLevel;
      long total = 0;
      int i = 0;
      for (int j = 0; j < from.length; j++) {
        int level = levels[j];
        int first = from[j];
        int last = to[j];
        while (start[i + 1] <= first) {
          i++; // stops at the last run: its end is the month's
        }
        if (start[i + 1] >= last) {
          total += bits[i] <= level ? last - first : 0;
          continue;
        }
        // The part of the first run, the runs within, the part of the last run.
        total += bits[i] <= level ? start[i + 1] - first : 0;
        i++;
        while (start[i + 1] < last) {
          total += bits[i] <= level ? start[i + 1] - start[i] : 0;
          i++;
        }
        total += bits[i] <= level ? last - start[i] : 0;
      }
      return total;
    }

    /**
     * {@code sum over minutes of instances(constant + runs(t) + add(t) - leave(t))}, where {@code
     * add} and {@code leave} are varying members (or null): one walk over the runs.
     */
    private long walk(long constant, Member add, Member leave) {
      Blocks adding = add != null ? add.blocks(k) : null;
      Blocks leaving = leave != null ? leave.blocks(k) : null;
      int i = 0;
      int a = 0;
      int l = 0;
      int t = 0;
      long total = 0;
      while (t < minutes) {
        long value = constant + units[i];
        int end = start[i + 1];
        if (adding != null) {
          value += adding.units[a];
          end = Math.min(end, adding.start[a + 1]);
        }
        if (leaving != null) {
          value -= leaving.units[l];
          end = Math.min(end, leaving.start[l + 1]);
        }
        total += (end - t) * instances(value);
        t = end;
        if (start[i + 1] == t) {
          i++;
        }
        if (adding != null && adding.start[a + 1] == t) {
          a++;
        }
        if (leaving != null && leaving.start[l + 1] == t) {
          l++;
        }
      }
      return total;
    }
  }
}
