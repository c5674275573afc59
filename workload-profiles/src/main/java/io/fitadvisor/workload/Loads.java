package io.fitadvisor.workload;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Turns load shapes into per-minute series over the 730-hour month (see docs/WORKLOADS.md for the
 * formulas). Reading trace files is the only I/O; every other shape is arithmetic. The month starts
 * at 00:00 UTC and is 30 whole days plus 600 minutes.
 */
public final class Loads {
  private static final int DAY = LoadSeries.MINUTES_PER_DAY;
  private static final int MONTH = LoadSeries.MINUTES_PER_MONTH;

  private Loads() {}

  /**
   * The per-minute series of a service's load.
   *
   * @throws WorkloadFileException when a trace file cannot be read or breaks a rule
   */
  public static LoadSeries series(Service service) {
    return series(requireNonNull(service, "service").load());
  }

  /**
   * The per-minute series of a load shape.
   *
   * @throws WorkloadFileException when a trace file cannot be read or breaks a rule
   */
  public static LoadSeries series(LoadShape shape) {
    requireNonNull(shape, "shape");
    if (shape instanceof LoadShape.Steady steady) {
      return steady(steady);
    } else if (shape instanceof LoadShape.Diurnal diurnal) {
      return LoadSeries.fromExact(month(diurnalDay(diurnal)), List.of());
    } else if (shape instanceof LoadShape.Bursty bursty) {
      return LoadSeries.fromExact(month(burstyDay(bursty)), List.of());
    } else if (shape instanceof LoadShape.Schedule schedule) {
      return LoadSeries.fromExact(month(scheduleDay(schedule)), List.of());
    } else if (shape instanceof LoadShape.Trace trace) {
      return trace(trace);
    } else {
      return ((LoadShape.Recorded) shape).series();
    }
  }

  private static LoadSeries steady(LoadShape.Steady steady) {
    OptionalDouble perSecond = steady.requestsPerSecond();
    double perMinute =
        perSecond.isPresent() ? perSecond.getAsDouble() * 60 : steady.requestsPerMonth() / MONTH;
    double[] minutes = new double[MONTH];
    Arrays.fill(minutes, perMinute);
    return LoadSeries.fromExact(minutes, steady.requestsPerMonth(), List.of());
  }

  /**
   * Requests in each minute of a day: the rate at the minute's start, {@code h = minute / 60},
   * times 60.
   */
  static double[] diurnalDay(LoadShape.Diurnal diurnal) {
    double average = diurnal.averageRequestsPerSecond();
    double amplitude = diurnal.peakRequestsPerSecond() - average;
    double[] day = new double[DAY];
    for (int minute = 0; minute < DAY; minute++) {
      double hour = minute / 60.0;
      double perSecond =
          average + amplitude * Math.cos(2 * Math.PI * (hour - diurnal.peakHourUtc()) / 24);
      // At peak = 2 x average the trough is 0; rounding must not make it negative.
      day[minute] = Math.max(0, perSecond) * 60;
    }
    return day;
  }

  static double[] burstyDay(LoadShape.Bursty bursty) {
    double[] day = new double[DAY];
    Arrays.fill(day, bursty.baselineRequestsPerSecond() * 60);
    for (int burst = 0; burst < bursty.burstsPerDay(); burst++) {
      int start = burst * DAY / bursty.burstsPerDay();
      for (int minute = start; minute < start + bursty.burstMinutes(); minute++) {
        day[minute] = bursty.burstRequestsPerSecond() * 60;
      }
    }
    return day;
  }

  static double[] scheduleDay(LoadShape.Schedule schedule) {
    double[] day = new double[DAY];
    for (int run = 0; run < schedule.runsPerDay(); run++) {
      day[run * DAY / schedule.runsPerDay()] += schedule.tasksPerRun();
    }
    return day;
  }

  /** Repeats a day over the month: 30 whole days, then the first 600 minutes of a 31st. */
  private static double[] month(double[] day) {
    double[] month = new double[MONTH];
    for (int start = 0; start < MONTH; start += DAY) {
      System.arraycopy(day, 0, month, start, Math.min(DAY, MONTH - start));
    }
    return month;
  }

