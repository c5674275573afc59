package io.fitadvisor.advisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WindowsTest {
  @Test
  void maxLooksBackAcrossTheStartOfTheMonth() {
    float[] x = {5, 1, 2, 0, 3};
    // Window [t-2, t-1]: minute 0 sees minutes 3 and 4 (the month repeats), minute 1 sees 4 and 0.
    assertThat(Windows.max(x, -2, -1)).containsExactly(3, 5, 5, 2, 2);
  }

  @Test
  void maxCanLookAhead() {
    float[] x = {5, 1, 2, 0, 3};
    // Window [t, t+1].
    assertThat(Windows.max(x, 0, 1)).containsExactly(5, 2, 2, 3, 5);
  }

  @Test
  void aWindowAsLongAsTheSeriesIsItsMaximum() {
    assertThat(Windows.max(new float[] {1, 4, 2}, -5, 0)).containsExactly(4, 4, 4);
  }

  @Test
  void sumLooksBackAcrossTheStartOfTheMonth() {
    float[] x = {5, 1, 2, 0, 3};
    // Window [t-2, t-1]: minute 0 holds 0 + 3, minute 1 holds 3 + 5, ...
    double[] sums = Windows.sum(x, -2, -1);
    double[] expected = {3, 8, 6, 3, 2};
    for (int t = 0; t < x.length; t++) {
      assertThat(sums[t]).isCloseTo(expected[t], within(1e-12));
    }
  }

  @Test
  void maxOfShiftsTakesTheLargerOfTwoRotations() {
    int[] x = {5, 1, 2, 0, 3};
    int[] out = new int[5];
    // out[t] = max(x[t - 2], x[t + 1]), indices modulo 5: minute 0 reads minutes 3 and 1.
    Windows.maxOfShifts(x, -2, 1, out, new int[5]);
    assertThat(out).containsExactly(1, 3, 5, 3, 5);
    // A shift of a whole number of lengths reads the series itself.
    Windows.maxOfShifts(x, 10, 0, out, new int[5]);
    assertThat(out).containsExactly(5, 1, 2, 0, 3);
  }

  @Test
  void rotateWrapsAround() {
    int[] out = new int[4];
    Windows.rotate(new int[] {1, 2, 3, 4}, -1, out);
    assertThat(out).containsExactly(4, 1, 2, 3);
  }

  @Test
  void anEmptyWindowIsAMistake() {
    assertThatThrownBy(() -> Windows.max(new float[3], 1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
