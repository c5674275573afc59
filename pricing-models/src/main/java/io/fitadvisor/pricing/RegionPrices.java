package io.fitadvisor.pricing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every rate of one AWS region: typed accessors for the pricing engine and the advisor, and a flat
 * listing ({@link #entries()}) for display. Immutable. All prices are US dollars.
 */
public final class RegionPrices {
  private final String regionCode;
  private final LambdaRates lambdaX86;
  private final LambdaRates lambdaArm;
  private final double lambdaEphemeralStoragePerGbSecondUsd;
  private final LambdaManagedInstancesRates lambdaManagedInstances;
  private final FargateRates fargateLinuxX86;
  private final FargateRates fargateLinuxArm;
  private final FargateRates fargateWindowsX86;
  private final FargateRates fargateSpotLinuxX86;
  private final double fargateEphemeralStoragePerGbHourUsd;
  private final SortedMap<String, Ec2InstanceType> ec2Instances;
  private final TieredPrice apiGatewayHttp;
  private final TieredPrice apiGatewayRest;
  private final AlbRates alb;
  private final List<PriceEntry> entries;

  // Built by the catalog reader, which has checked every value and collected the entries.
  RegionPrices(
      String regionCode,
      LambdaRates lambdaX86,
      LambdaRates lambdaArm,
      double lambdaEphemeralStoragePerGbSecondUsd,
      LambdaManagedInstancesRates lambdaManagedInstances,
      FargateRates fargateLinuxX86,
      FargateRates fargateLinuxArm,
      FargateRates fargateWindowsX86,
      FargateRates fargateSpotLinuxX86,
      double fargateEphemeralStoragePerGbHourUsd,
      SortedMap<String, Ec2InstanceType> ec2Instances,
      TieredPrice apiGatewayHttp,
      TieredPrice apiGatewayRest,
      AlbRates alb,
      List<PriceEntry> entries) {
    this.regionCode = checkNotNull(regionCode);
    this.lambdaX86 = checkNotNull(lambdaX86);
    this.lambdaArm = checkNotNull(lambdaArm);
    this.lambdaEphemeralStoragePerGbSecondUsd = lambdaEphemeralStoragePerGbSecondUsd;
    this.lambdaManagedInstances = checkNotNull(lambdaManagedInstances);
    this.fargateLinuxX86 = checkNotNull(fargateLinuxX86);
    this.fargateLinuxArm = checkNotNull(fargateLinuxArm);
    this.fargateWindowsX86 = checkNotNull(fargateWindowsX86);
    this.fargateSpotLinuxX86 = checkNotNull(fargateSpotLinuxX86);
    this.fargateEphemeralStoragePerGbHourUsd = fargateEphemeralStoragePerGbHourUsd;
    this.ec2Instances = Collections.unmodifiableSortedMap(new TreeMap<>(ec2Instances));
    this.apiGatewayHttp = checkNotNull(apiGatewayHttp);
    this.apiGatewayRest = checkNotNull(apiGatewayRest);
    this.alb = checkNotNull(alb);
    this.entries = List.copyOf(entries);
  }

  /** The region's code, e.g. {@code us-east-1}. */
  public String regionCode() {
    return regionCode;
  }

  /** Every rate of the region for display, in catalog order: service, item, unit, price, source. */
  public List<PriceEntry> entries() {
    return entries;
  }

  /** The region's EC2 instance types by name, sorted. */
  public SortedMap<String, Ec2InstanceType> ec2Instances() {
    return ec2Instances;
  }

  /** The instance type named {@code name}, if the region's catalog has it. */
  public Optional<Ec2InstanceType> ec2Instance(String name) {
    return Optional.ofNullable(ec2Instances.get(name));
  }

  /**
   * The instance type named {@code name}.
   *
   * @throws IllegalArgumentException naming the known types when the catalog lacks it
   */
  Ec2InstanceType requireEc2Instance(String name) {
    Ec2InstanceType type = ec2Instances.get(name);
    // The list of known types is only built for the message: every EC2 price looks a type up.
    if (type == null) {
      throw new IllegalArgumentException(String.format("unknown instance type '%s' in %s (known: %s)",
          name, regionCode, String.join(", ", ec2Instances.keySet())));
    }
    return type;
  }

  /** Lambda's on-demand rates (requests, duration tiers, provisioned concurrency) for {@code architecture}. */
  public LambdaRates lambda(Architecture architecture) {
    return architecture == Architecture.ARM64 ? lambdaArm : lambdaX86;
  }

  /** US dollars per GB-s of Lambda ephemeral storage configured above the included 512 MB. */
  public double lambdaEphemeralStoragePerGbSecondUsd() {
    return lambdaEphemeralStoragePerGbSecondUsd;
  }

  /** Lambda Managed Instances: the request price and the management-fee fraction of the EC2 price. */
  public LambdaManagedInstancesRates lambdaManagedInstances() {
    return lambdaManagedInstances;
  }

  /**
   * Fargate's on-demand rates for {@code os} and {@code architecture}; Windows has its licence fee
   * in {@link FargateRates#osLicenceVcpuHourUsd()}.
   *
   * @throws IllegalArgumentException for Windows on arm64, which Fargate does not offer
   */
  public FargateRates fargate(OperatingSystem os, Architecture architecture) {
    if (os == OperatingSystem.WINDOWS) {
      checkArgument(architecture == Architecture.X86_64, "Fargate runs Windows on x86_64 only (was %s)", architecture);
      return fargateWindowsX86;
    }
    return architecture == Architecture.ARM64 ? fargateLinuxArm : fargateLinuxX86;
  }

  /**
   * Fargate Spot rates for {@code os} and {@code architecture}; empty where AWS does not offer Spot
   * (Windows and arm64).
   */
  public Optional<FargateRates> fargateSpot(OperatingSystem os, Architecture architecture) {
    return os == OperatingSystem.LINUX && architecture == Architecture.X86_64
        ? Optional.of(fargateSpotLinuxX86)
        : Optional.empty();
  }

  // The engine's hot path: no Optional.
  FargateRates fargateSpotLinuxX86() {
    return fargateSpotLinuxX86;
  }

  /** US dollars per GB-hour of Fargate ephemeral storage configured above the included 20 GB. */
  public double fargateEphemeralStoragePerGbHourUsd() {
    return fargateEphemeralStoragePerGbHourUsd;
  }

  /** API Gateway's monthly tiers for {@code type}, US dollars per 1,000,000 requests (tier bounds in millions). */
  public TieredPrice apiGateway(ApiType type) {
    return type == ApiType.REST ? apiGatewayRest : apiGatewayHttp;
  }

  /** Application Load Balancer rates: per hour and per LCU-hour. */
  public AlbRates alb() {
    return alb;
  }

  @Override
  public String toString() {
    return "RegionPrices[" + regionCode + ", " + entries.size() + " rates]";
  }
}
