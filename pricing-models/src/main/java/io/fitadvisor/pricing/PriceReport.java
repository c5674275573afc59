package io.fitadvisor.pricing;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;

/**
 * The monthly cost of a list of deployments priced together as one account.
 *
 * @param deployments each deployment's cost, in the order given
 * @param monthlyCostUsd the sum of the deployments' costs, US dollars a month
 */
public record PriceReport(List<PricedDeployment> deployments, double monthlyCostUsd) {

  /** Copies {@code deployments} and checks that the total is finite. */
  public PriceReport {
    deployments = List.copyOf(deployments);
    checkArgument(Double.isFinite(monthlyCostUsd), "monthlyCostUsd must be finite (was %s)", monthlyCostUsd);
  }

  /** Returns the priced deployment named {@code name}, or throws if there is none. */
  public PricedDeployment deployment(String name) {
    for (PricedDeployment d : deployments) {
      if (d.name().equals(name)) {
        return d;
      }
    }
    throw new IllegalArgumentException("no deployment '" + name + "' in this report");
  }
}
