package io.fitadvisor.advisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fitadvisor.advisor.ContainerModel.ClusterTasks;
import io.fitadvisor.advisor.ContainerModel.InstanceFit;
import io.fitadvisor.pricing.Architecture;
import io.fitadvisor.pricing.Ec2InstanceType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared ECS cluster's packing rule, by hand and against an explicit placement. */
class EcsClusterTest {
  private static final Ec2InstanceType M6G_LARGE = Fixtures.US_EAST_1.ec2Instance("m6g.large").orElseThrow();
  private static final double M6G_LARGE_HOUR_USD = 0.077;
  private static final List<Ec2InstanceType> TYPES = List.of(M6G_LARGE);
  private static final double UNIT = EcsCluster.UNIT;

  static EcsCluster.Member member(int id, int perInstance, int... tasksPerMinute) {
    ClusterTasks tasks = ClusterTasks.ofMinutes(Architecture.ARM64, 0.5, 512, tasksPerMinute,
        List.of(new InstanceFit(M6G_LARGE, perInstance)));
    return new EcsCluster.Member("s" + id, tasks, TYPES);
  }

  static EcsCluster cluster(int minutes, EcsCluster.Member... members) {
    EcsCluster cluster = new EcsCluster(Architecture.ARM64, TYPES, 0, minutes, false);
    for (EcsCluster.Member m : members) {
      cluster.add(m);
    }
    return cluster;
  }

  @Test
  void blocksArePowersOfOneHalfAtLeastTheRemaindersShare() {
    assertThat(EcsCluster.block(0, 5)).isZero();
    assertThat(EcsCluster.block(1, 2) / UNIT).isEqualTo(0.5);
    assertThat(EcsCluster.block(1, 3) / UNIT).isEqualTo(0.5); // 1/3 -> 1/2
    assertThat(EcsCluster.block(2, 3) / UNIT).isEqualTo(1.0); // 2/3 -> 1
    assertThat(EcsCluster.block(3, 8) / UNIT).isEqualTo(0.5); // 3/8 -> 1/2
    assertThat(EcsCluster.block(1, 8) / UNIT).isEqualTo(0.125);
    assertThat(EcsCluster.block(1, 1 << 22)).isEqualTo(1); // below 2^-20: one unit
  }

  @Test
  void aServiceAloneNeedsItsTasksOverTheTasksPerInstanceRoundedUp() {
    // 3 tasks an instance; tasks 0, 1, 3, 4, 7 in five minutes: 0 + 1 + 1 + 2 + 3 = 7 instance-minutes.
    EcsCluster cluster = cluster(5, member(0, 3, 0, 1, 3, 4, 7));
    assertThat(cluster.instanceMinutes(0)).isEqualTo(7);
    assertThat(cluster.monthlyCostUsd()).isCloseTo(7 * M6G_LARGE_HOUR_USD / 60, within(1e-12));
  }

  @Test
  void remaindersOfSeveralServicesShareInstances() {
    // a: 1 task of 4 an instance (block 1/4); b and c: 1 task of 2 (block 1/2 each).
    EcsCluster.Member a = member(0, 4, 1);
    EcsCluster.Member b = member(1, 2, 1);
    EcsCluster.Member c = member(2, 2, 1);
    assertThat(cluster(1, a, b).instanceMinutes(0)).isEqualTo(1); // 1/4 + 1/2 fits one instance
    assertThat(cluster(1, a, b, c).instanceMinutes(0)).isEqualTo(2); // 1/4 + 1/2 + 1/2 = 1.25
    // Full instances stay their own: 5 tasks of 2 an instance are 2 full instances and 1/2.
    assertThat(cluster(1, member(3, 2, 5), a).instanceMinutes(0)).isEqualTo(3);
  }

  @Test
  void theCostWithAMoveEqualsTheCostAfterIt() {
    EcsCluster.Member steady = member(0, 4, 3, 3, 3, 3, 3, 3);
    EcsCluster.Member rising = member(1, 3, 0, 1, 2, 4, 5, 1);
    EcsCluster.Member other = member(2, 2, 1, 1, 0, 0, 3, 3);
    EcsCluster cluster = cluster(6, steady, rising);
    double withOther = cluster.monthlyCostUsdWith(other, null);
    double withoutRising = cluster.monthlyCostUsdWith(null, rising);
    double swapped = cluster.monthlyCostUsdWith(other, rising);
    assertThat(withOther).isEqualTo(cluster(6, steady, rising, other).monthlyCostUsd());
    assertThat(withoutRising).isEqualTo(cluster(6, steady).monthlyCostUsd());
    assertThat(swapped).isEqualTo(cluster(6, steady, other).monthlyCostUsd());
    cluster.add(other);
    cluster.remove(rising);
    assertThat(cluster.monthlyCostUsd()).isEqualTo(swapped);
  }

  @Test
  void aFluidClusterCountsBlocksAsFractionsABoundOfTheExactCount() {
    // a: 1 task of 4 an instance (1/4), b: 3 tasks of 2 (one full instance and 1/2): 1.75 instances
    // a minute fluid, 1 + ceil(0.75) = 2 exact.
    EcsCluster fluid = new EcsCluster(Architecture.ARM64, TYPES, 0, 1, true);
    fluid.add(member(0, 4, 1));
    fluid.add(member(1, 2, 3));
    assertThat(fluid.monthlyCostUsd()).isCloseTo(1.75 * M6G_LARGE_HOUR_USD / 60, within(1e-12));
    assertThat(cluster(1, member(0, 4, 1), member(1, 2, 3)).instanceMinutes(0)).isEqualTo(2);
  }
}
