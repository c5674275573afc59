package io.fitadvisor.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of the workload file, each broken once in an otherwise valid file, with the exact
 * message. The third service ({@code services[2]}) is the one edited unless the case says
 * otherwise.
 */
class ValidationRulesTest {
  private static final String BASE =
      """
      schemaVersion: 1
      application: shop
      region: us-east-1
      services:
        - name: a
          runtime: java21
          memoryMb: 512
          duration: {meanMs: 100}
          load: {steady: {requestsPerSecond: 5}}
        - name: b
          runtime: python3.12
          memoryMb: 256
          duration: {meanMs: 50}
          load: {steady: {requestsPerSecond: 1}}
        - name: c
          runtime: container
          memoryMb: 1024
          duration: {meanMs: 20}
          load: {steady: {requestsPerSecond: 2}}
      """;

  @TempDir static Path folder;

  @BeforeEach
  void traces() throws IOException {
    Files.createDirectories(folder.resolve("traces"));
    Files.writeString(folder.resolve("traces/t.csv"), "minute,requests\n0,1\n");
  }

  @Test
  void theBaseFileIsValid() throws IOException {
    Path file = folder.resolve("base.yaml");
    Files.writeString(file, BASE);
    assertThat(Workloads.read(file).services()).hasSize(3);
  }

