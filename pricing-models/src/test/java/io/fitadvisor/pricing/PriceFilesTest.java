package io.fitadvisor.pricing;

import static io.fitadvisor.pricing.TestPrices.cents;
import static io.fitadvisor.pricing.TestPrices.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading price files: valid files, and every rule of price-file.md rejected with its exact message. */
class PriceFilesTest {
  private static final String KNOWN_REGIONS =
      "ap-northeast-1, ap-southeast-1, eu-central-1, eu-west-1, us-east-1, us-west-2";

  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  /** A valid file around one deployment, given as YAML lines indented for the list item. */
  private static String withDeployment(String deployment) {
    return "schemaVersion: 1\nregion: us-east-1\ndeployments:\n  - name: d\n" + deployment;
  }

  private PriceFileException readError(String content) throws IOException {
    Path file = write("p.yaml", content);
    return catchThrowableOfType(PriceFileException.class, () -> PriceFiles.read(file));
  }

  // --- valid files -------------------------------------------------------------------------

  @Test
  void readsEveryKindWithAllFieldsSpelledOut() {
    PriceFile file = PriceFiles.read(Path.of("src/test/resources/prices/all-kinds.yaml"));

    assertThat(file.fileName()).isEqualTo("src/test/resources/prices/all-kinds.yaml");
    assertThat(file.region().regionCode()).isEqualTo("us-east-1");
    assertThat(file.terms()).isEqualTo(AccountTerms.NONE);
    assertThat(file.deployments()).containsExactly(
        new LambdaDeployment("resize", Architecture.X86_64, 512, 3_000_000, 1000, 512, 0, 730),
        new FargateDeployment("web", OperatingSystem.LINUX, Architecture.X86_64, 1, 2, 5, 730, 20, false),
        new Ec2Deployment("workers", "m6g.large", 3, 730, false),
        new ApiGatewayDeployment("api", ApiType.HTTP, 50_000_000),
        new AlbDeployment("lb", 730, 1.5));
    PriceReport report = file.price();
    // resize: 3 x $0.20 + 1,500,000 GB-s x $0.0000166667; web: 3,650 x $0.04048 + 7,300 x $0.004445;
    // workers: 2,190 x $0.077; api: 50 x $1.00; lb: 730 x $0.0225 + 1,095 x $0.008.
    double expected = 0.6 + 1_500_000 * 0.0000166667 + 3_650 * 0.04048 + 7_300 * 0.004445 + 2_190 * 0.077
        + 50 * 1.00 + 730 * 0.0225 + 1_095 * 0.008;
    assertThat(report.monthlyCostUsd()).isCloseTo(expected, within(1e-9));
  }

  @Test
  void readsJsonWithDefaults() {
    PriceFile file = PriceFiles.read(Path.of("src/test/resources/prices/resize.json"));

    assertThat(file.terms().lambdaFreeTier()).isTrue();
    assertThat(file.deployments()).containsExactly(LambdaDeployment.of("resize", 512, 3_000_000, 1000));
    // The spec's example: 2M billable requests x $0.20 + 1,100,000 GB-s x $0.0000166667 = $18.73.
    assertThat(cents(file.price().monthlyCostUsd())).isEqualTo(usd("18.73"));
  }

  @Test
  void usesTheCatalogNamedInTheFileRelativeToTheFile() {
    PriceFile file = PriceFiles.read(Path.of("src/test/resources/prices/era-2018.yaml"));

    assertThat(file.catalog().effectiveDate()).hasToString("2018-12-01");
    // The old AWS page example at $0.00001667 per GB-s: $18.74.
    assertThat(cents(file.price().monthlyCostUsd())).isEqualTo(usd("18.74"));
  }

  @Test
  void bundledExamplesReadAndPrice() {
    for (String example : PriceFiles.bundledExamples()) {
      PriceFile file = PriceFiles.readBundledExample(example);
      assertThat(file.fileName()).isEqualTo("examples/" + example);
      assertThat(file.price().monthlyCostUsd()).isPositive();
    }
  }

