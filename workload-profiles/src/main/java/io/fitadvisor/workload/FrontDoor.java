package io.fitadvisor.workload;

/** What receives a service's requests before the service does; each one has its own price. */
public enum FrontDoor {
  NONE("none"),
  API_GATEWAY_HTTP("api-gateway-http"),
  API_GATEWAY_REST("api-gateway-rest"),
  ALB("alb"),
  FUNCTION_URL("function-url");

  private final String id;

  FrontDoor(String id) {
    this.id = id;
  }

  /** The spelling of the workload file, e.g. {@code api-gateway-http}. */
  public String id() {
    return id;
  }

  /**
   * The front door spelled {@code id}.
   *
   * @throws IllegalArgumentException for any other text, listing the known ids
   */
  public static FrontDoor fromId(String id) {
    return Ids.fromId(values(), FrontDoor::id, "front door", id);
  }
}