  static Stream<Arguments> rules() {
    String services = "services[2].";
    return Stream.of(
        // The application
        edit("schemaVersion: 1", "schemaVersion: 2", "schemaVersion: must be 1 (was 2)"),
        edit("schemaVersion: 1\n", "", "schemaVersion: is required"),
        edit(
            "schemaVersion: 1",
            "schemaVersion: one",
            "schemaVersion: must be a whole number (was 'one')"),
        edit("application: shop", "application: ''", "application: must not be blank (was '')"),
        edit("application: shop", "application: 5", "application: must be text (was 5)"),
        edit(
            "region: us-east-1",
            "region: US East",
            "region: must be an AWS region code such as us-east-1 (was 'US East')"),
        edit("region: us-east-1\n", "", "region: is required"),
        edit(
            "region: us-east-1",
            "region: us-east-1\nregoin: x",
            "regoin: unknown field 'regoin' (known: schemaVersion, application, region, pricing,"
                + " preferences, services)"),
        replaceServices("services: []", "services: must list at least one service"),
        replaceServices("services: x", "services: must be a list (was 'x')"),
        replaceServices("services: [x]", "services[0]: must be an object (was 'x')"),
        edit(
            "name: c",
            "name: a",
            "services[2].name: must be unique, services[0] has the same name (was 'a')"),
        edit("- name: c\n    runtime", "- runtime", services + "name: is required"),
        // Pricing and preferences
        edit(
            "region: us-east-1",
            "region: us-east-1\npricing: {savingsPlan: {lambda: 1}}",
            "pricing.savingsPlan.lambda: must be 0 or greater and less than 1 (was 1)"),
        edit(
            "region: us-east-1",
            "region: us-east-1\npricing: {savingsPlan: {ec2: -0.1}}",
            "pricing.savingsPlan.ec2: must be 0 or greater and less than 1 (was -0.1)"),
        edit(
            "region: us-east-1",
            "region: us-east-1\npricing: {savingsPlan: {lamda: 0.1}}",
            "pricing.savingsPlan.lamda: unknown field 'lamda' (known: lambda, fargate, ec2)"),
        edit(
            "region: us-east-1",
            "region: us-east-1\npricing: {lambdaFreeTier: 1}",
            "pricing.lambdaFreeTier: must be true or false (was 1)"),
        edit(
            "region: us-east-1",
            "region: us-east-1\npricing: {catalog: prices.json}",
            "pricing.catalog: file not found (was 'prices.json')"),
        edit(
            "region: us-east-1",
            "region: us-east-1\npricing: {catalog: traces}",
            "pricing.catalog: must be a file, not a folder (was 'traces')"),
        edit(
            "region: us-east-1",
            "region: us-east-1\npreferences: {opsCostPerMonthUsd: {lamdba: 5}}",
            "preferences.opsCostPerMonthUsd.lamdba: unknown field 'lamdba' (known: lambda,"
                + " lambda-managed-instances, fargate, fargate-spot, ecs-ec2, hybrid)"),
        edit(
            "region: us-east-1",
            "region: us-east-1\npreferences: {opsCostPerMonthUsd: {fargate: -1}}",
            "preferences.opsCostPerMonthUsd.fargate: must be 0 or greater (was -1)"),
        edit(
            "region: us-east-1",
            "region: us-east-1\npreferences: {tieTolerance: 2}",
            "preferences.tieTolerance: must be between 0 and 1 (was 2)"),
        edit(
            "region: us-east-1",
            "region: us-east-1\npreferences: []",
            "preferences: must be an object (was [])"),
        // A service's fields
        edit(
            "runtime: container",
            "runtime: java99",
            services
                + "runtime: must be one of "
                + String.join(", ", Runtimes.known())
                + " (was 'java99')"),
        edit(
            "runtime: container",
            "runtime: container\n    packaging: zip",
            services + "packaging: must be image or any when runtime is container (was 'zip')"),
        edit(
            "runtime: container",
            "runtime: container\n    packaging: jar",
            services + "packaging: must be one of zip, image, any (was 'jar')"),
        edit(
            "runtime: container",
            "runtime: container\n    architectures: []",
            services + "architectures: must list at least one architecture"),
        edit(
            "runtime: container",
            "runtime: container\n    architectures: [arm64, arm64]",
            services + "architectures[1]: must not repeat an architecture (was 'arm64')"),
        edit(
            "runtime: container",
            "runtime: container\n    architectures: [sparc]",
            services + "architectures[0]: must be one of x86_64, arm64 (was 'sparc')"),
        edit(
            "runtime: container",
            "runtime: container\n    architectures: arm64",
            services + "architectures: must be a list (was 'arm64')"),
        edit(
            "runtime: container",
            "runtime: container\n    invocation: batch",
            services + "invocation: must be one of sync, async, queue, schedule (was 'batch')"),
        edit(
            "runtime: container",
            "runtime: container\n    frontDoor: cloudfront",
            services
                + "frontDoor: must be one of none, api-gateway-http, api-gateway-rest, alb,"
                + " function-url (was 'cloudfront')"),
        edit(
            "memoryMb: 1024",
            "memroyMb: 1024",
            services
                + "memroyMb: unknown field 'memroyMb' (known: name, runtime, packaging,"
                + " architectures, invocation, memoryMb, duration, requestKb, responseKb,"
                + " packageMb, ephemeralStorageMb, load, container, requirements, frontDoor)"),
        edit(
            "memoryMb: 1024",
            "memoryMb: '1024'",
            services + "memoryMb: must be a whole number (was '1024')"),
        edit(
            "memoryMb: 1024",
            "memoryMb: 1.5",
            services + "memoryMb: must be a whole number (was 1.5)"),
        edit(
            "memoryMb: 1024", "memoryMb: 0", services + "memoryMb: must be greater than 0 (was 0)"),
        edit(
            "memoryMb: 1024",
            "memoryMb: 99999999999",
            services + "memoryMb: must be a whole number of at most 2147483647 (was 99999999999)"),
        edit("    memoryMb: 1024\n", "", services + "memoryMb: is required"),
        edit(
            "memoryMb: 1024",
            "memoryMb: 1024\n    requestKb: -1",
            services + "requestKb: must be 0 or greater (was -1)"),
        edit(
            "memoryMb: 1024",
            "memoryMb: 1024\n    responseKb: x",
            services + "responseKb: must be a number (was 'x')"),
        edit(
            "memoryMb: 1024",
            "memoryMb: 1024\n    packageMb: 0",
            services + "packageMb: must be greater than 0 (was 0)"),
        edit(
            "memoryMb: 1024",
            "memoryMb: 1024\n    ephemeralStorageMb: -1",
            services + "ephemeralStorageMb: must be 0 or greater (was -1)"),
        // Duration
        edit(
            "meanMs: 20",
            "meanMs: -5",
            services + "duration.meanMs: must be greater than 0 (was -5)"),
        edit(
            "meanMs: 20",
            "meanMs: 0",
            services + "duration.meanMs: must be greater than 0 (was 0)"),
        edit(
            "meanMs: 20",
            "meanMs: 1e400",
            services + "duration.meanMs: must be a finite number (was Infinity)"),
        edit(
            "meanMs: 20",
            "meanMs: -1e400",
            services + "duration.meanMs: must be a finite number (was -Infinity)"),
        edit(
            "duration: {meanMs: 20}",
            "duration: {p99Ms: 20}",
            services + "duration.meanMs: is required"),
        edit("    duration: {meanMs: 20}\n", "", services + "duration: is required"),
        edit(
            "meanMs: 20",
            "meanMs: 20, p99Ms: 10",
            services + "duration.p99Ms: must be at least meanMs 20 (was 10)"),
        edit(
            "meanMs: 20",
            "meanMs: 20, p99Ms: 50, maxMs: 40",
            services + "duration.maxMs: must be at least p99Ms 50 (was 40)"),
        edit(
            "meanMs: 20",
            "meanMs: 20, maxMs: 10",
            services + "duration.maxMs: must be at least meanMs 20 (was 10)"),
        edit(
            "meanMs: 20",
            "meanMs: 20, cpuFraction: 0",
            services + "duration.cpuFraction: must be greater than 0 and at most 1 (was 0)"),
        edit(
            "meanMs: 20",
            "meanMs: 20, cpuFraction: 1.5",
            services + "duration.cpuFraction: must be greater than 0 and at most 1 (was 1.5)"),
        edit(
            "meanMs: 20",
            "meanMs: 20, meanSeconds: 1",
            services
                + "duration.meanSeconds: unknown field 'meanSeconds' (known: meanMs, p99Ms, maxMs,"
                + " cpuFraction)"),
        // Load shapes
        edit("    load: {steady: {requestsPerSecond: 2}}\n", "", services + "load: is required"),
        loadEdit(
            "{}",
            services
                + "load: must give exactly one shape of steady, diurnal, bursty, schedule, trace"
                + " (was none)"),
        loadEdit(
            "{steady: {requestsPerSecond: 2}, diurnal: {averageRequestsPerSecond: 1,"
                + " peakRequestsPerSecond: 1}}",
            services
                + "load: must give exactly one shape of steady, diurnal, bursty, schedule, trace"
                + " (was steady and diurnal)"),
        loadEdit(
            "{constant: 5}",
            services
                + "load.constant: unknown field 'constant' (known: steady, diurnal, bursty,"
                + " schedule, trace)"),
        loadEdit("{steady: 5}", services + "load.steady: must be an object (was 5)"),
        loadEdit(
            "{steady: {}}",
            services
                + "load.steady: must give exactly one of requestsPerSecond or monthlyRequests"),
        loadEdit(
            "{steady: {requestsPerSecond: 1, monthlyRequests: 5}}",
            services
                + "load.steady: must give exactly one of requestsPerSecond or monthlyRequests"),
        loadEdit(
            "{steady: {requestsPerSecond: 0}}",
            services + "load.steady.requestsPerSecond: must be greater than 0 (was 0)"),
        loadEdit(
            "{steady: {monthlyRequests: -5}}",
            services + "load.steady.monthlyRequests: must be greater than 0 (was -5)"),
        loadEdit(
            "{diurnal: {averageRequestsPerSecond: 10, peakRequestsPerSecond: 25}}",
            services
                + "load.diurnal.peakRequestsPerSecond: must be at most twice"
                + " averageRequestsPerSecond, 20 (was 25)"),
        loadEdit(
            "{diurnal: {averageRequestsPerSecond: 10, peakRequestsPerSecond: 5}}",
            services
                + "load.diurnal.peakRequestsPerSecond: must be at least averageRequestsPerSecond 10"
                + " (was 5)"),
        loadEdit(
            "{diurnal: {averageRequestsPerSecond: 0, peakRequestsPerSecond: 0}}",
            services + "load.diurnal.averageRequestsPerSecond: must be greater than 0 (was 0)"),
        loadEdit(
            "{diurnal: {averageRequestsPerSecond: 10, peakRequestsPerSecond: 15, peakHourUtc: 24}}",
            services + "load.diurnal.peakHourUtc: must be 0 or greater and less than 24 (was 24)"),
        loadEdit(
            "{diurnal: {averageRequestsPerSecond: 10}}",
            services + "load.diurnal.peakRequestsPerSecond: is required"),
        loadEdit(
            "{bursty: {baselineRequestsPerSecond: 1, burstRequestsPerSecond: 5, burstsPerDay: 9,"
                + " burstMinutes: 200}}",
            services
                + "load.bursty.burstMinutes: bursts must not overlap: at most 160 minutes with 9"
                + " bursts a day (was 200)"),
        loadEdit(
            "{bursty: {baselineRequestsPerSecond: 5, burstRequestsPerSecond: 2, burstsPerDay: 1,"
                + " burstMinutes: 5}}",
            services
                + "load.bursty.burstRequestsPerSecond: must be at least baselineRequestsPerSecond 5"
                + " (was 2)"),
        loadEdit(
            "{bursty: {baselineRequestsPerSecond: -1, burstRequestsPerSecond: 2, burstsPerDay: 1,"
                + " burstMinutes: 5}}",
            services + "load.bursty.baselineRequestsPerSecond: must be 0 or greater (was -1)"),
        loadEdit(
            "{bursty: {baselineRequestsPerSecond: 1, burstRequestsPerSecond: 2, burstsPerDay: 0,"
                + " burstMinutes: 5}}",
            services + "load.bursty.burstsPerDay: must be between 1 and 1440 (was 0)"),
        loadEdit(
            "{bursty: {baselineRequestsPerSecond: 1, burstRequestsPerSecond: 2, burstsPerDay: 1,"
                + " burstMinutes: 0}}",
            services + "load.bursty.burstMinutes: must be greater than 0 (was 0)"),
        loadEdit(
            "{bursty: {baselineRequestsPerSecond: 1, burstRequestsPerSecond: 2, burstsPerDay: 1.5,"
                + " burstMinutes: 1}}",
            services + "load.bursty.burstsPerDay: must be a whole number (was 1.5)"),
        loadEdit(
            "{schedule: {runsPerDay: 1441, tasksPerRun: 1}}",
            services + "load.schedule.runsPerDay: must be between 1 and 1440 (was 1441)"),
        loadEdit(
            "{schedule: {runsPerDay: 1, tasksPerRun: 0}}",
            services + "load.schedule.tasksPerRun: must be greater than 0 (was 0)"),
        loadEdit(
            "{schedule: {runsPerDay: 1}}", services + "load.schedule.tasksPerRun: is required"),
        // Traces
        loadEdit(
            "{trace: {format: per-minute-csv, file: nope.csv}}",
            services + "load.trace.file: file not found (was 'nope.csv')"),
        loadEdit(
            "{trace: {format: per-minute-csv, file: ''}}",
            services + "load.trace.file: must not be blank (was '')"),
        loadEdit(
            "{trace: {format: csv, file: traces/t.csv}}",
            services
                + "load.trace.format: must be one of per-minute-csv, azure-functions,"
                + " cloudwatch-metric-data (was 'csv')"),
        loadEdit("{trace: {file: traces/t.csv}}", services + "load.trace.format: is required"),
        loadEdit("{trace: {format: per-minute-csv}}", services + "load.trace.file: is required"),
        loadEdit(
            "{trace: {format: azure-functions, function: f1}}",
            services + "load.trace.files: is required"),
        loadEdit(
            "{trace: {format: per-minute-csv, file: traces/t.csv, function: f1}}",
            services
                + "load.trace.function: only azure-functions traces select a function (was 'f1')"),
        loadEdit(
            "{trace: {format: azure-functions, files: [traces/t.csv]}}",
            services + "load.trace.function: is required for azure-functions"),
        loadEdit(
            "{trace: {format: azure-functions, files: [traces/t.csv], function: ' '}}",
            services + "load.trace.function: must not be blank (was ' ')"),
        loadEdit(
            "{trace: {format: per-minute-csv, files: [traces/t.csv]}}",
            services
                + "load.trace.files: only azure-functions traces take several files; use file"),
        loadEdit(
            "{trace: {format: azure-functions, files: [], function: f1}}",
            services + "load.trace.files: must list at least one file"),
        loadEdit(
            "{trace: {format: azure-functions, files: [traces/t.csv, nope.csv], function: f1}}",
            services + "load.trace.files[1]: file not found (was 'nope.csv')"),
        loadEdit(
            "{trace: {format: azure-functions, file: traces/t.csv, files: [traces/t.csv], function:"
                + " f1}}",
            services + "load.trace.files: give either file or files, not both"),
        loadEdit(
            "{trace: {format: per-minute-csv, file: traces/t.csv, sheet: 1}}",
            services
                + "load.trace.sheet: unknown field 'sheet' (known: format, file, files, function)"),
        // Container and requirements
        edit(
            "memoryMb: 1024",
            "memoryMb: 1024\n    container: {memoryMb: 512}",
            services
                + "container.memoryMb: must be at least the service's memoryMb 1024 (was 512)"),
        edit(
            "memoryMb: 1024",
            "memoryMb: 1024\n    container: {targetUtilization: 0}",
            services + "container.targetUtilization: must be greater than 0 and at most 1 (was 0)"),
        edit(
            "memoryMb: 1024",
            "memoryMb: 1024\n    container: {minTasks: -1}",
            services + "container.minTasks: must be 0 or greater (was -1)"),
        edit(
            "memoryMb: 1024",
            "memoryMb: 1024\n    container: {concurrency: 0}",
            services + "container.concurrency: must be greater than 0 (was 0)"),
        edit(
            "memoryMb: 1024",
            "memoryMb: 1024\n    container: {vcpu: -1}",
            services + "container.vcpu: must be greater than 0 (was -1)"),
        edit(
            "memoryMb: 1024",
            "memoryMb: 1024\n    container: {startupSeconds: -1}",
            services + "container.startupSeconds: must be 0 or greater (was -1)"),
        edit(
            "memoryMb: 1024",
            "memoryMb: 1024\n    container: {cpu: 1}",
            services
                + "container.cpu: unknown field 'cpu' (known: vcpu, memoryMb, concurrency,"
                + " minTasks, targetUtilization, startupSeconds)"),
        edit(
            "memoryMb: 1024",
            "memoryMb: 1024\n    requirements: {gpu: 'true'}",
            services + "requirements.gpu: must be true or false (was 'true')"),
        edit(
            "memoryMb: 1024",
            "memoryMb: 1024\n    requirements: {maxLatencyMs: 0}",
            services + "requirements.maxLatencyMs: must be greater than 0 (was 0)"),
        edit(
            "memoryMb: 1024",
            "memoryMb: 1024\n    requirements: {spot: true}",
            services
                + "requirements.spot: unknown field 'spot' (known: gpu, persistentConnections,"
                + " interruptible, maxLatencyMs)"));
  }

