package io.fitadvisor.workload;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of a trace that names each minute (per-minute CSV, CloudWatch), in file order; sorted into
 * time order once all are read, since CloudWatch lists the newest first.
 */
final class TimedRows {
  private final int fileIndex;
  private final boolean epochMinutes;
  private long[] minutes = new long[1024];
  private double[] counts = new double[1024];
  private long[] lines = new long[1024];
  private int size;

  /**
   * @param epochMinutes whether minutes are minutes since 1970 (shown as timestamps in messages) or
   *     offsets (shown as numbers)
   */
  TimedRows(int fileIndex, boolean epochMinutes) {
    this.fileIndex = fileIndex;
    this.epochMinutes = epochMinutes;
  }

  void add(long minute, double count, long line) {
    if (size == minutes.length) {
      minutes = Arrays.copyOf(minutes, size * 2);
      counts = Arrays.copyOf(counts, size * 2);
      lines = Arrays.copyOf(lines, size * 2);
    }
    minutes[size] = minute;
    counts[size] = count;
    lines[size] = line;
    size++;
  }

  boolean epochMinutes() {
    return epochMinutes;
  }

  int size() {
    return size;
  }

  /**
   * The trace from its first to its last minute, at most a month of it.
   *
   * @throws TraceProblem for a minute given twice, at the later of its lines
   */
  TraceData toData(List<String> notes) throws TraceProblem {
    if (size == 0) {
      throw new TraceProblem(fileIndex, 0, "has no data rows", null);
    }
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    // Stable sort by minute, so equal minutes stay in file order.
    Arrays.sort(order, (a, b) -> Long.compare(minutes[a], minutes[b]));
    for (int k = 1; k < size; k++) {
      int previous = order[k - 1];
      int current = order[k];
      if (minutes[previous] == minutes[current]) {
        int first = lines[previous] < lines[current] ? previous : current;
        int second = first == previous ? current : previous;
        throw new TraceProblem(
            fileIndex,
            lines[second],
            "minute " + label(minutes[second]) + " appears twice, first on line " + lines[first],
            null);
      }
    }
    long start = minutes[order[0]];
    long span = minutes[order[size - 1]] - start + 1;
    double[] covered = new double[(int) Math.min(span, LoadSeries.MINUTES_PER_MONTH)];
    for (int i = 0; i < size; i++) {
      long offset = minutes[i] - start;
      if (offset < covered.length) {
        covered[(int) offset] = counts[i];
      }
    }
    return new TraceData(covered, span, span - size, notes);
  }

  private String label(long minute) {
    return epochMinutes ? Instant.ofEpochSecond(minute * 60).toString() : Long.toString(minute);
  }
}
