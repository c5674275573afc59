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
   * Linear time (block prefix and suffix maxima), so it can run once per service and target family.
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
    // Van Herk / Gil-Werman: cut `extended` into blocks of `width`; a window [t, t + width - 1]
    // spans the end of one block and the start of the next, so its maximum is the larger of the
    // first block's suffix maximum at t and the next block's prefix maximum at t + width - 1.
    // Three branch-free passes instead of a deque; a maximum is exact, so the result is the same.
    int length = extended.length;
    float[] prefix = new float[length];
    float[] suffix = new float[length];
    for (int start = 0; start < length; start += width) {
      int end = Math.min(start + width, length);
      float running = Float.NEGATIVE_INFINITY;
      for (int i = start; i < end; i++) {
        running = Math.max(running, extended[i]);
        prefix[i] = running;
      }
      running = Float.NEGATIVE_INFINITY;
      for (int i = end - 1; i >= start; i--) {
        running = Math.max(running, extended[i]);
        suffix[i] = running;
      }
    }
    for (int t = 0; t < n; t++) {
      out[t] = Math.max(suffix[t], prefix[t + width - 1]);
    }
    return out;
  }

  /**
   * {@code out[t] = max(x[t + shift1], x[t + shift2])} for non-negative {@code x}, indices modulo
   * the length. Both shifted series are copied out whole ({@code scratch} holds the second) and
   * the maximum taken index by index: a loop over equal indices of two arrays, without branches,
   * is one the compiler turns into vector instructions, which a loop over two offsets of one
   * array is not.
   */
  static void maxOfShifts(int[] x, int shift1, int shift2, int[] out, int[] scratch) {
    int n = x.length;
    if (n == 0) {
      return;
    }
    int[] first = x;
    if (Math.floorMod(shift1, n) != 0) {
      rotate(x, shift1, out);
      first = out;
    }
    rotate(x, shift2, scratch);
    for (int t = 0; t < n; t++) {
      out[t] = max(first[t], scratch[t]);
    }
  }

  /** {@code out[t] = x[t + shift]}, indices modulo the length. */
  static void rotate(int[] x, int shift, int[] out) {
    int n = x.length;
    int from = Math.floorMod(shift, n);
    System.arraycopy(x, from, out, 0, n - from);
    System.arraycopy(x, 0, out, n - from, from);
  }

  /** The larger of two non-negative ints, without a branch (so that loops of it vectorise). */
  static int max(int a, int b) {
    int difference = a - b; // no overflow: both are non-negative
    return a - (difference & (difference >> 31));
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
