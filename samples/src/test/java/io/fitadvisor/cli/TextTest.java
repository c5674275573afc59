package io.fitadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {
  @Test
  void moneyRoundsHalfUpToCents() {
    assertThat(Text.usd(18.33337)).isEqualTo("$18.33");
    assertThat(Text.usd(0.125)).isEqualTo("$0.13");
    assertThat(Text.usd(1234567.891)).isEqualTo("$1,234,567.89");
    assertThat(Text.usd(-3.105)).isEqualTo("-$3.11");
    assertThat(Text.usd(0)).isEqualTo("$0.00");
  }

  @Test
  void quantitiesAreGroupedWithAtMostSixDecimals() {
    assertThat(Text.quantity(1_500_000)).isEqualTo("1,500,000");
    assertThat(Text.quantity(0.0000001)).isEqualTo("0");
    assertThat(Text.quantity(2.5)).isEqualTo("2.5");
    assertThat(Text.quantity(-1234.5)).isEqualTo("-1,234.5");
  }

  @Test
  void unitPricesKeepTheirDecimals() {
    assertThat(Text.unitPrice(0.0000166667)).isEqualTo("$0.0000166667");
    assertThat(Text.unitPrice(0.2)).isEqualTo("$0.20");
  }

  @Test
  void tablesAlignColumns() {
    String table = new Text.Table(false, true).row("a", "1").row("long", "100").render("");
    assertThat(table).isEqualTo("a       1" + Text.NL + "long  100" + Text.NL);
  }
}
