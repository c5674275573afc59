package io.fitadvisor.workload;

import java.io.IOException;
import java.util.Arrays;

/**
 * What reading a per-minute-csv file gave, in a form two readers can be compared on: the trace
 * (every minute's count as raw bits, so equal means bit-identical) or the problem (every field a
 * message is made of), or the I/O exception's class and message.
 */
record CsvOutcome(String summary, long[] minuteBits) {

  interface Read {
    TraceData read() throws IOException, TraceProblem;
  }

  static CsvOutcome of(Read read) {
    try {
      TraceData data = read.read();
      long[] bits = new long[data.minutes.length];
      for (int i = 0; i < bits.length; i++) {
        bits[i] = Double.doubleToRawLongBits(data.minutes[i]);
      }
      LoadSeries series = data.toSeries();
      return new CsvOutcome(
          "trace of "
              + data.spanMinutes
              + " minutes, "
              + data.emptyMinutes
              + " empty, notes "
              + data.notes
              + ", series total "
              + Double.doubleToRawLongBits(series.monthlyRequests())
              + " notes "
              + series.notes(),
          bits);
    } catch (TraceProblem problem) {
      return new CsvOutcome(
          "problem in file "
              + problem.fileIndex()
              + " line "
              + problem.line()
              + ": "
              + problem.rule()
              + " (was "
              + problem.value()
              + ")",
          null);
    } catch (IOException e) {
      return new CsvOutcome("cannot be read: " + e.getClass().getName(), null);
    }
  }

  boolean isTrace() {
    return minuteBits != null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CsvOutcome that
        && summary.equals(that.summary)
        && Arrays.equals(minuteBits, that.minuteBits);
  }

  @Override
  public int hashCode() {
    return summary.hashCode() * 31 + Arrays.hashCode(minuteBits);
  }

  @Override
  public String toString() {
    if (minuteBits == null) {
      return summary;
    }
    // The first minutes are enough to tell two traces apart in a failure message.
    double[] first = new double[Math.min(8, minuteBits.length)];
    for (int i = 0; i < first.length; i++) {
      first[i] = Double.longBitsToDouble(minuteBits[i]);
    }
    return summary + ", " + minuteBits.length + " minutes kept, from " + Arrays.toString(first);
  }
}
