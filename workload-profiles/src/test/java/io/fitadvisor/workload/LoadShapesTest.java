package io.fitadvisor.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Each shape's month worked by hand from its formula. The 730-hour month is 30 whole days (43,200
 * minutes) plus a partial 31st day of 600 minutes (00:00 to 10:00 UTC).
 */
class LoadShapesTest {
  private static final int PARTIAL_DAY_START = 30 * 1440;

  @Test
  void steadyRateIsTheSameEveryMinute() {
    LoadSeries series = Loads.series(LoadShape.steady(25));

    // 25 requests a second x 2,628,000 seconds.
    assertThat(series.monthlyRequests()).isCloseTo(25 * 2_628_000.0, within(1e-9));
    assertThat(series.monthlyRequests()).isCloseTo(65_700_000, within(1e-9));
    assertThat(series.requestsInMinute(0)).isEqualTo(1500f);
    assertThat(series.requestsInMinute(43_799)).isEqualTo(1500f);
    assertThat(series.averageRequestsPerSecond()).isCloseTo(25, within(1e-12));
    assertThat(series.peakRequestsPerSecond()).isCloseTo(25, within(1e-12));
    assertThat(series.notes()).isEmpty();
  }

  @Test
  void steadyMonthlyRequestsAreSpreadEvenlyAndKeptExactly() {
    LoadSeries series = Loads.series(LoadShape.steadyMonthlyRequests(1_000_000));

    assertThat(series.monthlyRequests()).isEqualTo(1_000_000.0);
    // 1,000,000 / 43,800 minutes, stored as a float.
    assertThat((double) series.requestsInMinute(100)).isCloseTo(1_000_000 / 43_800.0, within(1e-5));
    assertThat(series.averageRequestsPerSecond()).isCloseTo(1_000_000 / 2_628_000.0, within(1e-15));
    assertThat(series.peakRequestsPerSecond()).isCloseTo(1_000_000 / 2_628_000.0, within(1e-12));
  }

  @Test
  void diurnalFullDaysSumToTheAverageAndThePartialDayFollowsTheCosine() {
    LoadShape.Diurnal shape = new LoadShape.Diurnal(10, 15, 14);
    LoadSeries series = Loads.series(shape);

    // A whole day: the cosine sums to zero over the 1,440 minutes, leaving 10 x 86,400.
    double day = 10 * 86_400.0;
    // The partial day: minutes k = 0..599 at rate 10 + 5 cos(a + k d), d = 2 pi / 1440,
    // a = -2 pi x 14 / 24; sum of cos(a + k d) = sin(n d / 2) / sin(d / 2) x cos(a + (n - 1) d /
    // 2).
    double d = 2 * Math.PI / 1440;
    double a = -2 * Math.PI * 14 / 24;
    double cosineSum = Math.sin(600 * d / 2) / Math.sin(d / 2) * Math.cos(a + 599 * d / 2);
    double partial = 60 * (600 * 10 + 5 * cosineSum);
    assertThat(series.monthlyRequests()).isCloseTo(30 * day + partial, within(1e-6));

    // 14:00 UTC is minute 840: the peak, 15 a second; 02:00 is the trough, 10 - 5 = 5 a second.
    assertThat(series.requestsInMinute(840)).isEqualTo(900f);
    assertThat(series.requestsInMinute(120)).isCloseTo(300f, within(1e-3f));
    assertThat(series.peakRequestsPerSecond()).isCloseTo(15, within(1e-12));
    // Sampled at the start of each minute: 14:01 is already past the peak.
    assertThat(series.requestsInMinute(841)).isLessThan(900f);
  }

  @Test
  void diurnalAtTwiceTheAverageTouchesZeroAtTheTrough() {
    LoadSeries series = Loads.series(new LoadShape.Diurnal(4, 8, 0));

    assertThat(series.requestsInMinute(720)).isEqualTo(0f); // 12:00 UTC, 12 hours from the peak
    assertThat(series.requestsInMinute(0)).isEqualTo(480f); // 8 a second at 00:00
    assertThat(series.monthlyRequests()).isGreaterThan(0);
  }

