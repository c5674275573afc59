package io.fitadvisor.advisor;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;

/**
 * Sliding-window maxima and sums over a per-minute month series. The month is treated as
 * periodic (minute -1 is the month's last minute), because a billing month follows another much
 * like it; this also keeps a steady load free of start-up effects.
 */
final class Windows {
  private Windows() {}

  /**
   * {@code out[t] = max(x[t + from .. t + to])}, indices taken modulo the series length.
   * Linear time (a monotonic deque), so it can run once per service and target family.
   */
  static float[] max(float[] x, int from, int to) {
    checkArgument(from <= to, "window must not be empty (from %s, to %s)", from, to);
    int n = x.length;
    float[] out = new float[n];
    if (n == 0) {
      return out;
    }
    int width = to - from + 1;
    if (width >= n) {
      float max = Float.NEGATIVE_INFINITY;
      for (float v : x) {
        max = Math.max(max, v);
      }
      Arrays.fill(out, max);
      return out;
    }
    // The series seen from position `from` on, long enough to cover every window: no modulo below.
    float[] extended = cyclicCopy(x, from, n + width - 1);
    // Indices into `extended` of a decreasing run of values; the head is the window's maximum.
    int[] deque = new int[extended.length];
    int head = 0;
    int tail = 0;
    for (int i = 0; i < extended.length; i++) {
      float v = extended[i];
      while (tail > head && extended[deque[tail - 1]] <= v) {
        tail--;
      }
      deque[tail++] = i;
      int t = i - width + 1; // the window [t, i] of `extended` is minute t's
      if (t >= 0) {
        while (deque[head] < t) {
          head++;
        }
        out[t] = extended[deque[head]];
      }
    }
    return out;
  }

  /** {@code length} values of {@code x} starting at index {@code start} (any integer), wrapping around. */
  private static float[] cyclicCopy(float[] x, int start, int length) {
    int n = x.length;
    float[] copy = new float[length];
    int from = Math.floorMod(start, n);
    int done = 0;
    while (done < length) {
      int chunk = Math.min(n - from, length - done);
      System.arraycopy(x, from, copy, done, chunk);
      done += chunk;
      from = 0;
    }
    return copy;
  }

  /** {@code out[t] = sum(x[t + from .. t + to])}, indices modulo the length, in doubles. */
  static double[] sum(float[] x, int from, int to) {
    checkArgument(from <= to, "window must not be empty (from %s, to %s)", from, to);
    int n = x.length;
    double[] out = new double[n];
    if (n == 0) {
      return out;
    }
    double running = 0;
    for (int p = from; p <= to; p++) {
      running += x[Math.floorMod(p, n)];
    }
    for (int t = 0; t < n; t++) {
      out[t] = running;
      running += x[Math.floorMod(t + to + 1, n)] - x[Math.floorMod(t + from, n)];
    }
    return out;
  }
}
