package io.fitadvisor.workload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Finds one function's row in an Azure Functions 2019 day file ({@code
 * invocations_per_function_md.anon.dNN.csv}: {@code
 * HashOwner,HashApp,HashFunction,Trigger,1,...,1440}).
 *
 * <p>A day file holds some 50,000 rows of about 3 KB (150 MB), so it is streamed through a fixed 1
 * MB buffer and scanned byte by byte: the third column is compared with the wanted hash as the
 * bytes go by, and the rest of a row that does not match is skipped without building any String.
 * Memory stays bounded whatever the file's size. Only the header and the selected row are checked;
 * other rows are not read closely enough to find their faults.
 */
final class AzureTraceReader {
  static final int COUNT_COLUMNS = LoadSeries.MINUTES_PER_DAY;
  private static final int FIXED_COLUMNS = 4;
  private static final int BUFFER_BYTES = 1 << 20;
  private static final int MAX_LINE_BYTES = 1 << 20;

  // Scanner states, per row.
  private static final int OWNER = 0;
  private static final int APP = 1;
  private static final int FUNCTION = 2;
  private static final int SKIP = 3;
  private static final int MATCHED = 4;

  private final InputStream in;
  private final byte[] buffer = new byte[BUFFER_BYTES];
  private final int fileIndex;
  private int position;
  private int limit;
  private long line = 1;

  /** The selected function's row of one day. */
  record Day(double[] counts, String trigger, long line) {}

  private AzureTraceReader(InputStream in, int fileIndex) {
    this.in = in;
    this.fileIndex = fileIndex;
  }

  /**
   * The row of {@code function} in {@code file}, or null when the file has none.
   *
   * @throws TraceProblem for a bad header, a bad selected row, or the function on two rows
   */
  static Day read(Path file, int fileIndex, String function) throws IOException, TraceProblem {
    try (InputStream in = Files.newInputStream(file)) {
      return new AzureTraceReader(in, fileIndex).scan(function.getBytes(StandardCharsets.UTF_8));
    }
  }

  private boolean fill() throws IOException {
    int read = in.read(buffer, 0, buffer.length);
    while (read == 0) {
      read = in.read(buffer, 0, buffer.length);
    }
    position = 0;
    limit = Math.max(read, 0);
    return read > 0;
  }

  private Day scan(byte[] wanted) throws IOException, TraceProblem {
    checkHeader(readLine());
    Day found = null;
    int state = OWNER;
    int matched = 0;
    LineBuffer row = null;
    while (position < limit || fill()) {
      final byte[] bytes = buffer;
      int p = position;
      final int end = limit;
      switch (state) {
        case OWNER, APP -> {
          while (p < end && bytes[p] != ',' && bytes[p] != '\n') {
            p++;
          }
          if (p < end) {
            if (bytes[p] == '\n') {
              line++; // a short or blank row: it cannot be the one we want
              state = OWNER;
            } else {
              state++;
            }
            p++;
          }
        }
        case FUNCTION -> {
          while (p < end) {
            byte b = bytes[p];
            if (b == ',') {
              p++;
              if (matched == wanted.length) {
                state = MATCHED;
                row = new LineBuffer();
              } else {
                state = SKIP;
              }
              break;
            }
            if (matched < wanted.length && b == wanted[matched]) {
              matched++;
              p++;
            } else {
              state = SKIP; // leaves the byte, maybe a newline, to SKIP
              break;
            }
          }
        }
        case SKIP -> {
          while (p < end && bytes[p] != '\n') {
            p++;
          }
          if (p < end) {
            p++;
            line++;
            state = OWNER;
            matched = 0;
          }
        }
        default -> { // MATCHED: keep the rest of the row, then check it
          int start = p;
          while (p < end && bytes[p] != '\n') {
            p++;
          }
          row.append(bytes, start, p - start, fileIndex, line);
          if (p < end) {
            p++;
            found = accept(found, row);
            line++;
            state = OWNER;
            matched = 0;
          }
        }
      }
      position = p;
    }
    if (state == MATCHED) {
      found = accept(found, row); // the last row had no newline
    }
    return found;
  }

  private Day accept(Day found, LineBuffer row) throws TraceProblem {
    if (found != null) {
      throw new TraceProblem(
          fileIndex, line, "the function appears again, first on line " + found.line(), null);
    }
    return parseRow(row.text(), line);
  }

  private Day parseRow(String rest, long rowLine) throws TraceProblem {
    String[] columns = rest.strip().split(",", -1);
    if (columns.length != COUNT_COLUMNS + 1) {
      throw new TraceProblem(
          fileIndex,
          rowLine,
          "the row must have " + Values.count(FIXED_COLUMNS + COUNT_COLUMNS) + " columns",
          Values.count(columns.length + FIXED_COLUMNS - 1L));
    }
    double[] counts = new double[COUNT_COLUMNS];
    for (int minute = 0; minute < COUNT_COLUMNS; minute++) {
      String text = columns[minute + 1].strip();
      if (text.isEmpty() || text.length() > 15 || !isDigits(text)) {
        throw new TraceProblem(
            fileIndex,
            rowLine,
            "the count of minute " + (minute + 1) + " must be a whole number >= 0",
            Values.text(text));
      }
      counts[minute] = Long.parseLong(text);
    }
    return new Day(counts, columns[0].strip(), rowLine);
  }

  private static boolean isDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Reads line 1, up to its newline. */
  private String readLine() throws IOException, TraceProblem {
    LineBuffer header = new LineBuffer();
    while (position < limit || fill()) {
      int start = position;
      int p = start;
      while (p < limit && buffer[p] != '\n') {
        p++;
      }
      header.append(buffer, start, p - start, fileIndex, 1);
      if (p < limit) {
        position = p + 1;
        line++;
        return header.text();
      }
      position = p;
    }
    if (header.length() == 0) {
      throw new TraceProblem(fileIndex, 0, "is empty: expected a header line", null);
    }
    return header.text();
  }

  private void checkHeader(String header) throws TraceProblem {
    String text = header.startsWith("\uFEFF") ? header.substring(1) : header;
    String[] columns = text.strip().split(",", -1);
    boolean good =
        columns.length == FIXED_COLUMNS + COUNT_COLUMNS
            && columns[0].strip().equals("HashOwner")
            && columns[1].strip().equals("HashApp")
            && columns[2].strip().equals("HashFunction")
            && columns[3].strip().equals("Trigger");
    for (int minute = 1; good && minute <= COUNT_COLUMNS; minute++) {
      good = columns[FIXED_COLUMNS + minute - 1].strip().equals(Integer.toString(minute));
    }
    if (!good) {
      throw new TraceProblem(
          fileIndex,
          1,
          "the header must be HashOwner,HashApp,HashFunction,Trigger,1,2,...,1440",
          Values.text(text));
    }
  }

  /**
   * A growable byte buffer for the one row that is kept, bounded so a file without newlines cannot
   * exhaust memory.
   */
  private static final class LineBuffer {
    private byte[] bytes = new byte[8192];
    private int length;

    void append(byte[] source, int offset, int count, int fileIndex, long line)
        throws TraceProblem {
      if (length + count > MAX_LINE_BYTES) {
        throw new TraceProblem(fileIndex, line, "the line is longer than 1 MB", null);
      }
      if (length + count > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
      }
      System.arraycopy(source, offset, bytes, length, count);
      length += count;
    }

    int length() {
      return length;
    }

    String text() {
      return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
  }
}
