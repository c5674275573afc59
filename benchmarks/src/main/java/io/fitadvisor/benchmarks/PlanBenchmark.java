package io.fitadvisor.benchmarks;

import io.fitadvisor.advisor.Advice;
import io.fitadvisor.advisor.AdviceContext;
import io.fitadvisor.advisor.Advisor;
import io.fitadvisor.advisor.Plan;
import io.fitadvisor.advisor.ServiceEvaluation;
import io.fitadvisor.pricing.PriceCatalog;
import io.fitadvisor.workload.AccountPricing;
import io.fitadvisor.workload.Application;
import io.fitadvisor.workload.ContainerSpec;
import io.fitadvisor.workload.FrontDoor;
import io.fitadvisor.workload.Invocation;
import io.fitadvisor.workload.LoadShape;
import io.fitadvisor.workload.Loads;
import io.fitadvisor.workload.Preferences;
import io.fitadvisor.workload.Requirements;
import io.fitadvisor.workload.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The application plan of 50 generated services (docs/PLAN.md): more than 12, so the heuristic
 * search, with the free tier, one load balancer for many services and a shared ECS cluster in
 * play. Target: under 1 s for the plan.
 *
 * <ul>
 *   <li>{@code plan50}: the plan alone, from services already evaluated;
 *   <li>{@code adviseAndPlan50}: the whole {@code advise} of the application: every service on
 *       every target (Lambda memory sweeps, Lambda Managed Instances, containers, the hybrid's
 *       search of its baseline), break-even rates, then the plan.
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PlanBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class PlanBenchmark {
  static final int SERVICES = 50;

  private Advisor advisor;
  private Application application;
  private AdviceContext context;
  private List<ServiceEvaluation> evaluations;

  @Setup
  public void setUp() {
    advisor = Advisor.of(PriceCatalog.builtIn());
    application = application(SERVICES, 2026);
    context = advisor.context(application);
    evaluations = new ArrayList<>();
    for (Service service : application.services()) {
      evaluations.add(advisor.evaluate(service, Loads.series(service), context));
    }
  }

  /**
   * {@code count} services from a fixed seed: small functions (free tier), web APIs behind an ALB,
   * services only containers can host (some behind the ALB), and bursty queue workers.
   */
  static Application application(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Application.Builder builder = Application.builder().name("generated").region("us-east-1")
        .pricing(new AccountPricing(true, 0.1, 0.15, 0.2, Optional.empty())).preferences(Preferences.DEFAULT);
    String[] runtimes = {"python3.13", "nodejs22.x", "java21"};
    FrontDoor[] doors = {FrontDoor.API_GATEWAY_HTTP, FrontDoor.FUNCTION_URL, FrontDoor.NONE, FrontDoor.ALB};
    for (int i = 0; i < count; i++) {
      String name = "svc-" + i;
      Service service;
      switch (i % 5) {
        case 0, 1 -> service = Service.builder(name).runtime(runtimes[random.nextInt(3)])
            .memoryMb(128 * (1 + random.nextInt(8))).meanDurationMs(20 + random.nextInt(400))
            .cpuFraction(0.1 + 0.1 * random.nextInt(9))
            .load(LoadShape.steadyMonthlyRequests(50_000 + random.nextInt(3_000_000)))
            .frontDoor(doors[random.nextInt(doors.length)]).build();
        case 2 -> {
          double average = 5 + random.nextInt(80);
          service = Service.builder(name).runtime(runtimes[random.nextInt(3)]).memoryMb(512 + 256 * random.nextInt(6))
              .meanDurationMs(40 + random.nextInt(200)).p99DurationMs(800).cpuFraction(0.2 + 0.1 * random.nextInt(6))
              .load(LoadShape.diurnal(average, average * (1.2 + 0.6 * random.nextDouble())))
              .frontDoor(FrontDoor.ALB).build();
        }
        case 3 -> service = Service.builder(name).runtime("container").memoryMb(256 + 256 * random.nextInt(4))
            .meanDurationMs(50 + random.nextInt(300)).cpuFraction(0.3)
            .container(ContainerSpec.builder().vcpu(random.nextBoolean() ? 0.5 : 1)
                .memoryMb(1024 * (2 + random.nextInt(3))).concurrency(4 + random.nextInt(20)).build())
            .requirements(new Requirements(false, true, false, OptionalDouble.empty()))
            .load(LoadShape.steady(0.5 + random.nextInt(20)))
            .frontDoor(random.nextBoolean() ? FrontDoor.ALB : FrontDoor.NONE).build();
        default -> service = Service.builder(name).runtime("python3.13").memoryMb(1024)
            .meanDurationMs(300 + random.nextInt(900)).cpuFraction(0.7).invocation(Invocation.QUEUE)
            .load(LoadShape.bursty(0.2 + random.nextInt(3), 20 + random.nextInt(60), 2 + random.nextInt(10),
                5 + random.nextInt(20))).build();
      }
      builder.service(service);
    }
    return builder.build();
  }

  @Benchmark
  public Plan plan50() {
    return advisor.plan(evaluations, context);
  }

  @Benchmark
  public Advice adviseAndPlan50() {
    return advisor.advise(application);
  }
}
