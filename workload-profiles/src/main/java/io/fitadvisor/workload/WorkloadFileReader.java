package io.fitadvisor.workload;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads one workload file into an {@link Application}: parses it (safely), checks types and field
 * names while walking the tree, and leaves every value rule to the model's own constructors, whose
 * {@link RuleViolation}s it reports under the field's full path. Jackson stays in this class and
 * the trace readers.
 */
final class WorkloadFileReader {
  /** Larger files are refused before parsing; a real workload file is a few KB. */
  static final int MAX_FILE_BYTES = 16 * 1024 * 1024;

  /** Aliases are refused anyway (see {@link #checkYamlEvents}); SnakeYAML's bound is a backstop. */
  static final int MAX_ALIASES = 50;

  private static final int SCHEMA_VERSION = 1;
  private static final String[] ROOT = {
    "schemaVersion", "application", "region", "pricing", "preferences", "services"
  };
  private static final String[] PRICING = {"lambdaFreeTier", "savingsPlan", "catalog"};
  private static final String[] SAVINGS_PLAN = {"lambda", "fargate", "ec2"};
  private static final String[] PREFERENCES = {"opsCostPerMonthUsd", "tieTolerance"};
  private static final String[] SERVICE = {
    "name",
    "runtime",
    "packaging",
    "architectures",
    "invocation",
    "memoryMb",
    "duration",
    "requestKb",
    "responseKb",
    "packageMb",
    "ephemeralStorageMb",
    "load",
    "container",
    "requirements",
    "frontDoor"
  };
  private static final String[] DURATION = {"meanMs", "p99Ms", "maxMs", "cpuFraction"};
  private static final String[] LOAD = {"steady", "diurnal", "bursty", "schedule", "trace"};
  private static final String[] STEADY = {"requestsPerSecond", "monthlyRequests"};
  private static final String[] DIURNAL = {
    "averageRequestsPerSecond", "peakRequestsPerSecond", "peakHourUtc"
  };
  private static final String[] BURSTY = {
    "baselineRequestsPerSecond", "burstRequestsPerSecond", "burstsPerDay", "burstMinutes"
  };
  private static final String[] SCHEDULE = {"runsPerDay", "tasksPerRun"};
  private static final String[] TRACE = {"format", "file", "files", "function"};
  private static final String[] CONTAINER = {
    "vcpu", "memoryMb", "concurrency", "minTasks", "targetUtilization", "startupSeconds"
  };
  private static final String[] REQUIREMENTS = {
    "gpu", "persistentConnections", "interruptible", "maxLatencyMs"
  };

  private final Path file;
  private final String fileName;
  private final Path folder;

  WorkloadFileReader(Path file) {
    this.file = file;
    this.fileName = file.toString();
    Path parent = file.getParent();
    this.folder = parent == null ? Path.of("") : parent;
  }

  Application read() {
    JsonNode root = parse();
    try {
      return application(root);
    } catch (RuleViolation e) {
      throw WorkloadFileException.of(fileName, e);
    }
  }

  // ---------------------------------------------------------------- parsing

