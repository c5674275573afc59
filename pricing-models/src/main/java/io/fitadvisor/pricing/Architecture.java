package io.fitadvisor.pricing;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A CPU architecture, spelled in files as {@code x86_64} or {@code arm64}. */
public enum Architecture {
  /** Intel or AMD processors. */
  X86_64("x86_64"),
  /** AWS Graviton (Arm) processors. */
  ARM64("arm64");

  private final String id;

  Architecture(String id) {
    this.id = id;
  }

  /** Returns the spelling used in files and output: {@code x86_64} or {@code arm64}. */
  public String id() {
    return id;
  }

  /**
   * Returns the architecture spelled {@code id}.
   *
   * @throws IllegalArgumentException if {@code id} is neither {@code x86_64} nor {@code arm64}
   */
  public static Architecture fromId(String id) {
    for (Architecture a : values()) {
      if (a.id.equals(id)) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown architecture '" + id + "' (known: " + ids() + ")");
  }

  /** The known spellings, comma separated, for messages. */
  static String ids() {
    return Arrays.stream(values()).map(Architecture::id).collect(Collectors.joining(", "));
  }
}
