package io.fitadvisor.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class LoadSeriesProperties {

  /** Shapes whose rates all scale by a factor: scaling the rates scales every total. */
  @Provide
  Arbitrary<double[]> rates() {
    // baseline/average, burst/peak fraction in [0, 1]
    return Combinators.combine(
            Arbitraries.doubles().between(0.01, 1_000), Arbitraries.doubles().between(0, 1))
        .as((base, fraction) -> new double[] {base, fraction});
  }

  @Property(tries = 50)
  void scalingADiurnalShapeScalesItsTotals(
      @ForAll("rates") double[] rates,
      @ForAll @DoubleRange(min = 0.1, max = 50) double factor,
      @ForAll @IntRange(min = 0, max = 23) int peakHour) {
    double average = rates[0];
    double peak = average * (1 + rates[1]);
    LoadSeries base = Loads.series(new LoadShape.Diurnal(average, peak, peakHour));
    LoadSeries scaled =
        Loads.series(new LoadShape.Diurnal(average * factor, peak * factor, peakHour));

    assertThat(scaled.monthlyRequests())
        .isCloseTo(
            base.monthlyRequests() * factor, within(base.monthlyRequests() * factor * 1e-12));
    assertThat(scaled.peakRequestsPerSecond())
        .isCloseTo(base.peakRequestsPerSecond() * factor, within(peak * factor * 1e-12));
    assertThat(base.scaled(factor).monthlyRequests())
        .isCloseTo(scaled.monthlyRequests(), within(scaled.monthlyRequests() * 1e-12));
  }

  @Property(tries = 50)
  void scalingABurstyShapeScalesItsTotals(
      @ForAll("rates") double[] rates,
      @ForAll @DoubleRange(min = 0.1, max = 50) double factor,
      @ForAll @IntRange(min = 1, max = 48) int burstsPerDay) {
    double burst = rates[0];
    double baseline = burst * rates[1];
    int minutes = Math.max(1, 1440 / burstsPerDay / 2);
    LoadSeries base = Loads.series(LoadShape.bursty(baseline, burst, burstsPerDay, minutes));
    LoadSeries scaled =
        Loads.series(LoadShape.bursty(baseline * factor, burst * factor, burstsPerDay, minutes));

    assertThat(scaled.monthlyRequests())
        .isCloseTo(
            base.monthlyRequests() * factor, within(base.monthlyRequests() * factor * 1e-12));
    assertThat(scaled.averageRequestsPerSecond())
        .isCloseTo(base.averageRequestsPerSecond() * factor, within(burst * factor * 1e-12));
  }

  @Property(tries = 50)
  void scalingAScheduleByTasksScalesItsTotals(
      @ForAll @IntRange(min = 1, max = 1440) int runsPerDay,
      @ForAll @IntRange(min = 1, max = 1000) int tasks,
      @ForAll @IntRange(min = 2, max = 10) int factor) {
    LoadSeries base = Loads.series(LoadShape.schedule(runsPerDay, tasks));
    LoadSeries scaled = Loads.series(LoadShape.schedule(runsPerDay, tasks * factor));

    assertThat(scaled.monthlyRequests()).isEqualTo(base.monthlyRequests() * factor);
    // Whole days carry runsPerDay runs each; the partial 600-minute day carries those that start
    // before 10:00: the i with floor(i x 1440 / runsPerDay) < 600.
    int partialRuns = 0;
    for (int run = 0; run < runsPerDay; run++) {
      if (run * 1440 / runsPerDay < 600) {
        partialRuns++;
      }
    }
    assertThat(base.monthlyRequests()).isEqualTo((double) (30L * runsPerDay + partialRuns) * tasks);
  }

  @Property(tries = 30)
  void repeatingATracePreservesItsDailySum(@ForAll @Size(1440) int[] counts) throws IOException {
    Path file = Files.createTempFile("day", ".csv");
    try {
      StringBuilder text = new StringBuilder("minute,requests\n");
      long daySum = 0;
      for (int minute = 0; minute < 1440; minute++) {
        int count = Math.floorMod(counts[minute], 10_000);
        daySum += count;
        text.append(minute).append(',').append(count).append('\n');
      }
      Files.writeString(file, text);
      LoadSeries series = Loads.series(LoadShape.trace(TraceFormat.PER_MINUTE_CSV, file));

      float[] minutes = new float[LoadSeries.MINUTES_PER_MONTH];
      series.copyTo(minutes);
      for (int day = 0; day < 30; day++) {
        long sum = 0;
        for (int minute = 0; minute < 1440; minute++) {
          sum += (long) minutes[day * 1440 + minute];
        }
        assertThat(sum).as("day %s", day).isEqualTo(daySum);
      }
    } finally {
      Files.delete(file);
    }
  }

  @Property(tries = 50)
  void shortRequestsHaveConcurrencyOfTheirMinute(
      @ForAll @DoubleRange(min = 0.01, max = 1_000) double perSecond,
      @ForAll @DoubleRange(min = 1, max = 60_000) double durationMs) {
    LoadSeries series = Loads.series(LoadShape.steady(perSecond));

    // Little's law: rate x duration.
    assertThat(series.peakConcurrency(durationMs))
        .isCloseTo(perSecond * durationMs / 1000, within(perSecond * durationMs * 1e-12));
  }

  @Property(tries = 30)
  void longRequestsAtASteadyRateFollowLittlesLaw(
      @ForAll @DoubleRange(min = 0.01, max = 100) double perSecond,
      @ForAll @DoubleRange(min = 60_000, max = 3_600_000) double durationMs) {
    LoadSeries series = Loads.series(LoadShape.steady(perSecond));
    float[] concurrency = series.concurrency(durationMs);

    double expected = perSecond * durationMs / 1000;
    assertThat((double) concurrency[0]).isCloseTo(expected, within(expected * 1e-5));
    assertThat((double) concurrency[40_000]).isCloseTo(expected, within(expected * 1e-5));
  }
}
