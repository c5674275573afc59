package io.fitadvisor.workload;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Random per-minute-csv files for comparing readers: mostly valid rows in every spelling the format
 * allows (offsets and timestamps, CR LF and lone CR, padding, blank lines, BOM, decimals and
 * exponents, rows out of order), and when asked, faults of every kind: bad minutes, bad counts,
 * duplicates, extra columns, non-ASCII characters and bytes that are not UTF-8.
 */
final class RandomCsv {
  private final Random random;
  private final boolean faulty;
  private final boolean plainOnly;
  private boolean nonAsciiPadding;

  /**
   * @param faulty whether to put faults in (a few per file, at random places)
   * @param plainOnly whether to keep to the spellings the byte scanner parses itself (and no
   *     faults)
   */
  RandomCsv(Random random, boolean faulty, boolean plainOnly) {
    this.random = random;
    this.faulty = faulty && !plainOnly;
    this.plainOnly = plainOnly;
  }

  /** A whole file. */
  byte[] file() {
    boolean timestamps = random.nextBoolean();
    nonAsciiPadding = !plainOnly && random.nextInt(5) == 0;
    int rows = switch (random.nextInt(10)) {
      case 0 -> 0;
      case 1 -> 1 + random.nextInt(3);
      case 2, 3 -> 300 + random.nextInt(1_500); // past the reference's 8,192-char buffer
      default -> 1 + random.nextInt(40);
    };
    List<byte[]> lines = new ArrayList<>();
    lines.add(utf8(header(timestamps)));
    long minute = timestamps ? startEpochMinute() : startOffset();
    List<byte[]> body = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      if (random.nextInt(12) == 0) {
        body.add(utf8(blank()));
      }
      body.add(utf8(row(minute, timestamps)));
      minute += step();
    }
    if (!faulty && random.nextInt(6) == 0) {
      Collections.shuffle(body, random); // out of order, still valid
    }
    lines.addAll(body);
    if (faulty) {
      int faults = 1 + random.nextInt(3);
      for (int i = 0; i < faults; i++) {
        fault(lines, timestamps, minute);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < lines.size(); i++) {
      out.writeBytes(lines.get(i));
      if (i < lines.size() - 1 || random.nextInt(4) != 0) {
        out.writeBytes(utf8(lineEnd()));
      }
    }
    return out.toByteArray();
  }

  private String header(boolean timestamps) {
    String plain = timestamps ? "time,requests" : "minute,requests";
    return switch (random.nextInt(plainOnly ? 5 : 8)) {
      case 0 -> "\uFEFF" + plain;
      case 1 -> " minute , requests ";
      case 2 -> "minüte,requêtes"; // not ASCII, fine in the header
      case 3 -> "";
      default -> plain;
    };
  }

  private String lineEnd() {
    int pick = random.nextInt(8);
    return pick < 5 ? "\n" : pick < 7 ? "\r\n" : "\r";
  }

  private String blank() {
    return pick("", " ", "\t", " \u000B\f ", "\u001C\u001D\u001E\u001F");
  }

  private String pad() {
    if (random.nextInt(3) != 0) {
      return "";
    }
    if (nonAsciiPadding && random.nextInt(10) == 0) {
      return "\u2003"; // whitespace to String.strip, but not ASCII
    }
    return pick(" ", "  ", "\t", "\u000B", "\f", "\u001F");
  }

  private long startOffset() {
    return switch (random.nextInt(4)) {
      case 0 -> 0;
      case 1 -> random.nextInt(1_000_000);
      case 2 -> 999_990_000_000L + random.nextInt(1_000); // 12 digits, the most allowed
      default -> random.nextInt(100);
    };
  }

