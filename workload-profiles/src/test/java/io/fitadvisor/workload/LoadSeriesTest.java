package io.fitadvisor.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class LoadSeriesTest {
  private static final int N = LoadSeries.MINUTES_PER_MONTH;

  @Test
  void monthConstantsAreThoseOfTheCalculators() {
    assertThat(LoadSeries.MINUTES_PER_MONTH).isEqualTo(730 * 60);
    assertThat(LoadSeries.SECONDS_PER_MONTH).isEqualTo(2_628_000);
  }

  @Test
  void ofCopiesTheArrayAndSumsIt() {
    float[] minutes = new float[N];
    minutes[0] = 120;
    minutes[N - 1] = 60;
    LoadSeries series = LoadSeries.of(minutes, List.of("made by hand"));
    minutes[0] = 9_999; // must not reach the series

    assertThat(series.requestsInMinute(0)).isEqualTo(120f);
    assertThat(series.monthlyRequests()).isEqualTo(180);
    assertThat(series.averageRequestsPerSecond()).isCloseTo(180 / 2_628_000.0, within(1e-18));
    assertThat(series.peakRequestsPerSecond()).isEqualTo(2); // 120 in the busiest minute / 60
    assertThat(series.notes()).containsExactly("made by hand");

    float[] copy = new float[N];
    series.copyTo(copy);
    assertThat(copy[N - 1]).isEqualTo(60f);
  }

  @Test
  void ofRejectsWrongLengthsAndCounts() {
    assertThatThrownBy(() -> LoadSeries.of(new float[1440]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("requestsPerMinute must have 43800 minutes (was 1440)");
    float[] negative = new float[N];
    negative[5] = -1;
    assertThatThrownBy(() -> LoadSeries.of(negative))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("requestsPerMinute[5] must be a finite number, 0 or more (was -1.0)");
    float[] nan = new float[N];
    nan[3] = Float.NaN;
    assertThatThrownBy(() -> LoadSeries.of(nan)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LoadSeries.of(new float[N]).requestsInMinute(N))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> LoadSeries.of(new float[N]).copyTo(new float[10]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void scaledMultipliesMinutesAndTotals() {
    LoadSeries series = Loads.series(LoadShape.steady(2)).scaled(1.5);

    assertThat(series.requestsInMinute(10)).isEqualTo(180f); // 2 x 60 x 1.5
    assertThat(series.monthlyRequests()).isCloseTo(2 * 2_628_000 * 1.5, within(1e-6));
    assertThat(series.peakRequestsPerSecond()).isCloseTo(3, within(1e-12));
    assertThatThrownBy(() -> series.scaled(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shortRequestsFollowLittlesLawOnTheBusiestMinute() {
    LoadSeries steady = Loads.series(LoadShape.steady(25));

    // 25 requests a second x 0.12 s.
    assertThat(steady.peakConcurrency(120)).isCloseTo(25 * 0.12, within(1e-12));
    assertThat(steady.concurrency(120)[500]).isCloseTo(3.0f, within(1e-6f));

    LoadSeries diurnal = Loads.series(new LoadShape.Diurnal(10, 15, 14));
    // The busiest minute runs at 15 a second; 200 ms requests.
    assertThat(diurnal.peakConcurrency(200)).isCloseTo(15 * 0.2, within(1e-12));
  }

  @Test
  void requestsLongerThanAMinuteCountEveryMinuteTheyRun() {
    LoadSeries steady = Loads.series(LoadShape.steady(25));

    // 90 s requests at 25 a second: 25 x 90 = 2,250 in flight, the first minute too (the month
    // repeats, so its window reaches back into the month's end).
    float[] concurrency = steady.concurrency(90_000);
    assertThat(concurrency[0]).isCloseTo(2_250f, within(1e-3f));
    assertThat(concurrency[20_000]).isCloseTo(2_250f, within(1e-3f));
    assertThat(steady.peakConcurrency(90_000)).isCloseTo(2_250, within(1e-3));
  }

  @Test
  void aThirtyMinuteDailyJobHasConcurrencyOneWhileItRuns() {
    LoadSeries daily = Loads.series(LoadShape.schedule(1, 1));

    // One task at 00:00 lasting 30 minutes: in flight at the end of minutes 0..29, not 30.
    float[] concurrency = daily.concurrency(30 * 60_000);
    assertThat(concurrency[0]).isEqualTo(1f);
    assertThat(concurrency[29]).isEqualTo(1f);
    assertThat(concurrency[30]).isEqualTo(0f);
    assertThat(concurrency[1440 + 15]).isEqualTo(1f);
    assertThat(daily.peakConcurrency(30 * 60_000)).isEqualTo(1);
    // Little's law on the busiest minute alone would say 1/60 a second x 1,800 s = 30.
    assertThat(daily.peakRequestsPerSecond() * 1_800).isCloseTo(30, within(1e-9));
  }

  @Test
  void overlappingRunsAddUp() {
    LoadSeries runs = Loads.series(LoadShape.schedule(48, 2));

    // Runs of 2 tasks every 30 minutes, each lasting 45 minutes: at the end of minute 44 the runs
    // of minutes 0 and 30 are both in flight (4); at the end of minute 29 only the run of 0 (2).
    float[] concurrency = runs.concurrency(45 * 60_000);
    assertThat(concurrency[44]).isEqualTo(4f);
    assertThat(concurrency[29]).isEqualTo(2f);
    assertThat(runs.peakConcurrency(45 * 60_000)).isEqualTo(4);
  }

  @Test
  void partOfAMinuteCountsProRata() {
    float[] minutes = new float[N];
    minutes[100] = 60;
    LoadSeries series = LoadSeries.of(minutes);

    // 90 s requests: the window at the end of minute 101 covers all of 101 and half of 100.
    float[] concurrency = series.concurrency(90_000);
    assertThat(concurrency[100]).isEqualTo(60f);
    assertThat(concurrency[101]).isEqualTo(30f);
    assertThat(concurrency[102]).isEqualTo(0f);
  }

  @Test
  void summaryCarriesTheProfileNumbers() {
    LoadSummary summary =
        LoadSummary.of(
            Loads.series(LoadShape.steady(25)),
            new RequestDuration(120, OptionalDouble.empty(), OptionalDouble.empty(), 1));

    assertThat(summary.monthlyRequests()).isCloseTo(65_700_000, within(1e-6));
    assertThat(summary.averageRequestsPerSecond()).isCloseTo(25, within(1e-12));
    assertThat(summary.peakRequestsPerSecond()).isCloseTo(25, within(1e-12));
    assertThat(summary.peakConcurrency()).isCloseTo(3, within(1e-12));
    assertThat(summary.notes()).isEmpty();
  }

  @Test
  void concurrencyToWritesTheSameValuesIntoAnArrayThatMayBeLonger() {
    float[] minutes = new float[N];
    minutes[100] = 60;
    minutes[N - 1] = 30;
    LoadSeries series = LoadSeries.of(minutes);
    float[] into = new float[N + 2];
    into[N] = 7f; // past the month: left as it was
    into[N + 1] = 7f;

    // 90 s requests, as in partOfAMinuteCountsProRata; 30 s ones: half of each minute's requests.
    series.concurrencyTo(90_000, into);
    assertThat(into[100]).isEqualTo(60f);
    assertThat(into[101]).isEqualTo(30f);
    assertThat(into[0]).isEqualTo(15f); // the month's last minute, half of 30, leaving
    assertThat(Arrays.copyOf(into, N)).containsExactly(series.concurrency(90_000));
    assertThat(into[N]).isEqualTo(7f);
    series.concurrencyTo(30_000, into);
    assertThat(into[100]).isEqualTo(30f);
    assertThat(into[101]).isEqualTo(0f);
    assertThat(into[N + 1]).isEqualTo(7f);

    assertThatThrownBy(() -> series.concurrencyTo(90_000, new float[N - 1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("destination must hold " + N + " minutes (was " + (N - 1) + ")");
  }

  @Test
  void aMinutesConcurrencyIsThatOfConcurrencyForRequestsOfAtMostAMinute() {
    float[] minutes = new float[N];
    minutes[7] = 37;
    minutes[8] = 1;
    LoadSeries series = LoadSeries.of(minutes);
    // 37 requests of 20 ms: 37 x 20 / 60,000 = 0.012333... in flight; 1 request of a whole minute: 1.
    assertThat(LoadSeries.minuteConcurrency(37, 20)).isCloseTo(0.0123333f, within(1e-7f));
    assertThat(LoadSeries.minuteConcurrency(37, 20)).isEqualTo(series.concurrency(20)[7]);
    assertThat(LoadSeries.minuteConcurrency(1, 60_000)).isEqualTo(1f).isEqualTo(series.concurrency(60_000)[8]);
    assertThatThrownBy(() -> LoadSeries.minuteConcurrency(1, 60_001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("meanDurationMs must be at most 60000 (was 60001.0)");
  }

  @Test
  void concurrencyRejectsBadDurations() {
    LoadSeries series = Loads.series(LoadShape.steady(1));
    assertThatThrownBy(() -> series.peakConcurrency(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> series.concurrency(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void equalSeriesAreEqual() {
    assertThat(Loads.series(LoadShape.steady(3))).isEqualTo(Loads.series(LoadShape.steady(3)));
    assertThat(Loads.series(LoadShape.steady(3))).isNotEqualTo(Loads.series(LoadShape.steady(4)));
  }
}
