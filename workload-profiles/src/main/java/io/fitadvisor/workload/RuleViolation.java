package io.fitadvisor.workload;

/**
 * A broken rule of the workload model, with the field path relative to the value that checked it.
 *
 * <p>Records check their own fields and report paths such as {@code meanMs}; whoever built the
 * record inside a larger value (a builder, the file reader) re-throws it {@linkplain #under under}
 * its own path, so the caller sees {@code services[2].duration.meanMs}. The file reader turns it
 * into a {@link WorkloadFileException}; callers in code see an {@link IllegalArgumentException}.
 */
final class RuleViolation extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final String rule;
  private final String value; // null when there is no value to show (a missing field)

  RuleViolation(String path, String rule, String value) {
    super(message(path, rule, value));
    this.path = path;
    this.rule = rule;
    this.value = value;
  }

  static RuleViolation of(String path, String rule, double value) {
    return new RuleViolation(path, rule, Values.number(value));
  }

  static RuleViolation of(String path, String rule, String value) {
    return new RuleViolation(path, rule, Values.text(value));
  }

  static RuleViolation missing(String path) {
    return new RuleViolation(path, "is required", null);
  }

  String path() {
    return path;
  }

  String rule() {
    return rule;
  }

  String value() {
    return value;
  }

  /** The same violation seen from the value that holds this one at {@code prefix}. */
  RuleViolation under(String prefix) {
    return new RuleViolation(join(prefix, path), rule, value);
  }

  static String join(String prefix, String path) {
    if (prefix.isEmpty()) {
      return path;
    }
    if (path.isEmpty()) {
      return prefix;
    }
    return path.startsWith("[") ? prefix + path : prefix + "." + path;
  }

  static String message(String path, String rule, String value) {
    StringBuilder text = new StringBuilder();
    if (!path.isEmpty()) {
      text.append(path).append(": ");
    }
    text.append(rule);
    if (value != null) {
      text.append(" (was ").append(value).append(')');
    }
    return text.toString();
  }
}
