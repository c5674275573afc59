package io.fitadvisor.cli;

import io.fitadvisor.advisor.Advice;
import io.fitadvisor.advisor.Advisor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fit-advisor advise FILE}: where each service should run, what it costs and why. */
@Command(
    name = "advise",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Advises, per service of a workload file, where it should run and what it costs.")
final class AdviseCommand implements OutputCommand {
  @Parameters(paramLabel = "FILE", description = "the workload file (.yaml, .yml or .json)")
  Path file;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table, markdown, json or html (default: ${DEFAULT-VALUE})")
  Format format;

  @Option(names = "--output", paramLabel = "PATH",
      description = "write the report to this file instead of standard output")
  Path output;

  @Override
  public String produce() {
    if (output != null) {
      checkWritable(output);
    }
    Workspace workspace = Workspace.read(file);
    Advice advice = Advisor.of(workspace.catalog()).advise(workspace.application());
    String report = AdviceReports.render(advice, format);
    if (output == null) {
      return report;
    }
    writeWhole(output, report);
    return "";
  }

  private static void checkWritable(Path output) {
    Path parent = output.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new UsageException("--output: cannot write '" + output + "': its folder does not exist");
    }
    if (Files.isDirectory(output)) {
      throw new UsageException("--output: cannot write '" + output + "': it is a folder");
    }
  }

  /** Writes to a temporary file beside the target, then moves it in place: never half a report. */
  private static void writeWhole(Path output, String report) {
    Path parent = output.toAbsolutePath().getParent();
    Path temporary = null;
    try {
      // Not Files.createTempFile: its owner-only permissions would stay on the report.
      temporary = parent.resolve("." + output.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
      Files.writeString(temporary, report, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      try {
        Files.move(temporary, output, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, output, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // The report itself failed; the leftover temporary file is the lesser problem.
        }
      }
      throw new UsageException("--output: cannot write '" + output + "': " + e.getMessage());
    }
  }
}
