package io.fitadvisor.advisor;

import java.util.Arrays;

/** Sorting of non-negative floats by their bit patterns, which order like the values. */
final class FloatSort {
  /** Below this many values the library sort is quicker than three counting passes. */
  private static final int SMALL = 512;
  private static final int BITS = 11;
  private static final int BUCKETS = 1 << BITS;

  private FloatSort() {}

  /**
   * {@code values} sorted ascending, in place (returned for convenience). For non-negative values (not NaN)
   * the bit patterns as ints order exactly like the values, so a least-significant-digit radix sort over three 11-bit
   * digits sorts them in linear time; anything else goes to {@link Arrays#sort(float[])}.
   */
  static float[] ascending(float[] values) {
    int n = values.length;
    if (n < SMALL) {
      Arrays.sort(values);
      return values;
    }
    int[] keys = new int[n];
    int signs = 0;
    for (int i = 0; i < n; i++) {
      keys[i] = Float.floatToRawIntBits(values[i]);
      signs |= keys[i];
    }
    if (signs < 0) {
      Arrays.sort(values); // a negative value (or -0.0): bit patterns do not order
      return values;
    }
    int[] scratch = new int[n];
    int[] counts = new int[BUCKETS];
    for (int shift = 0; shift < 32; shift += BITS) {
      Arrays.fill(counts, 0);
      for (int key : keys) {
        counts[(key >>> shift) & (BUCKETS - 1)]++;
      }
      int start = 0;
      for (int b = 0; b < BUCKETS; b++) {
        int count = counts[b];
        counts[b] = start;
        start += count;
      }
      for (int key : keys) {
        scratch[counts[(key >>> shift) & (BUCKETS - 1)]++] = key;
      }
      int[] swap = keys;
      keys = scratch;
      scratch = swap;
    }
    for (int i = 0; i < n; i++) {
      values[i] = Float.intBitsToFloat(keys[i]);
    }
    return values;
  }
}
