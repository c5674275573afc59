package io.fitadvisor.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three trace formats, on small files written here in each real format. */
class TraceReadersTest {
  private static final String AZURE_HEADER =
      "HashOwner,HashApp,HashFunction,Trigger,"
          + IntStream.rangeClosed(1, 1440)
              .mapToObj(Integer::toString)
              .collect(Collectors.joining(","));

  @TempDir Path folder;

  private Path write(String name, String text) throws IOException {
    Path file = folder.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static LoadSeries csv(Path file) {
    return Loads.series(LoadShape.trace(TraceFormat.PER_MINUTE_CSV, file));
  }

  private static LoadSeries cloudWatch(Path file) {
    return Loads.series(LoadShape.trace(TraceFormat.CLOUDWATCH_METRIC_DATA, file));
  }

  // ------------------------------------------------------------------ per-minute CSV

  @Test
  void csvDayOfOffsetsIsRepeatedAndKeepsItsDailySum() throws IOException {
    StringBuilder text = new StringBuilder("minute,requests\n");
    for (int minute = 0; minute < 1440; minute++) {
      text.append(minute).append(',').append(minute % 10).append('\n');
    }
    LoadSeries series = csv(write("day.csv", text.toString()));

    // A day: 144 runs of 0 + 1 + ... + 9 = 144 x 45 = 6,480. The month: 30 days plus the first
    // 600 minutes, 60 x 45 = 2,700.
    assertThat(series.monthlyRequests()).isCloseTo(30 * 6_480 + 2_700, within(1e-9));
    assertThat(series.requestsInMinute(1440 + 7)).isEqualTo(7f);
    assertThat(series.notes()).containsExactly("trace of 1,440 minutes repeated to fill the month");
  }

  @Test
  void csvCoversFirstToLastRowInTimeOrderWithMissingMinutesAsZero() throws IOException {
    // Offsets 10 and 12 (out of order), 11 missing: a 3-minute trace 6, 0, 3.
    LoadSeries series = csv(write("gaps.csv", "minute,requests\n12,3\n10,6\n"));

    assertThat(series.requestsInMinute(0)).isEqualTo(6f);
    assertThat(series.requestsInMinute(1)).isEqualTo(0f);
    assertThat(series.requestsInMinute(2)).isEqualTo(3f);
    assertThat(series.requestsInMinute(3)).isEqualTo(6f);
    // 43,800 / 3 = 14,600 repetitions of 9 requests.
    assertThat(series.monthlyRequests()).isCloseTo(14_600 * 9, within(1e-9));
    assertThat(series.notes())
        .containsExactly(
            "1 of the trace's 3 minutes had no data and count as zero",
            "trace of 3 minutes repeated to fill the month");
  }

  @Test
  void csvTimestampsWithAnyUtcSpellingAndWindowsLineEnds() throws IOException {
    String text =
        "time,requests\r\n"
            + "2026-03-01T00:00:00Z,4\r\n"
            + "2026-03-01T00:01:00+00:00,5.5\r\n"
            + "\r\n"
            + "2026-03-01T01:01+01:00,1e1\r\n"; // 01:01+01:00 is 00:01 UTC, already on line 3
    assertThatThrownBy(() -> csv(write("ts.csv", text)))
        .isInstanceOf(WorkloadFileException.class)
        .hasMessageEndingWith(
            "ts.csv: line 5: minute 2026-03-01T00:01:00Z appears twice, first on line 3");

    LoadSeries series =
        csv(write("ts2.csv", text.replace("2026-03-01T01:01+01:00", "2026-03-01T01:02+01:00")));
    // Minutes 00:00, 00:01 and 00:02 UTC: 4 + 5.5 + 10 per 3-minute repeat.
    assertThat(series.requestsInMinute(1)).isEqualTo(5.5f);
    assertThat(series.requestsInMinute(2)).isEqualTo(10f);
    assertThat(series.monthlyRequests()).isCloseTo(14_600 * 19.5, within(1e-9));
  }

  @Test
  void csvLongerThanTheMonthIsCut() throws IOException {
    StringBuilder text = new StringBuilder("minute,requests\n");
    for (int minute = 0; minute < 50_000; minute++) {
      text.append(minute).append(",1\n");
    }
    LoadSeries series = csv(write("long.csv", text.toString()));

    assertThat(series.monthlyRequests()).isEqualTo(43_800);
    assertThat(series.notes())
        .containsExactly("trace of 50,000 minutes cut to the month's first 43,800");
  }

  @Test
  void csvExactlyOneMonthHasNoNote() throws IOException {
    StringBuilder text = new StringBuilder("minute,requests\n");
    for (int minute = 0; minute < 43_800; minute++) {
      text.append(minute).append(",2\n");
    }
    LoadSeries series = csv(write("month.csv", text.toString()));

    assertThat(series.monthlyRequests()).isEqualTo(87_600);
    assertThat(series.notes()).isEmpty();
  }

  @Test
  void csvProblemsNameTheFileAndLine() throws IOException {
    String rows = "minute,requests\n0,1\n1,2\n";
    assertCsvProblem(rows + "2,x\n", "line 4: requests must be a number >= 0 (was 'x')");
    assertCsvProblem(rows + "2,-3\n", "line 4: requests must be a number >= 0 (was '-3')");
    assertCsvProblem(rows + "2,NaN\n", "line 4: requests must be a number >= 0 (was 'NaN')");
    assertCsvProblem(rows + "1,7\n", "line 4: minute 1 appears twice, first on line 3");
    assertCsvProblem(
        rows + "-2,7\n",
        "line 4: minute must be a whole-number offset 0 or more, like the first row (was '-2')");
    assertCsvProblem(
        rows + "2026-03-01T00:00:00Z,1\n",
        "line 4: minute must be a whole-number offset 0 or more, like the first row"
            + " (was '2026-03-01T00:00:00Z')");
    assertCsvProblem(
        rows + "2,1,5\n", "line 4: must have two columns, minute,requests (was '2,1,5')");
    assertCsvProblem(
        "0,5\n1,6\n", "line 1: must be a header line such as minute,requests (was '0,5')");
    assertCsvProblem("minute,requests\n", "has no data rows after its header");
    assertCsvProblem("", "is empty: expected a header line, then minute,requests rows");
    assertCsvProblem(
        "time,requests\n2026-03-01T00:00:30Z,1\n",
        "line 2: timestamp must fall on a whole minute (was '2026-03-01T00:00:30Z')");
    assertCsvProblem(
        "time,requests\n2026-03-01T00:00:00Z,1\n5,1\n",
        "line 3: minute must be an ISO-8601 UTC timestamp such as 2026-03-01T00:05:00Z,"
            + " like the first row (was '5')");
  }

  private void assertCsvProblem(String text, String expected) throws IOException {
    Path file = write("bad.csv", text);
    assertThatThrownBy(() -> csv(file))
        .isInstanceOf(WorkloadFileException.class)
        .hasMessage(file + ": " + expected)
        .satisfies(e -> assertThat(((WorkloadFileException) e).file()).isEqualTo(file.toString()));
  }

  @Test
  void missingTraceFileIsReported() {
    Path file = folder.resolve("absent.csv");
    assertThatThrownBy(() -> csv(file))
        .isInstanceOf(WorkloadFileException.class)
        .hasMessage(file + ": cannot be read (NoSuchFileException)");
  }

  @Test
  void traceFromAWorkloadFileIsReportedAgainstItsField() throws IOException {
    StringBuilder text = new StringBuilder("minute,requests\n");
    for (int minute = 0; minute < 20; minute++) {
      text.append(minute).append(',').append(minute == 15 ? "x" : "1").append('\n');
    }
    Path trace = write("traces/api.csv", text.toString());
    TraceOrigin origin =
        new TraceOrigin(
            "shop.yaml",
            List.of("services[0].load.trace.file"),
            List.of("traces/api.csv"),
            "services[0].load.trace.function");
    LoadShape shape =
        new LoadShape.Trace(
            TraceFormat.PER_MINUTE_CSV, List.of(trace), Optional.empty(), Optional.of(origin));

    assertThatThrownBy(() -> Loads.series(shape))
        .isInstanceOf(WorkloadFileException.class)
        .hasMessage(
            "shop.yaml: services[0].load.trace.file: traces/api.csv line 17:"
                + " requests must be a number >= 0 (was 'x')")
        .satisfies(
            e -> {
              WorkloadFileException problem = (WorkloadFileException) e;
              assertThat(problem.file()).isEqualTo("shop.yaml");
              assertThat(problem.fieldPath()).isEqualTo("services[0].load.trace.file");
            });
  }

  // ------------------------------------------------------------------ CloudWatch

  @Test
  void cloudWatchNewestFirstWithOmittedMinutes() throws IOException {
    String json =
        """
        {
          "MetricDataResults": [
            {
              "Id": "m1",
              "Label": "Invocations",
              "Timestamps": [
                "2026-03-01T00:04:00+00:00",
                "2026-03-01T00:02:00+00:00",
                "2026-03-01T00:01:00+00:00",
                "2026-03-01T00:00:00+00:00"
              ],
              "Values": [4.0, 2.0, 1.0, 10.0],
              "StatusCode": "Complete"
            }
          ],
          "Messages": []
        }
        """;
    LoadSeries series = cloudWatch(write("cw.json", json));

    // In time order 10, 1, 2, (00:03 omitted) 0, 4: a 5-minute trace repeated 8,760 times.
    assertThat(series.requestsInMinute(0)).isEqualTo(10f);
    assertThat(series.requestsInMinute(3)).isEqualTo(0f);
    assertThat(series.requestsInMinute(4)).isEqualTo(4f);
    assertThat(series.requestsInMinute(5)).isEqualTo(10f);
    assertThat(series.monthlyRequests()).isCloseTo(8_760 * 17, within(1e-9));
    assertThat(series.notes())
        .containsExactly(
            "1 of the trace's 5 minutes had no data and count as zero",
            "trace of 5 minutes repeated to fill the month");
  }

  @Test
  void cloudWatchEpochSecondsAndNotes() throws IOException {
    // 1772323200 is 2026-03-01T00:00:00Z; the SDKs' JSON gives epoch seconds.
    String json =
        "{\"MetricDataResults\":[{\"Timestamps\":[1772323260,1772323200],\"Values\":[3,5],"
            + "\"StatusCode\":\"PartialData\"},{\"Timestamps\":[],\"Values\":[]}],"
            + "\"NextToken\":\"abc\"}";
    LoadSeries series = cloudWatch(write("cw.json", json));

    assertThat(series.requestsInMinute(0)).isEqualTo(5f);
    assertThat(series.requestsInMinute(1)).isEqualTo(3f);
    assertThat(series.monthlyRequests()).isCloseTo(21_900 * 8, within(1e-9));
    assertThat(series.notes())
        .containsExactly(
            "CloudWatch reported status PartialData: data may be missing",
            "the CloudWatch data has 2 results: only the first was used",
            "the CloudWatch data has a NextToken: later pages were not included",
            "trace of 2 minutes repeated to fill the month");
  }

  @Test
  void cloudWatchProblems() throws IOException {
    assertCloudWatchProblem(
        "{\"MetricDataResults\":[{\"Timestamps\":[\"2026-03-01T00:00:00Z\"],\n\"Values\":[-1]}]}",
        "line 2: MetricDataResults[0].Values[0] must be a number >= 0 (was -1)");
    assertCloudWatchProblem(
        "{\"MetricDataResults\":[{\"Timestamps\":[\"2026-03-01T00:00:00Z\"],\"Values\":[1,2]}]}",
        "MetricDataResults[0] has 1 Timestamps but 2 Values");
    assertCloudWatchProblem(
        "{\"MetricDataResults\":[{\"Timestamps\":[\n\"yesterday\"],\"Values\":[1]}]}",
        "line 2: MetricDataResults[0].Timestamps[0] must be an ISO-8601 timestamp or epoch seconds"
            + " (was 'yesterday')");
    assertCloudWatchProblem(
        "{\"MetricDataResults\":[{\"Timestamps\":[\"2026-03-01T00:00:10Z\"],\"Values\":[1]}]}",
        "line 1: MetricDataResults[0].Timestamps[0] must fall on a whole minute"
            + " (was '2026-03-01T00:00:10Z')");
    assertCloudWatchProblem(
        "{\"MetricDataResults\":[{\"Timestamps\":[\"2026-03-01T00:00:00Z\",\n"
            + "\"2026-03-01T00:00:00Z\"],\"Values\":[1,1]}]}",
        "line 2: minute 2026-03-01T00:00:00Z appears twice, first on line 1");
    assertCloudWatchProblem("{\"Messages\":[]}", "MetricDataResults is missing");
    assertCloudWatchProblem(
        "{\"MetricDataResults\":[{\"Timestamps\":[],\"Values\":[]}]}",
        "MetricDataResults[0] has no data points");
    assertCloudWatchProblem(
        "{\"MetricDataResults\": [",
        "line 1, column 24: malformed JSON: Unexpected end-of-input: expected close marker for"
            + " Array");
  }

  private void assertCloudWatchProblem(String json, String expected) throws IOException {
    Path file = write("bad.json", json);
    assertThatThrownBy(() -> cloudWatch(file))
        .isInstanceOf(WorkloadFileException.class)
        .hasMessage(file + ": " + expected);
  }

  // ------------------------------------------------------------------ Azure Functions

  private static String azureRow(String owner, String function, String trigger, String count) {
    return owner
        + ",app,"
        + function
        + ","
        + trigger
        + ","
        + IntStream.range(0, 1440).mapToObj(i -> count).collect(Collectors.joining(","));
  }

  @Test
  void azureTwoDayFilesWithSeveralFunctions() throws IOException {
    Path day1 =
        write(
            "d01.csv",
            AZURE_HEADER
                + "\n"
                + azureRow("o1", "aaa", "http", "5")
                + "\n"
                + azureRow("o1", "f2b7", "queue", "1")
                + "\n"
                + azureRow("o2", "f2b70", "timer", "9")
                + "\n");
    Path day2 =
        write(
            "d02.csv",
            AZURE_HEADER
                + "\r\n"
                + azureRow("o2", "f2b70", "timer", "9")
                + "\r\n"
                + azureRow("o1", "f2b7", "queue", "2")); // no newline at the end
    LoadSeries series = Loads.series(LoadShape.azureFunctionsTrace(List.of(day1, day2), "f2b7"));

    // Days of 1,440 and 2,880 requests: 15 two-day cycles (43,200 minutes), then 600 minutes of
    // day 1 at 1 a minute.
    assertThat(series.monthlyRequests()).isCloseTo(15 * (1_440 + 2_880) + 600, within(1e-9));
    assertThat(series.requestsInMinute(1439)).isEqualTo(1f);
    assertThat(series.requestsInMinute(1440)).isEqualTo(2f);
    assertThat(series.notes()).containsExactly("trace of 2,880 minutes repeated to fill the month");
  }

  @Test
  void azureFunctionAbsentFromOneDayCountsItAsZero() throws IOException {
    Path day1 = write("d01.csv", AZURE_HEADER + "\n" + azureRow("o1", "f1", "http", "3") + "\n");
    Path day2 = write("d02.csv", AZURE_HEADER + "\n" + azureRow("o1", "other", "http", "3") + "\n");
    LoadSeries series = Loads.series(LoadShape.azureFunctionsTrace(List.of(day1, day2), "f1"));

    assertThat(series.requestsInMinute(1440)).isEqualTo(0f);
    assertThat(series.monthlyRequests()).isCloseTo(15 * 1440 * 3 + 600 * 3, within(1e-9));
    assertThat(series.notes())
        .containsExactly(
            "function absent from " + day2 + ": that day counts as zero",
            "trace of 2,880 minutes repeated to fill the month");
  }

  @Test
  void azureProblems() throws IOException {
    Path day = write("d01.csv", AZURE_HEADER + "\n" + azureRow("o1", "f1", "http", "3") + "\n");
    assertThatThrownBy(() -> Loads.series(LoadShape.azureFunctionsTrace(List.of(day), "nope")))
        .isInstanceOf(WorkloadFileException.class)
        .hasMessage(day + ": function: no row has this HashFunction in " + day + " (was 'nope')");

    Path twice =
        write(
            "twice.csv",
            AZURE_HEADER
                + "\n"
                + azureRow("o1", "f1", "http", "3")
                + "\n"
                + azureRow("o2", "f1", "http", "3")
                + "\n");
    assertThatThrownBy(() -> Loads.series(LoadShape.azureFunctionsTrace(List.of(twice), "f1")))
        .hasMessage(twice + ": line 3: the function appears again, first on line 2");

    String badRow = azureRow("o1", "f1", "http", "3").replaceFirst(",3,3,", ",3,x,");
    Path bad = write("bad.csv", AZURE_HEADER + "\n" + badRow + "\n");
    assertThatThrownBy(() -> Loads.series(LoadShape.azureFunctionsTrace(List.of(bad), "f1")))
        .hasMessage(bad + ": line 2: the count of minute 2 must be a whole number >= 0 (was 'x')");

    Path shortRow = write("short.csv", AZURE_HEADER + "\no1,app,f1,http,1,2,3\n");
    assertThatThrownBy(() -> Loads.series(LoadShape.azureFunctionsTrace(List.of(shortRow), "f1")))
        .hasMessage(shortRow + ": line 2: the row must have 1,444 columns (was 7)");

    Path noHeader = write("noheader.csv", azureRow("o1", "f1", "http", "3") + "\n");
    assertThatThrownBy(() -> Loads.series(LoadShape.azureFunctionsTrace(List.of(noHeader), "f1")))
        .hasMessageStartingWith(
            noHeader
                + ": line 1: the header must be HashOwner,HashApp,HashFunction,Trigger,1,2,...,1440"
                + " (was 'o1,app,f1,http,3,3,");
  }

  @Test
  void azureRowsAcrossTheReadBufferAreFound() throws IOException {
    // About 4 MB: the wanted row straddles several 1 MB buffer boundaries.
    Path file = folder.resolve("big.csv");
    try (Writer out = Files.newBufferedWriter(file)) {
      out.write(AZURE_HEADER + "\n");
      String filler = azureRow("owner", "x".repeat(64), "http", "0");
      for (int i = 0; i < 1_400; i++) {
        out.write(filler + "\n");
      }
      StringBuilder wanted = new StringBuilder("owner,app,wanted,http");
      for (int minute = 1; minute <= 1440; minute++) {
        wanted.append(',').append(minute);
      }
      out.write(wanted + "\n");
      for (int i = 0; i < 100; i++) {
        out.write(filler + "\n");
      }
    }
    LoadSeries series = Loads.series(LoadShape.azureFunctionsTrace(List.of(file), "wanted"));

    assertThat(series.requestsInMinute(0)).isEqualTo(1f);
    assertThat(series.requestsInMinute(1439)).isEqualTo(1440f);
    // 1 + 2 + ... + 1440 = 1440 x 1441 / 2 = 1,037,520 a day; the partial day holds
    // 1 + ... + 600 = 600 x 601 / 2 = 180,300.
    assertThat(series.monthlyRequests()).isCloseTo(30 * 1_037_520.0 + 180_300, within(1e-6));
  }
}
