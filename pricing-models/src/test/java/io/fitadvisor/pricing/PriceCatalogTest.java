package io.fitadvisor.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The built-in catalog's content and the checks on user-supplied catalogs. */
class PriceCatalogTest {
  private static final List<String> INSTANCE_TYPES = List.of(
      "c5.large", "c6g.large", "c6g.xlarge", "c7g.large", "g4dn.xlarge", "g5.xlarge", "m5.large", "m5.xlarge",
      "m6g.large", "m6g.xlarge", "m6i.large", "m7g.large", "m7g.xlarge", "r6g.large", "r6g.xlarge", "t3.large",
      "t3.medium", "t4g.large", "t4g.medium");

  @TempDir Path dir;

  @Test
  void builtInCatalogHasItsDateSourceAndRegions() {
    PriceCatalog catalog = PriceCatalog.builtIn();

    assertThat(catalog.effectiveDate()).isEqualTo(LocalDate.of(2026, 11, 1));
    assertThat(catalog.source()).isNotBlank();
    assertThat(catalog.regionCodes()).containsExactly(
        "ap-northeast-1", "ap-southeast-1", "eu-central-1", "eu-west-1", "us-east-1", "us-west-2");
    assertThat(PriceCatalog.builtIn()).isSameAs(catalog);
  }