  private static Arguments edit(String from, String to, String expected) {
    if (!BASE.contains(from)) {
      throw new IllegalArgumentException("not in the base file: " + from);
    }
    // Edit the last occurrence: the third service unless the text is unique.
    int at = BASE.lastIndexOf(from);
    return Arguments.of(BASE.substring(0, at) + to + BASE.substring(at + from.length()), expected);
  }

  private static Arguments loadEdit(String load, String expected) {
    return edit("{steady: {requestsPerSecond: 2}}", load, expected);
  }

  private static Arguments replaceServices(String services, String expected) {
    return Arguments.of(BASE.substring(0, BASE.indexOf("services:")) + services + "\n", expected);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("rules")
  void yamlBreakingOneRuleIsRejectedWithItsMessage(String yaml, String expected)
      throws IOException {
    Path file = folder.resolve("shop.yaml");
    Files.writeString(file, yaml);

    assertThatThrownBy(() -> Workloads.read(file))
        .isInstanceOf(WorkloadFileException.class)
        .hasMessage(file + ": " + expected);
  }

  @Test
  void jsonUsesTheSameRules() throws IOException {
    Path file = folder.resolve("shop.json");
    Files.writeString(
        file,
        """
        {"schemaVersion": 1, "application": "shop", "region": "us-east-1",
         "services": [{"name": "a", "runtime": "java21", "memoryMb": 512,
                       "duration": {"meanMs": -5}, "load": {"steady": {"requestsPerSecond": 1}}}]}
        """);

    assertThatThrownBy(() -> Workloads.read(file))
        .isInstanceOf(WorkloadFileException.class)
        .hasMessage(file + ": services[0].duration.meanMs: must be greater than 0 (was -5)")
        .satisfies(
            e -> {
              WorkloadFileException problem = (WorkloadFileException) e;
              assertThat(problem.file()).isEqualTo(file.toString());
              assertThat(problem.fieldPath()).isEqualTo("services[0].duration.meanMs");
            });
  }
}
