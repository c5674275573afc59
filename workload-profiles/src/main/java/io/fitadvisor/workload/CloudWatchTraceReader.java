package io.fitadvisor.workload;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code cloudwatch-metric-data} trace: the JSON of GetMetricData (as the AWS CLI prints
 * it) for one metric with the Sum statistic at a 60-second period. Only {@code
 * MetricDataResults[0]} is read; its {@code Timestamps} are ISO-8601 text or epoch seconds, in any
 * order (CloudWatch lists the newest first), and minutes without data are simply absent. Other
 * fields are ignored.
 */
final class CloudWatchTraceReader {
  private static final String RESULTS = "MetricDataResults";
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private CloudWatchTraceReader() {}

  static TraceData read(Path file, int fileIndex) throws IOException, TraceProblem {
    try (JsonParser parser = JSON.createParser(file.toFile())) {
      return new CloudWatchTraceReader.Walk(parser, fileIndex).read();
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
      throw new TraceProblem(
          fileIndex,
          0,
          "line "
              + line
              + ", column "
              + column
              + ": malformed JSON: "
              + Values.parserMessage(e.getOriginalMessage()),
          null);
    }
  }

  /** One pass over the parser's tokens. */
  private static final class Walk {
    private final JsonParser parser;
    private final int fileIndex;
    private final List<String> notes = new ArrayList<>();
    private final List<Long> timestampMinutes = new ArrayList<>();
    private final List<Long> timestampLines = new ArrayList<>();
    private final List<Double> values = new ArrayList<>();
    private boolean sawTimestamps;
    private boolean sawValues;

    Walk(JsonParser parser, int fileIndex) {
      this.parser = parser;
      this.fileIndex = fileIndex;
    }

    TraceData read() throws IOException, TraceProblem {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw problem("must be a JSON object with " + RESULTS, null);
      }
      boolean sawResults = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken token = parser.nextToken();
        if (name.equals(RESULTS)) {
          sawResults = true;
          readResults(token);
        } else if (name.equals("NextToken") && token == JsonToken.VALUE_STRING) {
          notes.add("the CloudWatch data has a NextToken: later pages were not included");
        } else {
          parser.skipChildren();
        }
      }
      if (!sawResults) {
        throw problem(RESULTS + " is missing", null);
      }
      if (!sawTimestamps || !sawValues) {
        throw problem(RESULTS + "[0] must have Timestamps and Values", null);
      }
      if (timestampMinutes.size() != values.size()) {
        throw problem(
            RESULTS
                + "[0] has "
                + timestampMinutes.size()
                + " Timestamps but "
                + values.size()
                + " Values",
            null);
      }
      TimedRows rows = new TimedRows(fileIndex, true);
      for (int i = 0; i < values.size(); i++) {
        rows.add(timestampMinutes.get(i), values.get(i), timestampLines.get(i));
      }
      if (rows.size() == 0) {
        throw problem(RESULTS + "[0] has no data points", null);
      }
      return rows.toData(notes);
    }

    private void readResults(JsonToken token) throws IOException, TraceProblem {
      if (token != JsonToken.START_ARRAY) {
        throw problem(RESULTS + " must be a list", null);
      }
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        if (index == 0) {
          if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw problem(RESULTS + "[0] must be an object", null);
          }
          readResult();
        } else {
          parser.skipChildren();
        }
        index++;
      }
      if (index == 0) {
        throw problem(RESULTS + " is empty", null);
      }
      if (index > 1) {
        notes.add("the CloudWatch data has " + index + " results: only the first was used");
      }
    }

    private void readResult() throws IOException, TraceProblem {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken token = parser.nextToken();
        switch (name) {
          case "Timestamps" -> readTimestamps(token);
          case "Values" -> readValues(token);
          case "StatusCode" -> {
            if (token == JsonToken.VALUE_STRING && !parser.getText().equals("Complete")) {
              notes.add("CloudWatch reported status " + parser.getText() + ": data may be missing");
            }
          }
          default -> parser.skipChildren();
        }
      }
    }

    private void readTimestamps(JsonToken token) throws IOException, TraceProblem {
      expectList(token, "Timestamps");
      sawTimestamps = true;
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        long line = parser.currentTokenLocation().getLineNr();
        String field = RESULTS + "[0].Timestamps[" + index + "]";
        timestampMinutes.add(minute(field, line));
        timestampLines.add(line);
        index++;
      }
    }

    private long minute(String field, long line) throws IOException, TraceProblem {
      JsonToken token = parser.currentToken();
      long epochSecond;
      if (token == JsonToken.VALUE_STRING) {
        String text = parser.getText();
        OffsetDateTime time;
        try {
          time = OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
          throw problemAt(
              line, field + " must be an ISO-8601 timestamp or epoch seconds", Values.text(text));
        }
        if (time.getSecond() != 0 || time.getNano() != 0) {
          throw problemAt(line, field + " must fall on a whole minute", Values.text(text));
        }
        epochSecond = time.toEpochSecond();
      } else if (token.isNumeric()) {
        BigDecimal seconds = parser.getDecimalValue();
        if (seconds.signum() < 0
            || seconds.stripTrailingZeros().scale() > 0
            || seconds.remainder(BigDecimal.valueOf(60)).signum() != 0) {
          throw problemAt(
              line, field + " must be epoch seconds on a whole minute", seconds.toPlainString());
        }
        epochSecond = seconds.longValueExact();
      } else {
        parser.skipChildren();
        throw problemAt(line, field + " must be an ISO-8601 timestamp or epoch seconds", null);
      }
      return Math.floorDiv(epochSecond, 60);
    }

    private void readValues(JsonToken token) throws IOException, TraceProblem {
      expectList(token, "Values");
      sawValues = true;
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        long line = parser.currentTokenLocation().getLineNr();
        String field = RESULTS + "[0].Values[" + index + "]";
        JsonToken value = parser.currentToken();
        if (!value.isNumeric()) {
          String shown = value == JsonToken.VALUE_STRING ? Values.text(parser.getText()) : null;
          parser.skipChildren();
          throw problemAt(line, field + " must be a number >= 0", shown);
        }
        double count = parser.getDoubleValue();
        if (!Double.isFinite(count) || count < 0) {
          throw problemAt(line, field + " must be a number >= 0", Values.number(count));
        }
        values.add(count);
        index++;
      }
    }

    private void expectList(JsonToken token, String name) throws TraceProblem {
      if (token != JsonToken.START_ARRAY) {
        throw problem(RESULTS + "[0]." + name + " must be a list", null);
      }
    }

    private TraceProblem problem(String rule, String value) {
      return new TraceProblem(fileIndex, 0, rule, value);
    }

    private TraceProblem problemAt(long line, String rule, String value) {
      return new TraceProblem(fileIndex, line, rule, value);
    }
  }
}