  @Test
  void unknownRegionNamesTheKnownOnes() {
    assertThat(PriceCatalog.builtIn().findRegion("xx-1")).isEmpty();
    assertThatThrownBy(() -> PriceCatalog.builtIn().region("xx-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown region 'xx-1' (known: ap-northeast-1, ap-southeast-1, eu-central-1, eu-west-1, "
            + "us-east-1, us-west-2)");
  }

  @Test
  void usEast1HasTheRatesOfTheFacts() {
    RegionPrices prices = TestPrices.usEast1();

    LambdaRates x86 = prices.lambda(Architecture.X86_64);
    assertThat(x86.requestsPerMillionUsd()).isEqualTo(0.20);
    assertThat(x86.durationPerGbSecond().tiers()).containsExactly(
        new PriceTier(6e9, 0.0000166667), new PriceTier(15e9, 0.000015),
        new PriceTier(Double.POSITIVE_INFINITY, 0.0000133334));
    assertThat(prices.lambda(Architecture.ARM64).durationPerGbSecond().tiers()).containsExactly(
        new PriceTier(7.5e9, 0.0000133334), new PriceTier(18.75e9, 0.0000120001),
        new PriceTier(Double.POSITIVE_INFINITY, 0.0000106667));
    assertThat(x86.provisionedConcurrencyPerGbSecondUsd()).isEqualTo(0.0000041667);
    assertThat(x86.provisionedDurationPerGbSecondUsd()).isEqualTo(0.0000097222);
    assertThat(prices.lambdaEphemeralStoragePerGbSecondUsd()).isEqualTo(0.0000000309);
    assertThat(prices.lambdaManagedInstances()).isEqualTo(new LambdaManagedInstancesRates(0.20, 0.15));
    assertThat(prices.fargate(OperatingSystem.LINUX, Architecture.X86_64)).isEqualTo(new FargateRates(0.04048, 0.004445, 0));
    assertThat(prices.fargate(OperatingSystem.LINUX, Architecture.ARM64)).isEqualTo(new FargateRates(0.03238, 0.00356, 0));
    assertThat(prices.fargate(OperatingSystem.WINDOWS, Architecture.X86_64))
        .isEqualTo(new FargateRates(0.09148, 0.01005, 0.046));
    assertThat(prices.fargateSpot(OperatingSystem.LINUX, Architecture.X86_64))
        .contains(new FargateRates(0.0124419, 0.00136621, 0));
    assertThat(prices.fargateSpot(OperatingSystem.LINUX, Architecture.ARM64)).isEmpty();
    assertThat(prices.fargateEphemeralStoragePerGbHourUsd()).isEqualTo(0.000111);
    assertThat(prices.apiGateway(ApiType.HTTP).tiers()).containsExactly(
        new PriceTier(300, 1.00), new PriceTier(Double.POSITIVE_INFINITY, 0.90));
    assertThat(prices.apiGateway(ApiType.REST).tiers()).containsExactly(new PriceTier(333, 3.50),
        new PriceTier(1000, 2.80), new PriceTier(20000, 2.38), new PriceTier(Double.POSITIVE_INFINITY, 1.51));
    assertThat(prices.alb()).isEqualTo(new AlbRates(0.0225, 0.008));
    assertThat(prices.ec2Instance("g4dn.xlarge")).get().satisfies(g -> {
      assertThat(g.gpus()).isEqualTo(1);
      assertThat(g.gpuModel()).isEqualTo("NVIDIA T4");
      assertThat(g.onDemandHourlyUsd()).isEqualTo(0.526);
    });
    assertThat(prices.ec2Instance("m6g.large")).get()
        .isEqualTo(new Ec2InstanceType("m6g.large", Architecture.ARM64, 2, 8, 0, "", 0.077, 0.02695)); // Spot: 0.35 x 0.077
  }

  @Test
  void windowsOnArmHasNoFargateRates() {
    assertThatThrownBy(() -> TestPrices.usEast1().fargate(OperatingSystem.WINDOWS, Architecture.ARM64))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyRegionListsEveryInstanceTypeAndEveryRateHasUnitAndSource() {
    for (String code : PriceCatalog.builtIn().regionCodes()) {
      RegionPrices prices = PriceCatalog.builtIn().region(code);
      assertThat(prices.ec2Instances().keySet()).as(code).containsExactlyElementsOf(INSTANCE_TYPES);
      for (Ec2InstanceType type : prices.ec2Instances().values()) {
        assertThat(type.spotHourlyUsd()).as(type.name()).isLessThan(type.onDemandHourlyUsd());
      }
      assertThat(prices.entries()).as(code).allSatisfy(entry -> {
        assertThat(entry.unit()).isNotBlank();
        assertThat(entry.source()).startsWith("https://").matches(".*\\[[VSME]\\].*");
        assertThat(entry.usd()).isNotNegative();
      });
      // Arm is cheaper than x86 for Fargate and Lambda everywhere.
      assertThat(prices.fargate(OperatingSystem.LINUX, Architecture.ARM64).vcpuHourUsd())
          .isLessThan(prices.fargate(OperatingSystem.LINUX, Architecture.X86_64).vcpuHourUsd());
    }
  }

  // --- user catalogs -----------------------------------------------------------------------

  private Path catalogWith(String from, String to) throws IOException {
    String text = Files.readString(TestPrices.ERA_2018_CATALOG, StandardCharsets.UTF_8);
    assertThat(text).contains(from);
    Path file = dir.resolve("catalog.json");
    Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from),
        java.util.regex.Matcher.quoteReplacement(to)), StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void readsAUserCatalog() {
    PriceCatalog catalog = PriceCatalog.read(TestPrices.ERA_2018_CATALOG);

    assertThat(catalog.regionCodes()).containsExactly("us-east-1");
    assertThat(catalog.region("us-east-1").lambda(Architecture.X86_64).durationPerGbSecond().tiers())
        .containsExactly(new PriceTier(Double.POSITIVE_INFINITY, 0.00001667));
    assertThat(catalog.region("us-east-1").ec2Instances()).containsOnlyKeys("m5.large", "m6g.large");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      "catalogFormat": 1       | "catalogFormat": 2       | catalogFormat: must be 1 (was 2)
      "2018-12-01"             | "Dec 2018"               | effectiveDate: must be a date like 2026-11-01 (was 'Dec 2018')
      "us-east-1": {           | "US East": {             | regions.US East: region code must look like us-east-1 (was 'US East')
      "unit": "GB-s"           | "unit": "GB-hours"       | regions.us-east-1.lambda.duration.x86_64.unit: must be 'GB-s' (was 'GB-hours')
      "usd": 0.2,              | "usd": -0.2,             | regions.us-east-1.lambda.requests.x86_64.usd: must be greater than or equal to 0 (was -0.2)
      "usd": 0.2,              | "usd": "0.2",            | regions.us-east-1.lambda.requests.x86_64.usd: must be a number (was '0.2')
      "usd": 0.2,              | "usd": 0.2, "cost": 1,   | regions.us-east-1.lambda.requests.x86_64.cost: unknown field 'cost' (known: confidence, note, source, unit, usd)
      "confidence": "V"        | "confidence": "high"     | regions.us-east-1.lambda.requests.x86_64.confidence: must be one of E, M, S, V (was 'high')
      "fraction": 0.15         | "fraction": 1.5          | regions.us-east-1.lambda.managedInstancesFee.fraction: must be at least 0 and less than 1 (was 1.5)
      "tiers": [               | "tiers": [{"usd": 1, "from": 0}, | regions.us-east-1.lambda.duration.x86_64.tiers[0].from: unknown field 'from' (known: upTo, usd)
      "tiers": [               | "tiers": [{"usd": 1}, | regions.us-east-1.lambda.duration.x86_64.tiers[0].upTo: is required
      "architecture": "x86_64" | "architecture": "amd64"  | regions.us-east-1.ec2.m5.large.architecture: must be one of x86_64, arm64 (was 'amd64')
      "linux-arm64": {         | "linux-aarch64": {       | regions.us-east-1.fargate.linux-aarch64: unknown field 'linux-aarch64' (known: ephemeralStorage, linux-arm64, linux-x86_64, spot-linux-x86_64, windows-x86_64)
      "http": {                | "websocket": {           | regions.us-east-1.apiGateway.websocket: unknown field 'websocket' (known: http, rest)
      """)
  void rejectsInvalidUserCatalogs(String from, String to, String expected) throws IOException {
    Path file = catalogWith(from, to);

    assertThatThrownBy(() -> PriceCatalog.read(file))
        .isInstanceOf(PriceFileException.class)
        .hasMessage(file + ": " + expected);
  }

  @Test
  void lastTierMustBeUnboundedAndBoundsMustIncrease() throws IOException {
    Path unbounded = catalogWith("\"usd\": 0.00001667", "\"upTo\": 5, \"usd\": 0.00001667");
    assertThatThrownBy(() -> PriceCatalog.read(unbounded)).hasMessage(unbounded
        + ": regions.us-east-1.lambda.duration.x86_64.tiers[0].upTo: must be left out on the last tier, "
        + "which has no upper bound (was 5)");

    Path decreasing = catalogWith("\"upTo\": 333,", "\"upTo\": 1333,");
    assertThatThrownBy(() -> PriceCatalog.read(decreasing)).hasMessage(decreasing
        + ": regions.us-east-1.apiGateway.rest.tiers[1].upTo: must be greater than the previous tier's upTo (1333) (was 1000)");
  }

  @Test
  void missingSectionIsRequired() throws IOException {
    Path file = catalogWith("\"alb\": {", "\"albx\": {");

    assertThatThrownBy(() -> PriceCatalog.read(file))
        .hasMessage(file + ": regions.us-east-1.albx: unknown field 'albx' (known: alb, apiGateway, ec2, fargate, lambda)");
  }

  @Test
  void theExampleInCatalogFormatDocIsAValidCatalog() throws IOException {
    String doc = Files.readString(Path.of("../docs/CATALOG-FORMAT.md"), StandardCharsets.UTF_8);
    int start = doc.indexOf("```json\n") + "```json\n".length();
    Path file = dir.resolve("negotiated.json");
    Files.writeString(file, doc.substring(start, doc.indexOf("```", start)), StandardCharsets.UTF_8);

    PriceCatalog catalog = PriceCatalog.read(file);

    assertThat(catalog.effectiveDate()).isEqualTo(LocalDate.of(2027, 1, 1));
    // 1M requests x $0.18 + 1,000,000 GB-s x $0.000015 at the negotiated rates.
    double cost = PricingEngine.of(catalog.region("us-east-1"))
        .price(LambdaDeployment.of("f", 1024, 1_000_000, 1000), AccountTerms.NONE).monthlyCostUsd();
    assertThat(cost).isCloseTo(0.18 + 1_000_000 * 0.000015, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void missingCatalogFile() {
    Path missing = dir.resolve("none.json");

    assertThatThrownBy(() -> PriceCatalog.read(missing)).hasMessage(missing + ": file not found");
  }
}