  private long startEpochMinute() {
    LocalDateTime start;
    if (random.nextInt(3) == 0) {
      // Any year with 4 digits, often near the end of February of a century year.
      int year = 1 + random.nextInt(9_998);
      if (random.nextBoolean()) {
        year = year / 100 * 100 + (random.nextBoolean() ? 0 : 100);
        year = Math.max(100, Math.min(9_900, year));
      }
      start = LocalDateTime.of(year, 2, 28, 23, 50);
    } else {
      start = LocalDateTime.of(2026, 3, 1, 0, 0).plusMinutes(random.nextInt(100_000));
    }
    return start.toEpochSecond(ZoneOffset.UTC) / 60;
  }

  private long step() {
    int pick = random.nextInt(20);
    if (pick == 0) {
      return 2 + random.nextInt(plainOnly ? 3 : 60_000); // a gap, sometimes longer than a month
    }
    return 1;
  }

  private String row(long minute, boolean timestamps) {
    String minuteText = timestamps ? timestamp(minute) : offset(minute);
    return pad() + minuteText + pad() + "," + pad() + count() + pad();
  }

  private String offset(long minute) {
    String digits = Long.toString(minute);
    if (random.nextInt(8) == 0 && digits.length() < 12) {
      digits = "0".repeat(1 + random.nextInt(12 - digits.length())) + digits;
    }
    return digits;
  }

  private String timestamp(long epochMinute) {
    int offsetMinutes = 0;
    String zone = "Z";
    switch (random.nextInt(plainOnly ? 4 : 6)) {
      case 0 -> {
        offsetMinutes = random.nextInt(18 * 60 * 2 + 1) - 18 * 60;
        zone = String.format(
            "%s%02d:%02d",
            offsetMinutes < 0 ? "-" : "+",
            Math.abs(offsetMinutes) / 60,
            Math.abs(offsetMinutes) % 60);
      }
      case 1 -> zone = pick("+00:00", "-00:00");
      case 4 -> {
        offsetMinutes = 60 * (random.nextInt(37) - 18);
        zone = String.format("%s%02d", offsetMinutes < 0 ? "-" : "+", Math.abs(offsetMinutes) / 60);
      }
      case 5 -> zone = pick("z", "+01:00:00");
      default -> {}
    }
    if (zone.equals("+01:00:00")) {
      offsetMinutes = 60;
    }
    LocalDateTime local =
        LocalDateTime.ofEpochSecond(epochMinute * 60, 0, ZoneOffset.UTC).plusMinutes(offsetMinutes);
    String seconds = switch (random.nextInt(plainOnly ? 5 : 7)) {
      case 0 -> ":00";
      case 1 -> ":00." + "0".repeat(1 + random.nextInt(9));
      case 5 -> ":00.";
      case 6 -> ":00.000000000";
      default -> "";
    };
    String separator = !plainOnly && random.nextInt(15) == 0 ? "t" : "T";
    return String.format(
        "%04d-%02d-%02d%s%02d:%02d%s%s",
        local.getYear(),
        local.getMonthValue(),
        local.getDayOfMonth(),
        separator,
        local.getHour(),
        local.getMinute(),
        seconds,
        zone);
  }

  private String count() {
    int pick = random.nextInt(plainOnly ? 6 : 9);
    return switch (pick) {
      case 0 -> Long.toString(random.nextInt(100_000));
      case 1 -> digits(1 + random.nextInt(15));
      case 2 -> digits(1 + random.nextInt(8)) + "." + digits(random.nextInt(8));
      case 3 -> "." + digits(1 + random.nextInt(15));
      case 4 -> {
        // 15 digits in all with the point anywhere: the longest the scanner parses itself.
        String all = digits(15);
        int point = random.nextInt(16);
        yield all.substring(0, point) + "." + all.substring(point);
      }
      case 5 -> "0".repeat(random.nextInt(3)) + random.nextInt(1_000);
      case 6 -> digits(16 + random.nextInt(10)) + (random.nextBoolean() ? "" : "." + digits(3));
      case 7 ->
          digits(1 + random.nextInt(3))
              + pick("", ".", "." + digits(2))
              + pick("e", "E")
              + pick("", "+", "-")
              + random.nextInt(300);
      default -> pick("5.", "0.0", "000", "0.30000000000000004", "1e-400", "9007199254740993");
    };
  }

