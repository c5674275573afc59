package io.fitadvisor.workload;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One service of an application: what it runs, what one request needs and how much traffic it gets.
 * Field names, units and defaults are those of the workload file's {@code services[]} entries; the
 * rules are checked here, so services read from a file and services built in code obey the same
 * ones.
 *
 * @param name unique within the application, not blank
 * @param runtime a Lambda runtime id of {@link Runtimes#known()} or {@value Runtimes#CONTAINER}
 * @param packaging how the code may reach Lambda; {@code zip} is not allowed for a {@code
 *     container} runtime
 * @param architectures what the code can be built for, at least one; iterated in enum order
 * @param invocation how requests arrive
 * @param memoryMb memory in MB one instance needs to serve one request, greater than 0
 * @param duration time to serve one request
 * @param requestKb request payload in KB, 0 or more
 * @param responseKb response payload in KB, 0 or more
 * @param packageMb unzipped code size in MB (image size for images), greater than 0
 * @param ephemeralStorageMb scratch disk per instance in MB, 0 or more; default 512
 * @param load the traffic's shape
 * @param container the container task, when pinned; its memory must hold {@code memoryMb}
 * @param requirements hard needs
 * @param frontDoor what receives the requests first
 */
public record Service(
    String name,
    String runtime,
    Packaging packaging,
    Set<Architecture> architectures,
    Invocation invocation,
    int memoryMb,
    RequestDuration duration,
    double requestKb,
    double responseKb,
    OptionalDouble packageMb,
    int ephemeralStorageMb,
    LoadShape load,
    Optional<ContainerSpec> container,
    Requirements requirements,
    FrontDoor frontDoor) {

  /** The scratch disk a service gets when it names none, in MB. */
  public static final int DEFAULT_EPHEMERAL_STORAGE_MB = 512;

  /**
   * Checks the rules of a {@code services[]} entry.
   *
   * @throws IllegalArgumentException naming the field relative to the service, e.g. {@code
   *     memoryMb: must be greater than 0 (was 0)}
   */
  public Service {
    Checks.notBlank("name", name);
    Checks.present("runtime", runtime);
    if (!Runtimes.isKnown(runtime)) {
      throw RuleViolation.of(
          "runtime", "must be one of " + String.join(", ", Runtimes.known()), runtime);
    }
    Checks.present("packaging", packaging);
    if (runtime.equals(Runtimes.CONTAINER) && packaging == Packaging.ZIP) {
      throw RuleViolation.of(
          "packaging", "must be image or any when runtime is container", packaging.id());
    }
    Checks.present("architectures", architectures);
    if (architectures.isEmpty()) {
      throw new RuleViolation("architectures", "must list at least one architecture", null);
    }
    // An EnumSet copy keeps x86_64 before arm64 whatever order the caller used.
    architectures = Collections.unmodifiableSet(EnumSet.copyOf(architectures));
    Checks.present("invocation", invocation);
    Checks.positive("memoryMb", memoryMb);
    Checks.present("duration", duration);
    Checks.nonNegative("requestKb", requestKb);
    Checks.nonNegative("responseKb", responseKb);
    requireNonNull(packageMb, "packageMb");
    Checks.positive("packageMb", packageMb);
    Checks.nonNegative("ephemeralStorageMb", ephemeralStorageMb);
    Checks.present("load", load);
    requireNonNull(container, "container");
    if (container.isPresent() && container.get().memoryMb().isPresent()) {
      int taskMemoryMb = container.get().memoryMb().getAsInt();
      if (taskMemoryMb < memoryMb) {
        throw RuleViolation.of(
            "container.memoryMb",
            "must be at least the service's memoryMb " + memoryMb,
            taskMemoryMb);
      }
    }
    Checks.present("requirements", requirements);
    Checks.present("frontDoor", frontDoor);
  }

  /** Whether the service names no Lambda runtime ({@code runtime: container}). */
  public boolean isContainerRuntime() {
    return runtime.equals(Runtimes.CONTAINER);
  }

  /**
   * A builder with the workload file's defaults: packaging {@code any}, both architectures, {@code
   * sync} invocation, no payload, 512 MB of scratch disk, no pinned container, no requirements, no
   * front door. Runtime, memory, duration and load must be set.
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * Builds a {@link Service}. Values are only checked by {@link #build()}, which names the field
   * that breaks a rule ({@code duration.meanMs: must be greater than 0 (was -5)}); inside {@link
   * Application.Builder#service(Builder)} the path also names the service's index.
   */
  public static final class Builder {
    private final String name;
    private String runtime;
    private Packaging packaging = Packaging.ANY;
    private Set<Architecture> architectures = EnumSet.allOf(Architecture.class);
    private Invocation invocation = Invocation.SYNC;
    private Integer memoryMb;
    private RequestDuration duration;
    private Double meanDurationMs;
    private OptionalDouble p99DurationMs = OptionalDouble.empty();
    private OptionalDouble maxDurationMs = OptionalDouble.empty();
    private double cpuFraction = 1.0;
    private double requestKb;
    private double responseKb;
    private OptionalDouble packageMb = OptionalDouble.empty();
    private int ephemeralStorageMb = DEFAULT_EPHEMERAL_STORAGE_MB;
    private LoadShape load;
    private Optional<ContainerSpec> container = Optional.empty();
    private Requirements requirements = Requirements.NONE;
    private FrontDoor frontDoor = FrontDoor.NONE;

    private Builder(String name) {
      this.name = name;
    }

    /** A Lambda runtime id or {@code container}. */
    public Builder runtime(String runtime) {
      this.runtime = runtime;
      return this;
    }

    /** How the code may be deployed to Lambda. */
    public Builder packaging(Packaging packaging) {
      this.packaging = packaging;
      return this;
    }

    /** What the code can be built for. */
    public Builder architectures(Set<Architecture> architectures) {
      this.architectures = architectures;
      return this;
    }

    /** What the code can be built for. */
    public Builder architectures(Architecture first, Architecture... rest) {
      this.architectures = EnumSet.of(first, rest);
      return this;
    }

    /** How requests arrive. */
    public Builder invocation(Invocation invocation) {
      this.invocation = invocation;
      return this;
    }

    /** Memory in MB one instance needs to serve one request. */
    public Builder memoryMb(int memoryMb) {
      this.memoryMb = memoryMb;
      return this;
    }

    /** The whole duration at once; replaces values given by the duration setters below. */
    public Builder duration(RequestDuration duration) {
      this.duration = duration;
      this.meanDurationMs = null;
      return this;
    }

    /** Mean request duration in milliseconds ({@code duration.meanMs}). */
    public Builder meanDurationMs(double meanMs) {
      this.meanDurationMs = meanMs;
      this.duration = null;
      return this;
    }

    /** 99th percentile request duration in milliseconds ({@code duration.p99Ms}). */
    public Builder p99DurationMs(double p99Ms) {
      this.p99DurationMs = OptionalDouble.of(p99Ms);
      return this;
    }

    /** Longest request in milliseconds ({@code duration.maxMs}). */
    public Builder maxDurationMs(double maxMs) {
      this.maxDurationMs = OptionalDouble.of(maxMs);
      return this;
    }

    /** Share of the duration that is CPU work ({@code duration.cpuFraction}). */
    public Builder cpuFraction(double cpuFraction) {
      this.cpuFraction = cpuFraction;
      return this;
    }

    /** Request payload in KB. */
    public Builder requestKb(double requestKb) {
      this.requestKb = requestKb;
      return this;
    }

    /** Response payload in KB. */
    public Builder responseKb(double responseKb) {
      this.responseKb = responseKb;
      return this;
    }

    /** Unzipped code size (or image size) in MB. */
    public Builder packageMb(double packageMb) {
      this.packageMb = OptionalDouble.of(packageMb);
      return this;
    }

    /** Scratch disk per instance in MB. */
    public Builder ephemeralStorageMb(int ephemeralStorageMb) {
      this.ephemeralStorageMb = ephemeralStorageMb;
      return this;
    }

    /** The traffic's shape. */
    public Builder load(LoadShape load) {
      this.load = load;
      return this;
    }

    /** Pins the container task. */
    public Builder container(ContainerSpec container) {
      this.container = Optional.of(container);
      return this;
    }

    /** Hard needs. */
    public Builder requirements(Requirements requirements) {
      this.requirements = requirements;
      return this;
    }

    /** What receives the requests first. */
    public Builder frontDoor(FrontDoor frontDoor) {
      this.frontDoor = frontDoor;
      return this;
    }

    /**
     * The service.
     *
     * @throws IllegalArgumentException when a rule is broken, naming the field
     */
    public Service build() {
      RequestDuration built = duration;
      if (built == null && meanDurationMs != null) {
        try {
          built = new RequestDuration(meanDurationMs, p99DurationMs, maxDurationMs, cpuFraction);
        } catch (RuleViolation e) {
          throw e.under("duration");
        }
      }
      Checks.present("runtime", runtime);
      Checks.present("memoryMb", memoryMb);
      Checks.present("duration.meanMs", built);
      return new Service(
          name,
          runtime,
          packaging,
          architectures,
          invocation,
          memoryMb,
          built,
          requestKb,
          responseKb,
          packageMb,
          ephemeralStorageMb,
          load,
          container,
          requirements,
          frontDoor);
    }
  }
}
