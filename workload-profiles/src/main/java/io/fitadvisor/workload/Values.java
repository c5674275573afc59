package io.fitadvisor.workload;

import java.math.BigDecimal;

/** Renders values the way error messages quote them: numbers bare, text in single quotes. */
final class Values {
  private static final int MAX_TEXT = 80;

  private Values() {}

  /**
   * {@code -5.0} prints as {@code -5}, {@code 0.1} as {@code 0.1}: as a user would have typed it.
   */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** Quotes text, cutting very long values so one bad field cannot flood the message. */
  static String text(String value) {
    String shown = value.length() > MAX_TEXT ? value.substring(0, MAX_TEXT) + "..." : value;
    return "'" + shown + "'";
  }

  /**
   * The first line of a parser's message, without the parser's notes on where its input came from
   * (which only say that the source is hidden).
   */
  static String parserMessage(String message) {
    String text = message == null ? "unknown problem" : message;
    int newline = text.indexOf('\n');
    if (newline >= 0) {
      text = text.substring(0, newline);
    }
    // Jackson's hints name its own settings, which mean nothing to someone writing a file.
    for (String hint : new String[] {" (start marker at [Source:", ": enable `", " (bound as `"}) {
      int marker = text.indexOf(hint);
      if (marker >= 0) {
        text = text.substring(0, marker);
      }
    }
    return text.strip();
  }

  /** Formats a count with thousands separators, as in "trace of 1,440 minutes". */
  static String count(long value) {
    return String.format(java.util.Locale.ROOT, "%,d", value);
  }
}
