package io.fitadvisor.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Plain-text helpers for the table and markdown formats: money in cents and aligned columns. */
final class Text {
  static final String NL = System.lineSeparator();

  private Text() {}

  /** Dollars rounded half up to cents, with thousands separators: {@code $1,234.57}. */
  static String usd(double amount) {
    BigDecimal cents = new BigDecimal(Json.number(amount).toPlainString())
        .setScale(2, RoundingMode.HALF_UP);
    String sign = cents.signum() < 0 ? "-" : "";
    return sign + "$" + String.format(java.util.Locale.ROOT, "%,.2f", cents.abs());
  }

  /** A unit price, which may have many decimals: all its digits, and at least two decimals. */
  static String unitPrice(double amount) {
    BigDecimal price = Json.number(amount);
    return "$" + (price.scale() < 2 ? price.setScale(2) : price).toPlainString();
  }

  /** A quantity with thousands separators and at most 6 decimals. */
  static String quantity(double value) {
    BigDecimal rounded = Json.number(value).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
    if (rounded.scale() < 0) {
      rounded = rounded.setScale(0);
    }
    String plain = rounded.toPlainString();
    int dot = plain.indexOf('.');
    String whole = dot < 0 ? plain : plain.substring(0, dot);
    String fraction = dot < 0 ? "" : plain.substring(dot);
    boolean negative = whole.startsWith("-");
    String digits = negative ? whole.substring(1) : whole;
    StringBuilder grouped = new StringBuilder();
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        grouped.append(',');
      }
      grouped.append(digits.charAt(i));
    }
    return (negative ? "-" : "") + grouped + fraction;
  }

  /** A rate or concurrency for reading: at most 3 decimals, thousands separators. */
  static String rate(double value) {
    return quantity(new BigDecimal(Json.number(value).toPlainString())
        .setScale(3, RoundingMode.HALF_UP).doubleValue());
  }

  /** Columns padded to their widest cell; columns listed in {@code rightAligned} align right. */
  static final class Table {
    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] rightAligned;

    Table(boolean... rightAligned) {
      this.rightAligned = rightAligned;
    }

    Table row(String... cells) {
      rows.add(cells);
      return this;
    }

    String render(String indent) {
      int columns = rightAligned.length;
      int[] widths = new int[columns];
      for (String[] row : rows) {
        for (int c = 0; c < row.length; c++) {
          widths[c] = Math.max(widths[c], row[c].length());
        }
      }
      StringBuilder text = new StringBuilder();
      for (String[] row : rows) {
        StringBuilder line = new StringBuilder(indent);
        for (int c = 0; c < row.length; c++) {
          String cell = row[c];
          String pad = " ".repeat(widths[c] - cell.length());
          line.append(rightAligned[c] ? pad + cell : cell + pad);
          if (c < row.length - 1) {
            line.append("  ");
          }
        }
        text.append(line.toString().stripTrailing()).append(NL);
      }
      return text.toString();
    }
  }
}
