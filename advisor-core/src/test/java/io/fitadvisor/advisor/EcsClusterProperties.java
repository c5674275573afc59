package io.fitadvisor.advisor;

import static io.fitadvisor.advisor.EcsClusterTest.cluster;
import static io.fitadvisor.advisor.EcsClusterTest.member;
import static org.assertj.core.api.Assertions.assertThat;

import io.fitadvisor.advisor.ContainerModel.ClusterTasks;
import io.fitadvisor.advisor.ContainerModel.InstanceFit;
import io.fitadvisor.pricing.Architecture;
import io.fitadvisor.pricing.Ec2InstanceType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The shared ECS cluster's packing rule against an explicit placement, and its prices against a count minute by minute. */
class EcsClusterProperties {
  private static final Ec2InstanceType M6G_LARGE = Fixtures.US_EAST_1.ec2Instance("m6g.large").orElseThrow();
  private static final Ec2InstanceType R6G_LARGE = Fixtures.US_EAST_1.ec2Instance("r6g.large").orElseThrow();
  private static final List<Ec2InstanceType> TWO_TYPES = List.of(M6G_LARGE, R6G_LARGE);

  /**
   * The rule is a real placement: the blocks of the remainders, packed first fit largest first,
   * fill exactly the instances the rule counts, and the count is never above the services alone
   * nor below their tasks' share of instances.
   */
  @Property(tries = 300)
  void theCountIsAPlacementNeverWorseThanAlone(
      @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 12) Integer> perInstance,
      @ForAll @Size(min = 8, max = 8) List<@IntRange(min = 0, max = 30) Integer> tasks) {
    List<EcsCluster.Member> members = new ArrayList<>();
    long alone = 0;
    double share = 0;
    List<Integer> blocks = new ArrayList<>();
    long full = 0;
    for (int i = 0; i < perInstance.size(); i++) {
      int p = perInstance.get(i);
      int n = tasks.get(i);
      members.add(member(i, p, n));
      alone += (n + p - 1) / p;
      share += (double) n / p;
      full += n / p;
      if (n % p > 0) {
        blocks.add(EcsCluster.block(n % p, p));
      }
    }
    long counted = cluster(1, members.toArray(new EcsCluster.Member[0])).instanceMinutes(0);
    assertThat(counted).isEqualTo(full + firstFitDecreasing(blocks));
    assertThat(counted).isLessThanOrEqualTo(alone).isGreaterThanOrEqualTo((long) Math.ceil(share - 1e-9));
    // A service joining never lowers the count.
    EcsCluster fewer = cluster(1, members.subList(0, members.size() - 1).toArray(new EcsCluster.Member[0]));
    assertThat(fewer.instanceMinutes(0)).isLessThanOrEqualTo(counted);
  }

  /** The block is, by its definition, the least power of one half (at least 2^-20) not below r / p. */
  @Property(tries = 500)
  void theBlockIsTheLeastPowerOfOneHalfNotBelowTheShare(@ForAll @IntRange(min = 1, max = 1 << 24) int p,
      @ForAll @IntRange(min = 0, max = 1 << 24) int remainder) {
    int r = remainder % p;
    int block = EcsCluster.block(r, p);
    if (r == 0) {
      assertThat(block).isZero();
      return;
    }
    // Halve from a whole instance while half of it still holds r / p (r * 2^(j+1) <= p), at most 20 times.
    int j = 0;
    while (j < EcsCluster.UNIT_BITS && ((long) r << (j + 1)) <= p) {
      j++;
    }
    assertThat(block).isEqualTo(1 << (EcsCluster.UNIT_BITS - j));
  }

  /**
   * Members join and leave in random order, of varying or constant tasks, on two instance types
   * (one member fits only the first): the cluster's price, with a member joining or leaving or
   * not, and its instance-minutes on each type, are those of a count minute by minute, however
   * often the same prices are asked (asked often, the cluster answers from prefix sums), and
   * whether the members joined one by one or all at once.
   */
  @Property(tries = 60)
  void pricesWithAndWithoutAMoveAreTheCountMinuteByMinute(@ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int minutes = 20 + random.nextInt(120);
    List<int[]> counts = new ArrayList<>();
    List<EcsCluster.Member> candidates = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      int[] tasks = tasksPerMinute(minutes, random);
      List<InstanceFit> fits = i == 6 ? List.of(new InstanceFit(M6G_LARGE, 1 + random.nextInt(8)))
          : List.of(new InstanceFit(M6G_LARGE, 1 + random.nextInt(8)), new InstanceFit(R6G_LARGE, 1 + random.nextInt(16)));
      counts.add(tasks);
      candidates.add(new EcsCluster.Member("s" + i, ClusterTasks.ofMinutes(Architecture.ARM64, 0.5, 512, tasks, fits),
          TWO_TYPES));
    }
    EcsCluster cluster = new EcsCluster(Architecture.ARM64, TWO_TYPES, 0, minutes, false);
    List<Integer> in = new ArrayList<>();
    for (int step = 0; step < 30; step++) {
      if (random.nextInt(3) == 0 || in.isEmpty()) {
        int join = random.nextInt(candidates.size());
        if (!in.contains(join)) {
          cluster.add(candidates.get(join));
          in.add(join);
        }
      } else if (random.nextInt(4) == 0) {
        Integer leave = in.get(random.nextInt(in.size()));
        cluster.remove(candidates.get(leave));
        in.remove(leave);
      }
      assertThat(cluster.monthlyCostUsd()).isEqualTo(reference(in, candidates, counts, minutes));
      // The same members joining a new cluster all at once (merged in one pass when many).
      EcsCluster fresh = new EcsCluster(Architecture.ARM64, TWO_TYPES, 0, minutes, false);
      for (int i : in) {
        fresh.add(candidates.get(i));
      }
      assertThat(fresh.monthlyCostUsd()).isEqualTo(cluster.monthlyCostUsd());
      for (int k = 0; k < TWO_TYPES.size(); k++) {
        assertThat(cluster.instanceMinutes(k)).isEqualTo(instanceMinutes(in, candidates, counts, minutes, k));
      }
      for (int ask = 0; ask < 6; ask++) {
        Integer join = random.nextInt(candidates.size());
        Integer leave = in.isEmpty() ? null : in.get(random.nextInt(in.size()));
        boolean joining = !in.contains(join) && random.nextBoolean();
        boolean leaving = leave != null && (!joining || random.nextBoolean());
        List<Integer> after = new ArrayList<>(in);
        if (leaving) {
          after.remove(leave);
        }
        if (joining) {
          after.add(join);
        }
        double expected = reference(after, candidates, counts, minutes);
        double with = cluster.monthlyCostUsdWith(joining ? candidates.get(join) : null,
            leaving ? candidates.get(leave) : null);
        assertThat(with).isEqualTo(expected);
        assertThat(cluster.lowerBoundUsdWith(joining ? candidates.get(join) : null,
            leaving ? candidates.get(leave) : null)).isLessThanOrEqualTo(expected);
      }
    }
  }

  /** Task counts over {@code minutes}: constant, or runs of random counts. */
  private static int[] tasksPerMinute(int minutes, SplittableRandom random) {
    int[] tasks = new int[minutes];
    if (random.nextInt(3) == 0) {
      java.util.Arrays.fill(tasks, random.nextInt(20));
      return tasks;
    }
    int t = 0;
    while (t < minutes) {
      int length = 1 + random.nextInt(4);
      int count = random.nextInt(5) == 0 ? 0 : random.nextInt(40);
      for (int i = 0; i < length && t < minutes; i++) {
        tasks[t++] = count;
      }
    }
    return tasks;
  }

  /** The cheapest type that holds every member, priced from its instance-minutes; 0 without members. */
  private static double reference(List<Integer> in, List<EcsCluster.Member> candidates, List<int[]> counts,
      int minutes) {
    if (in.isEmpty()) {
      return 0;
    }
    double best = Double.POSITIVE_INFINITY;
    for (int k = 0; k < TWO_TYPES.size(); k++) {
      boolean all = true;
      for (int i : in) {
        all &= candidates.get(i).fits(k);
      }
      if (all) {
        // The cluster's own rate, as it works it out: hourly price x (1 - savings plan) / 60.
        double usdPerMinute = TWO_TYPES.get(k).onDemandHourlyUsd() * (1 - 0.0) / 60;
        best = Math.min(best, instanceMinutes(in, candidates, counts, minutes, k) * usdPerMinute);
      }
    }
    return best;
  }

  /**
   * Minute by minute on type {@code k}: each member's full instances, and the blocks of the
   * remainders summed and rounded up to whole instances (members that do not fit it left out).
   */
  private static long instanceMinutes(List<Integer> in, List<EcsCluster.Member> candidates, List<int[]> counts,
      int minutes, int k) {
    long total = 0;
    for (int t = 0; t < minutes; t++) {
      long fullInstances = 0;
      long blocks = 0;
      for (int i : in) {
        int p = candidates.get(i).perInstance[k];
        if (p > 0) {
          int n = counts.get(i)[t];
          fullInstances += n / p;
          blocks += EcsCluster.block(n % p, p);
        }
      }
      total += fullInstances + (blocks + EcsCluster.UNIT - 1) / EcsCluster.UNIT;
    }
    return total;
  }

  /** Instances that first fit, largest block first, uses (blocks in units of an instance / 2^20). */
  private static long firstFitDecreasing(List<Integer> blocks) {
    List<Integer> sorted = new ArrayList<>(blocks);
    sorted.sort((a, b) -> b - a);
    List<long[]> bins = new ArrayList<>();
    for (int block : sorted) {
      boolean placed = false;
      for (long[] bin : bins) {
        if (bin[0] + block <= EcsCluster.UNIT) {
          bin[0] += block;
          placed = true;
          break;
        }
      }
      if (!placed) {
        bins.add(new long[] {block});
      }
    }
    return bins.size();
  }
}
