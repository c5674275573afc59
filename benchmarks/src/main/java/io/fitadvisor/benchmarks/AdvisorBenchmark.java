package io.fitadvisor.benchmarks;

import io.fitadvisor.advisor.AdviceContext;
import io.fitadvisor.advisor.Advisor;
import io.fitadvisor.advisor.ServiceAdvice;
import io.fitadvisor.pricing.PriceCatalog;
import io.fitadvisor.workload.LoadSeries;
import io.fitadvisor.workload.LoadShape;
import io.fitadvisor.workload.Loads;
import io.fitadvisor.workload.Service;
import io.fitadvisor.workload.TraceFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One service's full evaluation ({@link Advisor#advise(Service, LoadSeries, AdviceContext)}): every
 * target, the memory and task-size sweeps, cold starts, scaling and break-even. Targets (issue 6):
 * under 1 ms for a steady load, under 5 ms for a month-long per-minute trace. {@code
 * thirtyDayCsvTrace} advises a service whose load is a 30-day per-minute-csv file (43,200 rows,
 * written in setup and read once with {@link Loads#series(Service)}); {@code
 * thirtyDayCsvReadAndAdvise} also reads the file in each operation, {@code thirtyDayCsvRead} only reads it.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar AdvisorBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AdvisorBenchmark {
  private Advisor advisor;
  private AdviceContext context;
  private Service steady;
  private LoadSeries steadySeries;
  private Service traced;
  private LoadSeries trace;
  private Path csvFile;
  private Service csvTraced;
  private LoadSeries csvSeries;

  @Setup
  public void setUp() throws IOException {
    PriceCatalog catalog = PriceCatalog.builtIn();
    advisor = Advisor.of(catalog);
    context = AdviceContext.of(catalog.region("us-east-1"));
    steady = api("steady-api").load(LoadShape.steady(25)).build();
    steadySeries = Loads.series(steady);
    trace = monthTrace();
    traced = api("traced-api").load(LoadShape.recorded(trace)).build();
    csvFile = Files.createTempFile("fit-advisor-30-days", ".csv");
    Files.writeString(csvFile, thirtyDayCsv());
    csvTraced = api("csv-traced-api")
        .load(LoadShape.trace(TraceFormat.PER_MINUTE_CSV, csvFile)).build();
    csvSeries = Loads.series(csvTraced);
  }

  @TearDown
  public void tearDown() throws IOException {
    Files.deleteIfExists(csvFile);
  }

  /** 30 days x 1,440 minutes of {@code minute,requests} rows (offsets), the same cycle as {@link #monthTrace}. */
  private static String thirtyDayCsv() {
    SplittableRandom random = new SplittableRandom(7);
    StringBuilder csv = new StringBuilder(43_200 * 12).append("minute,requests\n");
    for (int t = 0; t < 30 * 1_440; t++) {
      double hour = (t % 1440) / 60.0;
      double perSecond = (20 + 15 * Math.cos(2 * Math.PI * (hour - 14) / 24)) * (0.8 + 0.4 * random.nextDouble());
      if (random.nextInt(500) == 0) {
        perSecond *= 5;
      }
      csv.append(t).append(',').append(Math.round(perSecond * 60)).append('\n');
    }
    return csv.toString();
  }

  /** A typical API: Java, 1 GB, 120 ms of which 30 % CPU, behind an HTTP API. */
  private static Service.Builder api(String name) {
    return Service.builder(name)
        .runtime("java21")
        .memoryMb(1024)
        .meanDurationMs(120)
        .p99DurationMs(600)
        .maxDurationMs(2000)
        .cpuFraction(0.3)
        .requestKb(4)
        .responseKb(20)
        .packageMb(80)
        .frontDoor(io.fitadvisor.workload.FrontDoor.API_GATEWAY_HTTP);
  }

  /** 43,800 minutes of a daily cycle with noise and a few bursts, fixed seed. */
  private static LoadSeries monthTrace() {
    SplittableRandom random = new SplittableRandom(42);
    float[] minutes = new float[LoadSeries.MINUTES_PER_MONTH];
    for (int t = 0; t < minutes.length; t++) {
      double hour = (t % 1440) / 60.0;
      double perSecond = 20 + 15 * Math.cos(2 * Math.PI * (hour - 14) / 24);
      perSecond *= 0.8 + 0.4 * random.nextDouble();
      if (random.nextInt(500) == 0) {
        perSecond *= 5;
      }
      minutes[t] = (float) Math.round(perSecond * 60);
    }
    return LoadSeries.of(minutes);
  }

  @Benchmark
  public ServiceAdvice steadyLoad() {
    return advisor.advise(steady, steadySeries, context);
  }

  @Benchmark
  public ServiceAdvice monthLongTrace() {
    return advisor.advise(traced, trace, context);
  }

  @Benchmark
  public ServiceAdvice thirtyDayCsvTrace() {
    return advisor.advise(csvTraced, csvSeries, context);
  }

  /** Reading the 30-day per-minute-csv file alone (43,200 rows, about 445 KB, in the page cache). */
  @Benchmark
  public LoadSeries thirtyDayCsvRead() {
    return Loads.series(csvTraced);
  }

  @Benchmark
  public ServiceAdvice thirtyDayCsvReadAndAdvise() {
    return advisor.advise(csvTraced, Loads.series(csvTraced), context);
  }
}
