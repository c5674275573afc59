package io.fitadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void binaryNoiseIsRemovedWithoutRoundingToCents() {
    // 0.40 + 18.34 in binary is 18.740000000000002; 15 significant digits give back 18.74.
    assertThat(Json.number(0.40 + 18.34).toPlainString()).isEqualTo("18.74");
    assertThat(Json.number(0.1 + 0.2).toPlainString()).isEqualTo("0.3");
    // Sub-cent precision is kept: 1,100,000 GB-s x $0.0000166667 = $18.33337.
    assertThat(Json.number(1_100_000 * 0.0000166667).toPlainString()).isEqualTo("18.33337");
  }

  @Test
  void numbersArePlainWithoutExponentOrTrailingZeros() {
    assertThat(Json.number(6e9).toPlainString()).isEqualTo("6000000000");
    assertThat(Json.number(65_700_000).toPlainString()).isEqualTo("65700000");
    assertThat(Json.number(25.0).toPlainString()).isEqualTo("25");
    assertThat(Json.number(0.0000166667).toPlainString()).isEqualTo("0.0000166667");
    assertThat(Json.number(-0.0).toPlainString()).isEqualTo("0");
  }

  @Test
  void nonFiniteNumbersAreRefused() {
    assertThatThrownBy(() -> Json.number(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fieldsKeepTheirOrder() {
    var node = Json.object();
    node.put("b", 1);
    node.put("a", 2);
    assertThat(Json.write(node)).isEqualTo("{" + Text.NL + "  \"b\": 1," + Text.NL + "  \"a\": 2"
        + Text.NL + "}" + Text.NL);
  }
}
