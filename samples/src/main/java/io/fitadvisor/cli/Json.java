package io.fitadvisor.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.OptionalDouble;

/**
 * JSON output. Objects are built as trees in the order the spec writes their fields, then printed
 * with two-space indentation.
 *
 * <p>Numbers: the program computes in {@code double}. A double round-trips 15 significant digits,
 * so numbers are printed rounded to 15 significant digits, in plain notation, without trailing
 * zeros. That removes binary noise ({@code 18.740000000000002} prints as {@code 18.74}) while money
 * keeps its full precision, as cli.md asks (JSON is never rounded to cents).
 */
final class Json {
  private static final MathContext SIGNIFICANT_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
      .nodeFactory(NODES)
      .build();
  private static final DefaultPrettyPrinter PRETTY = new CompactEmptyPrinter();

  private Json() {}

  /** Two-space indentation, {@code "field": value}, and empty arrays and objects as {@code []}, {@code {}}. */
  private static final class CompactEmptyPrinter extends DefaultPrettyPrinter {
    private static final long serialVersionUID = 1L;

    CompactEmptyPrinter() {
      super(Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
      indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
    }

    @Override
    public DefaultPrettyPrinter createInstance() {
      return new CompactEmptyPrinter();
    }

    @Override
    public void writeEndArray(JsonGenerator generator, int values) throws IOException {
      if (values == 0) {
        _nesting--;
        generator.writeRaw(']');
      } else {
        super.writeEndArray(generator, values);
      }
    }

    @Override
    public void writeEndObject(JsonGenerator generator, int entries) throws IOException {
      if (entries == 0) {
        _nesting--;
        generator.writeRaw('}');
      } else {
        super.writeEndObject(generator, entries);
      }
    }
  }

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static ArrayNode array() {
    return NODES.arrayNode();
  }

  /** A JSON number for a finite double, to 15 significant digits. */
  static BigDecimal number(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("JSON numbers must be finite (was " + value + ")");
    }
    if (value == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal rounded = new BigDecimal(value).round(SIGNIFICANT_DIGITS).stripTrailingZeros();
    return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
  }

  /** Puts a number, or {@code null} when the value is absent. */
  static void put(ObjectNode node, String field, OptionalDouble value) {
    if (value.isPresent()) {
      node.put(field, number(value.getAsDouble()));
    } else {
      node.putNull(field);
    }
  }

  static void put(ObjectNode node, String field, double value) {
    node.put(field, number(value));
  }

  static String write(ObjectNode root) {
    try {
      return MAPPER.writer(PRETTY).writeValueAsString(root) + System.lineSeparator();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