  @Test
  void burstyWithWholeSpacingAndBothBurstsOfThePartialDay() {
    LoadSeries series = Loads.series(LoadShape.bursty(2, 50, 4, 30));

    // Bursts start at minutes 0, 360, 720, 1080; each day has 4 x 30 = 120 burst minutes at
    // 50 x 60 = 3,000 and 1,320 minutes at 2 x 60 = 120: 360,000 + 158,400 = 518,400.
    double day = 120 * 3_000.0 + 1_320 * 120.0;
    // The partial day (600 minutes) holds the bursts at 0 and 360: 60 x 3,000 + 540 x 120.
    double partial = 60 * 3_000.0 + 540 * 120.0;
    assertThat(series.monthlyRequests()).isCloseTo(30 * day + partial, within(1e-6));
    assertThat(series.monthlyRequests()).isCloseTo(15_796_800, within(1e-6));
    assertThat(series.requestsInMinute(360)).isEqualTo(3_000f);
    assertThat(series.requestsInMinute(389)).isEqualTo(3_000f);
    assertThat(series.requestsInMinute(390)).isEqualTo(120f);
    assertThat(series.peakRequestsPerSecond()).isCloseTo(50, within(1e-12));
  }

  @Test
  void burstyCutAtTheEndOfTheMonth() {
    LoadSeries series = Loads.series(LoadShape.bursty(1, 11, 5, 60));

    // Starts at 0, 288, 576, 864, 1152. A day: 300 burst minutes at 660, 1,140 at 60.
    double day = 300 * 660.0 + 1_140 * 60.0;
    // The partial day ends at minute 600: the burst at 576 gets only 24 of its 60 minutes.
    double partial = (60 + 60 + 24) * 660.0 + (600 - 144) * 60.0;
    assertThat(series.monthlyRequests()).isCloseTo(30 * day + partial, within(1e-6));
    assertThat(series.monthlyRequests()).isCloseTo(8_114_400, within(1e-6));
    assertThat(series.requestsInMinute(PARTIAL_DAY_START + 599)).isEqualTo(660f);
  }

  @Test
  void burstStartsRoundDownWhenTheDayDoesNotDivideEvenly() {
    LoadSeries series = Loads.series(LoadShape.bursty(0, 10, 7, 1));

    // floor(i x 1440 / 7) for i = 0..6.
    int[] starts = {0, 205, 411, 617, 822, 1028, 1234};
    for (int start : starts) {
      assertThat(series.requestsInMinute(1440 + start)).as("minute %s", start).isEqualTo(600f);
    }
    assertThat(series.requestsInMinute(1440 + 206)).isEqualTo(0f);
    // 7 one-minute bursts a day for 30 days, then those at 0, 205 and 411 on the partial day.
    assertThat(series.monthlyRequests()).isCloseTo((30 * 7 + 3) * 600.0, within(1e-9));
  }

  @Test
  void hourlyScheduleCountsTheRunsOfThePartialDay() {
    LoadSeries series = Loads.series(LoadShape.schedule(24, 10));

    // 24 runs of 10 tasks a day, then the runs at 00:00 .. 09:00 of the partial day.
    assertThat(series.monthlyRequests()).isCloseTo(30 * 24 * 10 + 10 * 10, within(1e-9));
    assertThat(series.requestsInMinute(60)).isEqualTo(10f);
    assertThat(series.requestsInMinute(61)).isEqualTo(0f);
    assertThat(series.requestsInMinute(PARTIAL_DAY_START + 540)).isEqualTo(10f);
    // The busiest minute holds one run: 10 requests in 60 seconds.
    assertThat(series.peakRequestsPerSecond()).isCloseTo(10 / 60.0, within(1e-15));
  }

  @Test
  void scheduleRunsRoundDownToTheirMinute() {
    LoadSeries series = Loads.series(LoadShape.schedule(7, 1));

    // Runs at floor(i x 1440 / 7): 0, 205, 411, 617, 822, 1028, 1234; the partial day has 3.
    assertThat(series.requestsInMinute(617)).isEqualTo(1f);
    assertThat(series.requestsInMinute(616)).isEqualTo(0f);
    assertThat(series.monthlyRequests()).isCloseTo(30 * 7 + 3, within(1e-12));
  }

  @Test
  void recordedSeriesIsReturnedAsIs() {
    float[] minutes = new float[LoadSeries.MINUTES_PER_MONTH];
    minutes[7] = 42;
    LoadSeries recorded = LoadSeries.of(minutes);

    assertThat(Loads.series(LoadShape.recorded(recorded))).isSameAs(recorded);
    assertThat(recorded.monthlyRequests()).isEqualTo(42);
  }

  @Test
  void serviceSeriesUsesItsLoad() {
    Service service =
        Service.builder("api")
            .runtime("java21")
            .memoryMb(512)
            .meanDurationMs(100)
            .load(LoadShape.steady(1))
            .build();

    assertThat(Loads.series(service).monthlyRequests()).isCloseTo(2_628_000, within(1e-9));
  }
}
