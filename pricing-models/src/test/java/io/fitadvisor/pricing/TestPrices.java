package io.fitadvisor.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;

/** Shared test fixtures: catalogs and money rounding. */
final class TestPrices {
  /** A catalog with the rates of AWS's older published examples (100 ms Lambda era, 2018 Fargate). */
  static final Path ERA_2018_CATALOG = Path.of("src/test/resources/catalogs/era-2018.json");

  private TestPrices() {}

  static RegionPrices usEast1() {
    return PriceCatalog.builtIn().region("us-east-1");
  }

  static PricingEngine engine() {
    return PricingEngine.of(usEast1());
  }

  static PricingEngine eraEngine() {
    return PricingEngine.of(PriceCatalog.read(ERA_2018_CATALOG).region("us-east-1"));
  }

  /** Rounds to cents half up, as AWS prints its examples (Math.round is wrong for .xx5). */
  static BigDecimal cents(double usd) {
    return new BigDecimal(Double.toString(usd)).setScale(2, RoundingMode.HALF_UP);
  }

  static BigDecimal usd(String amount) {
    return new BigDecimal(amount);
  }

  static double sumOfLines(PricedDeployment d) {
    double sum = 0;
    for (CostLine line : d.lines()) {
      sum += line.monthlyCostUsd();
    }
    return sum;
  }
}
