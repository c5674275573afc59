package io.fitadvisor.workload;

/**
 * A problem in a trace file, found by a trace reader; {@link Loads} reports it against the workload
 * file and field that named the trace.
 */
final class TraceProblem extends Exception {
  private static final long serialVersionUID = 1L;

  /** Marks a problem with the {@code function} field rather than one file. */
  static final int FUNCTION = -1;

  private final int fileIndex;
  private final long line;
  private final String rule;
  private final String value;

  /**
   * @param fileIndex which of the trace's files, or {@link #FUNCTION}
   * @param line the 1-based line, or 0 when no line is at fault
   * @param value the bad value as messages show it, or null
   */
  TraceProblem(int fileIndex, long line, String rule, String value) {
    super(rule);
    this.fileIndex = fileIndex;
    this.line = line;
    this.rule = rule;
    this.value = value;
  }

  int fileIndex() {
    return fileIndex;
  }

  long line() {
    return line;
  }

  String rule() {
    return rule;
  }

  String value() {
    return value;
  }
}
