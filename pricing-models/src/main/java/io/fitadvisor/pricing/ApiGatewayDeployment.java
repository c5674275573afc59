package io.fitadvisor.pricing;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * An Amazon API Gateway API, priced per million requests with the type's monthly tiers.
 *
 * @param name the deployment's name
 * @param type HTTP or REST
 * @param monthlyRequests metered requests a month, finite and >= 0 (HTTP APIs meter each 512 KB
 *     of a request as one request)
 */
public record ApiGatewayDeployment(String name, ApiType type, double monthlyRequests) implements Deployment {

  /** Checks every argument. */
  public ApiGatewayDeployment {
    Checks.name(name);
    checkNotNull(type, "type must not be null");
    Checks.nonNegative(monthlyRequests, "monthlyRequests");
  }

  @Override
  public String kind() {
    return "apiGateway";
  }
}
