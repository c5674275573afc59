package io.fitadvisor.workload;

/** The instruction set a service's code can be built for. */
public enum Architecture {
  X86_64("x86_64"),
  ARM64("arm64");

  private final String id;

  Architecture(String id) {
    this.id = id;
  }

  /** The spelling of the workload file and the JSON output: {@code x86_64} or {@code arm64}. */
  public String id() {
    return id;
  }

  /**
   * The architecture spelled {@code id}.
   *
   * @throws IllegalArgumentException for any other text, listing the known ids
   */
  public static Architecture fromId(String id) {
    return Ids.fromId(values(), Architecture::id, "architecture", id);
  }
}
