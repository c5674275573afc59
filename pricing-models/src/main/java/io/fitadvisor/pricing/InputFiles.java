package io.fitadvisor.pricing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a YAML or JSON input file into a Jackson tree, turning every I/O or syntax problem into a
 * {@link PriceFileException}. Jackson stays here and in the readers that walk the tree.
 */
final class InputFiles {
  /** Larger files are refused before parsing, so a hostile file fails fast. */
  static final int MAX_BYTES = 16 * 1024 * 1024;
  /** Bounds YAML aliases, so an alias bomb ("billion laughs") fails fast. */
  static final int MAX_YAML_ALIASES = 50;
  static final int MAX_NESTING_DEPTH = 100;

  enum Format {
    JSON("JSON"),
    YAML("YAML");

    final String label;

    Format(String label) {
      this.label = label;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper(
      JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // so NaN gets a field-level message
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(constraints())
          .build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final ObjectMapper YAML = new ObjectMapper(
      YAMLFactory.builder()
          .loaderOptions(loaderOptions())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(constraints())
          .build());

  private InputFiles() {}

  private static StreamReadConstraints constraints() {
    return StreamReadConstraints.builder()
        .maxNestingDepth(MAX_NESTING_DEPTH)
        .maxDocumentLength(MAX_BYTES)
        .build();
  }

  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_YAML_ALIASES);
    options.setCodePointLimit(MAX_BYTES);
    options.setNestingDepthLimit(MAX_NESTING_DEPTH);
    options.setAllowDuplicateKeys(false);
    return options;
  }

  /** The format chosen by the file name's extension, or an error naming the accepted ones. */
  static Format formatOf(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
      return Format.YAML;
    }
    if (lower.endsWith(".json")) {
      return Format.JSON;
    }
    throw PriceFileException.whole(fileName, "unsupported file type: the name must end in .yaml, .yml or .json", null);
  }

  /** Reads {@code file} (named {@code name} in messages) and parses it by its extension. */
  static JsonNode read(Path file, String name) {
    Format format = formatOf(name);
    if (Files.isDirectory(file)) {
      throw PriceFileException.whole(name, "is a directory, not a file", null);
    }
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw PriceFileException.whole(name, "file is larger than " + MAX_BYTES / (1024 * 1024) + " MiB", null);
      }
      try (InputStream in = Files.newInputStream(file)) {
        return parse(in, name, format);
      }
    } catch (NoSuchFileException e) {
      throw PriceFileException.whole(name, "file not found", e);
    } catch (IOException e) {
      throw PriceFileException.whole(name, "cannot read the file: " + e.getMessage(), e);
    }
  }

  /** Parses one document; an empty document is an error. */
  static JsonNode parse(InputStream in, String name, Format format) throws IOException {
    JsonNode root;
    try {
      root = (format == Format.YAML ? YAML : JSON).readTree(in);
    } catch (JsonProcessingException e) {
      throw syntaxError(name, format, e);
    } catch (RuntimeException e) {
      // SnakeYAML limits (aliases, code points) may surface as its own unchecked exceptions.
      throw syntaxError(name, format, e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw PriceFileException.whole(name, "the file is empty", null);
    }
    return root;
  }

  private static PriceFileException syntaxError(String name, Format format, Exception e) {
    PriceFileException nonFinite = nonFiniteYamlNumber(name, e);
    if (nonFinite != null) {
      return nonFinite;
    }
    MarkedYAMLException marked = findCause(e, MarkedYAMLException.class);
    String where = "";
    String problem;
    if (marked != null && marked.getProblemMark() != null) {
      Mark mark = marked.getProblemMark();
      where = " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
      problem = marked.getProblem();
    } else if (e instanceof JsonProcessingException jpe) {
      JsonLocation location = jpe.getLocation();
      if (location != null && location.getLineNr() > 0) {
        where = " at line " + location.getLineNr() + ", column " + location.getColumnNr();
      }
      problem = jpe.getOriginalMessage();
    } else {
      problem = e.getMessage();
    }
    return PriceFileException.whole(name, "malformed " + format.label + where + ": " + firstLine(problem), e);
  }

  /**
   * Jackson's YAML parser cannot decode {@code .nan} and {@code .inf}; report them as the field
   * errors they are rather than as syntax errors.
   */
  private static PriceFileException nonFiniteYamlNumber(String name, Exception e) {
    if (!(e instanceof StreamReadException sre) || sre.getProcessor() == null || sre.getOriginalMessage() == null) {
      return null;
    }
    JsonParser parser = sre.getProcessor();
    String message = sre.getOriginalMessage();
    String value = null;
    String lower = message.toLowerCase(Locale.ROOT);
    if (lower.startsWith("malformed numeric value '")) {
      String text = lower.substring("malformed numeric value '".length(), lower.length() - 1);
      if (text.equals(".nan")) {
        value = "NaN";
      } else if (text.equals(".inf") || text.equals("+.inf")) {
        value = "Infinity";
      } else if (text.equals("-.inf")) {
        value = "-Infinity";
      }
    }
    if (value == null) {
      return null;
    }
    return PriceFileException.at(name, path(parser.getParsingContext()), "must be a finite number", value);
  }

  /** The field path ({@code deployments[0].lambda.memoryMb}) of a parser's position. */
  private static String path(JsonStreamContext context) {
    StringBuilder path = new StringBuilder();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        path.insert(0, "[" + c.getCurrentIndex() + "]");
      } else if (c.inObject() && c.getCurrentName() != null) {
        path.insert(0, (c.getParent() == null || c.getParent().inRoot() ? "" : ".") + c.getCurrentName());
      }
    }
    return path.toString();
  }

  private static String firstLine(String text) {
    if (text == null || text.isBlank()) {
      return "syntax error";
    }
    String trimmed = text.strip();
    int newline = trimmed.indexOf('\n');
    return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
  }

  private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
