package io.fitadvisor.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Fargate task-size table of limits.md. */
class FargateTaskSizesTest {

  @Test
  void linuxSizes() {
    assertThat(FargateTaskSizes.validMemoryGb(OperatingSystem.LINUX, 0.25)).containsExactly(0.5, 1.0, 2.0);
    assertThat(FargateTaskSizes.validMemoryGb(OperatingSystem.LINUX, 0.5)).containsExactly(1.0, 2.0, 3.0, 4.0);
    assertThat(FargateTaskSizes.validMemoryGb(OperatingSystem.LINUX, 4)).hasSize(23).startsWith(8.0).endsWith(30.0);
    assertThat(FargateTaskSizes.validMemoryGb(OperatingSystem.LINUX, 8)).hasSize(12).startsWith(16.0, 20.0).endsWith(60.0);
    assertThat(FargateTaskSizes.validMemoryGb(OperatingSystem.LINUX, 16)).hasSize(12).startsWith(32.0, 40.0).endsWith(120.0);
    assertThat(FargateTaskSizes.validVcpus(OperatingSystem.LINUX)).containsExactly(0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0);
    // 3 + 4 + 7 + 13 + 23 + 12 + 12 sizes.
    assertThat(FargateTaskSizes.all(OperatingSystem.LINUX)).hasSize(74);
  }

  @Test
  void windowsHasOnlyOneToFourVcpu() {
    assertThat(FargateTaskSizes.validVcpus(OperatingSystem.WINDOWS)).containsExactly(1.0, 2.0, 4.0);
    assertThat(FargateTaskSizes.validMemoryGb(OperatingSystem.WINDOWS, 0.5)).isEmpty();
    assertThat(FargateTaskSizes.isValid(OperatingSystem.WINDOWS, 2, 16)).isTrue();
    assertThat(FargateTaskSizes.isValid(OperatingSystem.WINDOWS, 8, 16)).isFalse();
  }

  @Test
  void invalidCombinations() {
    assertThat(FargateTaskSizes.isValid(OperatingSystem.LINUX, 1, 9)).isFalse();
    assertThat(FargateTaskSizes.isValid(OperatingSystem.LINUX, 8, 18)).isFalse();
    assertThat(FargateTaskSizes.isValid(OperatingSystem.LINUX, 3, 6)).isFalse();
    assertThat(FargateTaskSizes.validMemoryGb(OperatingSystem.LINUX, 3)).isEmpty();
  }

  @Test
  void everyListedSizeIsValidAndNothingBetween() {
    // The look-up agrees with the lists: each listed size is valid, and a quarter-GB or a
    // quarter-vCPU beside it is not (no listed size is that close to another).
    for (OperatingSystem os : OperatingSystem.values()) {
      for (FargateTaskSize size : FargateTaskSizes.all(os)) {
        assertThat(FargateTaskSizes.isValid(os, size.vcpu(), size.memoryGb())).isTrue();
        assertThat(FargateTaskSizes.isValid(os, size.vcpu(), size.memoryGb() + 0.25)).isFalse();
        assertThat(FargateTaskSizes.isValid(os, size.vcpu() + 0.125, size.memoryGb())).isFalse();
      }
    }
  }
}
