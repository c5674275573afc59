package io.fitadvisor.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MinuteArraysTest {

  @Test
  void anArrayGivenBackIsHandedOutAgainForItsLength() {
    int[] first;
    int[] second;
    try (MinuteArrays arrays = MinuteArrays.borrow()) {
      first = arrays.ints(1_000);
      second = arrays.ints(1_000);
      assertThat(second).isNotSameAs(first); // lent: not handed out twice
    }
    try (MinuteArrays arrays = MinuteArrays.borrow()) {
      assertThat(arrays.ints(999)).isNotSameAs(first).isNotSameAs(second).hasSize(999);
      int[] again = arrays.ints(1_000);
      int[] andAgain = arrays.ints(1_000);
      assertThat(again == first && andAgain == second || again == second && andAgain == first).isTrue();
    }
  }

  @Test
  void anEvaluationInsideAnotherGetsArraysOfItsOwn() {
    try (MinuteArrays outer = MinuteArrays.borrow()) {
      try (MinuteArrays inner = MinuteArrays.borrow()) {
        assertThat(inner).isNotSameAs(outer);
      }
      // The outer set is still lent: a third evaluation is kept apart too.
      try (MinuteArrays third = MinuteArrays.borrow()) {
        assertThat(third).isNotSameAs(outer);
      }
    }
  }

  @Test
  void freshArraysAreNewAndZeroed() {
    MinuteArrays fresh = MinuteArrays.fresh();
    int[] ints = fresh.ints(10);
    fresh.close();
    assertThat(fresh.ints(10)).isNotSameAs(ints).containsOnly(0);
    assertThat(fresh.doubles(3)).containsOnly(0.0);
  }

  @Test
  void poisonedArraysHoldJunkEvenWhenReused() {
    MinuteArrays poisoned = MinuteArrays.poisoned();
    int[] ints = poisoned.ints(8);
    assertThat(ints).doesNotContain(0);
    ints[0] = 0;
    poisoned.close();
    int[] again = poisoned.ints(8);
    assertThat(again).isSameAs(ints).doesNotContain(0);
    assertThat(poisoned.floats(4)).containsOnly(Float.NaN);
    assertThat(poisoned.doubles(4)).containsOnly(Double.NaN);
  }

  @Test
  void beyondTheLimitTheArraysGivenBackLongestAgoGo() {
    MinuteArrays arrays = MinuteArrays.poisoned();
    int[] odd = arrays.ints(7);
    arrays.close();
    // A later evaluation gives back the limit's worth of other arrays: the odd one is dropped.
    int[][] many = new int[MinuteArrays.KEPT][];
    for (int i = 0; i < many.length; i++) {
      many[i] = arrays.ints(100);
    }
    arrays.close();
    assertThat(arrays.ints(7)).isNotSameAs(odd);
    for (int i = 0; i < many.length; i++) {
      int[] got = arrays.ints(100);
      assertThat(java.util.Arrays.stream(many).anyMatch(array -> array == got)).isTrue();
    }
  }
}
