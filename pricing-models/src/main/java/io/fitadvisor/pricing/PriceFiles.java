package io.fitadvisor.pricing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads price files (spec: price-file.md). */
public final class PriceFiles {
  static final int SCHEMA_VERSION = 1;
  private static final List<String> BUNDLED_EXAMPLES = List.of("serverless-api.yaml", "container-fleet.yaml");

  private static final Set<String> ROOT = Set.of("schemaVersion", "region", "pricing", "deployments");
  private static final Set<String> PRICING = Set.of("lambdaFreeTier", "savingsPlan", "catalog");
  private static final Set<String> SAVINGS_PLAN = Set.of("lambda", "fargate", "ec2");
  private static final List<String> KINDS = List.of(
      PricingEngine.KIND_LAMBDA, PricingEngine.KIND_FARGATE, PricingEngine.KIND_EC2,
      PricingEngine.KIND_API_GATEWAY, PricingEngine.KIND_ALB);
  private static final Set<String> DEPLOYMENT = Set.of(
      "name", PricingEngine.KIND_LAMBDA, PricingEngine.KIND_FARGATE, PricingEngine.KIND_EC2,
      PricingEngine.KIND_API_GATEWAY, PricingEngine.KIND_ALB);
  private static final Set<String> LAMBDA = Set.of(
      "architecture", "memoryMb", "monthlyRequests", "durationMs", "ephemeralStorageMb",
      "provisionedConcurrency", "provisionedHoursPerMonth");
  private static final Set<String> FARGATE = Set.of(
      "os", "architecture", "vcpu", "memoryGb", "tasks", "hoursPerMonth", "ephemeralStorageGb", "spot");
  private static final Set<String> EC2 = Set.of("instanceType", "count", "hoursPerMonth", "spot");
  private static final Set<String> API_GATEWAY = Set.of("type", "monthlyRequests");
  private static final Set<String> ALB = Set.of("hoursPerMonth", "lcu");

  private PriceFiles() {}

  /**
   * Reads and fully validates a price file (YAML or JSON by extension), including that the region
   * and every instance type exist in the catalog in use (the file's {@code pricing.catalog},
   * relative to the file, or the built-in).
   *
   * @param file the path as the user gave it; messages name it as given
   * @throws PriceFileException {@code FILE: FIELD.PATH: RULE (was VALUE)} for the first problem
   */
  public static PriceFile read(Path file) {
    checkNotNull(file, "file must not be null");
    String name = file.toString();
    return read(name, InputFiles.read(file, name), file.getParent());
  }

  /** The names of the example price files bundled in the jar, e.g. {@code serverless-api.yaml}. */
  public static List<String> bundledExamples() {
    return BUNDLED_EXAMPLES;
  }