  private JsonNode parse() {
    boolean yaml = isYaml();
    long size;
    try {
      if (Files.isDirectory(file)) {
        throw fileProblem("is a folder, not a workload file");
      }
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw fileProblem("file not found");
    } catch (IOException e) {
      throw new WorkloadFileException(
          fileName, "", "cannot be read (" + e.getClass().getSimpleName() + ")", null, e);
    }
    if (size > MAX_FILE_BYTES) {
      throw fileProblem("is larger than 16 MB (" + Values.count(size) + " bytes)");
    }
    try {
      byte[] bytes = Files.readAllBytes(file);
      JsonNode root;
      if (yaml) {
        YAMLFactory factory = yamlFactory();
        checkYamlEvents(factory, bytes);
        root = new ObjectMapper(factory).readTree(bytes);
      } else {
        JsonFactory factory =
            JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        root =
            new ObjectMapper(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .readTree(bytes);
      }
      if (root == null || root.isMissingNode() || root.isNull()) {
        throw fileProblem("is empty");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw malformed(e, yaml ? "YAML" : "JSON");
    } catch (IOException e) {
      throw new WorkloadFileException(
          fileName, "", "cannot be read (" + e.getClass().getSimpleName() + ")", null, e);
    } catch (YAMLException e) {
      // SnakeYAML reports some limits with its own unchecked exceptions.
      throw new WorkloadFileException(
          fileName, "", "malformed YAML: " + Values.parserMessage(e.getMessage()), null, e);
    }
  }

  private boolean isYaml() {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
      return true;
    }
    if (lower.endsWith(".json")) {
      return false;
    }
    throw fileProblem("must end in .yaml, .yml or .json to tell its format");
  }

  static YAMLFactory yamlFactory() {
    return YAMLFactory.builder().loaderOptions(loaderOptions()).build();
  }

  /** SnakeYAML's limits: no duplicate keys, few aliases, at most 16 MB, shallow nesting. */
  static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setCodePointLimit(MAX_FILE_BYTES);
    options.setNestingDepthLimit(50);
    return options;
  }

