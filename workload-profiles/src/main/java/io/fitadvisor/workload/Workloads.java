package io.fitadvisor.workload;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/** Reads workload files (see docs/WORKLOADS.md and the spec's workload-file.md). */
public final class Workloads {
  private Workloads() {}

  /**
   * Reads and validates a workload file, YAML ({@code .yaml}, {@code .yml}) or JSON ({@code .json})
   * by its extension. Every rule is checked before this returns, and the trace files and the price
   * catalog it names must exist; their paths are resolved against the workload file's folder. Trace
   * files are not read yet: {@link Loads#series(Service)} reads them.
   *
   * @param file the workload file; messages name it exactly as given
   * @throws WorkloadFileException with the message {@code FILE: FIELD.PATH: RULE (was VALUE)} for
   *     the first problem found, or {@code FILE: RULE} for a missing, unreadable or malformed file
   */
  public static Application read(Path file) {
    return new WorkloadFileReader(requireNonNull(file, "file")).read();
  }
}
