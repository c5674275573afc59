package io.fitadvisor.benchmarks;

import io.fitadvisor.advisor.Advice;
import io.fitadvisor.advisor.Advisor;
import io.fitadvisor.pricing.PriceCatalog;
import io.fitadvisor.workload.Application;
import io.fitadvisor.workload.LoadSeries;
import io.fitadvisor.workload.LoadShape;
import io.fitadvisor.workload.Service;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A 1,000-service portfolio, each service with its own month-long per-minute series, advised as one
 * application (every service's options, then the plan), against the floor: a plain loop that only
 * sums every per-minute value of the portfolio. The fork runs with a 2 GB heap, the bound the
 * portfolio must fit in. Target: under 5 s wall clock on 2 cores, within 20 times the floor. The
 * JIT keeps compiling the models for about twenty shots (each shot is one portfolio, about half a
 * second), hence 25 warm-up shots: a planning tool that advises on every edit runs in that steady
 * state. docs/PERFORMANCE.md gives the first shots' times too.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PortfolioBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 25)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Xms2g"})
public class PortfolioBenchmark {
  static final int SERVICES = 1_000;

  private Advisor advisor;
  private Application portfolio;
  private float[][] minutes;

  @Setup
  public void setUp() {
    advisor = Advisor.of(PriceCatalog.builtIn());
    portfolio = Portfolios.application(SERVICES, 20261127L);
    minutes = new float[SERVICES][LoadSeries.MINUTES_PER_MONTH];
    for (int i = 0; i < SERVICES; i++) {
      Service service = portfolio.services().get(i);
      ((LoadShape.Recorded) service.load()).series().copyTo(minutes[i]);
    }
  }

  @Benchmark
  public Advice advisePortfolio() {
    return advisor.advise(portfolio);
  }

  /** The floor: touch every per-minute value of the portfolio once, and nothing else. */
  @Benchmark
  public double floorSumAllMinutes() {
    double total = 0;
    for (float[] series : minutes) {
      for (float requests : series) {
        total += requests;
      }
    }
    return total;
  }
}
