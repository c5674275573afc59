package io.fitadvisor.pricing;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The task sizes (vCPU with memory) Fargate accepts, per operating system, as documented in the
 * Amazon ECS developer guide (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html).
 *
 * <p>Linux: 0.25 vCPU with 0.5, 1 or 2 GB; 0.5 vCPU with 1-4 GB; 1 vCPU with 2-8 GB; 2 vCPU with
 * 4-16 GB; 4 vCPU with 8-30 GB (1 GB steps); 8 vCPU with 16-60 GB in 4 GB steps; 16 vCPU with
 * 32-120 GB in 8 GB steps. Windows: the 1, 2 and 4 vCPU rows.
 */
public final class FargateTaskSizes {
  /** Rows of (vcpu, lowest memory GB, highest memory GB, step GB); 0.25 vCPU is listed by hand. */
  private static final double[][] ROWS = {
    {0.5, 1, 4, 1}, {1, 2, 8, 1}, {2, 4, 16, 1}, {4, 8, 30, 1}, {8, 16, 60, 4}, {16, 32, 120, 8},
  };

  private static final List<FargateTaskSize> LINUX = build(OperatingSystem.LINUX);
  private static final List<FargateTaskSize> WINDOWS = build(OperatingSystem.WINDOWS);
  private static final Set<FargateTaskSize> LINUX_SET = Set.copyOf(LINUX);
  private static final Set<FargateTaskSize> WINDOWS_SET = Set.copyOf(WINDOWS);

  private FargateTaskSizes() {}

  private static List<FargateTaskSize> build(OperatingSystem os) {
    List<FargateTaskSize> sizes = new ArrayList<>();
    if (os == OperatingSystem.LINUX) {
      sizes.add(new FargateTaskSize(0.25, 0.5));
      sizes.add(new FargateTaskSize(0.25, 1));
      sizes.add(new FargateTaskSize(0.25, 2));
    }
    for (double[] row : ROWS) {
      double vcpu = row[0];
      boolean offered = os == OperatingSystem.LINUX || (vcpu >= 1 && vcpu <= 4);
      if (offered) {
        for (double gb = row[1]; gb <= row[2]; gb += row[3]) {
          sizes.add(new FargateTaskSize(vcpu, gb));
        }
      }
    }
    return List.copyOf(sizes);
  }

  /** Whether {@code vcpu} with {@code memoryGb} is a task size Fargate accepts for {@code os}. */
  public static boolean isValid(OperatingSystem os, double vcpu, double memoryGb) {
    // A set look-up: every deployment checks its size, and the advisor builds many of them. (The
    // record compares doubles as Double.equals does; no size holds a 0 or a NaN, so that is ==.)
    checkNotNull(os, "os must not be null");
    return (os == OperatingSystem.LINUX ? LINUX_SET : WINDOWS_SET).contains(new FargateTaskSize(vcpu, memoryGb));
  }

  /** The vCPU values Fargate accepts for {@code os}, ascending. */
  public static List<Double> validVcpus(OperatingSystem os) {
    List<Double> vcpus = new ArrayList<>();
    for (FargateTaskSize size : all(os)) {
      if (vcpus.isEmpty() || vcpus.get(vcpus.size() - 1) != size.vcpu()) {
        vcpus.add(size.vcpu());
      }
    }
    return List.copyOf(vcpus);
  }

  /** The memory sizes in GB Fargate accepts with {@code vcpu} on {@code os}, ascending; empty if {@code vcpu} is not valid. */
  public static List<Double> validMemoryGb(OperatingSystem os, double vcpu) {
    List<Double> memory = new ArrayList<>();
    for (FargateTaskSize size : all(os)) {
      if (size.vcpu() == vcpu) {
        memory.add(size.memoryGb());
      }
    }
    return List.copyOf(memory);
  }

  /** Every valid task size for {@code os}, by vCPU then memory. */
  public static List<FargateTaskSize> all(OperatingSystem os) {
    checkNotNull(os, "os must not be null");
    return os == OperatingSystem.LINUX ? LINUX : WINDOWS;
  }
}
