package io.fitadvisor.workload;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a {@code per-minute-csv} trace: a header line, then {@code minute,requests} rows where
 * every minute is either an offset (0, 1, 2, ...) or an ISO-8601 timestamp with an offset ({@code
 * 2026-03-01T00:05:00Z}), the style of the first row holding for all. Blank lines are skipped.
 *
 * <p>Two readers share the rules below. {@link CsvTraceScanner} parses the file's bytes directly
 * and answers for every file it can vouch for: a valid file whose rows are plain. For anything else,
 * and for every faulty file, this class reads the file again line by line with a {@link
 * BufferedReader}; that slower reader is the definition of what is accepted and of which problem is
 * reported first (including undecodable UTF-8, found a buffer at a time), so both readers always
 * agree.
 */
final class CsvTraceReader {
  private static final Pattern OFFSET = Pattern.compile("[0-9]{1,12}");
  private static final Pattern OFFSET_LIKE = Pattern.compile("[+-]?[0-9]+");
  // A plain decimal number: no sign, no hex, no "NaN", no Java suffixes such as "5d".
  static final Pattern COUNT = Pattern.compile("([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");

  private CsvTraceReader() {}

  static TraceData read(Path file, int fileIndex) throws IOException, TraceProblem {
    return read(file, fileIndex, CsvTraceScanner.BUFFER_BYTES);
  }

  /** As {@link #read(Path, int)}, the scanner using a buffer of {@code bufferBytes} (tests). */
  static TraceData read(Path file, int fileIndex, int bufferBytes)
      throws IOException, TraceProblem {
    TraceData scanned = CsvTraceScanner.read(file, fileIndex, bufferBytes);
    return scanned != null ? scanned : readLineByLine(file, fileIndex);
  }

  /** The reference reader: slow, but it states every rule and the order problems are found in. */
  static TraceData readLineByLine(Path file, int fileIndex) throws IOException, TraceProblem {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null) {
        throw new TraceProblem(
            fileIndex, 0, "is empty: expected a header line, then minute,requests rows", null);
      }
      header = stripBom(header);
      checkHeader(header, fileIndex);
      TimedRows rows = null;
      long lineNumber = 1;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        int comma = line.indexOf(',');
        if (comma < 0 || line.indexOf(',', comma + 1) >= 0) {
          throw new TraceProblem(
              fileIndex, lineNumber, "must have two columns, minute,requests", Values.text(line));
        }
        String minuteText = line.substring(0, comma).strip();
        String countText = line.substring(comma + 1).strip();
        if (rows == null) {
          rows = new TimedRows(fileIndex, epochStyle(minuteText));
        }
        long minute = minute(minuteText, rows.epochMinutes(), fileIndex, lineNumber);
        rows.add(minute, count(countText, fileIndex, lineNumber), lineNumber);
      }
      if (rows == null) {
        throw new TraceProblem(fileIndex, 0, "has no data rows after its header", null);
      }
      return rows.toData(List.of());
    }
  }

  /**
   * Whether the first row's minute makes the file one of timestamps: anything that does not look
   * like a whole number (signed or not) is taken for a timestamp.
   */
  static boolean epochStyle(String firstMinuteText) {
    return !OFFSET_LIKE.matcher(firstMinuteText).matches();
  }

  static void checkHeader(String header, int fileIndex) throws TraceProblem {
    int comma = header.indexOf(',');
    if (comma > 0
        && OFFSET.matcher(header.substring(0, comma).strip()).matches()
        && COUNT.matcher(header.substring(comma + 1).strip()).matches()) {
      // Taking a data row for the header would silently drop a minute.
      throw new TraceProblem(
          fileIndex, 1, "must be a header line such as minute,requests", Values.text(header));
    }
  }

  /**
   * The minute of a row's stripped minute text: the offset itself, or minutes since 1970-01-01
   * UTC.
   */
  static long minute(String text, boolean epochMinutes, int fileIndex, long line)
      throws TraceProblem {
    boolean offsetText = OFFSET.matcher(text).matches();
    if (!epochMinutes) {
      if (!offsetText) {
        throw new TraceProblem(
            fileIndex,
            line,
            "minute must be a whole-number offset 0 or more, like the first row",
            Values.text(text));
      }
      return Long.parseLong(text);
    }
    OffsetDateTime time;
    try {
      time = OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      throw new TraceProblem(
          fileIndex,
          line,
          "minute must be an ISO-8601 UTC timestamp such as 2026-03-01T00:05:00Z, like the first"
              + " row",
          Values.text(text));
    }
    if (time.getSecond() != 0 || time.getNano() != 0) {
      throw new TraceProblem(
          fileIndex, line, "timestamp must fall on a whole minute", Values.text(text));
    }
    return Math.floorDiv(time.toEpochSecond(), 60);
  }

  /** The request count of a row's stripped count text. */
  static double count(String text, int fileIndex, long line) throws TraceProblem {
    double count = COUNT.matcher(text).matches() ? Double.parseDouble(text) : Double.NaN;
    if (!Double.isFinite(count)) {
      throw new TraceProblem(fileIndex, line, "requests must be a number >= 0", Values.text(text));
    }
    return count;
  }

  static String stripBom(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }
}
