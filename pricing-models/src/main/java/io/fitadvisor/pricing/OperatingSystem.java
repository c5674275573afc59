package io.fitadvisor.pricing;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The operating system of a Fargate task, spelled in files as {@code linux} or {@code windows}. */
public enum OperatingSystem {
  /** Linux; x86_64 or arm64. */
  LINUX("linux"),
  /** Windows Server; x86_64 only, with a licence fee per vCPU-hour. */
  WINDOWS("windows");

  private final String id;

  OperatingSystem(String id) {
    this.id = id;
  }

  /** Returns the spelling used in files and output: {@code linux} or {@code windows}. */
  public String id() {
    return id;
  }

  /**
   * Returns the operating system spelled {@code id}.
   *
   * @throws IllegalArgumentException if {@code id} is neither {@code linux} nor {@code windows}
   */
  public static OperatingSystem fromId(String id) {
    for (OperatingSystem os : values()) {
      if (os.id.equals(id)) {
        return os;
      }
    }
    throw new IllegalArgumentException("unknown operating system '" + id + "' (known: " + ids() + ")");
  }

  static String ids() {
    return Arrays.stream(values()).map(OperatingSystem::id).collect(Collectors.joining(", "));
  }
}
