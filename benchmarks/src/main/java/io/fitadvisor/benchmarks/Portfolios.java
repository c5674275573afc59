package io.fitadvisor.benchmarks;

import io.fitadvisor.workload.Application;
import io.fitadvisor.workload.Architecture;
import io.fitadvisor.workload.FrontDoor;
import io.fitadvisor.workload.Invocation;
import io.fitadvisor.workload.LoadSeries;
import io.fitadvisor.workload.LoadShape;
import io.fitadvisor.workload.Requirements;
import io.fitadvisor.workload.Service;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic portfolios: services of varied runtimes, sizes and load shapes, each
 * with its own month-long per-minute series (a daily cycle, noise, bursts, idle stretches, batch
 * runs), so every service exercises the per-minute models rather than a constant.
 */
final class Portfolios {
  private static final String[] RUNTIMES = {
    "java21", "python3.12", "nodejs22.x", "provided.al2023", "dotnet8", "container"
  };
  private static final int[] MEMORY_MB = {128, 256, 512, 1024, 2048, 3008};
  private static final FrontDoor[] FRONT_DOORS = {
    FrontDoor.NONE, FrontDoor.API_GATEWAY_HTTP, FrontDoor.ALB, FrontDoor.FUNCTION_URL
  };

  private Portfolios() {}

  /** An application of {@code services} services in us-east-1, the same for the same seed. */
  static Application application(int services, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Application.Builder application = Application.builder().name("portfolio-" + services)
        .region("us-east-1");
    for (int i = 0; i < services; i++) {
      application.service(service(i, random.split()));
    }
    return application.build();
  }

  private static Service service(int index, SplittableRandom random) {
    int kind = index % 5;
    boolean batch = kind == 4;
    double meanMs = batch ? 60_000 + random.nextInt(600_000) : 20 + random.nextInt(400);
    Service.Builder service = Service.builder("service-" + index)
        .runtime(RUNTIMES[random.nextInt(RUNTIMES.length)])
        .memoryMb(MEMORY_MB[random.nextInt(MEMORY_MB.length)])
        .meanDurationMs(meanMs)
        .p99DurationMs(meanMs * (2 + random.nextInt(4)))
        .cpuFraction(0.1 + 0.9 * random.nextDouble())
        .requestKb(random.nextInt(64))
        .responseKb(random.nextInt(256))
        .invocation(batch ? Invocation.SCHEDULE : Invocation.SYNC)
        .frontDoor(batch ? FrontDoor.NONE : FRONT_DOORS[random.nextInt(FRONT_DOORS.length)])
        .load(LoadShape.recorded(series(kind, random)));
    if (random.nextInt(4) == 0) {
      service.architectures(Architecture.X86_64);
    }
    if (random.nextInt(3) == 0) {
      service.requirements(new Requirements(false, false, random.nextBoolean(),
          random.nextBoolean() ? OptionalDouble.of(meanMs * 8) : OptionalDouble.empty()));
    }
    return service.build();
  }

  /** One month of per-minute request counts of the given kind. */
  static LoadSeries series(int kind, SplittableRandom random) {
    float[] minutes = new float[LoadSeries.MINUTES_PER_MONTH];
    double scale = Math.pow(10, -2 + 5 * random.nextDouble()); // 0.01 to 1,000 req/s
    int peakMinute = random.nextInt(1440);
    for (int t = 0; t < minutes.length; t++) {
      int minuteOfDay = t % 1440;
      double perSecond;
      switch (kind) {
        case 0 -> perSecond = scale * (0.9 + 0.2 * random.nextDouble());
        case 1 -> perSecond = scale * (1 + 0.8 * Math.cos(2 * Math.PI * (minuteOfDay - peakMinute)
            / 1440.0)) * (0.85 + 0.3 * random.nextDouble());
        case 2 -> perSecond = random.nextInt(200) == 0 ? scale * 20 : scale * 0.2;
        case 3 -> perSecond = random.nextInt(10) == 0 ? scale * random.nextDouble() : 0;
        default -> perSecond = minuteOfDay == peakMinute ? (1 + random.nextInt(20)) / 60.0 : 0;
      }
      minutes[t] = (float) Math.max(0, Math.rint(perSecond * 60));
    }
    return LoadSeries.of(minutes);
  }
}
