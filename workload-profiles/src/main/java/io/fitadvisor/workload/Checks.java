package io.fitadvisor.workload;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The numeric rules every value of the model shares, each throwing a {@link RuleViolation} that
 * names the field. A non-finite number is always reported as such first, so {@code NaN} never reads
 * as "must be greater than 0".
 */
final class Checks {
  private Checks() {}

  static double finite(String path, double value) {
    if (!Double.isFinite(value)) {
      throw RuleViolation.of(path, "must be a finite number", value);
    }
    return value;
  }

  static double positive(String path, double value) {
    if (finite(path, value) <= 0) {
      throw RuleViolation.of(path, "must be greater than 0", value);
    }
    return value;
  }

  static double nonNegative(String path, double value) {
    if (finite(path, value) < 0) {
      throw RuleViolation.of(path, "must be 0 or greater", value);
    }
    return value;
  }

  static int positive(String path, int value) {
    if (value <= 0) {
      throw RuleViolation.of(path, "must be greater than 0", value);
    }
    return value;
  }

  static int nonNegative(String path, int value) {
    if (value < 0) {
      throw RuleViolation.of(path, "must be 0 or greater", value);
    }
    return value;
  }

  /** A fraction in (0, 1]: a share of something that cannot be nothing. */
  static double fractionAboveZero(String path, double value) {
    if (finite(path, value) <= 0 || value > 1) {
      throw RuleViolation.of(path, "must be greater than 0 and at most 1", value);
    }
    return value;
  }

  /** A discount in [0, 1): 1 would make the service free. */
  static double discount(String path, double value) {
    if (finite(path, value) < 0 || value >= 1) {
      throw RuleViolation.of(path, "must be 0 or greater and less than 1", value);
    }
    return value;
  }

  static void positive(String path, OptionalDouble value) {
    value.ifPresent(v -> positive(path, v));
  }

  static void nonNegative(String path, OptionalDouble value) {
    value.ifPresent(v -> nonNegative(path, v));
  }

  static void positive(String path, OptionalInt value) {
    value.ifPresent(v -> positive(path, v));
  }

  static <T> T present(String path, T value) {
    if (value == null) {
      throw RuleViolation.missing(path);
    }
    return value;
  }

  static String notBlank(String path, String value) {
    present(path, value);
    if (value.isBlank()) {
      throw RuleViolation.of(path, "must not be blank", value);
    }
    return value;
  }
}
