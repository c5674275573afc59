package io.fitadvisor.pricing;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;

/**
 * A deployment's monthly cost and the lines it is made of.
 *
 * @param name the deployment's name
 * @param kind the deployment's kind ({@link Deployment#kind()})
 * @param lines the cost lines, in a stable order
 * @param monthlyCostUsd the sum of the lines' {@code monthlyCostUsd}, US dollars a month
 */
public record PricedDeployment(String name, String kind, List<CostLine> lines, double monthlyCostUsd) {

  /** Copies {@code lines} and checks the texts and that the cost is finite. */
  public PricedDeployment {
    Checks.name(name);
    checkArgument(kind != null && !kind.isBlank(), "kind must not be blank (was '%s')", kind);
    lines = List.copyOf(lines);
    checkArgument(Double.isFinite(monthlyCostUsd), "monthlyCostUsd must be finite (was %s)", monthlyCostUsd);
  }

  /** Returns the line named {@code lineName}, or throws if there is none. */
  public CostLine line(String lineName) {
    for (CostLine line : lines) {
      if (line.name().equals(lineName)) {
        return line;
      }
    }
    throw new IllegalArgumentException("no line '" + lineName + "' in " + name + " (lines: "
        + lines.stream().map(CostLine::name).toList() + ")");
  }
}
