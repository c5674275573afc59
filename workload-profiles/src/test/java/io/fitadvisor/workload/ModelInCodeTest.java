package io.fitadvisor.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Applications and services built in code obey the file's rules, with the same field paths. */
class ModelInCodeTest {

  private static Service.Builder valid(String name) {
    return Service.builder(name)
        .runtime("java21")
        .memoryMb(512)
        .meanDurationMs(100)
        .load(LoadShape.steady(1));
  }

  @Test
  void builderAppliesTheFileDefaults() {
    Service service = valid("api").build();

    assertThat(service.packaging()).isEqualTo(Packaging.ANY);
    assertThat(service.architectures()).containsExactly(Architecture.X86_64, Architecture.ARM64);
    assertThat(service.invocation()).isEqualTo(Invocation.SYNC);
    assertThat(service.duration()).isEqualTo(RequestDuration.ofMeanMs(100));
    assertThat(service.duration().cpuFraction()).isEqualTo(1.0);
    assertThat(service.requestKb()).isZero();
    assertThat(service.responseKb()).isZero();
    assertThat(service.packageMb()).isEmpty();
    assertThat(service.ephemeralStorageMb()).isEqualTo(512);
    assertThat(service.container()).isEmpty();
    assertThat(service.requirements()).isEqualTo(Requirements.NONE);
    assertThat(service.frontDoor()).isEqualTo(FrontDoor.NONE);

    Application app =
        Application.builder().name("shop").region("us-east-1").service(service).build();
    assertThat(app.pricing()).isEqualTo(AccountPricing.DEFAULT);
    assertThat(app.preferences().tieTolerance()).isEqualTo(0.05);
    assertThat(app.preferences().opsCostPerMonthUsd()).hasSize(Target.values().length);
    assertThat(app.service("api")).contains(service);
    assertThat(app.service("nope")).isEmpty();
  }

  @Test
  void aBrokenRuleNamesTheServiceIndexWhenBuiltWithTheApplication() {
    Application.Builder builder =
        Application.builder()
            .name("shop")
            .region("us-east-1")
            .service(valid("a"))
            .service(valid("b"))
            .service(valid("c").meanDurationMs(-5));

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("services[2].duration.meanMs: must be greater than 0 (was -5)");
  }

