package io.fitadvisor.advisor;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import java.util.List;

/**
 * The advisor's answer for a whole application (the {@code advise} command's output).
 *
 * @param application the application's name
 * @param region the AWS region code the prices are for
 * @param catalogEffectiveDate the date the price catalog's prices are in effect from
 * @param catalogSource where the catalog's prices come from
 * @param services one entry per service, in the application's order
 * @param plan the application-level plan
 */
public record Advice(String application, String region, LocalDate catalogEffectiveDate,
    String catalogSource, List<ServiceAdvice> services, Plan plan) {

  /** Copies the services and checks the values. */
  public Advice {
    checkArgument(application != null && !application.isBlank(), "application must not be blank");
    checkArgument(region != null && !region.isBlank(), "region must not be blank");
    checkNotNull(catalogEffectiveDate, "catalogEffectiveDate must not be null");
    checkNotNull(catalogSource, "catalogSource must not be null");
    services = List.copyOf(services);
    checkNotNull(plan, "plan must not be null");
  }
}
