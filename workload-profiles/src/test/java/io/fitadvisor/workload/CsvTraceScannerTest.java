package io.fitadvisor.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The byte scanner behind the per-minute-csv reader: hand-worked traces, reads split at every
 * point of a line, and each borderline spelling of a minute or a count checked against the
 * line-by-line reader ({@link CsvTraceReader#readLineByLine}, the reader as it was before the
 * scanner).
 */
class CsvTraceScannerTest {
  private static final int[] BUFFER_BYTES = {24, 64, CsvTraceScanner.BUFFER_BYTES};

  @TempDir Path folder;

  private Path write(String name, String text) throws IOException {
    Path file = folder.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  /** Reads with the scanner alone, which must vouch for the file. */
  private static TraceData scanned(Path file) throws TraceProblem {
    TraceData data = CsvTraceScanner.read(file, 0, CsvTraceScanner.BUFFER_BYTES);
    assertThat(data).as("the scanner reads the file itself").isNotNull();
    return data;
  }

  private static void assertSameAsReference(Path file) {
    CsvOutcome expected = CsvOutcome.of(() -> CsvTraceReader.readLineByLine(file, 0));
    for (int bufferBytes : BUFFER_BYTES) {
      assertThat(CsvOutcome.of(() -> CsvTraceReader.read(file, 0, bufferBytes)))
          .as("read with a scanner buffer of %s bytes", bufferBytes)
          .isEqualTo(expected);
    }
  }

  // ------------------------------------------------------------------ traces worked by hand

  @Test
  void offsetsWithDecimalsAndAGap() throws IOException, TraceProblem {
    TraceData data = scanned(write("a.csv", "minute,requests\n7,5\n8,2.5\n10,.1\n11,3.\n"));

    // Minutes 7 to 11: 5 rows' worth of span, minute 9 missing.
    assertThat(data.minutes).containsExactly(5, 2.5, 0, 0.1, 3);
    assertThat(data.spanMinutes).isEqualTo(5);
    assertThat(data.emptyMinutes).isEqualTo(1);
  }

  @Test
  void aLeapDayIsCountedOnlyInLeapYears() throws IOException, TraceProblem {
    // From 23:59 on 28 February to 00:00 on 1 March: 1 minute, plus 1,440 if 29 February
    // exists; the span counts both end minutes.
    for (int year : new int[] {2024, 2000, 1600, 400}) {
      TraceData data = scanned(leapCheck(year));
      assertThat(data.spanMinutes).as("%s", year).isEqualTo(1 + 1_440 + 1);
      assertThat(data.emptyMinutes).as("%s", year).isEqualTo(1_440);
    }
    for (int year : new int[] {2026, 1900, 2100, 1700}) {
      assertThat(scanned(leapCheck(year)).spanMinutes).as("%s", year).isEqualTo(2);
    }
  }

  private Path leapCheck(int year) throws IOException {
    return write(
        "leap" + year + ".csv",
        String.format("time,requests\n%04d-02-28T23:59Z,1\n%04d-03-01T00:00:00Z,2\n", year, year));
  }

  @Test
  void offsetsAreConvertedToUtc() throws IOException, TraceProblem {
    // 19:01 at -05:00 is 00:01 UTC; 05:32 at +05:30 is 00:02 UTC; -00:00 is UTC.
    TraceData data =
        scanned(
            write(
                "zones.csv",
                "time,requests\r\n"
                    + "2026-03-01T00:00-00:00,1\r\n"
                    + "2026-02-28T19:01-05:00,2\r\n"
                    + "2026-03-01T05:32:00.000+05:30,3\r\n"));
    assertThat(data.minutes).containsExactly(1, 2, 3);
  }

  @Test
  void aMinuteGivenTwiceInAnotherSpellingIsNamedInUtc() throws IOException {
    // 05:30 at +05:30 is 00:00 UTC, the minute of line 2. Rows out of order are read again and
    // sorted, as the reference reader does.
    Path file =
        write(
            "twice.csv",
            "time,requests\n2026-03-01T00:01Z,1\n2026-03-01T00:00Z,2\n2026-03-01T05:30+05:30,3\n");
    assertThatThrownBy(() -> CsvTraceScanner.read(file, 0, CsvTraceScanner.BUFFER_BYTES))
        .isInstanceOfSatisfying(
            TraceProblem.class,
            problem -> {
              assertThat(problem.line()).isEqualTo(4);
              assertThat(problem.rule())
                  .isEqualTo("minute 2026-03-01T00:00:00Z appears twice, first on line 3");
            });
    assertSameAsReference(file);
  }

  @Test
  void rowsOutOfOrderAreSorted() throws IOException, TraceProblem {
    TraceData data = scanned(write("shuffled.csv", "minute,requests\n3,30\n1,10\n0,0.5\n"));

    assertThat(data.minutes).containsExactly(0.5, 10, 0, 30);
    assertThat(data.emptyMinutes).isEqualTo(1);
  }

  // ------------------------------------------------------------------ reads split anywhere

  @Test
  void crLfSplitBetweenTwoReadsIsOneLineEnd() throws IOException {
    // The duplicate's message shows the line numbers: a CR LF taken for two line ends would
    // make them 3 and 5.
    Path file = write("crlf.csv", "minute,requests\r\n0,1\r\n\r\n0,2\r\n");
    for (int bufferBytes = 2; bufferBytes <= 40; bufferBytes++) {
      int size = bufferBytes;
      assertThatThrownBy(() -> CsvTraceReader.read(file, 0, size))
          .as("buffer of %s bytes", size)
          .isInstanceOfSatisfying(
              TraceProblem.class,
              problem -> {
                assertThat(problem.line()).isEqualTo(4);
                assertThat(problem.rule()).isEqualTo("minute 0 appears twice, first on line 2");
              });
    }
  }

  @Test
  void everySplitPointGivesTheSameTrace() throws IOException, TraceProblem {
    String text = "\uFEFFtime,requests\r2026-03-01T00:00Z , 1.5\r\n\t\r\n2026-03-01T00:02:00Z,\f7";
    Path file = write("split.csv", text);
    for (int bufferBytes = 2; bufferBytes <= text.length() + 4; bufferBytes++) {
      TraceData data = CsvTraceReader.read(file, 0, bufferBytes);
      assertThat(data.minutes).as("buffer of %s bytes", bufferBytes).containsExactly(1.5, 0, 7);
    }
  }

  @Test
  void theLastLineNeedsNoLineEnd() throws IOException, TraceProblem {
    assertThat(scanned(write("a.csv", "minute,requests\n0,1\n1,2")).minutes).containsExactly(1, 2);
    assertThat(scanned(write("b.csv", "minute,requests\r0,1\r1,2\r")).minutes)
        .containsExactly(1, 2);
  }

  @Test
  void aLineLongerThanTheBufferIsReadLineByLine() throws IOException, TraceProblem {
    Path file = write("long.csv", "minute,requests\n0," + " ".repeat(100) + "5\n");

    assertThat(CsvTraceScanner.read(file, 0, 24)).isNull();
    assertThat(CsvTraceReader.read(file, 0, 24).minutes).containsExactly(5);
  }

  // ------------------------------------------------------------------ the first problem

  @Test
  void bytesThatAreNotUtf8AreFoundABufferAtATimeAsBefore() throws IOException {
    // The reference reader decodes 8,192 characters at a time: a bad count on line 3 is reported
    // when the undecodable byte comes after the first 8,192, and the byte is reported when it
    // comes sooner. The scanner leaves both files to the line-by-line reader.
    StringBuilder rows = new StringBuilder("minute,requests\n0,1\n1,x\n");
    for (int minute = 2; rows.length() < 9_000; minute++) {
      rows.append(minute).append(",1\n");
    }
    byte[] late = (rows + "\u0000").getBytes(StandardCharsets.US_ASCII);
    late[late.length - 1] = (byte) 0xFF;
    Path lateFile = folder.resolve("late.csv");
    Files.write(lateFile, late);
    byte[] early = late.clone();
    early[30] = (byte) 0xFF;
    Path earlyFile = folder.resolve("early.csv");
    Files.write(earlyFile, early);

    assertThatThrownBy(() -> Loads.series(LoadShape.trace(TraceFormat.PER_MINUTE_CSV, lateFile)))
        .hasMessage(lateFile + ": line 3: requests must be a number >= 0 (was 'x')");
    assertThatThrownBy(() -> Loads.series(LoadShape.trace(TraceFormat.PER_MINUTE_CSV, earlyFile)))
        .hasMessage(earlyFile + ": cannot be read (MalformedInputException)");
    assertSameAsReference(lateFile);
    assertSameAsReference(earlyFile);
  }

  @Test
  void aHeaderMayBeAnyUtf8Text() throws IOException, TraceProblem {
    assertThat(scanned(write("h.csv", "\uFEFFminüte,requêtes\n0,1\n")).minutes).containsExactly(1);
  }

  // ------------------------------------------------------------------ spellings

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-03-01T00:05Z", "2026-03-01T00:05:00Z", "2026-03-01T00:05:00.000Z",
        "2026-03-01T00:05:00.000000000Z", "2026-03-01T00:05:00.0000000000Z",
        "2026-03-01T00:05:00.Z", "2026-03-01T00:05:00.001Z", "2026-03-01T00:05:01Z",
        "2026-03-01T00:05:60Z", "2026-03-01t00:05z", "2026-03-01T00:05z",
        "2026-03-01T01:05+01:00", "2026-03-01T01:05+01", "2026-03-01T01:05+0100",
        "2026-03-01T01:05+01:00:00", "2026-03-01T00:05-00:00", "2026-03-01T00:05:00+00:00",
        "2026-03-01T18:05+18:00", "2026-03-01T18:06+18:01", "2026-02-28T06:05-18:00",
        "2026-02-28T06:04-18:01", "2026-03-01T00:05+01:60", "2026-03-01T00:05+1:00",
        "2026-03-01T24:00Z", "2026-03-01T23:60Z", "2026-02-29T00:05Z", "2028-02-29T00:05Z",
        "2026-04-31T00:05Z", "2026-00-01T00:05Z", "2026-13-01T00:05Z", "2026-03-00T00:05Z",
        "2026-03-32T00:05Z", "0000-01-01T00:00Z", "9999-12-31T23:59Z", "2026-03-01 00:05Z",
        "2026-03-01T00:05", "+2026-03-01T00:05Z", "+10000-03-01T00:05Z", "2026-3-01T00:05Z",
        "2026-03-01T0:05Z", "2026-03-01T00:05Z[UTC]", "2026-03-01T00:05ZZ", " 2026-03-01T00:05Z ",
        "\t2026-03-01T00:05Z\u000B", "2026-03-01T00:05Z\u2003", "2026-03-01T00:05Z\u00A0",
        "2026-03-01T00:05:00,000Z", "2026-03-01T00:05:0Z", "5", ""
      })
  void timestampSpellingsAsTheReference(String minute) throws IOException {
    assertSameAsReference(
        write("ts.csv", "time,requests\n2026-03-01T00:00Z,1\n" + minute + ",2\n2026-03-02T00:00Z,3\n"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "12", "012", "5.", ".5", ".", "5.5", "0", "0.0", "00.00", "1e3", "1E3", "1e+3", "1e-3",
        "1.5e2", ".5e1", "5.e1", "1e", "e1", "1e400", "1e-400", "NaN", "Infinity", "-3", "+3",
        "0x10", "5d", "5f", "", "1_000", "\uFF11", "123456789012345", "1234567890123456",
        "12345678901234567890", "0.1", "0.30000000000000004", "9007199254740993",
        "900719925474099.3", "90071992547409.93", "1234567.89012345", ".123456789012345",
        ".1234567890123456", "000000000000000000001", "0000000000000005.5", " 5 ", "5 5", "5,5",
        "\u001F5\u001C", "5\u2003", "5\u00A0", "5\u0000"
      })
  void countSpellingsAsTheReference(String count) throws IOException {
    assertSameAsReference(write("counts.csv", "minute,requests\n0,1\n1," + count + "\n2,3\n"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0", "000000000007", "0000000000007", "999999999999", "1000000000000", "+1", "-1", "1.0",
        "1e3", " 1 ", "1 1", "0x1", "\uFF12", ""
      })
  void offsetSpellingsAsTheReference(String minute) throws IOException {
    assertSameAsReference(write("offsets.csv", "minute,requests\n0,1\n" + minute + ",2\n"));
    assertSameAsReference(write("first.csv", "minute,requests\n" + minute + ",2\n5,1\n"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "minute,requests", "0,5", " 0 , 5.5 ", "0,5,6", "000000000000,1e3", "0000000000000,1",
        "-1,5", "2026-03-01T00:00Z,1", "", " ", "\uFEFF0,5", ",5", "0,"
      })
  void headerSpellingsAsTheReference(String header) throws IOException {
    assertSameAsReference(write("header.csv", header + "\n7,1\n"));
  }
}
