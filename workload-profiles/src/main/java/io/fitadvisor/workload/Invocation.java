package io.fitadvisor.workload;

/** How requests reach a service; decides, for example, which Lambda payload limit applies. */
public enum Invocation {
  /** Request/response: the caller waits for the answer. */
  SYNC("sync"),
  /** Events handed over without waiting for the result. */
  ASYNC("async"),
  /** Messages pulled from a queue. */
  QUEUE("queue"),
  /** Runs started by a timer. */
  SCHEDULE("schedule");

  private final String id;

  Invocation(String id) {
    this.id = id;
  }

  /**
   * The spelling of the workload file: {@code sync}, {@code async}, {@code queue}, {@code
   * schedule}.
   */
  public String id() {
    return id;
  }

  /**
   * The invocation spelled {@code id}.
   *
   * @throws IllegalArgumentException for any other text, listing the known ids
   */
  public static Invocation fromId(String id) {
    return Ids.fromId(values(), Invocation::id, "invocation", id);
  }
}
