package io.fitadvisor.workload;

/** How a service's code may be deployed to Lambda: a zip archive, a container image, or either. */
public enum Packaging {
  ZIP("zip"),
  IMAGE("image"),
  ANY("any");

  private final String id;

  Packaging(String id) {
    this.id = id;
  }

  /** The spelling of the workload file: {@code zip}, {@code image} or {@code any}. */
  public String id() {
    return id;
  }

  /**
   * The packaging spelled {@code id}.
   *
   * @throws IllegalArgumentException for any other text, listing the known ids
   */
  public static Packaging fromId(String id) {
    return Ids.fromId(values(), Packaging::id, "packaging", id);
  }
}