  private static LoadSeries trace(LoadShape.Trace trace) {
    try {
      return switch (trace.format()) {
        case PER_MINUTE_CSV -> csv(trace.file()).toSeries();
        case CLOUDWATCH_METRIC_DATA -> cloudWatch(trace.file()).toSeries();
        case AZURE_FUNCTIONS -> azure(trace);
      };
    } catch (TraceProblem problem) {
      throw report(trace, problem);
    }
  }

  private static TraceData csv(Path file) throws TraceProblem {
    try {
      return CsvTraceReader.read(file, 0);
    } catch (IOException e) {
      throw unreadable(0, e);
    }
  }

  private static TraceData cloudWatch(Path file) throws TraceProblem {
    try {
      return CloudWatchTraceReader.read(file, 0);
    } catch (IOException e) {
      throw unreadable(0, e);
    }
  }

  private static TraceProblem unreadable(int fileIndex, IOException e) {
    TraceProblem problem =
        new TraceProblem(
            fileIndex, 0, "cannot be read (" + e.getClass().getSimpleName() + ")", null);
    problem.initCause(e);
    return problem;
  }

  private static LoadSeries azure(LoadShape.Trace trace) throws TraceProblem {
    String function = trace.function().orElseThrow();
    List<Path> files = trace.files();
    long span = (long) files.size() * DAY;
    double[] covered = new double[(int) Math.min(span, MONTH)];
    List<String> notes = new ArrayList<>();
    List<String> absent = new ArrayList<>();
    boolean anyFound = false;
    for (int i = 0; i < files.size(); i++) {
      AzureTraceReader.Day day;
      try {
        day = AzureTraceReader.read(files.get(i), i, function);
      } catch (IOException e) {
        throw unreadable(i, e);
      }
      if (day == null) {
        absent.add(names(trace).get(i));
        continue;
      }
      anyFound = true;
      long offset = (long) i * DAY;
      if (offset < covered.length) {
        int length = (int) Math.min(DAY, covered.length - offset);
        System.arraycopy(day.counts(), 0, covered, (int) offset, length);
      }
    }
    if (!anyFound) {
      throw new TraceProblem(
          TraceProblem.FUNCTION,
          0,
          "no row has this HashFunction in " + String.join(", ", names(trace)),
          Values.text(function));
    }
    if (!absent.isEmpty()) {
      notes.add(
          "function absent from "
              + String.join(", ", absent)
              + ": "
              + (absent.size() == 1 ? "that day counts" : "those days count")
              + " as zero");
    }
    return new TraceData(covered, span, 0, notes).toSeries();
  }

  /** How messages name the trace's files: as written in the workload file, else as given. */
  private static List<String> names(LoadShape.Trace trace) {
    if (trace.origin().isPresent()) {
      return trace.origin().get().filesAsWritten();
    }
    return trace.files().stream().map(Path::toString).collect(Collectors.toList());
  }

  private static WorkloadFileException report(LoadShape.Trace trace, TraceProblem problem) {
    Throwable cause = problem.getCause();
    String where = problem.line() > 0 ? "line " + problem.line() + ": " : "";
    if (trace.origin().isPresent()) {
      TraceOrigin origin = trace.origin().get();
      if (problem.fileIndex() == TraceProblem.FUNCTION) {
        return new WorkloadFileException(
            origin.workloadFile(),
            origin.functionFieldPath(),
            problem.rule(),
            problem.value(),
            cause);
      }
      String name = origin.filesAsWritten().get(problem.fileIndex());
      String located = problem.line() > 0 ? name + " line " + problem.line() + ": " : name + ": ";
      return new WorkloadFileException(
          origin.workloadFile(),
          origin.fileFieldPaths().get(problem.fileIndex()),
          located + problem.rule(),
          problem.value(),
          cause);
    }
    if (problem.fileIndex() == TraceProblem.FUNCTION) {
      return new WorkloadFileException(
          String.join(", ", names(trace)),
          "",
          "function: " + problem.rule(),
          problem.value(),
          cause);
    }
    return new WorkloadFileException(
        trace.files().get(problem.fileIndex()).toString(),
        "",
        where + problem.rule(),
        problem.value(),
        cause);
  }
}