  @Test
  void yamlNumbersWithUnderscoresAndExponentsAreNumbers() throws IOException {
    Path file = write("p.yaml", withDeployment(
        "    lambda: {memoryMb: 128, monthlyRequests: 3_000_000, durationMs: 1.0e+2}\n"));

    LambdaDeployment lambda = (LambdaDeployment) PriceFiles.read(file).deployments().get(0);

    assertThat(lambda.monthlyRequests()).isEqualTo(3_000_000);
    assertThat(lambda.durationMs()).isEqualTo(100);
  }

  // --- rules -------------------------------------------------------------------------------

  static Stream<Arguments> invalidDeployments() {
    String lambda = "    lambda:\n      memoryMb: 512\n      monthlyRequests: 1000\n      durationMs: 100\n";
    String fargate = "    fargate:\n      vcpu: 1\n      memoryGb: 2\n      tasks: 1\n";
    return Stream.of(
        Arguments.of(lambda.replace("512", "100"), "deployments[0].lambda.memoryMb: must be between 128 and 10240 (was 100)"),
        Arguments.of(lambda.replace("512", "10241"), "deployments[0].lambda.memoryMb: must be between 128 and 10240 (was 10241)"),
        Arguments.of(lambda.replace("512", "512.5"), "deployments[0].lambda.memoryMb: must be a whole number (was 512.5)"),
        Arguments.of(lambda.replace("512", "'512'"), "deployments[0].lambda.memoryMb: must be a number (was '512')"),
        Arguments.of(lambda.replace("      memoryMb: 512\n", ""), "deployments[0].lambda.memoryMb: is required"),
        Arguments.of(lambda.replace("memoryMb", "memroyMb"), "deployments[0].lambda.memroyMb: unknown field 'memroyMb' "
            + "(known: architecture, durationMs, ephemeralStorageMb, memoryMb, monthlyRequests, provisionedConcurrency, "
            + "provisionedHoursPerMonth)"),
        Arguments.of(lambda.replace("1000", "-5"), "deployments[0].lambda.monthlyRequests: must be greater than or equal to 0 (was -5)"),
        Arguments.of(lambda.replace("1000", ".nan"), "deployments[0].lambda.monthlyRequests: must be a finite number (was NaN)"),
        Arguments.of(lambda.replace("100\n", "-5\n"), "deployments[0].lambda.durationMs: must be greater than 0 (was -5)"),
        Arguments.of(lambda.replace("100\n", "0\n"), "deployments[0].lambda.durationMs: must be greater than 0 (was 0)"),
        Arguments.of(lambda.replace("100\n", ".inf\n"), "deployments[0].lambda.durationMs: must be a finite number (was Infinity)"),
        Arguments.of(lambda.replace("100\n", "900001\n"),
            "deployments[0].lambda.durationMs: must be at most 900000 (Lambda's 15-minute timeout) (was 900001)"),
        Arguments.of(lambda + "      architecture: x86\n", "deployments[0].lambda.architecture: must be one of x86_64, arm64 (was 'x86')"),
        Arguments.of(lambda + "      ephemeralStorageMb: 256\n",
            "deployments[0].lambda.ephemeralStorageMb: must be between 512 and 10240 (was 256)"),
        Arguments.of(lambda + "      provisionedConcurrency: -1\n",
            "deployments[0].lambda.provisionedConcurrency: must be greater than or equal to 0 (was -1)"),
        Arguments.of(lambda + "      provisionedHoursPerMonth: 800\n",
            "deployments[0].lambda.provisionedHoursPerMonth: must be greater than 0 and at most 744 (was 800)"),
        Arguments.of(fargate.replace("vcpu: 1", "vcpu: 3"),
            "deployments[0].fargate.vcpu: must be a Fargate vCPU size for linux: 0.25, 0.5, 1, 2, 4, 8, 16 (was 3)"),
        Arguments.of(fargate.replace("memoryGb: 2", "memoryGb: 9"),
            "deployments[0].fargate.memoryGb: must be one of 2, 3, 4, 5, 6, 7, 8 with 1 vCPU on linux (was 9)"),
        Arguments.of(fargate.replace("vcpu: 1\n      memoryGb: 2", "vcpu: 8\n      memoryGb: 18"),
            "deployments[0].fargate.memoryGb: must be one of 16, 20, 24, 28, 32, 36, 40, 44, 48, 52, 56, 60 with 8 vCPU on linux (was 18)"),
        Arguments.of(fargate.replace("vcpu: 1\n      memoryGb: 2", "vcpu: 0.25\n      memoryGb: 4"),
            "deployments[0].fargate.memoryGb: must be one of 0.5, 1, 2 with 0.25 vCPU on linux (was 4)"),
        Arguments.of(fargate + "      os: windows\n      architecture: arm64\n",
            "deployments[0].fargate.architecture: must be x86_64 for Windows tasks (Fargate runs Windows on x86_64 only) (was 'arm64')"),
        Arguments.of(fargate.replace("vcpu: 1\n      memoryGb: 2", "vcpu: 0.5\n      memoryGb: 2") + "      os: windows\n",
            "deployments[0].fargate.vcpu: must be a Fargate vCPU size for windows: 1, 2, 4 (was 0.5)"),
        Arguments.of(fargate + "      os: mac\n", "deployments[0].fargate.os: must be one of linux, windows (was 'mac')"),
        Arguments.of(fargate + "      architecture: arm64\n      spot: true\n",
            "deployments[0].fargate.spot: must be false for arm64 tasks (AWS offers no Fargate Spot for arm64) (was true)"),
        Arguments.of(fargate + "      os: windows\n      spot: true\n",
            "deployments[0].fargate.spot: must be false for Windows tasks (AWS offers no Fargate Spot for Windows) (was true)"),
        Arguments.of(fargate + "      spot: 'yes'\n", "deployments[0].fargate.spot: must be true or false (was 'yes')"),
        Arguments.of(fargate.replace("tasks: 1", "tasks: 0"), "deployments[0].fargate.tasks: must be greater than or equal to 1 (was 0)"),
        Arguments.of(fargate.replace("tasks: 1", "tasks: 1.5"), "deployments[0].fargate.tasks: must be a whole number (was 1.5)"),
        Arguments.of(fargate + "      hoursPerMonth: 0\n",
            "deployments[0].fargate.hoursPerMonth: must be greater than 0 and at most 744 (was 0)"),
        Arguments.of(fargate + "      ephemeralStorageGb: 10\n",
            "deployments[0].fargate.ephemeralStorageGb: must be between 20 and 200 (was 10)"),
        Arguments.of("    ec2: {instanceType: m6g.large, count: 0}\n",
            "deployments[0].ec2.count: must be greater than or equal to 1 (was 0)"),
        Arguments.of("    ec2: {instanceType: m6g.large, count: 1, spot: 1}\n",
            "deployments[0].ec2.spot: must be true or false (was 1)"),
        Arguments.of("    apiGateway: {type: graphql, monthlyRequests: 1}\n",
            "deployments[0].apiGateway.type: must be one of http, rest (was 'graphql')"),
        Arguments.of("    apiGateway: {monthlyRequests: 1}\n", "deployments[0].apiGateway.type: is required"),
        Arguments.of("    apiGateway: {type: rest, monthlyRequests: -1}\n",
            "deployments[0].apiGateway.monthlyRequests: must be greater than or equal to 0 (was -1)"),
        Arguments.of("    alb: {lcu: -0.5}\n", "deployments[0].alb.lcu: must be greater than or equal to 0 (was -0.5)"),
        Arguments.of("    alb: {lcu: 1, hoursPerMonth: 745}\n",
            "deployments[0].alb.hoursPerMonth: must be greater than 0 and at most 744 (was 745)"),
        Arguments.of("    alb: [1]\n", "deployments[0].alb: must be an object (was a list)"),
        Arguments.of("    alb: {lcu: 1}\n    lambda: {memoryMb: 128, monthlyRequests: 1, durationMs: 1}\n",
            "deployments[0]: must have exactly one of lambda, fargate, ec2, apiGateway, alb (was lambda, alb)"),
        Arguments.of("    size: 3\n", "deployments[0].size: unknown field 'size' (known: alb, apiGateway, ec2, fargate, lambda, name)"));
  }

