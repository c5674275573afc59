package io.fitadvisor.advisor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Numbers in messages and reasons, written the same way on every machine (no default locale):
 * money to cents half up, counts with thousands separators, durations in the largest fitting unit.
 */
final class Words {
  private static final java.math.MathContext SIGNIFICANT_DIGITS =
      new java.math.MathContext(15, RoundingMode.HALF_EVEN);

  /**
   * Formats by pattern, made once per thread (a format is not safe to share between threads, and
   * parsing its pattern cost more than formatting): a handful of patterns in all.
   */
  private static final ThreadLocal<Map<String, DecimalFormat>> FORMATS = ThreadLocal.withInitial(HashMap::new);

  private Words() {}

  /**
   * {@code $1,234.57}: US dollars rounded to cents, half up, after rounding to 15 significant
   * digits (the precision a double holds, as the JSON output prints it), so binary noise such as
   * 16.424999999999997 reads as $16.43 everywhere.
   */
  static String usd(double usd) {
    BigDecimal cents = new BigDecimal(Double.toString(usd)).round(SIGNIFICANT_DIGITS)
        .setScale(2, RoundingMode.HALF_UP);
    return (cents.signum() < 0 ? "-$" : "$") + format("#,##0.00", cents.abs());
  }

  /** A count or rate with up to {@code decimals} decimals and thousands separators: {@code 1,234.5}. */
  static String number(double value, int decimals) {
    BigDecimal rounded = new BigDecimal(Double.toString(value)).setScale(decimals, RoundingMode.HALF_UP);
    return format("#,##0" + (decimals > 0 ? "." + "#".repeat(decimals) : ""), rounded);
  }

  /** A number with about three significant digits, for rates that span many orders of magnitude. */
  static String significant(double value) {
    if (value == 0 || !Double.isFinite(value)) {
      return number(value, 0);
    }
    int digits = (int) Math.floor(Math.log10(Math.abs(value)));
    return number(value, Math.max(0, 2 - digits));
  }

  /** {@code 1 task}, {@code 2 tasks}, {@code 0.5 tasks}: a number and a noun that agrees with it. */
  static String counted(double value, int decimals, String noun) {
    String number = number(value, decimals);
    return number + " " + (number.equals("1") ? noun : noun + "s");
  }

  /** A whole count: {@code 1,000}. */
  static String count(double value) {
    return number(value, 0);
  }

  /**
   * A share as a percentage: {@code 46%}; one decimal below 1 % and above 99 % ({@code 99.6%});
   * {@code under 0.1%} for a share too small to show.
   */
  static String percent(double fraction) {
    double pct = fraction * 100;
    double size = Math.abs(pct);
    if (size > 0 && size < 0.05) {
      return pct > 0 ? "under 0.1%" : "-under 0.1%";
    }
    return number(pct, size < 1 || (size > 99 && size < 100) ? 1 : 0) + "%";
  }

  /** A duration in ms, s, min or h: {@code 120 ms}, {@code 2.5 s}, {@code 40 min}, {@code 1.5 h}. */
  static String duration(double ms) {
    if (ms < 1_000) {
      return number(ms, 0) + " ms";
    }
    if (ms < 60_000) {
      return number(ms / 1_000, 1) + " s";
    }
    if (ms < 3_600_000) {
      return number(ms / 60_000, 1) + " min";
    }
    return number(ms / 3_600_000, 1) + " h";
  }

  /** A memory size in MB, or GB from 1,024 MB: {@code 512 MB}, {@code 10 GB}. */
  static String megabytes(double mb) {
    return mb < 1024 ? number(mb, 0) + " MB" : number(mb / 1024, 1) + " GB";
  }

  private static String format(String pattern, BigDecimal value) {
    return FORMATS.get().computeIfAbsent(pattern, Words::newFormat).format(value);
  }

  private static DecimalFormat newFormat(String pattern) {
    DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format;
  }
}
