package io.fitadvisor.advisor;

import io.fitadvisor.pricing.AlbDeployment;
import io.fitadvisor.pricing.ApiGatewayDeployment;
import io.fitadvisor.pricing.ApiType;
import io.fitadvisor.pricing.BillingMonth;
import io.fitadvisor.pricing.CostLine;
import io.fitadvisor.pricing.Deployment;
import io.fitadvisor.pricing.PricedDeployment;
import io.fitadvisor.workload.FrontDoor;
import java.util.List;
import java.util.Optional;

/**
 * What the service's front door costs on Lambda and on containers, priced by the pricing engine.
 *
 * <ul>
 *   <li>{@code api-gateway-http}: per request, each started 512 KB of the request payload metered
 *       as one request; {@code api-gateway-rest}: per request.
 *   <li>{@code alb}: one load balancer for the service, 730 hours, plus LCU-hours estimated per
 *       minute as the largest of: new connections per second / 25 (one connection per request, a
 *       pessimistic reading), requests in flight / 3,000 active connections, and GB processed per
 *       hour / 1 (0.4 for Lambda targets); rule evaluations are taken to stay within the free ten
 *       per request.
 *   <li>{@code function-url}: free on Lambda. Containers have no function URL, so they get an ALB.
 *   <li>{@code none}: nothing.
 * </ul>
 *
 * Every part is linear in the request rate, so a load scaled by {@code k} costs the fixed part
 * plus {@code k} times the rest.
 */
final class FrontDoors {
  private static final double HTTP_METERING_KB = 512;
  private static final double NEW_CONNECTIONS_PER_LCU = 25;
  private static final double ACTIVE_CONNECTIONS_PER_LCU = 3_000;
  private static final double GB_PER_HOUR_PER_LCU_INSTANCES = 1.0;
  private static final double GB_PER_HOUR_PER_LCU_LAMBDA = 0.4;

  private final ServiceLoad load;
  private final AdviceContext context;
  // Computed once, together: a pass over the month.
  private double lambdaLcu = Double.NaN;
  private double containerLcu = Double.NaN;
  // The last factor priced on each side (Lambda, containers) and its cost; NaN equals no factor.
  private final double[] lastFactor = {Double.NaN, Double.NaN};
  private final double[] lastUsd = new double[2];

  FrontDoors(ServiceLoad load, AdviceContext context) {
    this.load = load;
    this.context = context;
  }

  /** The front door a target really gets: containers have no function URL and use an ALB. */
  FrontDoor effective(boolean lambdaTarget) {
    FrontDoor door = load.service.frontDoor();
    return !lambdaTarget && door == FrontDoor.FUNCTION_URL ? FrontDoor.ALB : door;
  }

  /** The priced front door at load factor {@code k}, or empty when it costs nothing. */
  Optional<PricedDeployment> price(boolean lambdaTarget, double k) {
    Optional<Deployment> deployment = deployment(lambdaTarget, k);
    return deployment.map(d -> context.engine().price(d, context.terms()));
  }

  /** The cost lines at load factor {@code k}. */
  List<CostLine> lines(boolean lambdaTarget, double k) {
    return price(lambdaTarget, k).map(PricedDeployment::lines).orElse(List.of());
  }

  /**
   * The monthly cost in US dollars at load factor {@code k}. The last factor's is kept per side:
   * the break-even search asks for one factor several times in a row (bounds, then exact costs,
   * of targets that share a side).
   */
  double monthlyCostUsd(boolean lambdaTarget, double k) {
    int side = lambdaTarget ? 0 : 1;
    if (Double.doubleToRawLongBits(lastFactor[side]) != Double.doubleToRawLongBits(k)) {
      Optional<Deployment> deployment = deployment(lambdaTarget, k);
      lastUsd[side] = deployment.isPresent() ? context.engine().monthlyCostUsd(deployment.get(), context.terms()) : 0.0;
      lastFactor[side] = k;
    }
    return lastUsd[side];
  }

  /** The front door as the engine prices it at load factor {@code k}; empty when it costs nothing. */
  Optional<Deployment> deployment(boolean lambdaTarget, double k) {
    String name = load.service.name();
    double requests = k * load.monthlyRequests;
    switch (effective(lambdaTarget)) {
      case API_GATEWAY_HTTP:
        double metered = Math.max(1, Math.ceil(load.service.requestKb() / HTTP_METERING_KB - 1e-9));
        return Optional.of(new ApiGatewayDeployment(name, ApiType.HTTP, requests * metered));
      case API_GATEWAY_REST:
        return Optional.of(new ApiGatewayDeployment(name, ApiType.REST, requests));
      case ALB:
        return Optional.of(new AlbDeployment(name, BillingMonth.HOURS_PER_MONTH,
            k * averageLcu(lambdaTarget)));
      default:
        return Optional.empty();
    }
  }

  /** Average LCUs over the month at the service's own load (factor 1). */
  double averageLcu(boolean lambdaTarget) {
    if (Double.isNaN(lambdaLcu)) {
      computeAverageLcus();
    }
    return lambdaTarget ? lambdaLcu : containerLcu;
  }

  /**
   * Works out both sides' average LCUs in one pass over the month, each sum in minute order: an
   * ALB service prices both, and the second sum rides along nearly free (the pass waits on its
   * serial additions, not on its reads).
   */
  private void computeAverageLcus() {
    double kbPerRequest = load.service.requestKb() + load.service.responseKb();
    float[] requests = load.requests;
    float[] inFlight = load.concurrency;
    double lambdaSum = 0;
    double containerSum = 0;
    // A steady load: every minute is the first.
    int minutes = load.constant ? 1 : requests.length;
    if (!load.constant && load.levels() && load.levelRequests() != null) {
      // Every minute of a concurrency level has the same requests: each level's LCUs are worked
      // out once, then added in minute order, so the sums are the per-minute ones to the bit.
      float[] levelRequests = load.levelRequests();
      float[] levelValue = load.levelValue();
      double[] lambdaOfLevel = new double[levelValue.length];
      double[] containerOfLevel = new double[levelValue.length];
      for (int level = 0; level < levelValue.length; level++) {
        lambdaOfLevel[level] = lcu(levelRequests[level], levelValue[level], kbPerRequest, true);
        containerOfLevel[level] = lcu(levelRequests[level], levelValue[level], kbPerRequest, false);
      }
      for (int level : load.levelOf()) {
        lambdaSum += lambdaOfLevel[level];
        containerSum += containerOfLevel[level];
      }
    } else {
      for (int t = 0; t < minutes; t++) {
        lambdaSum += lcu(requests[t], inFlight[t], kbPerRequest, true);
        containerSum += lcu(requests[t], inFlight[t], kbPerRequest, false);
      }
    }
    lambdaLcu = lambdaSum / minutes;
    containerLcu = containerSum / minutes;
  }

  /** The LCUs of one minute with {@code requests} new connections and {@code inFlight} active ones. */
  private static double lcu(float requests, float inFlight, double kbPerRequest, boolean lambdaTarget) {
    double gbPerHourPerLcu = lambdaTarget ? GB_PER_HOUR_PER_LCU_LAMBDA : GB_PER_HOUR_PER_LCU_INSTANCES;
    double newConnections = requests / 60.0 / NEW_CONNECTIONS_PER_LCU;
    double active = inFlight / ACTIVE_CONNECTIONS_PER_LCU;
    double gbPerHour = requests * 60.0 * kbPerRequest / (1024.0 * 1024.0) / gbPerHourPerLcu;
    return Math.max(newConnections, Math.max(active, gbPerHour));
  }
}