  @ParameterizedTest
  @MethodSource("invalidDeployments")
  void rejectsInvalidDeployments(String deployment, String expected) throws IOException {
    PriceFileException e = readError(withDeployment(deployment));

    assertThat(e).isNotNull();
    assertThat(e.getMessage()).isEqualTo(dir.resolve("p.yaml") + ": " + expected);
    assertThat(e.file()).isEqualTo(dir.resolve("p.yaml").toString());
    assertThat(expected).startsWith(e.fieldPath());
  }

  @Test
  void unknownInstanceTypeListsTheKnownOnes() throws IOException {
    PriceFileException e = readError(withDeployment("    ec2: {instanceType: x9.huge, count: 1}\n"));

    assertThat(e.getMessage()).startsWith(dir.resolve("p.yaml")
        + ": deployments[0].ec2.instanceType: unknown instance type in us-east-1 (known: c5.large, c6g.large,");
    assertThat(e.getMessage()).endsWith("t4g.medium) (was 'x9.huge')");
  }

  @Test
  void deploymentWithoutAKind() throws IOException {
    PriceFileException e = readError("schemaVersion: 1\nregion: us-east-1\ndeployments:\n  - name: d\n");

    assertThat(e.getMessage()).endsWith(
        ": deployments[0]: must have exactly one of lambda, fargate, ec2, apiGateway, alb (was none)");
  }