  /**
   * Refuses YAML aliases and multi-document files before building a tree. Jackson does not expand
   * an alias ({@code *name}): it would read it as the text {@code name}, silently, so an alias is
   * an error here; this also stops "billion laughs" files at their first alias.
   */
  private void checkYamlEvents(YAMLFactory factory, byte[] bytes) throws IOException {
    try (JsonParser parser = factory.createParser(bytes)) {
      YAMLParser yaml = (YAMLParser) parser;
      int depth = 0;
      int documents = 0;
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (yaml.isCurrentAlias()) {
          throw locatedProblem(
              parser.currentTokenLocation(),
              "YAML aliases are not supported (was '*" + parser.getText() + "')");
        }
        if (depth == 0) {
          documents++;
          if (documents > 1) {
            throw locatedProblem(
                parser.currentTokenLocation(), "must hold one YAML document, not several");
          }
        }
        if (token.isStructStart()) {
          depth++;
        } else if (token.isStructEnd()) {
          depth--;
        }
      }
    }
  }

  private WorkloadFileException malformed(JsonProcessingException e, String format) {
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      String context = marked.getContext() == null ? "" : marked.getContext() + ": ";
      return new WorkloadFileException(
          fileName,
          "",
          "line "
              + (marked.getProblemMark().getLine() + 1)
              + ", column "
              + (marked.getProblemMark().getColumn() + 1)
              + ": malformed YAML: "
              + context
              + marked.getProblem(),
          null,
          e);
    }
    JsonLocation location = e.getLocation();
    String where =
        location == null
            ? ""
            : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
    return new WorkloadFileException(
        fileName,
        "",
        where + "malformed " + format + ": " + Values.parserMessage(e.getOriginalMessage()),
        null,
        e);
  }

  private WorkloadFileException locatedProblem(JsonLocation location, String rule) {
    return new WorkloadFileException(
        fileName,
        "",
        "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": " + rule,
        null);
  }

  private WorkloadFileException fileProblem(String rule) {
    return new WorkloadFileException(fileName, "", rule, null);
  }

  // ---------------------------------------------------------------- the model

  private Application application(JsonNode root) {
    Obj obj = new Obj(root, "", ROOT);
    int version = obj.requiredInt("schemaVersion");
    if (version != SCHEMA_VERSION) {
      throw RuleViolation.of("schemaVersion", "must be " + SCHEMA_VERSION, version);
    }
    String name = obj.requiredText("application");
    String region = obj.requiredText("region");
    AccountPricing pricing =
        obj.optionalObject("pricing", PRICING).map(this::pricing).orElse(AccountPricing.DEFAULT);
    Preferences preferences =
        obj.optionalObject("preferences", PREFERENCES)
            .map(this::preferences)
            .orElse(Preferences.DEFAULT);
    List<JsonNode> entries = obj.requiredList("services");
    List<Service> services = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      services.add(service(new Obj(entries.get(i), "services[" + i + "]", SERVICE)));
    }
    return new Application(name, region, pricing, preferences, services);
  }

  private AccountPricing pricing(Obj obj) {
    boolean freeTier = obj.optionalBoolean("lambdaFreeTier").orElse(false);
    Optional<Obj> plans = obj.optionalObject("savingsPlan", SAVINGS_PLAN);
    double lambda = plans.map(p -> p.optionalNumber("lambda").orElse(0)).orElse(0.0);
    double fargate = plans.map(p -> p.optionalNumber("fargate").orElse(0)).orElse(0.0);
    double ec2 = plans.map(p -> p.optionalNumber("ec2").orElse(0)).orElse(0.0);
    Optional<Path> catalog = Optional.empty();
    Optional<String> written = obj.optionalText("catalog");
    if (written.isPresent()) {
      catalog = Optional.of(existingFile(obj.path("catalog"), written.get()));
    }
    Optional<Path> catalogFile = catalog;
    return build(obj.path, () -> new AccountPricing(freeTier, lambda, fargate, ec2, catalogFile));
  }

  private Preferences preferences(Obj obj) {
    Map<Target, Double> ops = new EnumMap<>(Target.class);
    String[] targetIds = new String[Target.values().length];
    for (Target target : Target.values()) {
      targetIds[target.ordinal()] = target.id();
    }
    Optional<Obj> costs = obj.optionalObject("opsCostPerMonthUsd", targetIds);
    if (costs.isPresent()) {
      for (Target target : Target.values()) {
        costs.get().optionalNumber(target.id()).ifPresent(usd -> ops.put(target, usd));
      }
    }
    double tieTolerance =
        obj.optionalNumber("tieTolerance").orElse(Preferences.DEFAULT_TIE_TOLERANCE);
    return build(obj.path, () -> new Preferences(ops, tieTolerance));
  }

  private Service service(Obj obj) {
    String name = obj.requiredText("name");
    String runtime = obj.requiredText("runtime");
    Packaging packaging =
        obj.optionalEnum("packaging", Packaging::fromId, Packaging.values(), Packaging::id)
            .orElse(Packaging.ANY);
    Set<Architecture> architectures = architectures(obj);
    Invocation invocation =
        obj.optionalEnum("invocation", Invocation::fromId, Invocation.values(), Invocation::id)
            .orElse(Invocation.SYNC);
    int memoryMb = obj.requiredInt("memoryMb");
    RequestDuration duration = duration(obj.requiredObject("duration", DURATION));
    double requestKb = obj.optionalNumber("requestKb").orElse(0);
    double responseKb = obj.optionalNumber("responseKb").orElse(0);
    OptionalDouble packageMb = obj.optionalNumber("packageMb");
    int ephemeralStorageMb =
        obj.optionalInt("ephemeralStorageMb").orElse(Service.DEFAULT_EPHEMERAL_STORAGE_MB);
    LoadShape load = load(obj.requiredObject("load", LOAD));
    Optional<ContainerSpec> container =
        obj.optionalObject("container", CONTAINER).map(this::container);
    Requirements requirements =
        obj.optionalObject("requirements", REQUIREMENTS)
            .map(this::requirements)
            .orElse(Requirements.NONE);
    FrontDoor frontDoor =
        obj.optionalEnum("frontDoor", FrontDoor::fromId, FrontDoor.values(), FrontDoor::id)
            .orElse(FrontDoor.NONE);
    return build(
        obj.path,
        () ->
            new Service(
                name,
                runtime,
                packaging,
                architectures,
                invocation,
                memoryMb,
                duration,
                requestKb,
                responseKb,
                packageMb,
                ephemeralStorageMb,
                load,
                container,
                requirements,
                frontDoor));
  }

  private Set<Architecture> architectures(Obj obj) {
    Optional<List<JsonNode>> list = obj.optionalList("architectures");
    if (list.isEmpty()) {
      return EnumSet.allOf(Architecture.class);
    }
    Set<Architecture> architectures = EnumSet.noneOf(Architecture.class);
    for (int i = 0; i < list.get().size(); i++) {
      String path = obj.path("architectures") + "[" + i + "]";
      String id = text(list.get().get(i), path);
      Architecture architecture =
          enumValue(path, id, Architecture::fromId, Architecture.values(), Architecture::id);
      if (!architectures.add(architecture)) {
        throw RuleViolation.of(path, "must not repeat an architecture", id);
      }
    }
    return architectures;
  }

  private RequestDuration duration(Obj obj) {
    double meanMs = obj.requiredNumber("meanMs");
    OptionalDouble p99Ms = obj.optionalNumber("p99Ms");
    OptionalDouble maxMs = obj.optionalNumber("maxMs");
    double cpuFraction = obj.optionalNumber("cpuFraction").orElse(1.0);
    return build(obj.path, () -> new RequestDuration(meanMs, p99Ms, maxMs, cpuFraction));
  }

  private LoadShape load(Obj obj) {
    List<String> shapes = new ArrayList<>();
    obj.node.fieldNames().forEachRemaining(shapes::add);
    if (shapes.size() != 1) {
      String given = shapes.isEmpty() ? "none" : String.join(" and ", shapes);
      throw new RuleViolation(
          obj.path,
          "must give exactly one shape of steady, diurnal, bursty, schedule, trace",
          given);
    }
    String shape = shapes.get(0);
    return switch (shape) {
      case "steady" -> steady(obj.requiredObject(shape, STEADY), obj.path);
      case "diurnal" -> diurnal(obj.requiredObject(shape, DIURNAL), obj.path);
      case "bursty" -> bursty(obj.requiredObject(shape, BURSTY), obj.path);
      case "schedule" -> schedule(obj.requiredObject(shape, SCHEDULE), obj.path);
      default -> trace(obj.requiredObject(shape, TRACE), obj.path);
    };
  }

  private LoadShape steady(Obj obj, String loadPath) {
    OptionalDouble perSecond = obj.optionalNumber("requestsPerSecond");
    OptionalDouble perMonth = obj.optionalNumber("monthlyRequests");
    return build(loadPath, () -> new LoadShape.Steady(perSecond, perMonth));
  }

  private LoadShape diurnal(Obj obj, String loadPath) {
    double average = obj.requiredNumber("averageRequestsPerSecond");
    double peak = obj.requiredNumber("peakRequestsPerSecond");
    double peakHour =
        obj.optionalNumber("peakHourUtc").orElse(LoadShape.Diurnal.DEFAULT_PEAK_HOUR_UTC);
    return build(loadPath, () -> new LoadShape.Diurnal(average, peak, peakHour));
  }

  private LoadShape bursty(Obj obj, String loadPath) {
    double baseline = obj.requiredNumber("baselineRequestsPerSecond");
    double burst = obj.requiredNumber("burstRequestsPerSecond");
    int perDay = obj.requiredInt("burstsPerDay");
    int minutes = obj.requiredInt("burstMinutes");
    return build(loadPath, () -> new LoadShape.Bursty(baseline, burst, perDay, minutes));
  }

  private LoadShape schedule(Obj obj, String loadPath) {
    int runs = obj.requiredInt("runsPerDay");
    int tasks = obj.requiredInt("tasksPerRun");
    return build(loadPath, () -> new LoadShape.Schedule(runs, tasks));
  }

  private LoadShape trace(Obj obj, String loadPath) {
    TraceFormat format =
        obj.requiredEnum("format", TraceFormat::fromId, TraceFormat.values(), TraceFormat::id);
    boolean hasFile = obj.has("file");
    boolean hasFiles = obj.has("files");
    if (hasFile && hasFiles) {
      throw new RuleViolation(obj.path("files"), "give either file or files, not both", null);
    }
    if (hasFiles && format != TraceFormat.AZURE_FUNCTIONS) {
      throw new RuleViolation(
          obj.path("files"), "only azure-functions traces take several files; use file", null);
    }
    List<String> written = new ArrayList<>();
    List<String> fieldPaths = new ArrayList<>();
    if (hasFiles) {
      List<JsonNode> list = obj.requiredList("files");
      if (list.isEmpty()) {
        throw new RuleViolation(obj.path("files"), "must list at least one file", null);
      }
      for (int i = 0; i < list.size(); i++) {
        String path = obj.path("files") + "[" + i + "]";
        written.add(text(list.get(i), path));
        fieldPaths.add(path);
      }
    } else {
      String name = format == TraceFormat.AZURE_FUNCTIONS ? "files" : "file";
      if (!hasFile) {
        throw RuleViolation.missing(obj.path(name));
      }
      written.add(obj.requiredText("file"));
      fieldPaths.add(obj.path("file"));
    }
    Optional<String> function = obj.optionalText("function");
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < written.size(); i++) {
      files.add(existingFile(fieldPaths.get(i), written.get(i)));
    }
    TraceOrigin origin = new TraceOrigin(fileName, fieldPaths, written, obj.path("function"));
    return build(loadPath, () -> new LoadShape.Trace(format, files, function, Optional.of(origin)));
  }

  private ContainerSpec container(Obj obj) {
    OptionalDouble vcpu = obj.optionalNumber("vcpu");
    OptionalInt memoryMb = obj.optionalInt("memoryMb");
    OptionalInt concurrency = obj.optionalInt("concurrency");
    int minTasks = obj.optionalInt("minTasks").orElse(ContainerSpec.DEFAULT_MIN_TASKS);
    double target =
        obj.optionalNumber("targetUtilization").orElse(ContainerSpec.DEFAULT_TARGET_UTILIZATION);
    OptionalDouble startup = obj.optionalNumber("startupSeconds");
    return build(
        obj.path, () -> new ContainerSpec(vcpu, memoryMb, concurrency, minTasks, target, startup));
  }

  private Requirements requirements(Obj obj) {
    boolean gpu = obj.optionalBoolean("gpu").orElse(false);
    boolean connections = obj.optionalBoolean("persistentConnections").orElse(false);
    boolean interruptible = obj.optionalBoolean("interruptible").orElse(false);
    OptionalDouble maxLatencyMs = obj.optionalNumber("maxLatencyMs");
    return build(obj.path, () -> new Requirements(gpu, connections, interruptible, maxLatencyMs));
  }

  /** A file named in the workload file, resolved against its folder; it must exist. */
  private Path existingFile(String path, String written) {
    if (written.isBlank()) {
      throw RuleViolation.of(path, "must not be blank", written);
    }
    Path resolved = folder.resolve(written).normalize();
    if (!Files.exists(resolved)) {
      throw RuleViolation.of(path, "file not found", written);
    }
    if (!Files.isRegularFile(resolved)) {
      throw RuleViolation.of(path, "must be a file, not a folder", written);
    }
    return resolved;
  }

  /** Runs a model constructor, reporting its rule violations under {@code path}. */
  private static <T> T build(String path, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (RuleViolation e) {
      throw e.under(path);
    }
  }

  private static <E extends Enum<E>> E enumValue(
      String path, String id, Function<String, E> fromId, E[] values, Function<E, String> ids) {
    try {
      return fromId.apply(id);
    } catch (IllegalArgumentException e) {
      throw RuleViolation.of(path, "must be one of " + Ids.known(values, ids), id);
    }
  }

  // ---------------------------------------------------------------- typed access

  private static String text(JsonNode node, String path) {
    if (!node.isTextual()) {
      throw new RuleViolation(path, "must be text", shown(node));
    }
    return node.textValue();
  }

  /** How a value of the wrong type is quoted: text in quotes, anything else as JSON. */
  private static String shown(JsonNode node) {
    if (node.isTextual()) {
      return Values.text(node.textValue());
    }
    if (node.isNumber()) {
      return Values.number(node.doubleValue());
    }
    String json = node.toString();
    return json.length() > 80 ? json.substring(0, 80) + "..." : json;
  }

  /** An object of the file, at {@code path}, whose field names must be among {@code known}. */
  private static final class Obj {
    final JsonNode node;
    final String path;

    Obj(JsonNode node, String path, String... known) {
      if (!node.isObject()) {
        throw new RuleViolation(
            path,
            path.isEmpty() ? "must hold an object of fields" : "must be an object",
            shown(node));
      }
      this.node = node;
      this.path = path;
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!List.of(known).contains(name)) {
          throw new RuleViolation(
              path(name),
              "unknown field " + Values.text(name) + " (known: " + String.join(", ", known) + ")",
              null);
        }
      }
    }

    String path(String name) {
      return RuleViolation.join(path, name);
    }

    boolean has(String name) {
      JsonNode value = node.get(name);
      return value != null && !value.isNull();
    }

    private JsonNode required(String name) {
      if (!has(name)) {
        throw RuleViolation.missing(path(name));
      }
      return node.get(name);
    }

    String requiredText(String name) {
      return text(required(name), path(name));
    }

    Optional<String> optionalText(String name) {
      return has(name) ? Optional.of(requiredText(name)) : Optional.empty();
    }

    double requiredNumber(String name) {
      JsonNode value = required(name);
      if (!value.isNumber()) {
        throw new RuleViolation(path(name), "must be a number", shown(value));
      }
      return value.doubleValue();
    }

    OptionalDouble optionalNumber(String name) {
      return has(name) ? OptionalDouble.of(requiredNumber(name)) : OptionalDouble.empty();
    }

    int requiredInt(String name) {
      JsonNode value = required(name);
      if (value.isIntegralNumber() && value.canConvertToInt()) {
        return value.intValue();
      }
      if (value.isFloatingPointNumber()
          && value.doubleValue() == Math.rint(value.doubleValue())
          && Math.abs(value.doubleValue()) <= Integer.MAX_VALUE) {
        return (int) value.doubleValue();
      }
      String rule =
          value.isNumber() && value.doubleValue() == Math.rint(value.doubleValue())
              ? "must be a whole number of at most " + Integer.MAX_VALUE
              : "must be a whole number";
      throw new RuleViolation(path(name), rule, shown(value));
    }

    OptionalInt optionalInt(String name) {
      return has(name) ? OptionalInt.of(requiredInt(name)) : OptionalInt.empty();
    }

    Optional<Boolean> optionalBoolean(String name) {
      if (!has(name)) {
        return Optional.empty();
      }
      JsonNode value = node.get(name);
      if (!value.isBoolean()) {
        throw new RuleViolation(path(name), "must be true or false", shown(value));
      }
      return Optional.of(value.booleanValue());
    }

    List<JsonNode> requiredList(String name) {
      JsonNode value = required(name);
      if (!value.isArray()) {
        throw new RuleViolation(path(name), "must be a list", shown(value));
      }
      List<JsonNode> items = new ArrayList<>();
      value.elements().forEachRemaining(items::add);
      return items;
    }

    Optional<List<JsonNode>> optionalList(String name) {
      return has(name) ? Optional.of(requiredList(name)) : Optional.empty();
    }

    Obj requiredObject(String name, String... known) {
      return new Obj(required(name), path(name), known);
    }

    Optional<Obj> optionalObject(String name, String... known) {
      return has(name) ? Optional.of(requiredObject(name, known)) : Optional.empty();
    }

    <E extends Enum<E>> E requiredEnum(
        String name, Function<String, E> fromId, E[] values, Function<E, String> ids) {
      return enumValue(path(name), requiredText(name), fromId, values, ids);
    }

    <E extends Enum<E>> Optional<E> optionalEnum(
        String name, Function<String, E> fromId, E[] values, Function<E, String> ids) {
      return has(name) ? Optional.of(requiredEnum(name, fromId, values, ids)) : Optional.empty();
    }
  }
}
