package io.fitadvisor.workload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;

/**
 * The fast path of {@link CsvTraceReader}: parses a per-minute-csv file's bytes directly, without
 * building a String per line, and answers only for files it can vouch for.
 *
 * <p>It vouches for a file when the header line is valid UTF-8 and passes the header rule, every
 * other line is ASCII, and every row is valid. Rows in the common spellings are parsed from the
 * bytes: an offset of 1 to 12 digits or a timestamp {@code yyyy-MM-ddTHH:mm[:ss[.fff]]} with
 * {@code Z} or {@code ±HH:MM}, then a count of at most 15 digits with an optional decimal point.
 * Any other row goes through {@link CsvTraceReader}'s own rules as text. On any problem at all
 * (a bad row, a non-ASCII byte, a line longer than the buffer, an I/O error) it gives up and returns
 * null, and the caller reads the file with the line-by-line reader, which reports exactly the
 * problem the file has. A file the scanner accepts is thus valid UTF-8 throughout, and each of its
 * rows means what the line-by-line reader would make of it.
 *
 * <p>Counts: a plain count of at most 15 digits is a whole number below 2^53, exact in a double,
 * and one with {@code k} decimals is that whole number divided by 10^k (k ≤ 15, so 10^k is exact
 * too); a single IEEE division of exact operands is correctly rounded, as {@link
 * Double#parseDouble} is, so both give the same double. Longer numbers and exponents go to {@code
 * Double.parseDouble}.
 *
 * <p>Rows are expected in increasing minute order and their counts go straight into the month's
 * array; a row out of order (or a minute given twice) makes the scanner read the file again keeping
 * every row, then sort and check them as the line-by-line reader does ({@link TimedRows}).
 */
final class CsvTraceScanner {
  /** Bytes read at a time; a line longer than this is left to the line-by-line reader. */
  static final int BUFFER_BYTES = 1 << 16;

  private static final int MONTH = LoadSeries.MINUTES_PER_MONTH;
  private static final int MINUTES_PER_DAY = LoadSeries.MINUTES_PER_DAY;

  // Outcomes of a scan.
  private static final int DONE = 0;
  private static final int UNSURE = -1;
  private static final int OUT_OF_ORDER = -2;

  // A row parser's answer when the row is not in a plain spelling.
  private static final int NOT_PLAIN = -1;

  // The style of the minute column, set by the first row.
  private static final int UNKNOWN = 0;
  private static final int OFFSETS = 1;
  private static final int TIMESTAMPS = 2;

  private static final int MAX_OFFSET_DIGITS = 12;
  private static final int MAX_PLAIN_DIGITS = 15;
  private static final int MAX_FRACTION_OF_SECOND_DIGITS = 9;
  private static final int MAX_OFFSET_MINUTES = 18 * 60;
  private static final long DAYS_0000_TO_1970 = 719_528;