  @Test
  void rejectsFileLevelRules() throws IOException {
    String one = "deployments:\n  - name: a\n    alb: {lcu: 1}\n";
    String file = dir.resolve("p.yaml").toString();
    assertThat(readError("schemaVersion: 1\nregion: mars-1\n" + one).getMessage())
        .isEqualTo(file + ": region: unknown region (known: " + KNOWN_REGIONS + ") (was 'mars-1')");
    assertThat(readError("schemaVersion: 2\nregion: us-east-1\n" + one).getMessage())
        .isEqualTo(file + ": schemaVersion: must be 1 (was 2)");
    assertThat(readError("region: us-east-1\n" + one).getMessage())
        .isEqualTo(file + ": schemaVersion: is required");
    assertThat(readError("schemaVersion: 1\nregoin: us-east-1\n" + one).getMessage())
        .isEqualTo(file + ": regoin: unknown field 'regoin' (known: deployments, pricing, region, schemaVersion)");
    assertThat(readError("schemaVersion: 1\nregion: us-east-1\ndeployments: []\n").getMessage())
        .isEqualTo(file + ": deployments: must list at least one deployment");
    assertThat(readError("schemaVersion: 1\nregion: us-east-1\ndeployments: {a: 1}\n").getMessage())
        .isEqualTo(file + ": deployments: must be a list (was an object)");
    assertThat(readError("schemaVersion: 1\nregion: us-east-1\n"
        + "deployments:\n  - name: a\n    alb: {lcu: 1}\n  - name: a\n    alb: {lcu: 2}\n").getMessage())
        .isEqualTo(file + ": deployments[1].name: must be unique (also used by deployments[0]) (was 'a')");
    assertThat(readError("schemaVersion: 1\nregion: us-east-1\ndeployments:\n  - alb: {lcu: 1}\n").getMessage())
        .isEqualTo(file + ": deployments[0].name: is required");
    assertThat(readError("- 1\n- 2\n").getMessage()).isEqualTo(file + ": must be an object (was a list)");
  }

  @Test
  void rejectsBadPricingBlocks() throws IOException {
    String rest = "region: us-east-1\ndeployments:\n  - name: a\n    alb: {lcu: 1}\n";
    String file = dir.resolve("p.yaml").toString();
    assertThat(readError("schemaVersion: 1\npricing: {savingsPlan: {lambda: 1.0}}\n" + rest).getMessage())
        .isEqualTo(file + ": pricing.savingsPlan.lambda: must be at least 0 and less than 1 (was 1)");
    assertThat(readError("schemaVersion: 1\npricing: {savingsPlan: {ec2: -0.1}}\n" + rest).getMessage())
        .isEqualTo(file + ": pricing.savingsPlan.ec2: must be at least 0 and less than 1 (was -0.1)");
    assertThat(readError("schemaVersion: 1\npricing: {savingsPlan: {lamda: 0.1}}\n" + rest).getMessage())
        .isEqualTo(file + ": pricing.savingsPlan.lamda: unknown field 'lamda' (known: ec2, fargate, lambda)");
    assertThat(readError("schemaVersion: 1\npricing: {lambdaFreeTier: 1}\n" + rest).getMessage())
        .isEqualTo(file + ": pricing.lambdaFreeTier: must be true or false (was 1)");
    assertThat(readError("schemaVersion: 1\npricing: {catalog: nope.json}\n" + rest).getMessage())
        .isEqualTo(file + ": pricing.catalog: catalog file not found: " + dir.resolve("nope.json") + " (was 'nope.json')");
  }

