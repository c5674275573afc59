package io.fitadvisor.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bundled limits match shared/facts/limits.md. */
class FitLimitsTest {
  @Test
  void lambdaLimits() {
    FitLimits limits = FitLimits.builtIn();
    assertThat(limits.lambdaMinMemoryMb()).isEqualTo(128);
    assertThat(limits.lambdaMaxMemoryMb()).isEqualTo(10_240);
    assertThat(limits.lambdaMemoryMbPerVcpu()).isEqualTo(1_769);
    assertThat(limits.lambdaTimeoutSeconds()).isEqualTo(900);
    assertThat(limits.lambdaZipUnzippedMaxMb()).isEqualTo(250);
    assertThat(limits.lambdaSyncPayloadMaxKb()).isEqualTo(6 * 1024);
    assertThat(limits.lambdaAsyncPayloadMaxKb()).isEqualTo(1024);
    assertThat(limits.lambdaConcurrencyQuota()).isEqualTo(1_000);
    assertThat(limits.lambdaScalingEnvironmentsPer10Seconds()).isEqualTo(1_000);
  }

  @Test
  void containerLimitsAndDefaults() {
    FitLimits limits = FitLimits.builtIn();
    assertThat(limits.fargateMaxEphemeralStorageGb()).isEqualTo(200);
    assertThat(limits.scaleOutAlarmMinutes()).isEqualTo(3);
    assertThat(limits.scaleInMinutes()).isEqualTo(15);
    assertThat(limits.fargateTaskStartupSeconds()).isEqualTo(60);
    assertThat(limits.ec2CapacitySeconds()).isEqualTo(150);
    assertThat(limits.ecsReservedMemoryMib()).isEqualTo(300);
    assertThat(limits.lambdaKeepAliveMinutes()).isEqualTo(5);
  }
}
