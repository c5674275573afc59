package io.fitadvisor.advisor;

import static io.fitadvisor.advisor.EcsClusterTest.cluster;
import static io.fitadvisor.advisor.EcsClusterTest.member;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The shared ECS cluster's packing rule against an explicit placement. */
class EcsClusterProperties {

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
