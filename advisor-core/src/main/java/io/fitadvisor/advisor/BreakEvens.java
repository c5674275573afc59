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

  /**
   * Cheap bounds of a curve, {@code lowerUsd(k) <= cost(k) <= upperUsd(k)}, that need no pass over
   * the month; {@code upperUsd} is infinite unless the cost is surely finite at {@code k}.
   */
  record Bounds(DoubleUnaryOperator lowerUsd, DoubleUnaryOperator upperUsd) {}

  /**
   * A target and its monthly cost in US dollars as a function of the load factor, with bounds
   * when the curve has cheap ones ({@code null} otherwise).
   */
  record Curve(Target target, DoubleUnaryOperator monthlyCostUsd, Bounds bounds) {
    Curve(Target target, DoubleUnaryOperator monthlyCostUsd) {
      this(target, monthlyCostUsd, null);
    }
  }

  private BreakEvens() {}

  /**
   * The break-even rates of every pair of {@code curves} (given in target order).
   *
   * <p>The result is the one a full evaluation of every curve at every grid point gives; a curve's
   * exact cost is only computed at the grid points where its bounds do not already tell the sign
   * of a difference the search looks at, and at the ends of the intervals handed to Brent.
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
    for (int i = 0; i < points; i++) {
      double rate = LOWEST_RPS * Math.pow(10, (double) i / POINTS_PER_DECADE);
      logK[i] = Math.log(rate / averageRequestsPerSecond);
    }
    Grid grid = new Grid(curves, logK);
    List<BreakEven> found = new ArrayList<>();
    for (int a = 0; a < curves.size(); a++) {
      for (int b = a + 1; b < curves.size(); b++) {
        double logCrossing = firstCrossing(grid, a, b);
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

  /** log(k) of the lowest crossing of curves a and b, or NaN when the difference never changes sign. */
  private static double firstCrossing(Grid grid, int a, int b) {
    double[] logK = grid.logK;
    int previous = -1; // last grid point with a finite, non-zero difference
    int previousSign = 0;
    for (int i = 0; i < logK.length; i++) {
      int sign = grid.sign(a, b, i);
      if (sign == Grid.NOT_FINITE) {
        previous = -1;
        continue;
      }
      if (sign == 0) {
        continue;
      }
      if (previous >= 0 && sign != previousSign) {
        if (i > previous + 1) {
          return logK[previous + 1]; // equal on the grid itself
        }
        Curve first = grid.curves.get(a);
        Curve second = grid.curves.get(b);
        return solve(first, second, logK[previous], logK[i], grid.exact(a, previous) - grid.exact(b, previous),
            grid.exact(a, i) - grid.exact(b, i));
      }
      previous = i;
      previousSign = sign;
    }
    return Double.NaN;
  }

  /**
   * The curves' costs on the grid, computed when first needed: exactly, or as bounds for curves
   * that have them.
   */
  private static final class Grid {
    static final int NOT_FINITE = 2;

    final List<Curve> curves;
    final double[] logK;
    private final double[][] exact;
    private final boolean[][] known;
    private final double[][] lower;
    private final double[][] upper;
    private final boolean[][] bounded;

    Grid(List<Curve> curves, double[] logK) {
      this.curves = curves;
      this.logK = logK;
      int n = curves.size();
      exact = new double[n][logK.length];
      known = new boolean[n][logK.length];
      lower = new double[n][logK.length];
      upper = new double[n][logK.length];
      bounded = new boolean[n][logK.length];
    }

    /** The exact cost of curve c at grid point i. */
    double exact(int c, int i) {
      if (!known[c][i]) {
        exact[c][i] = curves.get(c).monthlyCostUsd().applyAsDouble(Math.exp(logK[i]));
        known[c][i] = true;
      }
      return exact[c][i];
    }

    /**
     * The sign of {@code cost(a) - cost(b)} at grid point i (-1, 0 or 1), or {@link #NOT_FINITE},
     * exactly as the costs' difference gives it; from bounds when they are apart.
     */
    int sign(int a, int b, int i) {
      if (!needsBounds(a, i) && !needsBounds(b, i)) {
        return sign(exact(a, i) - exact(b, i));
      }
      // A side without bounds is priced first: when it is infinite, the difference is infinite or
      // NaN whatever the other side costs.
      if (!needsBounds(a, i) && Double.isInfinite(exact(a, i))
          || !needsBounds(b, i) && Double.isInfinite(exact(b, i))) {
        return NOT_FINITE;
      }
      double lowA = low(a, i);
      double highA = high(a, i);
      double lowB = low(b, i);
      double highB = high(b, i);
      // An infinite upper bound means the cost may be infinite: only the exact cost tells.
      if (Double.isFinite(highA) && Double.isFinite(highB)) {
        if (highA < lowB) {
          return -1;
        }
        if (lowA > highB) {
          return 1;
        }
      }
      return sign(exact(a, i) - exact(b, i));
    }

    /** Whether curve c has bounds and no exact cost at grid point i yet. */
    private boolean needsBounds(int c, int i) {
      return curves.get(c).bounds() != null && !known[c][i];
    }

    private double low(int c, int i) {
      if (!needsBounds(c, i)) {
        return exact(c, i);
      }
      bound(c, i);
      return lower[c][i];
    }

    private double high(int c, int i) {
      if (!needsBounds(c, i)) {
        return exact(c, i);
      }
      bound(c, i);
      return upper[c][i];
    }

    private void bound(int c, int i) {
      if (!bounded[c][i]) {
        Bounds bounds = curves.get(c).bounds();
        double k = Math.exp(logK[i]);
        upper[c][i] = bounds.upperUsd().applyAsDouble(k);
        // Without a finite upper bound the lower one is of no use (see sign).
        lower[c][i] = Double.isFinite(upper[c][i]) ? bounds.lowerUsd().applyAsDouble(k) : Double.NEGATIVE_INFINITY;
        bounded[c][i] = true;
      }
    }

    private static int sign(double difference) {
      if (!Double.isFinite(difference)) {
        return NOT_FINITE;
      }
      return difference == 0 ? 0 : difference < 0 ? -1 : 1;
    }
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
