package io.fitadvisor.advisor;

import io.fitadvisor.workload.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;

/**
 * Break-even rates between targets. The load shape is scaled by a factor {@code k} (every minute
 * times {@code k}); each target's cheapest monthly cost is a function of {@code k}. The costs are
 * compared on a log grid of average rates from 0.0001 to 1,000,000 requests per second (four points
 * a decade); the first grid interval where the difference changes sign is solved with Brent's
 * method in {@code log k}. A pair that never changes sign on the grid is left out; when costs cross
 * several times (step-shaped container costs can), the lowest crossing is reported.
 */
final class BreakEvens {
  static final double LOWEST_RPS = 1e-4;
  static final double HIGHEST_RPS = 1e6;
  private static final int POINTS_PER_DECADE = 4;
  private static final int MAX_EVALUATIONS = 200;
  /** Accuracy in log(k): the rate to about one part in a million. */
  private static final double ABSOLUTE_ACCURACY = 1e-6;

  /** A target and its monthly cost in US dollars as a function of the load factor. */
  record Curve(Target target, DoubleUnaryOperator monthlyCostUsd) {}

  private BreakEvens() {}

  /**
   * The break-even rates of every pair of {@code curves} (given in target order).
   *
   * @param averageRequestsPerSecond the service's own average rate (factor 1); 0 gives none
   */
  static List<BreakEven> find(double averageRequestsPerSecond, List<Curve> curves) {
    if (!(averageRequestsPerSecond > 0) || curves.size() < 2) {
      return List.of();
    }
    int decades = (int) Math.round(Math.log10(HIGHEST_RPS / LOWEST_RPS));
    int points = decades * POINTS_PER_DECADE + 1;
    double[] logK = new double[points];
    double[][] cost = new double[curves.size()][points];
    for (int i = 0; i < points; i++) {
      double rate = LOWEST_RPS * Math.pow(10, (double) i / POINTS_PER_DECADE);
      logK[i] = Math.log(rate / averageRequestsPerSecond);
      double k = Math.exp(logK[i]);
      for (int c = 0; c < curves.size(); c++) {
        cost[c][i] = curves.get(c).monthlyCostUsd().applyAsDouble(k);
      }
    }
    List<BreakEven> found = new ArrayList<>();
    for (int a = 0; a < curves.size(); a++) {
      for (int b = a + 1; b < curves.size(); b++) {
        double logCrossing = firstCrossing(curves.get(a), curves.get(b), logK, cost[a], cost[b]);
        if (!Double.isNaN(logCrossing)) {
          double rate = Math.exp(logCrossing) * averageRequestsPerSecond;
          if (rate > 0 && rate <= HIGHEST_RPS) {
            found.add(new BreakEven(curves.get(a).target(), curves.get(b).target(), rate));
          }
        }
      }
    }
    return found;
  }

  /** log(k) of the lowest crossing, or NaN when the difference never changes sign. */
  private static double firstCrossing(Curve first, Curve second, double[] logK, double[] a, double[] b) {
    int previous = -1; // last grid point with a finite, non-zero difference
    for (int i = 0; i < logK.length; i++) {
      double difference = a[i] - b[i];
      if (!Double.isFinite(difference)) {
        previous = -1;
        continue;
      }
      if (difference == 0) {
        continue;
      }
      if (previous >= 0 && Math.signum(difference) != Math.signum(a[previous] - b[previous])) {
        if (i > previous + 1) {
          return logK[previous + 1]; // equal on the grid itself
        }
        return solve(first, second, logK[previous], logK[i], a[previous] - b[previous], difference);
      }
      previous = i;
    }
    return Double.NaN;
  }

  /**
   * Brent's method on the bracket; its first two evaluations are the bracket's ends, whose costs
   * the grid already computed at the very same k, so they are answered from the grid.
   */
  private static double solve(Curve first, Curve second, double low, double high, double atLow,
      double atHigh) {
    UnivariateFunction difference = logFactor -> {
      if (logFactor == low) {
        return atLow;
      }
      if (logFactor == high) {
        return atHigh;
      }
      double k = Math.exp(logFactor);
      return first.monthlyCostUsd().applyAsDouble(k) - second.monthlyCostUsd().applyAsDouble(k);
    };
    try {
      return new BrentSolver(ABSOLUTE_ACCURACY).solve(MAX_EVALUATIONS, difference, low, high);
    } catch (MathIllegalStateException | MathIllegalArgumentException e) {
      // No clean sign change inside (an option turned infeasible there): report no crossing.
      return Double.NaN;
    }
  }
}