  /**
   * Reads a bundled example price file by name ({@link #bundledExamples()}); messages name it
   * {@code examples/NAME}.
   *
   * @throws IllegalArgumentException if there is no such example
   */
  public static PriceFile readBundledExample(String exampleName) {
    checkArgument(BUNDLED_EXAMPLES.contains(exampleName), "unknown example '%s' (known: %s)", exampleName,
        String.join(", ", BUNDLED_EXAMPLES));
    String name = "examples/" + exampleName;
    try (InputStream in = PriceFiles.class.getResourceAsStream("/io/fitadvisor/pricing/" + name)) {
      if (in == null) {
        throw new IllegalStateException("bundled example missing from the classpath: " + name);
      }
      return read(name, InputFiles.parse(in, name, InputFiles.formatOf(name)), null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled example " + name, e);
    }
  }

  private static PriceFile read(String name, JsonNode document, Path baseDir) {
    InputNode root = InputNode.root(name, document).object(ROOT);

    InputNode version = root.required("schemaVersion");
    if (version.number() != SCHEMA_VERSION) {
      throw version.fail("must be " + SCHEMA_VERSION);
    }

    Optional<InputNode> pricing = root.optional("pricing").map(p -> p.object(PRICING));
    AccountTerms terms = pricing.map(PriceFiles::terms).orElse(AccountTerms.NONE);
    PriceCatalog catalog = pricing.flatMap(p -> p.optional("catalog"))
        .map(c -> catalog(baseDir, c))
        .orElseGet(PriceCatalog::builtIn);

    InputNode regionNode = root.required("region");
    String regionCode = regionNode.nonBlankText();
    RegionPrices region = catalog.findRegion(regionCode).orElseThrow(
        () -> regionNode.fail("unknown region (known: " + catalog.knownRegions() + ")"));

    InputNode deploymentsNode = root.required("deployments");
    List<InputNode> elements = deploymentsNode.elements();
    if (elements.isEmpty()) {
      throw deploymentsNode.failWithoutValue("must list at least one deployment");
    }
    List<Deployment> deployments = new ArrayList<>();
    Map<String, String> namesSeen = new HashMap<>();
    for (InputNode element : elements) {
      element.object(DEPLOYMENT);
      InputNode nameNode = element.required("name");
      String deploymentName = nameNode.nonBlankText();
      String earlier = namesSeen.putIfAbsent(deploymentName, element.path());
      if (earlier != null) {
        throw nameNode.fail("must be unique (also used by " + earlier + ")");
      }
      deployments.add(deployment(element, deploymentName, region));
    }
    return new PriceFile(name, catalog, region, terms, deployments);
  }

  private static AccountTerms terms(InputNode pricing) {
    boolean freeTier = pricing.optional("lambdaFreeTier").map(InputNode::bool).orElse(false);
    Optional<InputNode> plan = pricing.optional("savingsPlan").map(p -> p.object(SAVINGS_PLAN));
    double lambda = plan.flatMap(p -> p.optional("lambda")).map(InputNode::fraction).orElse(0.0);
    double fargate = plan.flatMap(p -> p.optional("fargate")).map(InputNode::fraction).orElse(0.0);
    double ec2 = plan.flatMap(p -> p.optional("ec2")).map(InputNode::fraction).orElse(0.0);
    return new AccountTerms(freeTier, lambda, fargate, ec2);
  }

  /** Reads the catalog named by {@code pricing.catalog}, relative to the price file's folder. */
  private static PriceCatalog catalog(Path baseDir, InputNode node) {
    String relative = node.nonBlankText();
    Path resolved = baseDir == null ? Path.of(relative) : baseDir.resolve(relative);
    if (!resolved.toFile().exists()) {
      throw node.fail("catalog file not found: " + resolved);
    }
    return PriceCatalog.read(resolved);
  }

  private static Deployment deployment(InputNode element, String name, RegionPrices region) {
    List<String> kinds = KINDS.stream().filter(element::has).collect(Collectors.toList());
    if (kinds.size() != 1) {
      throw element.failWithoutValue("must have exactly one of " + String.join(", ", KINDS)
          + " (was " + (kinds.isEmpty() ? "none" : String.join(", ", kinds)) + ")");
    }
    String kind = kinds.get(0);
    InputNode body = element.required(kind);
    switch (kind) {
      case PricingEngine.KIND_LAMBDA:
        return lambda(name, body.object(LAMBDA));
      case PricingEngine.KIND_FARGATE:
        return fargate(name, body.object(FARGATE));
      case PricingEngine.KIND_EC2:
        return ec2(name, body.object(EC2), region);
      case PricingEngine.KIND_API_GATEWAY:
        return apiGateway(name, body.object(API_GATEWAY));
      default:
        return alb(name, body.object(ALB));
    }
  }

  private static LambdaDeployment lambda(String name, InputNode node) {
    Architecture architecture = node.optional("architecture").map(CatalogReader::architecture)
        .orElse(Architecture.X86_64);
    int memoryMb = node.required("memoryMb")
        .wholeNumber(LambdaDeployment.MIN_MEMORY_MB, LambdaDeployment.MAX_MEMORY_MB);
    double monthlyRequests = node.required("monthlyRequests").nonNegative();
    InputNode durationNode = node.required("durationMs");
    double durationMs = durationNode.positive();
    if (durationMs > LambdaDeployment.MAX_DURATION_MS) {
      throw durationNode.fail("must be at most 900000 (Lambda's 15-minute timeout)");
    }
    int storageMb = node.optional("ephemeralStorageMb")
        .map(n -> n.wholeNumber(LambdaDeployment.INCLUDED_EPHEMERAL_STORAGE_MB, LambdaDeployment.MAX_EPHEMERAL_STORAGE_MB))
        .orElse(LambdaDeployment.INCLUDED_EPHEMERAL_STORAGE_MB);
    int provisioned = node.optional("provisionedConcurrency").map(n -> n.wholeNumber(0, Integer.MAX_VALUE)).orElse(0);
    double provisionedHours = node.optional("provisionedHoursPerMonth").map(InputNode::hoursPerMonth)
        .orElse(BillingMonth.HOURS_PER_MONTH);
    return new LambdaDeployment(
        name, architecture, memoryMb, monthlyRequests, durationMs, storageMb, provisioned, provisionedHours);
  }

  private static FargateDeployment fargate(String name, InputNode node) {
    OperatingSystem os = node.optional("os").map(PriceFiles::operatingSystem).orElse(OperatingSystem.LINUX);
    Optional<InputNode> archNode = node.optional("architecture");
    Architecture architecture = archNode.map(CatalogReader::architecture).orElse(Architecture.X86_64);
    if (os == OperatingSystem.WINDOWS && architecture != Architecture.X86_64) {
      throw archNode.get().fail("must be x86_64 for Windows tasks (Fargate runs Windows on x86_64 only)");
    }
    InputNode vcpuNode = node.required("vcpu");
    double vcpu = vcpuNode.number();
    List<Double> memoryChoices = FargateTaskSizes.validMemoryGb(os, vcpu);
    if (memoryChoices.isEmpty()) {
      throw vcpuNode.fail("must be a Fargate vCPU size for " + os.id() + ": " + join(FargateTaskSizes.validVcpus(os)));
    }
    InputNode memoryNode = node.required("memoryGb");
    double memoryGb = memoryNode.number();
    if (!memoryChoices.contains(memoryGb)) {
      throw memoryNode.fail("must be one of " + join(memoryChoices) + " with " + InputNode.format(vcpu)
          + " vCPU on " + os.id());
    }
    double tasks = node.required("tasks").wholeNumber(1, Integer.MAX_VALUE);
    double hours = node.optional("hoursPerMonth").map(InputNode::hoursPerMonth).orElse(BillingMonth.HOURS_PER_MONTH);
    double storageGb = node.optional("ephemeralStorageGb")
        .map(n -> n.wholeNumber((int) FargateDeployment.INCLUDED_EPHEMERAL_STORAGE_GB,
            (int) FargateDeployment.MAX_EPHEMERAL_STORAGE_GB))
        .map(Integer::doubleValue)
        .orElse(FargateDeployment.INCLUDED_EPHEMERAL_STORAGE_GB);
    Optional<InputNode> spotNode = node.optional("spot");
    boolean spot = spotNode.map(InputNode::bool).orElse(false);
    if (spot && os == OperatingSystem.WINDOWS) {
      throw spotNode.get().fail("must be false for Windows tasks (AWS offers no Fargate Spot for Windows)");
    }
    if (spot && architecture == Architecture.ARM64) {
      throw spotNode.get().fail("must be false for arm64 tasks (AWS offers no Fargate Spot for arm64)");
    }
    return new FargateDeployment(name, os, architecture, vcpu, memoryGb, tasks, hours, storageGb, spot);
  }

  private static Ec2Deployment ec2(String name, InputNode node, RegionPrices region) {
    InputNode typeNode = node.required("instanceType");
    String instanceType = typeNode.nonBlankText();
    if (region.ec2Instance(instanceType).isEmpty()) {
      throw typeNode.fail("unknown instance type in " + region.regionCode() + " (known: "
          + String.join(", ", region.ec2Instances().keySet()) + ")");
    }
    double count = node.required("count").wholeNumber(1, Integer.MAX_VALUE);
    double hours = node.optional("hoursPerMonth").map(InputNode::hoursPerMonth).orElse(BillingMonth.HOURS_PER_MONTH);
    boolean spot = node.optional("spot").map(InputNode::bool).orElse(false);
    return new Ec2Deployment(name, instanceType, count, hours, spot);
  }

  private static ApiGatewayDeployment apiGateway(String name, InputNode node) {
    InputNode typeNode = node.required("type");
    ApiType type;
    try {
      type = ApiType.fromId(typeNode.text());
    } catch (IllegalArgumentException e) {
      throw typeNode.fail("must be one of " + ApiType.ids());
    }
    double requests = node.required("monthlyRequests").nonNegative();
    return new ApiGatewayDeployment(name, type, requests);
  }

  private static AlbDeployment alb(String name, InputNode node) {
    double hours = node.optional("hoursPerMonth").map(InputNode::hoursPerMonth).orElse(BillingMonth.HOURS_PER_MONTH);
    double lcu = node.required("lcu").nonNegative();
    return new AlbDeployment(name, hours, lcu);
  }

  private static OperatingSystem operatingSystem(InputNode node) {
    try {
      return OperatingSystem.fromId(node.text());
    } catch (IllegalArgumentException e) {
      throw node.fail("must be one of " + OperatingSystem.ids());
    }
  }

  private static String join(List<Double> values) {
    return values.stream().map(InputNode::format).collect(Collectors.joining(", "));
  }
}
