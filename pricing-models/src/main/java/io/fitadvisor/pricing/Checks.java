package io.fitadvisor.pricing;

import static com.google.common.base.Preconditions.checkArgument;

/** Argument checks shared by the value records; every message names the argument and its value. */
final class Checks {
  private Checks() {}

  static String name(String name) {
    checkArgument(name != null && !name.isBlank(), "name must not be blank (was '%s')", name);
    return name;
  }

  static void nonNegative(double value, String what) {
    checkArgument(Double.isFinite(value) && value >= 0, "%s must be a finite number >= 0 (was %s)", what, value);
  }

  static void hours(double hours, String what) {
    checkArgument(
        Double.isFinite(hours) && hours >= 0 && hours <= BillingMonth.MAX_HOURS_PER_MONTH,
        "%s must be 0..%s (was %s)",
        what,
        (int) BillingMonth.MAX_HOURS_PER_MONTH,
        hours);
  }

  static void fraction(double value, String what) {
    checkArgument(Double.isFinite(value) && value >= 0 && value < 1, "%s must be in [0, 1) (was %s)", what, value);
  }
}
