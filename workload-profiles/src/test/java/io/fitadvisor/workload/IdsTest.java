package io.fitadvisor.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The spec's spellings of every closed set, and the runtime list. */
class IdsTest {

  @Test
  void enumsUseTheSpecSpelling() {
    assertThat(Architecture.X86_64.id()).isEqualTo("x86_64");
    assertThat(Architecture.fromId("arm64")).isEqualTo(Architecture.ARM64);
    assertThat(Packaging.fromId("image")).isEqualTo(Packaging.IMAGE);
    assertThat(Invocation.fromId("schedule")).isEqualTo(Invocation.SCHEDULE);
    assertThat(FrontDoor.API_GATEWAY_REST.id()).isEqualTo("api-gateway-rest");
    assertThat(FrontDoor.fromId("function-url")).isEqualTo(FrontDoor.FUNCTION_URL);
    assertThat(TraceFormat.fromId("cloudwatch-metric-data"))
        .isEqualTo(TraceFormat.CLOUDWATCH_METRIC_DATA);
    for (Target target : Target.values()) {
      assertThat(Target.fromId(target.id())).isEqualTo(target);
    }
  }

  @Test
  void targetsAreDeclaredFromMostToLeastManaged() {
    assertThat(Target.values())
        .extracting(Target::id)
        .containsExactly(
            "lambda", "lambda-managed-instances", "fargate", "fargate-spot", "ecs-ec2", "hybrid");
  }

  @Test
  void unknownIdsListTheKnownOnes() {
    assertThatThrownBy(() -> Target.fromId("ec2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown target 'ec2' (known: lambda, lambda-managed-instances, fargate, fargate-spot,"
                + " ecs-ec2, hybrid)");
    assertThatThrownBy(() -> Architecture.fromId("X86_64"))
        .hasMessage("unknown architecture 'X86_64' (known: x86_64, arm64)");
  }

  @Test
  void runtimesKnowCurrentDeprecatedAndContainer() {
    assertThat(Runtimes.isKnown("java21")).isTrue();
    assertThat(Runtimes.isKnown("python3.14")).isTrue();
    assertThat(Runtimes.isKnown("provided.al2023")).isTrue();
    assertThat(Runtimes.isKnown("container")).isTrue();
    assertThat(Runtimes.isKnown("java99")).isFalse();
    assertThat(Runtimes.isKnown("Java21")).isFalse();
    assertThat(Runtimes.isDeprecated("nodejs18.x")).isTrue();
    assertThat(Runtimes.isDeprecated("python3.9")).isTrue();
    assertThat(Runtimes.isKnown("nodejs18.x")).isTrue();
    assertThat(Runtimes.isDeprecated("nodejs22.x")).isFalse();
    assertThat(Runtimes.known()).endsWith("container").doesNotHaveDuplicates();
  }
}
