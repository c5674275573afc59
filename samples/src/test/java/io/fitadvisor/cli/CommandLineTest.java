package io.fitadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {
  @TempDir Path folder;

  @Test
  void helpListsTheCommands() {
    CliRun run = CliRun.of("--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("advise", "profile", "price", "catalog");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void subcommandHelp() {
    CliRun run = CliRun.of("price", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--format");
  }

  @Test
  void versionNamesTheCatalogDate() {
    CliRun run = CliRun.of("--version");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("fit-advisor ").contains("price catalog effective 20");
  }

  @Test
  void anUnknownCommandIsBadInput() {
    assertBadInput(CliRun.of("optimise", "x.yaml"));
  }

  @Test
  void anUnknownOptionIsBadInput() {
    assertBadInput(CliRun.of("price", "x.yaml", "--colour"));
  }

  @Test
  void aFormatTheCommandDoesNotOfferIsBadInput() {
    CliRun run = CliRun.of("price", "x.yaml", "--format", "markdown");
    assertBadInput(run);
    assertThat(run.err()).contains("--format");
  }

  @Test
  void aMissingFileIsBadInputNamingTheFile() {
    Path missing = folder.resolve("missing.yaml");
    for (String command : new String[] {"price", "profile", "advise"}) {
      CliRun run = CliRun.of(command, missing.toString());
      assertBadInput(run);
      assertThat(run.err()).contains("missing.yaml");
    }
  }

  @Test
  void malformedYamlIsBadInput() throws IOException {
    Path file = folder.resolve("broken.yaml");
    Files.writeString(file, "schemaVersion: 1\nregion: [us-east-1\n");
    for (String command : new String[] {"price", "profile", "advise"}) {
      CliRun run = CliRun.of(command, file.toString());
      assertBadInput(run);
      assertThat(run.err()).contains("broken.yaml");
    }
  }

  @Test
  void anUnknownRegionListsTheKnownOnes() {
    CliRun run = CliRun.of("catalog", "--region", "us-east-9");
    assertBadInput(run);
    assertThat(run.err()).contains("us-east-9", "us-east-1", "eu-west-1");
  }

  @Test
  void aWorkloadInARegionTheCatalogLacksNamesFieldRuleAndValue() throws IOException {
    Path file = folder.resolve("brazil.yaml");
    Files.writeString(file, "schemaVersion: 1\napplication: a\nregion: sa-east-1\nservices:\n"
        + "  - name: x\n    runtime: java21\n    memoryMb: 512\n    duration: {meanMs: 5}\n"
        + "    load: {steady: {requestsPerSecond: 1}}\n");
    for (String command : new String[] {"profile", "advise"}) {
      CliRun run = CliRun.of(command, file.toString());
      assertBadInput(run);
      assertThat(run.err().strip()).isEqualTo("error: " + file + ": region: unknown region (known: "
          + "ap-northeast-1, ap-southeast-1, eu-central-1, eu-west-1, us-east-1, us-west-2) (was 'sa-east-1')");
    }
  }

  @Test
  void theCatalogListsRegionsAndRates() {
    CliRun run = CliRun.of("catalog", "--region", "us-east-1");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("us-east-1", "GB-s", "https://");
  }

  @Test
  void outputIsNotWrittenWhenTheInputIsBad() {
    Path report = folder.resolve("report.json");
    CliRun run = CliRun.of("advise", folder.resolve("missing.yaml").toString(), "--format", "json",
        "--output", report.toString());
    assertBadInput(run);
    assertThat(report).doesNotExist();
    assertThat(folder).isEmptyDirectory();
  }

  @Test
  void outputIsWrittenWholeWithOrdinaryPermissions() throws Exception {
    Path report = folder.resolve("report.json");
    CliRun run = CliRun.of("advise", GoldenOutputTest.resource("profile-steady.yaml").toString(),
        "--format", "json", "--output", report.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(Files.readString(report)).startsWith("{").contains("\"plan\"");
    assertThat(Files.isReadable(report)).isTrue();
    // Only the report is left in the folder: no temporary file.
    try (var files = Files.list(folder)) {
      assertThat(files).containsExactly(report);
    }
    if (report.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      // The temporary file is made like any new file (the umask decides), not owner-only.
      Path plain = Files.createFile(folder.resolve("plain.txt"));
      assertThat(Files.getPosixFilePermissions(report)).isEqualTo(Files.getPosixFilePermissions(plain));
    }
  }

  @Test
  void outputIntoAMissingFolderIsBadInput() {
    CliRun run = CliRun.of("advise", "x.yaml", "--output", folder.resolve("no/such/report.md").toString());
    assertBadInput(run);
    assertThat(run.err()).contains("--output");
  }

  static void assertBadInput(CliRun run) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("error: ").doesNotContain("Exception", "\tat ");
    assertThat(run.err().strip().lines()).hasSize(1);
  }
}
