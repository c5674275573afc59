package io.fitadvisor.pricing;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The kind of Amazon API Gateway API, spelled in files as {@code http} or {@code rest}. */
public enum ApiType {
  /** HTTP APIs: the cheaper, leaner kind. */
  HTTP("http", "HTTP API"),
  /** REST APIs: the full-featured kind. */
  REST("rest", "REST API");

  private final String id;
  private final String label;

  ApiType(String id, String label) {
    this.id = id;
    this.label = label;
  }

  /** Returns the spelling used in files and output: {@code http} or {@code rest}. */
  public String id() {
    return id;
  }

  /** A readable name for cost lines, e.g. {@code HTTP API}. */
  String label() {
    return label;
  }

  /**
   * Returns the API type spelled {@code id}.
   *
   * @throws IllegalArgumentException if {@code id} is neither {@code http} nor {@code rest}
   */
  public static ApiType fromId(String id) {
    for (ApiType t : values()) {
      if (t.id.equals(id)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown API type '" + id + "' (known: " + ids() + ")");
  }

  static String ids() {
    return Arrays.stream(values()).map(ApiType::id).collect(Collectors.joining(", "));
  }
}
