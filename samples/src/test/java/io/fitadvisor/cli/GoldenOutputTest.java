package io.fitadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fitadvisor.pricing.PriceCatalog;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Whole outputs compared with files written by hand. The numbers in the expected files come from
 * the built-in us-east-1 rates and the arithmetic below, not from the program.
 */
class GoldenOutputTest {

  /*
   * price-basic.yaml, us-east-1, no free tier:
   *   resize  requests  3,000,000 / 1M = 3 x $0.20 = $0.60
   *           duration  3,000,000 x 1000 ms / 1000 x 512/1024 GB = 1,500,000 GB-s
   *                     x $0.0000166667 = $25.00005          -> resize $25.60005
   *   web     vCPU      5 tasks x 730 h x 1 vCPU = 3,650 vCPU-h x $0.04048 = $147.752
   *           memory    5 x 730 x 2 GB = 7,300 GB-h x $0.004445 = $32.4485 -> web $180.2005
   *   total   25.60005 + 180.2005 = $205.80055
   */
  @Test
  void priceJson() throws Exception {
    CliRun run = CliRun.of("price", resource("price-basic.yaml").toString(), "--format", "json");
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    String expected = read("price-basic.json")
        .replace("@SOURCE@", PriceCatalog.builtIn().source());
    assertThat(run.out()).isEqualTo(expected);
  }

  @Test
  void priceTableRoundsToCents() throws Exception {
    CliRun run = CliRun.of("price", resource("price-basic.yaml").toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("resize (lambda): $25.60", "web (fargate): $180.20",
        "Total: $205.80 a month", "$0.0000166667", "1,500,000");
  }

  /*
   * profile-steady.yaml: 25 req/s steady, mean 120 ms.
   *   monthlyRequests = 25 x 2,628,000 s = 65,700,000; average = peak = 25 req/s;
   *   peakConcurrency = 25 req/s x 0.120 s = 3 (Little's law), as in cli.md's example.
   */
  @Test
  void profileJson() throws Exception {
    CliRun run = CliRun.of("profile", resource("profile-steady.yaml").toString(), "--format", "json");
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo(read("profile-steady.json"));
  }

  @Test
  void profileTable() throws Exception {
    CliRun run = CliRun.of("profile", resource("profile-steady.yaml").toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("checkout-api", "65,700,000", "25", "3");
  }

  @Test
  void theSameInputGivesByteIdenticalOutput() throws Exception {
    String file = resource("profile-steady.yaml").toString();
    for (String format : new String[] {"json", "table", "markdown", "html"}) {
      CliRun first = CliRun.of("advise", file, "--format", format);
      CliRun second = CliRun.of("advise", file, "--format", format);
      assertThat(first.exitCode()).as(first.err()).isZero();
      assertThat(second.out()).isEqualTo(first.out());
    }
  }

  @Test
  void theWorkloadFilesCatalogIsUsed() throws Exception {
    // with-catalog.yaml names negotiated-catalog.json (the example of docs/CATALOG-FORMAT.md,
    // effective 2027-01-01) beside it: advise must price with it, not with the built-in catalog.
    CliRun run = CliRun.of("advise", resource("with-catalog.yaml").toString(), "--format", "json");
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains("\"effectiveDate\": \"2027-01-01\"");
  }

  static Path resource(String name) throws URISyntaxException {
    return Path.of(GoldenOutputTest.class.getResource("/golden/" + name).toURI());
  }

  static String read(String name) throws IOException, URISyntaxException {
    return Files.readString(resource(name)).replace("\n", System.lineSeparator());
  }
}