  @Test
  void anInvalidUserCatalogIsReportedWithItsOwnFileAndPath() throws IOException {
    write("bad.json", "{\"catalogFormat\": 1, \"effectiveDate\": \"2026-11-01\", \"source\": \"x\", \"regions\": {}}");
    PriceFileException e = readError(
        "schemaVersion: 1\nregion: us-east-1\npricing: {catalog: bad.json}\ndeployments:\n  - name: a\n    alb: {lcu: 1}\n");

    assertThat(e.getMessage()).isEqualTo(dir.resolve("bad.json") + ": regions: must list at least one region");
    assertThat(e.file()).isEqualTo(dir.resolve("bad.json").toString());
  }

  // --- file-level problems -----------------------------------------------------------------

  @Test
  void missingFile() {
    Path missing = dir.resolve("missing.yaml");

    assertThatThrownBy(() -> PriceFiles.read(missing))
        .isInstanceOf(PriceFileException.class)
        .hasMessage(missing + ": file not found");
  }

  @Test
  void unsupportedExtension() throws IOException {
    Path file = write("p.txt", "schemaVersion: 1\n");

    assertThatThrownBy(() -> PriceFiles.read(file))
        .hasMessage(file + ": unsupported file type: the name must end in .yaml, .yml or .json");
  }

  @Test
  void emptyFile() throws IOException {
    Path file = write("p.yml", "");

    assertThatThrownBy(() -> PriceFiles.read(file)).hasMessage(file + ": the file is empty");
  }

  @Test
  void malformedYamlNamesLineAndColumn() throws IOException {
    Path file = write("p.yaml", "schemaVersion: 1\nregion: [us-east-1\ndeployments: x\n");

    assertThatThrownBy(() -> PriceFiles.read(file))
        .isInstanceOf(PriceFileException.class)
        .hasMessageStartingWith(file + ": malformed YAML at line ")
        .hasMessageMatching(".*line \\d+, column \\d+: .+");
  }

  @Test
  void malformedJsonNamesLineAndColumn() throws IOException {
    Path file = write("p.json", "{\n  \"schemaVersion\": 1,\n  \"region\": \"us-east-1\",,\n}");

    assertThatThrownBy(() -> PriceFiles.read(file))
        .isInstanceOf(PriceFileException.class)
        .hasMessageStartingWith(file + ": malformed JSON at line 3, column ");
  }

  @Test
  void jsonNanIsAFieldError() throws IOException {
    Path file = write("p.json", "{\"schemaVersion\": 1, \"region\": \"us-east-1\", \"deployments\": "
        + "[{\"name\": \"a\", \"alb\": {\"lcu\": NaN}}]}");

    assertThatThrownBy(() -> PriceFiles.read(file))
        .hasMessage(file + ": deployments[0].alb.lcu: must be a finite number (was NaN)");
  }

  @Test
  void duplicateKeysAreRejected() throws IOException {
    Path file = write("p.yaml", "schemaVersion: 1\nregion: us-east-1\nregion: eu-west-1\n");

    assertThatThrownBy(() -> PriceFiles.read(file))
        .isInstanceOf(PriceFileException.class)
        .hasMessageStartingWith(file + ": malformed YAML")
        .hasMessageContaining("region");
  }

  @Test
  void yamlAliasBombFailsFast() throws IOException {
    StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i <= 12; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      yaml.append("]\n");
    }
    Path file = write("bomb.yaml", yaml.toString());

    long start = System.nanoTime();
    assertThatThrownBy(() -> PriceFiles.read(file)).isInstanceOf(PriceFileException.class);
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(5.0);
  }

  @Test
  void directoryIsNotAFile() {
    Path sub = dir.resolve("sub.yaml");
    sub.toFile().mkdir();

    assertThatThrownBy(() -> PriceFiles.read(sub)).hasMessage(sub + ": is a directory, not a file");
  }
}
