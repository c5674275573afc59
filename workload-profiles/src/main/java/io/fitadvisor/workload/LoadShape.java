package io.fitadvisor.workload;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The shape of a service's traffic over a month; {@link Loads#series(LoadShape)} turns it into
 * requests per minute. Each shape is the workload file's block of the same name, and each checks
 * its rules when constructed, naming fields from the shape down ({@code diurnal.peakHourUtc}).
 */
public sealed interface LoadShape
    permits LoadShape.Steady,
        LoadShape.Diurnal,
        LoadShape.Bursty,
        LoadShape.Schedule,
        LoadShape.Trace,
        LoadShape.Recorded {

  /** The shape's name in the workload file: {@code steady}, {@code diurnal}, ... */
  String id();

  /** A constant rate in requests per second. */
  static Steady steady(double requestsPerSecond) {
    return new Steady(OptionalDouble.of(requestsPerSecond), OptionalDouble.empty());
  }

  /** A constant rate given as requests per 730-hour month. */
  static Steady steadyMonthlyRequests(double monthlyRequests) {
    return new Steady(OptionalDouble.empty(), OptionalDouble.of(monthlyRequests));
  }

  /** A daily cycle peaking at 14:00 UTC. */
  static Diurnal diurnal(double averageRequestsPerSecond, double peakRequestsPerSecond) {
    return new Diurnal(
        averageRequestsPerSecond, peakRequestsPerSecond, Diurnal.DEFAULT_PEAK_HOUR_UTC);
  }

  /** Baseline traffic with bursts; see {@link Bursty}. */
  static Bursty bursty(
      double baselineRequestsPerSecond,
      double burstRequestsPerSecond,
      int burstsPerDay,
      int burstMinutes) {
    return new Bursty(
        baselineRequestsPerSecond, burstRequestsPerSecond, burstsPerDay, burstMinutes);
  }

  /** Batch runs; see {@link Schedule}. */
  static Schedule schedule(int runsPerDay, int tasksPerRun) {
    return new Schedule(runsPerDay, tasksPerRun);
  }

  /** A single-file trace ({@code per-minute-csv} or {@code cloudwatch-metric-data}). */
  static Trace trace(TraceFormat format, Path file) {
    return new Trace(format, List.of(file), Optional.empty(), Optional.empty());
  }

  /** Azure Functions day files, in day order, and the {@code HashFunction} to select. */
  static Trace azureFunctionsTrace(List<Path> dayFiles, String function) {
    return new Trace(
        TraceFormat.AZURE_FUNCTIONS, dayFiles, Optional.of(function), Optional.empty());
  }

  /** A series already in memory. */
  static Recorded recorded(LoadSeries series) {
    return new Recorded(series);
  }

  /**
   * A constant rate: exactly one of {@code requestsPerSecond} (greater than 0) and {@code
   * monthlyRequests} (greater than 0, spread evenly over the 730-hour month).
   */
  record Steady(OptionalDouble requestsPerSecond, OptionalDouble monthlyRequests)
      implements LoadShape {

    /**
     * Checks the rules.
     *
     * @throws IllegalArgumentException e.g. {@code steady: must give exactly one of
     *     requestsPerSecond or monthlyRequests}
     */
    public Steady {
      requireNonNull(requestsPerSecond, "requestsPerSecond");
      requireNonNull(monthlyRequests, "monthlyRequests");
      if (requestsPerSecond.isPresent() == monthlyRequests.isPresent()) {
        throw new RuleViolation(
            "steady", "must give exactly one of requestsPerSecond or monthlyRequests", null);
      }
      Checks.positive("steady.requestsPerSecond", requestsPerSecond);
      Checks.positive("steady.monthlyRequests", monthlyRequests);
    }

    @Override
    public String id() {
      return "steady";
    }

    /** Requests in the 730-hour month: {@code requestsPerSecond x 2,628,000}, or as given. */
    public double requestsPerMonth() {
      return monthlyRequests.orElseGet(
          () -> requestsPerSecond.getAsDouble() * LoadSeries.SECONDS_PER_MONTH);
    }
  }

  /**
   * A daily cycle: {@code rate(h) = avg + (peak - avg) cos(2 pi (h - peakHourUtc) / 24)} requests
   * per second at hour of day {@code h} (UTC). Requires {@code 0 < avg <= peak <= 2 avg} (so the
   * rate never goes below 0) and {@code peakHourUtc} in [0, 24).
   */
  record Diurnal(double averageRequestsPerSecond, double peakRequestsPerSecond, double peakHourUtc)
      implements LoadShape {

    /** The peak hour when none is given: 14:00 UTC. */
    public static final double DEFAULT_PEAK_HOUR_UTC = 14;

    /**
     * Checks the rules.
     *
     * @throws IllegalArgumentException e.g. {@code diurnal.peakRequestsPerSecond: must be at most
     *     twice averageRequestsPerSecond, 20 (was 25)}
     */
    public Diurnal {
      Checks.positive("diurnal.averageRequestsPerSecond", averageRequestsPerSecond);
      Checks.finite("diurnal.peakRequestsPerSecond", peakRequestsPerSecond);
      if (peakRequestsPerSecond < averageRequestsPerSecond) {
        throw RuleViolation.of(
            "diurnal.peakRequestsPerSecond",
            "must be at least averageRequestsPerSecond " + Values.number(averageRequestsPerSecond),
            peakRequestsPerSecond);
      }
      if (peakRequestsPerSecond > 2 * averageRequestsPerSecond) {
        throw RuleViolation.of(
            "diurnal.peakRequestsPerSecond",
            "must be at most twice averageRequestsPerSecond, "
                + Values.number(2 * averageRequestsPerSecond),
            peakRequestsPerSecond);
      }
      if (Checks.finite("diurnal.peakHourUtc", peakHourUtc) < 0 || peakHourUtc >= 24) {
        throw RuleViolation.of(
            "diurnal.peakHourUtc", "must be 0 or greater and less than 24", peakHourUtc);
      }
    }

    @Override
    public String id() {
      return "diurnal";
    }
  }

  /**
   * The baseline rate, except {@code burstsPerDay} bursts a day of {@code burstMinutes} minutes at
   * the burst rate. Burst {@code i} (from 0) starts at minute {@code floor(i x 1440 /
   * burstsPerDay)} of each UTC day. Bursts may touch but not overlap: {@code burstMinutes <=
   * floor(1440 / burstsPerDay)}.
   */
  record Bursty(
      double baselineRequestsPerSecond,
      double burstRequestsPerSecond,
      int burstsPerDay,
      int burstMinutes)
      implements LoadShape {

    /**
     * Checks the rules.
     *
     * @throws IllegalArgumentException e.g. {@code bursty.burstMinutes: bursts must not overlap: at
     *     most 160 minutes with 9 bursts a day (was 200)}
     */
    public Bursty {
      Checks.nonNegative("bursty.baselineRequestsPerSecond", baselineRequestsPerSecond);
      Checks.positive("bursty.burstRequestsPerSecond", burstRequestsPerSecond);
      if (burstRequestsPerSecond < baselineRequestsPerSecond) {
        throw RuleViolation.of(
            "bursty.burstRequestsPerSecond",
            "must be at least baselineRequestsPerSecond "
                + Values.number(baselineRequestsPerSecond),
            burstRequestsPerSecond);
      }
      if (burstsPerDay < 1 || burstsPerDay > LoadSeries.MINUTES_PER_DAY) {
        throw RuleViolation.of("bursty.burstsPerDay", "must be between 1 and 1440", burstsPerDay);
      }
      Checks.positive("bursty.burstMinutes", burstMinutes);
      int longest = LoadSeries.MINUTES_PER_DAY / burstsPerDay;
      if (burstMinutes > longest) {
        throw RuleViolation.of(
            "bursty.burstMinutes",
            "bursts must not overlap: at most "
                + longest
                + " minutes with "
                + burstsPerDay
                + " bursts a day",
            burstMinutes);
      }
    }

    @Override
    public String id() {
      return "bursty";
    }
  }

  /**
   * Batch work: {@code runsPerDay} runs (1 to 1440) evenly spaced through each UTC day, run {@code
   * i} (from 0) in minute {@code floor(i x 1440 / runsPerDay)}; each run starts {@code tasksPerRun}
   * requests (at least 1) in its minute, each lasting the service's duration.
   */
  record Schedule(int runsPerDay, int tasksPerRun) implements LoadShape {

    /**
     * Checks the rules.
     *
     * @throws IllegalArgumentException e.g. {@code schedule.runsPerDay: must be between 1 and 1440
     *     (was 0)}
     */
    public Schedule {
      if (runsPerDay < 1 || runsPerDay > LoadSeries.MINUTES_PER_DAY) {
        throw RuleViolation.of("schedule.runsPerDay", "must be between 1 and 1440", runsPerDay);
      }
      Checks.positive("schedule.tasksPerRun", tasksPerRun);
    }

    @Override
    public String id() {
      return "schedule";
    }
  }

  /**
   * Measured traffic read from files by {@link Loads#series(LoadShape)}.
   *
   * @param format the files' format
   * @param files the trace files: exactly one, except Azure Functions day files (one or more, in
   *     day order); the file reader resolves them against the workload file's folder
   * @param function the Azure {@code HashFunction} to select; required for {@code azure-functions},
   *     absent otherwise
   * @param origin where the trace was declared, when it came from a workload file
   */
  record Trace(
      TraceFormat format, List<Path> files, Optional<String> function, Optional<TraceOrigin> origin)
      implements LoadShape {

    /**
     * Checks the rules.
     *
     * @throws IllegalArgumentException e.g. {@code trace.function: is required for azure-functions}
     */
    public Trace {
      requireNonNull(format, "format");
      requireNonNull(function, "function");
      requireNonNull(origin, "origin");
      files = List.copyOf(files);
      if (files.isEmpty()) {
        throw new RuleViolation("trace.files", "must list at least one file", null);
      }
      if (format == TraceFormat.AZURE_FUNCTIONS) {
        if (function.isEmpty()) {
          throw new RuleViolation("trace.function", "is required for azure-functions", null);
        }
        Checks.notBlank("trace.function", function.get());
      } else {
        if (files.size() > 1) {
          throw new RuleViolation(
              "trace.files", "only azure-functions traces take several files", null);
        }
        if (function.isPresent()) {
          throw RuleViolation.of(
              "trace.function", "only azure-functions traces select a function", function.get());
        }
      }
      if (origin.isPresent() && origin.get().filesAsWritten().size() != files.size()) {
        throw new IllegalArgumentException(
            "origin must describe each of the " + files.size() + " files");
      }
    }

    @Override
    public String id() {
      return "trace";
    }

    /** The first (for most formats the only) trace file. */
    public Path file() {
      return files.get(0);
    }
  }

  /** A per-minute series built in code (planning tools, benchmarks, simulations). */
  record Recorded(LoadSeries series) implements LoadShape {

    /** Requires a series. */
    public Recorded {
      requireNonNull(series, "series");
    }

    @Override
    public String id() {
      return "recorded";
    }
  }
}