  private String digits(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) ('0' + random.nextInt(10)));
    }
    return text.toString();
  }

  /** Breaks the file in one place, keeping the header (line 0) unless the fault is there. */
  private void fault(List<byte[]> lines, boolean timestamps, long nextMinute) {
    int at = random.nextInt(lines.size());
    String good = at == 0 ? "" : row(nextMinute, timestamps);
    String bad = switch (random.nextInt(16)) {
      case 0 -> pad() + pick("+5", "-5", "5.0", "", "x", "1e3", "0000000000001", "１") + ",1";
      case 1 -> pad() + "0," + pick("NaN", "Infinity", "-3", "+3", "0x10", "5d", "5f", "", ".", "e5",
          "1e", "1e400", "5 5", "1,5", "１");
      case 2 -> pick("2026-03-01T00:00:30Z", "2026-03-01T00:00:00.5Z", "2026-02-29T00:00Z",
          "2026-03-01T24:00Z", "2026-13-01T00:00Z", "2026-03-01T00:00+18:01",
          "2026-03-01 00:00Z", "2026-03-01T00:00", "2026-03-01T00:00+0100",
          "2026-03-01T00:00:00.0000000000Z", "2026-03-01T00:00Z[UTC]", "2026-04-31T00:00Z",
          "2026-03-01T00:60Z", "2026-00-10T00:00Z", "0000-02-29T00:00Z", "2026-03-01T00:00+01:60")
          + ",1";
      case 3 -> good + ",7"; // three columns
      case 4 -> "no comma here";
      case 5 -> "\u00A0" + good; // not whitespace to Java
      case 6 -> good.replace(",", ",\u2003"); // valid, but not ASCII
      case 7 -> "é" + good;
      case 8 -> "0,5"; // a data row as header, when at is 0
      case 9 -> good.replace(",", ",1e400"); // infinite
      case 10 -> good.replace("T", "T00:00:00,0"); // a comma in the minute
      case 11, 12 -> good.replace(",", random.nextBoolean() ? ",," : ",x"); // a bad count
      default -> null;
    };
    if (bad != null) {
      if (at == 0 && random.nextBoolean()) {
        lines.set(0, utf8(bad));
      } else {
        lines.add(Math.max(1, at), utf8(bad));
      }
      return;
    }
    switch (random.nextInt(4)) {
      case 0, 1 -> {
        // A minute given again, copied from an earlier row.
        if (lines.size() > 1) {
          lines.add(1 + random.nextInt(lines.size() - 1), lines.get(1 + random.nextInt(lines.size() - 1)));
        }
      }
      case 2 -> lines.set(at, insertBytes(lines.get(at), notUtf8()));
      default -> lines.add(at, notUtf8());
    }
  }

  private byte[] notUtf8() {
    return switch (random.nextInt(5)) {
      case 0 -> new byte[] {(byte) 0xFF};
      case 1 -> new byte[] {(byte) 0xC3}; // a lead byte without its continuation
      case 2 -> new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}; // a surrogate
      case 3 -> new byte[] {(byte) 0xC0, (byte) 0x80}; // overlong
      default -> new byte[] {(byte) 0x80};
    };
  }

  private byte[] insertBytes(byte[] line, byte[] inserted) {
    int at = random.nextInt(line.length + 1);
    byte[] result = new byte[line.length + inserted.length];
    System.arraycopy(line, 0, result, 0, at);
    System.arraycopy(inserted, 0, result, at, inserted.length);
    System.arraycopy(line, at, result, at + inserted.length, line.length - at);
    return result;
  }

  @SafeVarargs
  private <T> T pick(T... choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
