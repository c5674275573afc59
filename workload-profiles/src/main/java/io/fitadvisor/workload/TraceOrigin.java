package io.fitadvisor.workload;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Where a trace was declared in a workload file, so that a problem found later, while reading the
 * trace, is reported against the workload file and field the user wrote.
 *
 * @param workloadFile the workload file as the user gave it, e.g. {@code shop.yaml}
 * @param fileFieldPaths the field path of each trace file, e.g. {@code services[0].load.trace.file}
 *     or {@code services[0].load.trace.files[1]}
 * @param filesAsWritten each trace file as written in the workload file, e.g. {@code
 *     traces/api.csv}
 * @param functionFieldPath the field path of {@code function}, e.g. {@code
 *     services[0].load.trace.function}
 */
public record TraceOrigin(
    String workloadFile,
    List<String> fileFieldPaths,
    List<String> filesAsWritten,
    String functionFieldPath) {

  /** Copies the lists. */
  public TraceOrigin {
    requireNonNull(workloadFile, "workloadFile");
    requireNonNull(functionFieldPath, "functionFieldPath");
    fileFieldPaths = List.copyOf(fileFieldPaths);
    filesAsWritten = List.copyOf(filesAsWritten);
    checkArgument(
        fileFieldPaths.size() == filesAsWritten.size(),
        "one field path per file (was %s paths for %s files)",
        fileFieldPaths.size(),
        filesAsWritten.size());
  }
}