  /**
   * The ASCII characters {@link Character#isWhitespace} accepts, other than the line ends: tab,
   * vertical tab, form feed, the four separators 0x1C to 0x1F, and space. {@link String#strip} and
   * {@link String#isBlank} remove exactly these from an ASCII line.
   */
  private static final long WHITESPACE =
      (1L << '\t') | (1L << 0x0B) | (1L << '\f') | (0xFL << 0x1C) | (1L << ' ');

  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
  };

  private final int fileIndex;
  private final boolean keepAll;
  private final byte[] buffer;

  private long line;
  private int style = UNKNOWN;
  private boolean skipLineFeed;

  // The row just parsed.
  private long minute;
  private double count;

  // Rows kept so far.
  private long rows;

  // Rows in increasing order: the counts of the month from the first minute (grown as needed).
  private double[] covered;
  private long firstMinute;
  private long lastMinute;

  // Every row, when they are not in order.
  private TimedRows allRows;

  // The last date seen in a timestamp, as yyyyMMdd, and its epoch day.
  private int cachedDate = -1;
  private long cachedEpochDay;

  private CsvTraceScanner(int fileIndex, boolean keepAll, int bufferBytes, long fileBytes) {
    this.fileIndex = fileIndex;
    this.keepAll = keepAll;
    // One spare byte for the line end given to a last line that has none.
    this.buffer = new byte[bufferBytes + 1];
    // A row takes at least 4 bytes ("0,0" and a line end): room for that many minutes, up to a
    // month, saves growing the array in the common case of a row for every minute.
    this.covered = keepAll ? null : new double[(int) Math.min(MONTH, fileBytes / 4 + 1)];
  }

  /**
   * The trace in {@code file}, or null when the scanner cannot vouch for the file or the file is
   * not a regular one (a pipe, say, could not be read again by the line-by-line reader).
   *
   * @param bufferBytes bytes read at a time, at least 2; the longest line it handles
   * @throws TraceProblem only for a minute given twice in an otherwise valid file
   */
  static TraceData read(Path file, int fileIndex, int bufferBytes) throws TraceProblem {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      if (!attributes.isRegularFile()) {
        return null;
      }
      CsvTraceScanner inOrder =
          new CsvTraceScanner(fileIndex, false, bufferBytes, attributes.size());
      int outcome = inOrder.scan(file);
      if (outcome == DONE) {
        return inOrder.inOrderData();
      }
      if (outcome == OUT_OF_ORDER) {
        CsvTraceScanner any = new CsvTraceScanner(fileIndex, true, bufferBytes, 0);
        if (any.scan(file) == DONE) {
          return any.allRows.toData(List.of());
        }
      }
      return null;
    } catch (IOException e) {
      return null; // the line-by-line reader meets it again and reports it
    }
  }

  private int scan(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      final byte[] bytes = buffer;
      final int capacity = bytes.length - 1;
      int limit = fill(in, bytes, 0, capacity);
      boolean atEnd = limit < capacity;

      int headerEnd = 0;
      while (headerEnd < limit && !isLineEnd(bytes[headerEnd])) {
        headerEnd++;
      }
      if (headerEnd == limit || !headerIsFine(bytes, headerEnd)) {
        return UNSURE; // no row after the header, a header longer than the buffer, or a bad one
      }
      line = 1;
      skipLineFeed = bytes[headerEnd] == '\r';
      int position = headerEnd + 1;
      while (true) {
        // Whole lines only: the bytes after the last line end wait for the next read.
        int complete = limit;
        while (complete > position && !isLineEnd(bytes[complete - 1])) {
          complete--;
        }
        if (atEnd && complete < limit) {
          bytes[limit++] = '\n'; // the last line has no line end
          complete = limit;
        }
        int outcome = lines(bytes, position, complete);
        if (outcome != DONE) {
          return outcome;
        }
        if (atEnd) {
          break;
        }
        int carried = limit - complete;
        if (carried == capacity) {
          return UNSURE; // a line longer than the buffer
        }
        System.arraycopy(bytes, complete, bytes, 0, carried);
        position = 0;
        limit = fill(in, bytes, carried, capacity);
        atEnd = limit < capacity;
      }
      return rows > 0 ? DONE : UNSURE;
    }
  }

  private static int fill(InputStream in, byte[] bytes, int from, int capacity)
      throws IOException {
    int limit = from;
    while (limit < capacity) {
      int read = in.read(bytes, limit, capacity - limit);
      if (read < 0) {
        break;
      }
      limit += read;
    }
    return limit;
  }

  private boolean headerIsFine(byte[] bytes, int end) {
    String header;
    try {
      header =
          StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 0, end)).toString();
    } catch (CharacterCodingException e) {
      return false;
    }
    try {
      CsvTraceReader.checkHeader(CsvTraceReader.stripBom(header), fileIndex);
      return true;
    } catch (TraceProblem problem) {
      return false;
    }
  }

  /** Reads the whole lines in {@code [from, end)}, {@code end} just after a line end. */
  private int lines(byte[] bytes, int from, int end) {
    int p = from;
    while (p < end) {
      if (skipLineFeed) {
        // CR LF is one line end, even when a read fell between the two.
        skipLineFeed = false;
        if (bytes[p] == '\n') {
          p++;
          continue;
        }
      }
      line++;
      int q = p;
      int b = bytes[q];
      while (isWhitespace(b)) {
        b = bytes[++q];
      }
      if (isLineEnd(b)) { // a blank line
        skipLineFeed = b == '\r';
        p = q + 1;
        continue;
      }
      int lineEnd =
          style == OFFSETS
              ? offsetRow(bytes, q)
              : style == TIMESTAMPS ? timestampRow(bytes, q) : NOT_PLAIN;
      if (lineEnd == NOT_PLAIN) {
        lineEnd = textRow(bytes, p);
        if (lineEnd < 0) {
          return UNSURE;
        }
      }
      if (!add()) {
        return OUT_OF_ORDER;
      }
      skipLineFeed = bytes[lineEnd] == '\r';
      p = lineEnd + 1;
    }
    return DONE;
  }

  /**
   * A row {@code offset,count} starting at {@code q} (past any leading whitespace): sets {@link
   * #minute} and {@link #count} and returns the index of the line end, or {@link #NOT_PLAIN}.
   *
   * <p>Every loop stops at a byte it does not expect, and a line end is never expected, so no read
   * goes past the line.
   */
  private int offsetRow(byte[] bytes, int q) {
    int start = q;
    long value = 0;
    int b = bytes[q];
    while (isDigit(b)) {
      value = value * 10 + (b - '0');
      b = bytes[++q];
    }
    if (q == start || q - start > MAX_OFFSET_DIGITS) {
      return NOT_PLAIN;
    }
    while (isWhitespace(b)) {
      b = bytes[++q];
    }
    if (b != ',') {
      return NOT_PLAIN;
    }
    int lineEnd = plainCount(bytes, q + 1);
    if (lineEnd != NOT_PLAIN) {
      minute = value;
    }
    return lineEnd;
  }

  /**
   * A row {@code timestamp,count} starting at {@code q}, the timestamp spelt {@code
   * yyyy-MM-ddTHH:mm}, then optionally {@code :00} and a fraction of zeros, then {@code Z} or
   * {@code ±HH:MM}: sets {@link #minute} (minutes since 1970 UTC) and {@link #count} and returns the
   * index of the line end, or {@link #NOT_PLAIN}. Bytes are read in order and each is checked
   * before the next is read, so no read goes past the line end.
   */
  private int timestampRow(byte[] bytes, int q) {
    int year = digits(bytes, q, 4);
    if (year < 0 || bytes[q + 4] != '-') {
      return NOT_PLAIN;
    }
    int month = digits(bytes, q + 5, 2);
    if (month < 0 || bytes[q + 7] != '-') {
      return NOT_PLAIN;
    }
    int day = digits(bytes, q + 8, 2);
    if (day < 0 || bytes[q + 10] != 'T') {
      return NOT_PLAIN;
    }
    int hour = digits(bytes, q + 11, 2);
    if (hour < 0 || bytes[q + 13] != ':') {
      return NOT_PLAIN;
    }
    int minuteOfHour = digits(bytes, q + 14, 2);
    if (minuteOfHour < 0) {
      return NOT_PLAIN;
    }
    q += 16;
    int b = bytes[q];
    if (b == ':') {
      if (digits(bytes, q + 1, 2) != 0) {
        return NOT_PLAIN; // not whole minutes, or not digits: the text rules report it
      }
      q += 3;
      b = bytes[q];
      if (b == '.') {
        int fractionStart = q + 1;
        b = bytes[++q];
        while (b == '0') {
          b = bytes[++q];
        }
        int zeros = q - fractionStart;
        if (zeros == 0 || zeros > MAX_FRACTION_OF_SECOND_DIGITS || isDigit(b)) {
          return NOT_PLAIN;
        }
      }
    }
    int offsetMinutes;
    if (b == 'Z') {
      offsetMinutes = 0;
      q++;
    } else if (b == '+' || b == '-') {
      int offsetHours = digits(bytes, q + 1, 2);
      if (offsetHours < 0 || bytes[q + 3] != ':') {
        return NOT_PLAIN;
      }
      int offsetMinuteOfHour = digits(bytes, q + 4, 2);
      if (offsetMinuteOfHour < 0 || offsetMinuteOfHour > 59) {
        return NOT_PLAIN;
      }
      int total = offsetHours * 60 + offsetMinuteOfHour;
      if (total > MAX_OFFSET_MINUTES) {
        return NOT_PLAIN;
      }
      offsetMinutes = b == '-' ? -total : total;
      q += 6;
    } else {
      return NOT_PLAIN;
    }
    b = bytes[q];
    while (isWhitespace(b)) {
      b = bytes[++q];
    }
    if (b != ',' || hour > 23 || minuteOfHour > 59) {
      return NOT_PLAIN;
    }
    long epochDay = epochDay(year, month, day);
    if (epochDay == Long.MIN_VALUE) {
      return NOT_PLAIN;
    }
    int lineEnd = plainCount(bytes, q + 1);
    if (lineEnd != NOT_PLAIN) {
      minute = epochDay * MINUTES_PER_DAY + hour * 60 + minuteOfHour - offsetMinutes;
    }
    return lineEnd;
  }

  /**
   * The count after a row's comma, at {@code q}: digits with an optional decimal point, at most 15
   * digits in all, surrounded by whitespace. Sets {@link #count} and returns the index of the line
   * end, or {@link #NOT_PLAIN}.
   */
  private int plainCount(byte[] bytes, int q) {
    int b = bytes[q];
    while (isWhitespace(b)) {
      b = bytes[++q];
    }
    long mantissa = 0;
    int start = q;
    while (isDigit(b)) {
      mantissa = mantissa * 10 + (b - '0');
      b = bytes[++q];
    }
    int digits = q - start;
    int decimals = 0;
    if (b == '.') {
      int fractionStart = ++q;
      b = bytes[q];
      while (isDigit(b)) {
        mantissa = mantissa * 10 + (b - '0');
        b = bytes[++q];
      }
      decimals = q - fractionStart;
      digits += decimals;
    }
    if (digits == 0 || digits > MAX_PLAIN_DIGITS) {
      return NOT_PLAIN;
    }
    while (isWhitespace(b)) {
      b = bytes[++q];
    }
    if (!isLineEnd(b)) {
      return NOT_PLAIN; // an exponent, a second column, any other character
    }
    count = decimals == 0 ? (double) mantissa : mantissa / POWERS_OF_TEN[decimals];
    return q;
  }

  /**
   * A row in any other spelling, through {@link CsvTraceReader}'s rules as text, starting at the
   * line's first byte {@code p}: the index of the line end, or a negative number when the row is
   * not ASCII or breaks a rule.
   */
  private int textRow(byte[] bytes, int p) {
    int end = p;
    for (int b = bytes[end]; !isLineEnd(b); b = bytes[++end]) {
      if (b < 0) {
        return UNSURE; // not ASCII: the line-by-line reader decodes it
      }
    }
    String text = new String(bytes, p, end - p, StandardCharsets.ISO_8859_1);
    int comma = text.indexOf(',');
    if (comma < 0 || text.indexOf(',', comma + 1) >= 0) {
      return UNSURE;
    }
    String minuteText = text.substring(0, comma).strip();
    String countText = text.substring(comma + 1).strip();
    if (style == UNKNOWN) {
      style = CsvTraceReader.epochStyle(minuteText) ? TIMESTAMPS : OFFSETS;
    }
    try {
      minute = CsvTraceReader.minute(minuteText, style == TIMESTAMPS, fileIndex, line);
      count = CsvTraceReader.count(countText, fileIndex, line);
    } catch (TraceProblem problem) {
      return UNSURE;
    }
    return end;
  }

  /** Keeps the row just parsed; false when it is not after the previous one in time. */
  private boolean add() {
    if (keepAll) {
      if (allRows == null) {
        allRows = new TimedRows(fileIndex, style == TIMESTAMPS);
      }
      allRows.add(minute, count, line);
      rows++;
      return true;
    }
    if (rows == 0) {
      firstMinute = minute;
    } else if (minute <= lastMinute) {
      return false;
    }
    long offset = minute - firstMinute;
    if (offset < MONTH) { // later minutes are cut from the month anyway
      int index = (int) offset;
      if (index >= covered.length) {
        covered = Arrays.copyOf(covered, Math.min(MONTH, Math.max(index + 1, covered.length * 2)));
      }
      covered[index] = count;
    }
    lastMinute = minute;
    rows++;
    return true;
  }

  /** What {@link TimedRows#toData} gives for rows already in order. */
  private TraceData inOrderData() {
    long span = lastMinute - firstMinute + 1;
    int length = (int) Math.min(span, MONTH);
    double[] minutes = covered.length == length ? covered : Arrays.copyOf(covered, length);
    return new TraceData(minutes, span, span - rows, List.of());
  }

  /**
   * Days from 1970-01-01 to a date of years 0000 to 9999 (the proleptic Gregorian calendar, as
   * {@link java.time.LocalDate#toEpochDay}), or {@link Long#MIN_VALUE} for a date that does not
   * exist.
   */
  private long epochDay(int year, int month, int day) {
    int key = year * 10_000 + month * 100 + day; // each part below 10,000 / 100 / 100
    if (key == cachedDate) {
      return cachedEpochDay;
    }
    if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
      return Long.MIN_VALUE;
    }
    long y = year;
    long days = 365 * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
    days += (367 * month - 362) / 12 + day - 1;
    if (month > 2) {
      days -= isLeap(year) ? 1 : 2;
    }
    cachedDate = key;
    cachedEpochDay = days - DAYS_0000_TO_1970;
    return cachedEpochDay;
  }

  private static int lengthOfMonth(int year, int month) {
    switch (month) {
      case 2:
        return isLeap(year) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  private static boolean isLeap(int year) {
    return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  /**
   * The value of {@code count} digits at {@code from}, or -1 at the first byte that is not a digit
   * (which is not read past).
   */
  private static int digits(byte[] bytes, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      int b = bytes[i];
      if (!isDigit(b)) {
        return -1;
      }
      value = value * 10 + (b - '0');
    }
    return value;
  }

  private static boolean isDigit(int b) {
    return b >= '0' && b <= '9';
  }

  private static boolean isLineEnd(int b) {
    return b == '\n' || b == '\r';
  }

  /** {@link #WHITESPACE}; bytes of non-ASCII characters are negative and never whitespace. */
  private static boolean isWhitespace(int b) {
    return (b & ~63) == 0 && ((WHITESPACE >>> b) & 1) != 0;
  }
}