  @Test
  void aBrokenRuleNamesTheFieldWhenBuiltAlone() {
    assertThatThrownBy(() -> valid("c").meanDurationMs(-5).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duration.meanMs: must be greater than 0 (was -5)");
    assertThatThrownBy(() -> RequestDuration.ofMeanMs(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("meanMs: must be a finite number (was NaN)");
    assertThatThrownBy(() -> valid("c").memoryMb(0).build())
        .hasMessage("memoryMb: must be greater than 0 (was 0)");
    assertThatThrownBy(() -> Service.builder("x").memoryMb(1).meanDurationMs(1).build())
        .hasMessage("runtime: is required");
    assertThatThrownBy(() -> Service.builder("x").runtime("java21").meanDurationMs(1).build())
        .hasMessage("memoryMb: is required");
    assertThatThrownBy(() -> Service.builder("x").runtime("java21").memoryMb(1).build())
        .hasMessage("duration.meanMs: is required");
    assertThatThrownBy(() -> valid("c").load(null).build()).hasMessage("load: is required");
    assertThatThrownBy(() -> valid(" ").build()).hasMessage("name: must not be blank (was ' ')");
    assertThatThrownBy(() -> valid("c").requestKb(Double.POSITIVE_INFINITY).build())
        .hasMessage("requestKb: must be a finite number (was Infinity)");
    assertThatThrownBy(() -> valid("c").architectures(EnumSet.noneOf(Architecture.class)).build())
        .hasMessage("architectures: must list at least one architecture");
  }

  @Test
  void recordsCheckTheirOwnRules() {
    assertThatThrownBy(
            () -> new RequestDuration(10, OptionalDouble.of(5), OptionalDouble.empty(), 1))
        .hasMessage("p99Ms: must be at least meanMs 10 (was 5)");
    assertThatThrownBy(() -> ContainerSpec.builder().targetUtilization(1.1).build())
        .hasMessage("targetUtilization: must be greater than 0 and at most 1 (was 1.1)");
    assertThatThrownBy(() -> new Requirements(false, false, false, OptionalDouble.of(-1)))
        .hasMessage("maxLatencyMs: must be greater than 0 (was -1)");
    assertThatThrownBy(() -> new AccountPricing(false, 0, 1, 0, Optional.empty()))
        .hasMessage("savingsPlan.fargate: must be 0 or greater and less than 1 (was 1)");
    assertThatThrownBy(() -> new Preferences(Map.of(Target.HYBRID, Double.NaN), 0.05))
        .hasMessage("opsCostPerMonthUsd.hybrid: must be a finite number (was NaN)");
    assertThatThrownBy(() -> LoadShape.diurnal(10, 21))
        .hasMessage(
            "diurnal.peakRequestsPerSecond: must be at most twice averageRequestsPerSecond, 20 (was"
                + " 21)");
    assertThatThrownBy(() -> LoadShape.bursty(1, 2, 7, 206))
        .hasMessage(
            "bursty.burstMinutes: bursts must not overlap: at most 205 minutes with 7 bursts a day"
                + " (was 206)");
    assertThatThrownBy(() -> LoadShape.schedule(0, 1))
        .hasMessage("schedule.runsPerDay: must be between 1 and 1440 (was 0)");
    assertThatThrownBy(() -> LoadShape.steady(-1))
        .hasMessage("steady.requestsPerSecond: must be greater than 0 (was -1)");
    assertThatThrownBy(() -> LoadShape.azureFunctionsTrace(List.of(Path.of("d01.csv")), ""))
        .hasMessage("trace.function: must not be blank (was '')");
    assertThatThrownBy(
            () ->
                new LoadShape.Trace(
                    TraceFormat.PER_MINUTE_CSV,
                    List.of(Path.of("a.csv"), Path.of("b.csv")),
                    Optional.empty(),
                    Optional.empty()))
        .hasMessage("trace.files: only azure-functions traces take several files");
    assertThatThrownBy(() -> Application.builder().name("shop").region("us-east-1").build())
        .hasMessage("services: must list at least one service");
    assertThatThrownBy(
            () ->
                Application.builder()
                    .name("shop")
                    .region("us-east-1")
                    .service(valid("a"))
                    .service(valid("a"))
                    .build())
        .hasMessage("services[1].name: must be unique, services[0] has the same name (was 'a')");
    assertThatThrownBy(
            () -> valid("a").container(ContainerSpec.builder().memoryMb(256).build()).build())
        .hasMessage("container.memoryMb: must be at least the service's memoryMb 512 (was 256)");
  }

  @Test
  void containerBuilderKeepsDefaultsForWhatIsNotSet() {
    ContainerSpec spec = ContainerSpec.builder().vcpu(0.5).concurrency(10).build();

    assertThat(spec.vcpu()).hasValue(0.5);
    assertThat(spec.memoryMb()).isEqualTo(OptionalInt.empty());
    assertThat(spec.concurrency()).hasValue(10);
    assertThat(spec.minTasks()).isEqualTo(1);
    assertThat(spec.targetUtilization()).isEqualTo(0.7);
    assertThat(ContainerSpec.builder().build()).isEqualTo(ContainerSpec.DEFAULT);
  }

  @Test
  void preferencesListEveryTargetInOrder() {
    Preferences preferences = new Preferences(Map.of(Target.ECS_EC2, 100.0), 0);

    assertThat(preferences.opsCostPerMonthUsd().keySet()).containsExactly(Target.values());
    assertThat(preferences.opsCostPerMonthUsd(Target.ECS_EC2)).isEqualTo(100);
    assertThat(preferences.opsCostPerMonthUsd(Target.LAMBDA)).isZero();
    assertThatThrownBy(() -> preferences.opsCostPerMonthUsd().put(Target.LAMBDA, 1.0))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void collectionsAreImmutableCopies() {
    Service service = valid("api").build();
    assertThatThrownBy(() -> service.architectures().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    Application app =
        Application.builder().name("shop").region("us-east-1").service(service).build();
    assertThatThrownBy(() -> app.services().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
