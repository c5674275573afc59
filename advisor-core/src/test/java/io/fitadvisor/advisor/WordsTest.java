package io.fitadvisor.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordsTest {
  @Test
  void moneyRoundsHalfUpToCents() {
    assertThat(Words.usd(1234.565)).isEqualTo("$1,234.57");
    assertThat(Words.usd(0.125)).isEqualTo("$0.13");
    assertThat(Words.usd(18.74)).isEqualTo("$18.74");
    assertThat(Words.usd(-2.5)).isEqualTo("-$2.50");
  }

  @Test
  void durationsUseTheLargestFittingUnit() {
    assertThat(Words.duration(120)).isEqualTo("120 ms");
    assertThat(Words.duration(2_500)).isEqualTo("2.5 s");
    assertThat(Words.duration(2_400_000)).isEqualTo("40 min");
    assertThat(Words.duration(900_000)).isEqualTo("15 min");
    assertThat(Words.duration(5_400_000)).isEqualTo("1.5 h");
  }

  @Test
  void percentagesKeepADecimalNearTheEnds() {
    assertThat(Words.percent(0.46)).isEqualTo("46%");
    assertThat(Words.percent(0.003)).isEqualTo("0.3%");
    assertThat(Words.percent(0.996)).isEqualTo("99.6%");
  }

  @Test
  void countsHaveThousandsSeparators() {
    assertThat(Words.count(1_000)).isEqualTo("1,000");
    assertThat(Words.number(1234.5, 1)).isEqualTo("1,234.5");
    assertThat(Words.significant(0.0212)).isEqualTo("0.0212");
    assertThat(Words.significant(87.0775)).isEqualTo("87.1");
  }
}
