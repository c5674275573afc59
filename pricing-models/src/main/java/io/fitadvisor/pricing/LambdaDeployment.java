package io.fitadvisor.pricing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * An AWS Lambda function on demand, with its monthly usage.
 *
 * <p>Billed GB-seconds = {@code monthlyRequests x ceil(durationMs) / 1000 x memoryMb / 1024}.
 *
 * <p>The optional INIT component bills cold starts: since August 2025 the INIT phase of every
 * on-demand function is billed as duration. INIT GB-seconds = {@code coldStartsPerMonth x
 * ceil(initDurationMs) / 1000 x memoryMb / 1024}, in the same account-level duration tiers, free
 * tier and savings plan as the requests' duration, shown as their own lines. A price file has no
 * such fields: its functions carry 0 cold starts.
 *
 * @param name the deployment's name
 * @param architecture x86_64 or arm64
 * @param memoryMb configured memory, 128..10,240 MB
 * @param monthlyRequests invocations a month, finite and >= 0
 * @param durationMs average billed duration of one invocation in milliseconds, (0, 900,000];
 *     rounded up to a whole millisecond when priced
 * @param ephemeralStorageMb configured /tmp storage, 512..10,240 MB (512 MB are included)
 * @param provisionedConcurrency execution environments kept initialized, >= 0
 * @param provisionedHoursPerMonth hours a month provisioned concurrency is enabled, 0..744
 * @param coldStartsPerMonth invocations a month that start a new execution environment, finite
 *     and >= 0; must be 0 with provisioned concurrency (whose environments are initialised ahead,
 *     as part of the provisioned capacity)
 * @param initDurationMs average INIT phase of one cold start in milliseconds, 0..10,000 (INIT
 *     lasts at most 10 s on demand); rounded up to a whole millisecond when priced
 */
