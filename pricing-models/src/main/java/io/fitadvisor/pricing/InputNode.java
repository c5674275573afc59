package io.fitadvisor.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A node of a parsed input file together with its field path, so every check can report
 * {@code FILE: PATH: RULE (was VALUE)}.
 */
final class InputNode {
  private final String file;
  private final String path;
  private final JsonNode node;

  private InputNode(String file, String path, JsonNode node) {
    this.file = file;
    this.path = path;
    this.node = node;
  }

  static InputNode root(String file, JsonNode node) {
    return new InputNode(file, "", node);
  }

  String file() {
    return file;
  }

  String path() {
    return path;
  }

  private String childPath(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  /** An error about this node, quoting its value. */
  PriceFileException fail(String rule) {
    return PriceFileException.at(file, path, rule, describe(node));
  }

  /** An error about this node, without quoting its value (e.g. for objects). */
  PriceFileException failWithoutValue(String rule) {
    return PriceFileException.at(file, path, rule, null);
  }

  /** Checks that this node is an object whose fields are all in {@code known}. */
  InputNode object(Collection<String> known) {
    if (!node.isObject()) {
      throw fail("must be an object");
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        throw PriceFileException.at(
            file, childPath(name), "unknown field '" + name + "' (known: " + String.join(", ", new TreeSet<>(known)) + ")", null);
      }
    }
    return this;
  }

  /** Checks that this node is an object, whatever its fields (maps keyed by names). */
  InputNode anyObject() {
    if (!node.isObject()) {
      throw fail("must be an object");
    }
    return this;
  }

  /** The object's fields in file order, as nodes. */
  List<Map.Entry<String, InputNode>> fields() {
    List<Map.Entry<String, InputNode>> fields = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      fields.add(Map.entry(e.getKey(), new InputNode(file, childPath(e.getKey()), e.getValue())));
    }
    return fields;
  }

  boolean has(String field) {
    JsonNode child = node.get(field);
    return child != null && !child.isNull();
  }

  /** The field, which must be present and not null. */
  InputNode required(String field) {
    JsonNode child = node.get(field);
    if (child == null || child.isNull()) {
      throw PriceFileException.at(file, childPath(field), "is required", null);
    }
    return new InputNode(file, childPath(field), child);
  }

  /** The field, or empty when absent or null (then a default applies). */
  Optional<InputNode> optional(String field) {
    JsonNode child = node.get(field);
    if (child == null || child.isNull()) {
      return Optional.empty();
    }
    return Optional.of(new InputNode(file, childPath(field), child));
  }

  /** The elements of this list. */
  List<InputNode> elements() {
    if (!node.isArray()) {
      throw fail("must be a list");
    }
    List<InputNode> elements = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      elements.add(new InputNode(file, path + "[" + i + "]", node.get(i)));
    }
    return elements;
  }

  /** A string. */
  String text() {
    if (!node.isTextual()) {
      throw fail("must be a string");
    }
    return node.textValue();
  }

  /** A string that is not blank. */
  String nonBlankText() {
    String text = text();
    if (text.isBlank()) {
      throw fail("must not be blank");
    }
    return text;
  }

  /** A boolean. */
  boolean bool() {
    if (!node.isBoolean()) {
      throw fail("must be true or false");
    }
    return node.booleanValue();
  }

  /** A finite number. */
  double number() {
    if (!node.isNumber()) {
      throw fail("must be a number");
    }
    double value = node.doubleValue();
    if (!Double.isFinite(value)) {
      throw fail("must be a finite number");
    }
    return value;
  }

  /** A finite number >= 0. */
  double nonNegative() {
    double value = number();
    if (value < 0) {
      throw fail("must be greater than or equal to 0");
    }
    return value;
  }

  /** A finite number > 0. */
  double positive() {
    double value = number();
    if (value <= 0) {
      throw fail("must be greater than 0");
    }
    return value;
  }

  /** A finite number in [min, max]. */
  double between(double min, double max) {
    double value = number();
    if (value < min || value > max) {
      throw fail("must be between " + format(min) + " and " + format(max));
    }
    return value;
  }

  /** A whole number in [min, max]. */
  int wholeNumber(int min, int max) {
    double value = number();
    if (value != Math.rint(value)) {
      throw fail("must be a whole number");
    }
    if (value < min || value > max) {
      throw fail(max == Integer.MAX_VALUE
          ? "must be greater than or equal to " + min
          : "must be between " + min + " and " + max);
    }
    return (int) value;
  }

  /** Hours in one month: greater than 0 and at most 744. */
  double hoursPerMonth() {
    double value = number();
    if (value <= 0 || value > BillingMonth.MAX_HOURS_PER_MONTH) {
      throw fail("must be greater than 0 and at most " + format(BillingMonth.MAX_HOURS_PER_MONTH));
    }
    return value;
  }

  /** A fraction in [0, 1). */
  double fraction() {
    double value = number();
    if (value < 0 || value >= 1) {
      throw fail("must be at least 0 and less than 1");
    }
    return value;
  }

  /** Renders a number as written by a person: no trailing {@code .0}, no exponent. */
  static String format(double value) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** The value of a node for the {@code (was VALUE)} part of a message. */
  static String describe(JsonNode node) {
    if (node == null || node.isNull()) {
      return "null";
    }
    if (node.isTextual()) {
      return "'" + node.textValue() + "'";
    }
    if (node.isNumber()) {
      if (node.isIntegralNumber()) {
        return node.asText();
      }
      return format(node.doubleValue());
    }
    if (node.isBoolean()) {
      return Boolean.toString(node.booleanValue());
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isObject()) {
      return "an object";
    }
    return node.toString();
  }
}
