package io.fitadvisor.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * What a trace file holds, in time order from its first minute: at most one month of it (the rest
 * would be cut anyway), how long it really is, and how many of its minutes had no data.
 */
final class TraceData {
  final double[] minutes;
  final long spanMinutes;
  final long emptyMinutes;
  final List<String> notes;

  TraceData(double[] minutes, long spanMinutes, long emptyMinutes, List<String> notes) {
    this.minutes = minutes;
    this.spanMinutes = spanMinutes;
    this.emptyMinutes = emptyMinutes;
    this.notes = List.copyOf(notes);
  }

  /**
   * Fits the trace to the month: a shorter trace repeats from its start, a longer one is cut. Notes
   * say which, and how many minutes had no data.
   */
  LoadSeries toSeries() {
    int n = LoadSeries.MINUTES_PER_MONTH;
    double[] month = new double[n];
    List<String> allNotes = new ArrayList<>(notes);
    if (emptyMinutes > 0) {
      allNotes.add(
          Values.count(emptyMinutes)
              + " of the trace's "
              + Values.count(spanMinutes)
              + " minutes had no data and count as zero");
    }
    if (spanMinutes < n) {
      int length = minutes.length;
      for (int minute = 0; minute < n; minute++) {
        month[minute] = minutes[minute % length];
      }
      allNotes.add("trace of " + Values.count(spanMinutes) + " minutes repeated to fill the month");
    } else {
      System.arraycopy(minutes, 0, month, 0, n);
      if (spanMinutes > n) {
        allNotes.add(
            "trace of "
                + Values.count(spanMinutes)
                + " minutes cut to the month's first "
                + Values.count(n));
      }
    }
    return LoadSeries.fromExact(month, allNotes);
  }
}