public record LambdaDeployment(
    String name,
    Architecture architecture,
    int memoryMb,
    double monthlyRequests,
    double durationMs,
    int ephemeralStorageMb,
    int provisionedConcurrency,
    double provisionedHoursPerMonth,
    double coldStartsPerMonth,
    double initDurationMs)
    implements Deployment {

  /** Lowest configurable memory, MB. */
  public static final int MIN_MEMORY_MB = 128;
  /** Highest configurable memory, MB. */
  public static final int MAX_MEMORY_MB = 10_240;
  /** Ephemeral storage included in the price, MB; also the default. */
  public static final int INCLUDED_EPHEMERAL_STORAGE_MB = 512;
  /** Highest configurable ephemeral storage, MB. */
  public static final int MAX_EPHEMERAL_STORAGE_MB = 10_240;
  /** The longest invocation, ms (the 15-minute timeout). */
  public static final double MAX_DURATION_MS = 900_000;
  /** The longest INIT phase of an on-demand function, ms. */
  public static final double MAX_INIT_DURATION_MS = 10_000;

  /** Checks every argument; see the class description for the ranges. */
  public LambdaDeployment {
    Checks.name(name);
    checkNotNull(architecture, "architecture must not be null");
    checkArgument(
        memoryMb >= MIN_MEMORY_MB && memoryMb <= MAX_MEMORY_MB, "memoryMb must be 128..10240 (was %s)", memoryMb);
    Checks.nonNegative(monthlyRequests, "monthlyRequests");
    checkArgument(
        Double.isFinite(durationMs) && durationMs > 0 && durationMs <= MAX_DURATION_MS,
        "durationMs must be greater than 0 and at most 900000 (was %s)",
        durationMs);
    checkArgument(
        ephemeralStorageMb >= INCLUDED_EPHEMERAL_STORAGE_MB && ephemeralStorageMb <= MAX_EPHEMERAL_STORAGE_MB,
        "ephemeralStorageMb must be 512..10240 (was %s)",
        ephemeralStorageMb);
    checkArgument(provisionedConcurrency >= 0, "provisionedConcurrency must be >= 0 (was %s)", provisionedConcurrency);
    Checks.hours(provisionedHoursPerMonth, "provisionedHoursPerMonth");
    Checks.nonNegative(coldStartsPerMonth, "coldStartsPerMonth");
    checkArgument(
        Double.isFinite(initDurationMs) && initDurationMs >= 0 && initDurationMs <= MAX_INIT_DURATION_MS,
        "initDurationMs must be 0..10000 (was %s)",
        initDurationMs);
    checkArgument(
        provisionedConcurrency == 0 || coldStartsPerMonth == 0,
        "coldStartsPerMonth must be 0 with provisioned concurrency (was %s)",
        coldStartsPerMonth);
  }

  /**
   * A function without an INIT component, as a price file describes it.
   *
   * @see #builder(String, int, double, double) to set the cold starts
   */
  public LambdaDeployment(
      String name,
      Architecture architecture,
      int memoryMb,
      double monthlyRequests,
      double durationMs,
      int ephemeralStorageMb,
      int provisionedConcurrency,
      double provisionedHoursPerMonth) {
    this(name, architecture, memoryMb, monthlyRequests, durationMs, ephemeralStorageMb, provisionedConcurrency,
        provisionedHoursPerMonth, 0, 0);
  }

  /**
   * An x86_64 function with 512 MB of ephemeral storage and no provisioned concurrency.
   *
   * @see #builder(String, int, double, double) to set the other fields
   */
  public static LambdaDeployment of(String name, int memoryMb, double monthlyRequests, double durationMs) {
    return builder(name, memoryMb, monthlyRequests, durationMs).build();
  }

  /**
   * A builder starting from the defaults: x86_64, 512 MB ephemeral storage, no provisioned
   * concurrency, 730 provisioned hours, no cold starts.
   */
  public static Builder builder(String name, int memoryMb, double monthlyRequests, double durationMs) {
    return new Builder(name, memoryMb, monthlyRequests, durationMs);
  }

  @Override
  public String kind() {
    return "lambda";
  }

  /** Whether provisioned concurrency is configured (then it is billed and no free tier applies). */
  public boolean hasProvisionedConcurrency() {
    return provisionedConcurrency > 0;
  }

  /** GB-seconds of the requests' duration: {@code monthlyRequests x ceil(durationMs)/1000 x memoryMb/1024}. */
  public double durationGbSeconds() {
    return monthlyRequests * Math.ceil(durationMs) / 1000.0 * memoryMb / 1024.0;
  }

  /** GB-seconds of INIT: {@code coldStartsPerMonth x ceil(initDurationMs)/1000 x memoryMb/1024}. */
  public double initGbSeconds() {
    return coldStartsPerMonth * Math.ceil(initDurationMs) / 1000.0 * memoryMb / 1024.0;
  }

  /** Builds a {@link LambdaDeployment}; the record's constructor checks the values. */
  public static final class Builder {
    private final String name;
    private final int memoryMb;
    private final double monthlyRequests;
    private final double durationMs;
    private Architecture architecture = Architecture.X86_64;
    private int ephemeralStorageMb = INCLUDED_EPHEMERAL_STORAGE_MB;
    private int provisionedConcurrency;
    private double provisionedHoursPerMonth = BillingMonth.HOURS_PER_MONTH;
    private double coldStartsPerMonth;
    private double initDurationMs;

    private Builder(String name, int memoryMb, double monthlyRequests, double durationMs) {
      this.name = name;
      this.memoryMb = memoryMb;
      this.monthlyRequests = monthlyRequests;
      this.durationMs = durationMs;
    }

    /** Sets the architecture (default x86_64). */
    public Builder architecture(Architecture architecture) {
      this.architecture = architecture;
      return this;
    }

    /** Sets the ephemeral storage in MB (default 512). */
    public Builder ephemeralStorageMb(int ephemeralStorageMb) {
      this.ephemeralStorageMb = ephemeralStorageMb;
      return this;
    }

    /** Sets the provisioned concurrency, in execution environments (default 0). */
    public Builder provisionedConcurrency(int provisionedConcurrency) {
      this.provisionedConcurrency = provisionedConcurrency;
      return this;
    }

    /** Sets the hours a month provisioned concurrency is enabled (default 730). */
    public Builder provisionedHoursPerMonth(double provisionedHoursPerMonth) {
      this.provisionedHoursPerMonth = provisionedHoursPerMonth;
      return this;
    }

    /** Sets the cold starts a month, each billing an INIT phase (default 0). */
    public Builder coldStartsPerMonth(double coldStartsPerMonth) {
      this.coldStartsPerMonth = coldStartsPerMonth;
      return this;
    }

    /** Sets the average INIT duration of one cold start in milliseconds (default 0). */
    public Builder initDurationMs(double initDurationMs) {
      this.initDurationMs = initDurationMs;
      return this;
    }

    /** Builds the deployment. */
    public LambdaDeployment build() {
      return new LambdaDeployment(
          name,
          architecture,
          memoryMb,
          monthlyRequests,
          durationMs,
          ephemeralStorageMb,
          provisionedConcurrency,
          provisionedHoursPerMonth,
          coldStartsPerMonth,
          initDurationMs);
    }
  }
}
