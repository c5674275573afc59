package io.fitadvisor.benchmarks;

import io.fitadvisor.workload.LoadSeries;
import io.fitadvisor.workload.LoadShape;
import io.fitadvisor.workload.Loads;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Building per-minute series (43,800 minutes) from shapes, and the windowed concurrency the advisor
 * asks of them, through the public API.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LoadSeries -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LoadSeriesBenchmark {
  private final LoadShape.Diurnal diurnal = new LoadShape.Diurnal(25, 40, 15);
  private final LoadShape.Bursty bursty = LoadShape.bursty(2, 50, 7, 30);
  private LoadSeries series;

  @Setup
  public void setUp() {
    series = Loads.series(diurnal);
  }

  /** A diurnal shape's month: 1,440 cosines, tiled, summed. */
  @Benchmark
  public LoadSeries diurnalSeries() {
    return Loads.series(diurnal);
  }

  /** A bursty shape's month. */
  @Benchmark
  public LoadSeries burstySeries() {
    return Loads.series(bursty);
  }

  private int call;

  /**
   * Peak concurrency of 2-minute requests: the sliding window over the month. The length
   * alternates by a millisecond, so the series' memory of its last window never answers.
   */
  @Benchmark
  public double peakConcurrencyLongRequests() {
    call ^= 1;
    return series.peakConcurrency(120_000 + call);
  }

  /** Peak concurrency of 120 ms requests: the busiest minute alone. */
  @Benchmark
  public double peakConcurrencyShortRequests() {
    return series.peakConcurrency(120);
  }

  /** Doubling the traffic, as break-even searches do. */
  @Benchmark
  public LoadSeries scaled() {
    return series.scaled(2);
  }
}
