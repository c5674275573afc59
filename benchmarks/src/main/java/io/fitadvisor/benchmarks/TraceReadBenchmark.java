package io.fitadvisor.benchmarks;

import io.fitadvisor.workload.LoadSeries;
import io.fitadvisor.workload.LoadShape;
import io.fitadvisor.workload.Loads;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Reading one function from an Azure Functions 2019 day file of real size: 50,000 functions x 1,440
 * per-minute columns (about 150 MB), generated deterministically into a temporary folder in setup.
 * The wanted function is on the last row, so every call streams the whole file. The {@code
 * megabytesRead} counter, reported per second, is the read rate in MB/s (10^6 bytes).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar Trace -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TraceReadBenchmark {
  /** Functions in the day file: 50,000 is a real day file's size; the CI smoke run uses fewer. */
  @Param("50000")
  public int functions;
  static final int MINUTES = 1_440;
  static final String WANTED = "f".repeat(64);

  private Path folder;
  private Path dayFile;
  private double megabytes;
  private LoadShape.Trace trace;

  /** Per-call counters that JMH reports as rates. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counters {
    /** Megabytes scanned; as a rate, MB/s. */
    public double megabytesRead;
  }

  @Setup(Level.Trial)
  public void writeDayFile() throws IOException {
    folder = Files.createTempDirectory("fit-advisor-trace-bench");
    dayFile = folder.resolve("invocations_per_function_md.anon.d01.csv");
    writeDayFile(dayFile, functions, new SplittableRandom(2019));
    megabytes = Files.size(dayFile) / 1e6;
    trace = LoadShape.azureFunctionsTrace(List.of(dayFile), WANTED);
  }

  @TearDown(Level.Trial)
  public void deleteDayFile() throws IOException {
    Files.deleteIfExists(dayFile);
    Files.deleteIfExists(folder);
  }

  /** One function's month from a 150 MB day file (the file is in the page cache after setup). */
  @Benchmark
  public LoadSeries readOneFunction(Counters counters) {
    counters.megabytesRead += megabytes;
    return Loads.series(trace);
  }

  /**
   * Writes a day file shaped like the public trace: three 64-hex-digit hashes, a trigger, then
   * 1,440 counts. Most functions are idle most minutes (as in the real data), so most counts are
   * "0"; the rest are small numbers. The last row is {@link #WANTED}.
   */
  static void writeDayFile(Path file, int functions, SplittableRandom random) throws IOException {
    String[] triggers = {"http", "queue", "timer", "event", "storage", "orchestration", "others"};
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      StringBuilder header = new StringBuilder("HashOwner,HashApp,HashFunction,Trigger");
      for (int minute = 1; minute <= MINUTES; minute++) {
        header.append(',').append(minute);
      }
      out.write(header.append('\n').toString().getBytes(StandardCharsets.US_ASCII));
      byte[] row = new byte[64 * 3 + 32 + MINUTES * 8];
      for (int function = 0; function < functions; function++) {
        int length = 0;
        for (int hash = 0; hash < 3; hash++) {
          boolean wanted = hash == 2 && function == functions - 1;
          for (int digit = 0; digit < 64; digit++) {
            row[length++] =
                wanted ? (byte) 'f' : (byte) "0123456789abcde".charAt(random.nextInt(15));
          }
          row[length++] = ',';
        }
        for (byte b :
            triggers[random.nextInt(triggers.length)].getBytes(StandardCharsets.US_ASCII)) {
          row[length++] = b;
        }
        // A function is busy in a share of minutes drawn per function, mostly small.
        double busy = Math.pow(random.nextDouble(), 4);
        for (int minute = 0; minute < MINUTES; minute++) {
          row[length++] = ',';
          int count = random.nextDouble() < busy ? 1 + random.nextInt(random.nextInt(999) + 1) : 0;
          length = appendInt(row, length, count);
        }
        row[length++] = '\n';
        out.write(row, 0, length);
      }
    }
  }

  private static int appendInt(byte[] row, int length, int value) {
    if (value == 0) {
      row[length] = '0';
      return length + 1;
    }
    int digits = Integer.toString(value).length();
    for (int i = digits - 1; i >= 0; i--) {
      row[length + i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    return length + digits;
  }
}
