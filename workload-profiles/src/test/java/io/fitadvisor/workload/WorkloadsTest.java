package io.fitadvisor.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the sample workload files, and whole-file problems (missing, malformed, unsafe). */
class WorkloadsTest {
  @TempDir Path folder;

  private static Path sample(String name) {
    try {
      return Path.of(WorkloadsTest.class.getResource("/samples/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void readsTheYamlSampleWithEveryField() {
    Path file = sample("storefront.yaml");
    Application app = Workloads.read(file);

    assertThat(app.name()).isEqualTo("storefront");
    assertThat(app.region()).isEqualTo("us-east-1");
    assertThat(app.pricing().lambdaFreeTier()).isTrue();
    assertThat(app.pricing().lambdaSavingsPlan()).isEqualTo(0.12);
    assertThat(app.pricing().fargateSavingsPlan()).isEqualTo(0.2);
    assertThat(app.pricing().ec2SavingsPlan()).isEqualTo(0);
    assertThat(app.pricing().catalogFile())
        .contains(file.getParent().resolve("prices/negotiated.json"));
    assertThat(app.preferences().opsCostPerMonthUsd(Target.FARGATE)).isEqualTo(50);
    assertThat(app.preferences().opsCostPerMonthUsd(Target.ECS_EC2)).isEqualTo(200);
    assertThat(app.preferences().opsCostPerMonthUsd(Target.LAMBDA)).isEqualTo(0);
    assertThat(app.preferences().tieTolerance()).isEqualTo(0.1);
    assertThat(app.services())
        .extracting(Service::name)
        .containsExactly("checkout-api", "nightly-report", "webhooks");

    Service api = app.services().get(0);
    assertThat(api.runtime()).isEqualTo("java21");
    assertThat(api.isContainerRuntime()).isFalse();
    assertThat(api.packaging()).isEqualTo(Packaging.ANY);
    assertThat(api.architectures()).containsExactly(Architecture.X86_64, Architecture.ARM64);
    assertThat(api.invocation()).isEqualTo(Invocation.SYNC);
    assertThat(api.memoryMb()).isEqualTo(1024);
    assertThat(api.duration().meanMs()).isEqualTo(120);
    assertThat(api.duration().p99Ms()).hasValue(600);
    assertThat(api.duration().maxMs()).hasValue(2000);
    assertThat(api.duration().cpuFraction()).isEqualTo(0.3);
    assertThat(api.duration().longestMs()).isEqualTo(2000);
    assertThat(api.requestKb()).isEqualTo(4);
    assertThat(api.responseKb()).isEqualTo(20);
    assertThat(api.packageMb()).hasValue(80);
    assertThat(api.ephemeralStorageMb()).isEqualTo(512);
    assertThat(api.load()).isEqualTo(new LoadShape.Diurnal(25, 40, 15));
    ContainerSpec container = api.container().orElseThrow();
    assertThat(container.vcpu()).hasValue(1);
    assertThat(container.memoryMb()).hasValue(2048);
    assertThat(container.concurrency()).hasValue(40);
    assertThat(container.minTasks()).isEqualTo(2);
    assertThat(container.targetUtilization()).isEqualTo(0.7);
    assertThat(container.startupSeconds()).hasValue(45);
    assertThat(api.requirements().maxLatencyMs()).hasValue(1000);
    assertThat(api.requirements().gpu()).isFalse();
    assertThat(api.frontDoor()).isEqualTo(FrontDoor.API_GATEWAY_HTTP);

    Service report = app.services().get(1);
    assertThat(report.invocation()).isEqualTo(Invocation.SCHEDULE);
    assertThat(report.requirements().interruptible()).isTrue();
    assertThat(report.container()).isEmpty();
    assertThat(report.frontDoor()).isEqualTo(FrontDoor.NONE);
    assertThat(report.ephemeralStorageMb()).isEqualTo(Service.DEFAULT_EPHEMERAL_STORAGE_MB);

    Service webhooks = app.services().get(2);
    assertThat(webhooks.architectures()).containsExactly(Architecture.ARM64);
    LoadShape.Trace trace = (LoadShape.Trace) webhooks.load();
    assertThat(trace.format()).isEqualTo(TraceFormat.PER_MINUTE_CSV);
    assertThat(trace.file()).isEqualTo(file.getParent().resolve("traces/webhooks.csv"));
    assertThat(trace.origin().orElseThrow().filesAsWritten())
        .containsExactly("traces/webhooks.csv");
  }

  @Test
  void yamlSampleLoadsAsTheProfileShowsThem() {
    Application app = Workloads.read(sample("storefront.yaml"));

    // The nightly report: one 30-minute task a day; 30 days plus the partial day's run at 00:00.
    LoadSummary report =
        LoadSummary.of(Loads.series(app.services().get(1)), app.services().get(1).duration());
    assertThat(report.monthlyRequests()).isEqualTo(31);
    assertThat(report.peakConcurrency()).isEqualTo(1);

    // Webhooks: 1,440 minutes of minute % 10, so 30 x 6,480 + 2,700 in the month.
    LoadSummary webhooks =
        LoadSummary.of(Loads.series(app.services().get(2)), app.services().get(2).duration());
    assertThat(webhooks.monthlyRequests()).isCloseTo(30 * 6_480 + 2_700, within(1e-9));
    assertThat(webhooks.peakRequestsPerSecond()).isCloseTo(9 / 60.0, within(1e-12));
    // 9 a minute at 45 ms: 0.15 a second x 0.045 s.
    assertThat(webhooks.peakConcurrency()).isCloseTo(9 / 60.0 * 0.045, within(1e-12));
    assertThat(webhooks.notes())
        .containsExactly("trace of 1,440 minutes repeated to fill the month");
  }

  @Test
  void readsTheJsonSample() {
    Application app = Workloads.read(sample("storefront.json"));

    assertThat(app.name()).isEqualTo("storefront-json");
    assertThat(app.pricing()).isEqualTo(AccountPricing.DEFAULT);
    assertThat(app.preferences()).isEqualTo(Preferences.DEFAULT);
    Service search = app.services().get(0);
    assertThat(search.isContainerRuntime()).isTrue();
    assertThat(search.packaging()).isEqualTo(Packaging.IMAGE);
    assertThat(search.architectures()).isEqualTo(EnumSet.allOf(Architecture.class));
    assertThat(Loads.series(search).monthlyRequests()).isEqualTo(1_000_000);

    // Thumbnails: see LoadShapesTest.burstyCutAtTheEndOfTheMonth.
    assertThat(Loads.series(app.services().get(1)).monthlyRequests())
        .isCloseTo(8_114_400, within(1e-6));
    // Orders: CloudWatch newest first, 10, 1, 2, -, 4 repeated 8,760 times.
    assertThat(Loads.series(app.services().get(2)).monthlyRequests())
        .isCloseTo(8_760 * 17, within(1e-9));
    // Legacy: Azure, 1 a minute on day 1, 2 on day 2: 15 x (1,440 + 2,880) + 600.
    Service legacy = app.services().get(3);
    assertThat(Runtimes.isDeprecated(legacy.runtime())).isTrue();
    assertThat(Loads.series(legacy).monthlyRequests()).isCloseTo(15 * 4_320 + 600, within(1e-9));
  }

  @Test
  void sameRulesGiveTheSameApplicationFromYamlAndFromCode() throws IOException {
    Path file =
        write(
            "code.yaml",
            """
            schemaVersion: 1
            application: shop
            region: eu-central-1
            services:
              - name: api
                runtime: python3.13
                memoryMb: 256
                duration: {meanMs: 40}
                load: {steady: {requestsPerSecond: 3}}
            """);
    Application fromCode =
        Application.builder()
            .name("shop")
            .region("eu-central-1")
            .service(
                Service.builder("api")
                    .runtime("python3.13")
                    .memoryMb(256)
                    .meanDurationMs(40)
                    .load(LoadShape.steady(3)))
            .build();

    assertThat(Workloads.read(file)).isEqualTo(fromCode);
  }

  // ------------------------------------------------------------------ whole-file problems

  private Path write(String name, String text) throws IOException {
    Path file = folder.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private static void assertProblem(Path file, String expected) {
    assertThatThrownBy(() -> Workloads.read(file))
        .isInstanceOf(WorkloadFileException.class)
        .hasMessage(file + ": " + expected)
        .satisfies(e -> assertThat(((WorkloadFileException) e).file()).isEqualTo(file.toString()));
  }

  @Test
  void missingFile() {
    assertProblem(folder.resolve("nothing.yaml"), "file not found");
  }

  @Test
  void folderInsteadOfAFile() throws IOException {
    Path sub = Files.createDirectory(folder.resolve("sub.yaml"));
    assertProblem(sub, "is a folder, not a workload file");
  }

  @Test
  void unknownExtension() throws IOException {
    assertProblem(
        write("shop.txt", "schemaVersion: 1"),
        "must end in .yaml, .yml or .json to tell its format");
  }

  @Test
  void emptyFiles() throws IOException {
    assertProblem(write("empty.yaml", ""), "is empty");
    assertProblem(write("comments.yml", "# nothing yet\n"), "is empty");
    assertProblem(write("empty.json", ""), "is empty");
  }

  @Test
  void malformedYamlGivesLineAndColumn() throws IOException {
    assertProblem(
        write("bad.yaml", "schemaVersion: 1\nservices: [1, 2\nregion: x\n"),
        "line 3, column 7: malformed YAML: while parsing a flow sequence: expected ',' or ']', but"
            + " got :");
  }

  @Test
  void malformedJsonGivesLineAndColumn() throws IOException {
    assertProblem(
        write("bad.json", "{\n  \"schemaVersion\": 1,\n  \"region\": \n}"),
        "line 4, column 1: malformed JSON: Unexpected character ('}' (code 125)):"
            + " expected a value");
    assertProblem(
        write("nan.json", "{\"schemaVersion\": NaN}"),
        "line 1, column 22: malformed JSON: Non-standard token 'NaN'");
    assertProblem(
        write("trailing.json", "{\"schemaVersion\": 1} {}"),
        "line 1, column 22: malformed JSON: Trailing token (of type START_OBJECT) found after"
            + " value");
  }

  @Test
  void duplicateKeysAreErrors() throws IOException {
    assertProblem(
        write("dup.yaml", "schemaVersion: 1\nschemaVersion: 2\n"),
        "line 2, column 14: malformed YAML: Duplicate field 'schemaVersion'");
    assertProblem(
        write("dup.json", "{\"region\": \"a\", \"region\": \"b\"}"),
        "line 1, column 25: malformed JSON: Duplicate field 'region'");
  }

  @Test
  void severalYamlDocumentsAreRefused() throws IOException {
    assertProblem(
        write("two.yaml", "schemaVersion: 1\n---\nschemaVersion: 1\n"),
        "line 3, column 1: must hold one YAML document, not several");
  }

  @Test
  void rootMustBeAnObject() throws IOException {
    assertProblem(write("list.yaml", "- 1\n- 2\n"), "must hold an object of fields (was [1,2])");
  }

  @Test
  void billionLaughsFailsFast() throws IOException {
    StringBuilder text =
        new StringBuilder(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char name = 'b'; name <= 'i'; name++) {
      text.append(name).append(": &").append(name).append(" [");
      for (int i = 0; i < 9; i++) {
        text.append(i > 0 ? "," : "").append('*').append((char) (name - 1));
      }
      text.append("]\n");
    }
    Path file = write("laughs.yaml", text.toString());

    assertThatThrownBy(() -> assertTimeoutOrFail(file))
        .isInstanceOf(WorkloadFileException.class)
        .hasMessage(file + ": line 2, column 8: YAML aliases are not supported (was '*a')");
  }

  private static void assertTimeoutOrFail(Path file) {
    long start = System.nanoTime();
    try {
      Workloads.read(file);
    } finally {
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }
  }

  @Test
  void aSingleAliasIsRefusedToo() throws IOException {
    // Jackson would read the alias as the text "size", silently: refuse it instead.
    assertProblem(
        write("alias.yaml", "schemaVersion: &size 1\napplication: *size\n"),
        "line 2, column 14: YAML aliases are not supported (was '*size')");
  }

  @Test
  void hugeFilesAreRefusedBeforeParsing() throws IOException {
    Path file = folder.resolve("huge.yaml");
    byte[] line = "# padding padding padding padding padding padding padding padding\n".getBytes();
    try (var out = Files.newOutputStream(file)) {
      for (long written = 0; written <= WorkloadFileReader.MAX_FILE_BYTES; written += line.length) {
        out.write(line);
      }
    }
    assertThatThrownBy(() -> Workloads.read(file))
        .isInstanceOf(WorkloadFileException.class)
        .hasMessageStartingWith(file + ": is larger than 16 MB (16,777,2");
  }

  @Test
  void yamlFactoryBoundsAliasesAndDocumentSize() {
    var options = WorkloadFileReader.loaderOptions();
    assertThat(options.getMaxAliasesForCollections()).isEqualTo(50);
    assertThat(options.getCodePointLimit()).isEqualTo(16 * 1024 * 1024);
    assertThat(options.isAllowDuplicateKeys()).isFalse();
  }

  @Test
  void traceLinesAreReportedAgainstTheWorkloadFile() throws IOException {
    Files.createDirectories(folder.resolve("traces"));
    StringBuilder trace = new StringBuilder("minute,requests\n");
    for (int minute = 0; minute < 20; minute++) {
      trace.append(minute).append(',').append(minute == 15 ? "x" : "2").append('\n');
    }
    Files.writeString(folder.resolve("traces/api.csv"), trace);
    Path file =
        write(
            "shop.yaml",
            """
            schemaVersion: 1
            application: shop
            region: us-east-1
            services:
              - name: api
                runtime: java21
                memoryMb: 512
                duration: {meanMs: 100}
                load:
                  trace: {format: per-minute-csv, file: traces/api.csv}
            """);
    Application app = Workloads.read(file);

    assertThatThrownBy(() -> Loads.series(app.services().get(0)))
        .isInstanceOf(WorkloadFileException.class)
        .hasMessage(
            file
                + ": services[0].load.trace.file: traces/api.csv line 17:"
                + " requests must be a number >= 0 (was 'x')");
  }

  @Test
  void anAzureTraceMayNameOneDayFileWithFile() throws IOException {
    Path day = sample("traces/azure/invocations_per_function_md.anon.d01.csv");
    Files.copy(day, folder.resolve("d01.csv"));
    Path file =
        write(
            "azure.yaml",
            """
            schemaVersion: 1
            application: shop
            region: us-east-1
            services:
              - name: fn
                runtime: nodejs22.x
                memoryMb: 128
                duration: {meanMs: 10}
                load: {trace: {format: azure-functions, file: d01.csv, function: f1aa}}
            """);
    Application app = Workloads.read(file);

    // f1aa makes 5 requests every minute of its day: 43,800 x 5 over the month.
    assertThat(Loads.series(app.services().get(0)).monthlyRequests()).isEqualTo(219_000);
  }

  @Test
  void azureTraceFieldsFromTheFile() {
    Application app = Workloads.read(sample("storefront.json"));
    LoadShape.Trace trace = (LoadShape.Trace) app.services().get(3).load();

    assertThat(trace.format()).isEqualTo(TraceFormat.AZURE_FUNCTIONS);
    assertThat(trace.function()).isEqualTo(Optional.of("f2b7"));
    assertThat(trace.files()).hasSize(2);
    assertThat(trace.origin().orElseThrow().fileFieldPaths())
        .isEqualTo(List.of("services[3].load.trace.files[0]", "services[3].load.trace.files[1]"));
  }
}
