package io.fitadvisor.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Walks a catalog document (docs/CATALOG-FORMAT.md), checks every rule and builds the
 * {@link PriceCatalog}. Each rate must carry the unit the engine expects, so a rate given per hour
 * cannot silently be used per second.
 */
final class CatalogReader {
  static final int FORMAT_VERSION = 1;
  private static final Pattern REGION_CODE = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");
  private static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z0-9-]+\\.[a-z0-9-]+");
  private static final Set<String> CONFIDENCE = Set.of("V", "S", "M", "E");

  private static final Set<String> ROOT = Set.of("catalogFormat", "effectiveDate", "source", "regions");
  private static final Set<String> REGION = Set.of("lambda", "fargate", "ec2", "apiGateway", "alb");
  private static final Set<String> LAMBDA = Set.of(
      "requests", "duration", "provisionedConcurrency", "provisionedDuration", "ephemeralStorage",
      "managedInstancesRequests", "managedInstancesFee");
  private static final Set<String> ARCHS = Set.of("x86_64", "arm64");
  private static final Set<String> FARGATE = Set.of(
      "linux-x86_64", "linux-arm64", "windows-x86_64", "spot-linux-x86_64", "ephemeralStorage");
  private static final Set<String> FARGATE_RATES = Set.of("vcpu", "memory");
  private static final Set<String> FARGATE_WINDOWS_RATES = Set.of("vcpu", "memory", "osLicence");
  private static final Set<String> INSTANCE = Set.of(
      "architecture", "vcpu", "memoryGib", "gpus", "gpuModel", "onDemand", "spot");
  private static final Set<String> API_GATEWAY = Set.of("http", "rest");
  private static final Set<String> ALB = Set.of("hour", "lcuHour");
  private static final Set<String> RATE = Set.of("usd", "unit", "source", "confidence", "note");
  private static final Set<String> TIERED = Set.of("unit", "tiers", "source", "confidence", "note");
  private static final Set<String> TIER = Set.of("upTo", "usd");
  private static final Set<String> FRACTION = Set.of("fraction", "unit", "source", "confidence", "note");

  static final String UNIT_MILLION_REQUESTS = "1M requests";
  static final String UNIT_GB_SECONDS = "GB-s";
  static final String UNIT_VCPU_HOURS = "vCPU-hours";
  static final String UNIT_GB_HOURS = "GB-hours";
  static final String UNIT_INSTANCE_HOURS = "instance-hours";
  static final String UNIT_HOURS = "hours";
  static final String UNIT_LCU_HOURS = "LCU-hours";
  static final String UNIT_FEE_FRACTION = "fraction of EC2 on-demand price";

  private CatalogReader() {}

  /** A checked rate with the text shown as its source. */
  private record Rate(double usd, String unit, String source) {}

  static PriceCatalog read(String file, JsonNode document) {
    InputNode root = InputNode.root(file, document).object(ROOT);
    InputNode format = root.required("catalogFormat");
    if (format.number() != FORMAT_VERSION) {
      throw format.fail("must be " + FORMAT_VERSION);
    }
    InputNode dateNode = root.required("effectiveDate");
    LocalDate effectiveDate;
    try {
      effectiveDate = LocalDate.parse(dateNode.text());
    } catch (DateTimeParseException e) {
      throw dateNode.fail("must be a date like 2026-11-01");
    }
    String source = root.required("source").nonBlankText();
    InputNode regionsNode = root.required("regions").anyObject();
    Map<String, RegionPrices> regions = new LinkedHashMap<>();
    for (Map.Entry<String, InputNode> e : regionsNode.fields()) {
      if (!REGION_CODE.matcher(e.getKey()).matches()) {
        throw e.getValue().failWithoutValue("region code must look like us-east-1 (was '" + e.getKey() + "')");
      }
      regions.put(e.getKey(), region(e.getKey(), e.getValue()));
    }
    if (regions.isEmpty()) {
      throw regionsNode.failWithoutValue("must list at least one region");
    }
    return new PriceCatalog(effectiveDate, source, regions);
  }

  private static RegionPrices region(String code, InputNode node) {
    node.object(REGION);
    List<PriceEntry> entries = new ArrayList<>();

    InputNode lambda = node.required("lambda").object(LAMBDA);
    LambdaRates x86 = lambdaRates(lambda, "x86_64", entries);
    LambdaRates arm = lambdaRates(lambda, "arm64", entries);
    Rate storage = rate(lambda.required("ephemeralStorage"), UNIT_GB_SECONDS);
    add(entries, "lambda", "Ephemeral storage above 512 MB", storage);
    Rate lmiRequests = rate(lambda.required("managedInstancesRequests"), UNIT_MILLION_REQUESTS);
    add(entries, "lambda", "Managed Instances requests", lmiRequests);
    InputNode feeNode = lambda.required("managedInstancesFee").object(FRACTION);
    unit(feeNode, UNIT_FEE_FRACTION);
    double fee = feeNode.required("fraction").fraction();
    entries.add(new PriceEntry("lambda", "Managed Instances management fee", UNIT_FEE_FRACTION, fee, source(feeNode)));
    LambdaManagedInstancesRates lmi = new LambdaManagedInstancesRates(lmiRequests.usd(), fee);

    InputNode fargate = node.required("fargate").object(FARGATE);
    FargateRates linuxX86 = fargateRates(fargate, "linux-x86_64", "Linux/x86_64", false, entries);
    FargateRates linuxArm = fargateRates(fargate, "linux-arm64", "Linux/arm64", false, entries);
    FargateRates windows = fargateRates(fargate, "windows-x86_64", "Windows/x86_64", true, entries);
    FargateRates spot = fargateRates(fargate, "spot-linux-x86_64", "Spot Linux/x86_64", false, entries);
    Rate fargateStorage = rate(fargate.required("ephemeralStorage"), UNIT_GB_HOURS);
    add(entries, "fargate", "Ephemeral storage above 20 GB", fargateStorage);

    InputNode ec2 = node.required("ec2").anyObject();
    TreeMap<String, Ec2InstanceType> instances = new TreeMap<>();
    for (Map.Entry<String, InputNode> e : ec2.fields()) {
      instances.put(e.getKey(), instance(e.getKey(), e.getValue(), entries));
    }

    InputNode api = node.required("apiGateway").object(API_GATEWAY);
    TieredPrice http = tiered(api.required("http"), UNIT_MILLION_REQUESTS, "apiGateway", "HTTP API requests", entries);
    TieredPrice rest = tiered(api.required("rest"), UNIT_MILLION_REQUESTS, "apiGateway", "REST API requests", entries);

    InputNode albNode = node.required("alb").object(ALB);
    Rate hour = rate(albNode.required("hour"), UNIT_HOURS);
    Rate lcuHour = rate(albNode.required("lcuHour"), UNIT_LCU_HOURS);
    add(entries, "alb", "Load balancer hour", hour);
    add(entries, "alb", "LCU-hour", lcuHour);

    return new RegionPrices(
        code, x86, arm, storage.usd(), lmi, linuxX86, linuxArm, windows, spot, fargateStorage.usd(), instances,
        http, rest, new AlbRates(hour.usd(), lcuHour.usd()), entries);
  }

  private static LambdaRates lambdaRates(InputNode lambda, String arch, List<PriceEntry> entries) {
    Rate requests = rate(lambda.required("requests").object(ARCHS).required(arch), UNIT_MILLION_REQUESTS);
    add(entries, "lambda", "Requests (" + arch + ")", requests);
    TieredPrice duration = tiered(
        lambda.required("duration").object(ARCHS).required(arch), UNIT_GB_SECONDS, "lambda", "Duration (" + arch + ")",
        entries);
    Rate pc = rate(lambda.required("provisionedConcurrency").object(ARCHS).required(arch), UNIT_GB_SECONDS);
    add(entries, "lambda", "Provisioned concurrency (" + arch + ")", pc);
    Rate pcDuration = rate(lambda.required("provisionedDuration").object(ARCHS).required(arch), UNIT_GB_SECONDS);
    add(entries, "lambda", "Duration with provisioned concurrency (" + arch + ")", pcDuration);
    return new LambdaRates(requests.usd(), duration, pc.usd(), pcDuration.usd());
  }

  private static FargateRates fargateRates(
      InputNode fargate, String key, String label, boolean windows, List<PriceEntry> entries) {
    InputNode node = fargate.required(key).object(windows ? FARGATE_WINDOWS_RATES : FARGATE_RATES);
    Rate vcpu = rate(node.required("vcpu"), UNIT_VCPU_HOURS);
    Rate memory = rate(node.required("memory"), UNIT_GB_HOURS);
    add(entries, "fargate", label + " vCPU", vcpu);
    add(entries, "fargate", label + " memory", memory);
    double licence = 0;
    if (windows) {
      Rate licenceRate = rate(node.required("osLicence"), UNIT_VCPU_HOURS);
      add(entries, "fargate", label + " OS licence", licenceRate);
      licence = licenceRate.usd();
    }
    return new FargateRates(vcpu.usd(), memory.usd(), licence);
  }

  private static Ec2InstanceType instance(String name, InputNode node, List<PriceEntry> entries) {
    if (!INSTANCE_TYPE.matcher(name).matches()) {
      throw node.failWithoutValue("instance type must look like m6g.large (was '" + name + "')");
    }
    node.object(INSTANCE);
    InputNode archNode = node.required("architecture");
    Architecture architecture = architecture(archNode);
    double vcpu = node.required("vcpu").positive();
    double memoryGib = node.required("memoryGib").positive();
    int gpus = node.optional("gpus").map(n -> n.wholeNumber(0, 64)).orElse(0);
    String gpuModel = node.optional("gpuModel").map(InputNode::text).orElse("");
    if (gpus > 0 && gpuModel.isBlank()) {
      throw PriceFileException.at(node.file(), node.path() + ".gpuModel", "is required when gpus is more than 0", null);
    }
    Rate onDemand = rate(node.required("onDemand"), UNIT_INSTANCE_HOURS);
    Rate spot = rate(node.required("spot"), UNIT_INSTANCE_HOURS);
    add(entries, "ec2", name + " on demand", onDemand);
    add(entries, "ec2", name + " Spot estimate", spot);
    return new Ec2InstanceType(name, architecture, vcpu, memoryGib, gpus, gpuModel, onDemand.usd(), spot.usd());
  }

  static Architecture architecture(InputNode node) {
    String id = node.text();
    try {
      return Architecture.fromId(id);
    } catch (IllegalArgumentException e) {
      throw node.fail("must be one of " + Architecture.ids());
    }
  }

  private static Rate rate(InputNode node, String expectedUnit) {
    node.object(RATE);
    unit(node, expectedUnit);
    double usd = node.required("usd").nonNegative();
    return new Rate(usd, expectedUnit, source(node));
  }

  private static TieredPrice tiered(
      InputNode node, String expectedUnit, String service, String item, List<PriceEntry> entries) {
    node.object(TIERED);
    unit(node, expectedUnit);
    String source = source(node);
    List<InputNode> tierNodes = node.required("tiers").elements();
    if (tierNodes.isEmpty()) {
      throw node.required("tiers").failWithoutValue("must list at least one tier");
    }
    List<PriceTier> tiers = new ArrayList<>();
    double previous = 0;
    for (int i = 0; i < tierNodes.size(); i++) {
      InputNode tier = tierNodes.get(i).object(TIER);
      boolean last = i == tierNodes.size() - 1;
      double upTo;
      if (last) {
        if (tier.has("upTo")) {
          throw tier.required("upTo").fail("must be left out on the last tier, which has no upper bound");
        }
        upTo = Double.POSITIVE_INFINITY;
      } else {
        InputNode upToNode = tier.required("upTo");
        upTo = upToNode.positive();
        if (upTo <= previous) {
          throw upToNode.fail("must be greater than the previous tier's upTo (" + InputNode.format(previous) + ")");
        }
      }
      double usd = tier.required("usd").nonNegative();
      tiers.add(new PriceTier(upTo, usd));
      String range = last
          ? (i == 0 ? "" : ", over " + InputNode.format(previous))
          : ", up to " + InputNode.format(upTo);
      entries.add(new PriceEntry(service, item + " tier " + (i + 1) + range, expectedUnit, usd, source));
      previous = upTo;
    }
    return TieredPrice.of(tiers);
  }

  private static void unit(InputNode node, String expectedUnit) {
    InputNode unit = node.required("unit");
    if (!expectedUnit.equals(unit.text())) {
      throw unit.fail("must be '" + expectedUnit + "'");
    }
  }

  /** The display source: the URL (or text), the confidence tag in brackets and the note. */
  private static String source(InputNode node) {
    StringBuilder text = new StringBuilder(node.required("source").nonBlankText());
    node.optional("confidence").ifPresent(c -> {
      String tag = c.text();
      if (!CONFIDENCE.contains(tag)) {
        throw c.fail("must be one of E, M, S, V");
      }
      text.append(" [").append(tag).append(']');
    });
    node.optional("note").ifPresent(n -> text.append(' ').append(n.text()));
    return text.toString();
  }

  private static void add(List<PriceEntry> entries, String service, String item, Rate rate) {
    entries.add(new PriceEntry(service, item, rate.unit(), rate.usd(), rate.source()));
  }
}
