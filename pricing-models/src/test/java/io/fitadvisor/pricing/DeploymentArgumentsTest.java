package io.fitadvisor.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Caller mistakes in code throw IllegalArgumentException naming the argument and its value. */
class DeploymentArgumentsTest {

  @Test
  void lambdaArguments() {
    assertThatThrownBy(() -> LambdaDeployment.of("f", 100, 1, 1)).hasMessage("memoryMb must be 128..10240 (was 100)");
    assertThatThrownBy(() -> LambdaDeployment.of("f", 128, -1, 1))
        .hasMessage("monthlyRequests must be a finite number >= 0 (was -1.0)");
    assertThatThrownBy(() -> LambdaDeployment.of("f", 128, Double.NaN, 1))
        .hasMessage("monthlyRequests must be a finite number >= 0 (was NaN)");
    assertThatThrownBy(() -> LambdaDeployment.of("f", 128, 1, 0))
        .hasMessage("durationMs must be greater than 0 and at most 900000 (was 0.0)");
    assertThatThrownBy(() -> LambdaDeployment.builder("f", 128, 1, 1).ephemeralStorageMb(100).build())
        .hasMessage("ephemeralStorageMb must be 512..10240 (was 100)");
    assertThatThrownBy(() -> LambdaDeployment.builder("f", 128, 1, 1).provisionedHoursPerMonth(745).build())
        .hasMessage("provisionedHoursPerMonth must be 0..744 (was 745.0)");
    assertThatThrownBy(() -> LambdaDeployment.of(" ", 128, 1, 1)).hasMessage("name must not be blank (was ' ')");
  }

  @Test
  void lambdaDefaults() {
    LambdaDeployment f = LambdaDeployment.of("f", 128, 1, 1);

    assertThat(f).isEqualTo(new LambdaDeployment("f", Architecture.X86_64, 128, 1, 1, 512, 0, 730));
    assertThat(f.kind()).isEqualTo("lambda");
  }

  @Test
  void fargateArguments() {
    assertThatThrownBy(() -> FargateDeployment.of("f", 1, 9, 1))
        .hasMessage("vcpu 1.0 with memoryGb 9.0 is not a valid Fargate task size for linux");
    assertThatThrownBy(() -> FargateDeployment.of("f", 1, 2, -1)).hasMessage("tasks must be a finite number >= 0 (was -1.0)");
    assertThatThrownBy(() -> FargateDeployment.builder("f", 1, 2, 1).ephemeralStorageGb(201).build())
        .hasMessage("ephemeralStorageGb must be 20..200 (was 201.0)");
    assertThatThrownBy(() -> FargateDeployment.builder("f", 1, 2, 1).os(OperatingSystem.WINDOWS)
        .architecture(Architecture.ARM64).build())
        .hasMessage("architecture must be x86_64 for Windows tasks (was arm64)");
  }

  @Test
  void otherArguments() {
    assertThatThrownBy(() -> Ec2Deployment.of("e", "", 1)).hasMessage("instanceType must not be blank (was '')");
    assertThatThrownBy(() -> new Ec2Deployment("e", "m5.large", 1, -1, false))
        .hasMessage("hoursPerMonth must be 0..744 (was -1.0)");
    assertThatThrownBy(() -> new ApiGatewayDeployment("a", ApiType.HTTP, Double.POSITIVE_INFINITY))
        .hasMessage("monthlyRequests must be a finite number >= 0 (was Infinity)");
    assertThatThrownBy(() -> AlbDeployment.of("a", -1)).hasMessage("lcu must be a finite number >= 0 (was -1.0)");
    assertThatThrownBy(() -> new AccountTerms(false, 1, 0, 0)).hasMessage("lambdaSavingsPlan must be in [0, 1) (was 1.0)");
    assertThat(AccountTerms.NONE).isEqualTo(new AccountTerms(false, 0, 0, 0));
  }

  @Test
  void enumIds() {
    assertThat(Architecture.fromId("arm64")).isEqualTo(Architecture.ARM64);
    assertThat(OperatingSystem.fromId("windows").id()).isEqualTo("windows");
    assertThat(ApiType.fromId("rest").id()).isEqualTo("rest");
    assertThatThrownBy(() -> Architecture.fromId("x86"))
        .hasMessage("unknown architecture 'x86' (known: x86_64, arm64)");
  }
}
