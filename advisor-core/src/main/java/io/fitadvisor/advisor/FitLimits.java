package io.fitadvisor.advisor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AWS limits and modelling defaults the fit checks and scaling models use, read once from the
 * bundled {@code limits.json} (each value there names its source). Units are in the names.
 */
record FitLimits(
    int lambdaMinMemoryMb,
    int lambdaMaxMemoryMb,
    int lambdaMemoryMbPerVcpu,
    double lambdaTimeoutSeconds,
    int lambdaMinEphemeralStorageMb,
    int lambdaMaxEphemeralStorageMb,
    double lambdaZipUnzippedMaxMb,
    double lambdaImageMaxMb,
    double lambdaSyncPayloadMaxKb,
    double lambdaAsyncPayloadMaxKb,
    double lambdaConcurrencyQuota,
    double lambdaScalingEnvironmentsPer10Seconds,
    double lambdaInitMaxSeconds,
    int lambdaKeepAliveMinutes,
    double fargateIncludedEphemeralStorageGb,
    double fargateMaxEphemeralStorageGb,
    double fargateTaskStartupSeconds,
    double ec2CapacitySeconds,
    int scaleOutAlarmMinutes,
    int scaleInMinutes,
    double ecsReservedMemoryMib,
    int lmiMinInstances,
    int lmiDoublingMinutes,
    double lmiEnvironmentMaxMemoryGb,
    double lmiEnvironmentMaxVcpu,
    double lmiEnvironmentMinMemoryGb,
    double lmiMemoryGibPerVcpuMin,
    double lmiMemoryGibPerVcpuMax,
    int lmiConcurrencyPerVcpuPython,
    int lmiConcurrencyPerVcpuNodejs,
    int lmiConcurrencyPerVcpuJava,
    int lmiConcurrencyPerVcpuDotnet,
    int lmiConcurrencyPerVcpuOther,
    double lmiTargetUtilization,
    int lmiScaleInMinutes) {

  private static final String RESOURCE = "limits.json";
  private static final FitLimits BUILT_IN = read();

  /** The bundled limits (read once per class loader). */
  static FitLimits builtIn() {
    return BUILT_IN;
  }

  private static FitLimits read() {
    Map<String, Double> values = new LinkedHashMap<>();
    try (InputStream in = FitLimits.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      JsonNode limits = new ObjectMapper().readTree(in).path("limits");
      for (Map.Entry<String, JsonNode> entry : limits.properties()) {
        JsonNode value = entry.getValue().path("value");
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
          throw new IllegalStateException(RESOURCE + ": " + entry.getKey() + ".value: must be a number");
        }
        if (entry.getValue().path("source").asText("").isBlank()) {
          throw new IllegalStateException(RESOURCE + ": " + entry.getKey() + ".source: is missing");
        }
        values.put(entry.getKey(), value.doubleValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(RESOURCE + ": cannot be read", e);
    }
    Values v = new Values(values);
    return new FitLimits(
        v.integer("lambda.memoryMb.min"),
        v.integer("lambda.memoryMb.max"),
        v.integer("lambda.memoryMbPerVcpu"),
        v.number("lambda.timeoutSeconds"),
        v.integer("lambda.ephemeralStorageMb.min"),
        v.integer("lambda.ephemeralStorageMb.max"),
        v.number("lambda.zipUnzippedMb.max"),
        v.number("lambda.imageMb.max"),
        v.number("lambda.syncPayloadKb.max"),
        v.number("lambda.asyncPayloadKb.max"),
        v.number("lambda.concurrencyQuota"),
        v.number("lambda.scalingEnvironmentsPer10Seconds"),
        v.number("lambda.initSeconds.max"),
        v.integer("lambda.keepAliveMinutes"),
        v.number("fargate.ephemeralStorageGb.included"),
        v.number("fargate.ephemeralStorageGb.max"),
        v.number("fargate.taskStartupSeconds"),
        v.number("ec2.capacitySeconds"),
        v.integer("autoscaling.scaleOutAlarmMinutes"),
        v.integer("autoscaling.scaleInMinutes"),
        v.number("ecs.reservedMemoryMib"),
        v.integer("lmi.minInstances"),
        v.integer("lmi.doublingMinutes"),
        v.number("lmi.environmentMaxMemoryGb"),
        v.number("lmi.environmentMaxVcpu"),
        v.number("lmi.environmentMinMemoryGb"),
        v.number("lmi.memoryGibPerVcpu.min"),
        v.number("lmi.memoryGibPerVcpu.max"),
        v.integer("lmi.concurrencyPerVcpu.python"),
        v.integer("lmi.concurrencyPerVcpu.nodejs"),
        v.integer("lmi.concurrencyPerVcpu.java"),
        v.integer("lmi.concurrencyPerVcpu.dotnet"),
        v.integer("lmi.concurrencyPerVcpu.other"),
        v.number("lmi.targetUtilization"),
        v.integer("lmi.scaleInMinutes"));
  }

  /** Named look-ups that fail loudly on a missing key, so a typo in the resource cannot go unseen. */
  private record Values(Map<String, Double> values) {
    double number(String key) {
      Double value = values.get(key);
      if (value == null) {
        throw new IllegalStateException(RESOURCE + ": " + key + ": is missing");
      }
      return value;
    }

    int integer(String key) {
      return (int) Math.round(number(key));
    }
  }
}
