package io.fitadvisor.workload;

import static java.util.Objects.requireNonNull;

/**
 * A workload file or a trace file it names breaks a rule, or cannot be read. The message is {@code
 * FILE: FIELD.PATH: RULE (was VALUE)}, e.g. {@code shop.yaml: services[2].duration.meanMs: must be
 * greater than 0 (was -5)}; problems not tied to a field read {@code FILE: RULE}, e.g. {@code
 * shop.yaml: line 3, column 7: malformed YAML: ...}.
 */
public final class WorkloadFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final String fieldPath;

  WorkloadFileException(String file, String fieldPath, String rule, String value, Throwable cause) {
    super(
        requireNonNull(file, "file") + ": " + RuleViolation.message(fieldPath, rule, value), cause);
    this.file = file;
    this.fieldPath = fieldPath;
  }

  WorkloadFileException(String file, String fieldPath, String rule, String value) {
    this(file, fieldPath, rule, value, null);
  }

  static WorkloadFileException of(String file, RuleViolation violation) {
    return new WorkloadFileException(
        file, violation.path(), violation.rule(), violation.value(), null);
  }

  /** The file as the user gave it (the path string passed in). */
  public String file() {
    return file;
  }

  /** The field path, e.g. {@code services[2].duration.meanMs}; empty when no field is at fault. */
  public String fieldPath() {
    return fieldPath;
  }
}
