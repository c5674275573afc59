package io.fitadvisor.workload;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An application: the services the advisor places, and the account context they share. Read one
 * from a file with {@link Workloads#read}, or build one with {@link #builder()}; both check the
 * same rules.
 *
 * @param name a name for the report ({@code application} in the file), not blank
 * @param region an AWS region code such as {@code us-east-1}; whether the price catalog has it is
 *     checked where prices are known
 * @param pricing account-level pricing context
 * @param preferences how the recommendation weighs options
 * @param services at least one, names unique, in file order
 */
public record Application(
    String name,
    String region,
    AccountPricing pricing,
    Preferences preferences,
    List<Service> services) {

  // Two lowercase letters, one or two words, a number: us-east-1, us-gov-west-1, ap-southeast-7.
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+){1,2}-[0-9]{1,2}");

  /**
   * Checks the application-level rules.
   *
   * @throws IllegalArgumentException naming the field, e.g. {@code services[3].name: must be
   *     unique, services[1] has the same name (was 'api')}
   */
  public Application {
    Checks.notBlank("application", name);
    Checks.notBlank("region", region);
    if (!REGION.matcher(region).matches()) {
      throw RuleViolation.of("region", "must be an AWS region code such as us-east-1", region);
    }
    Checks.present("pricing", pricing);
    Checks.present("preferences", preferences);
    Checks.present("services", services);
    services = List.copyOf(services);
    if (services.isEmpty()) {
      throw new RuleViolation("services", "must list at least one service", null);
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < services.size(); i++) {
      Integer first = seen.putIfAbsent(services.get(i).name(), i);
      if (first != null) {
        throw RuleViolation.of(
            "services[" + i + "].name",
            "must be unique, services[" + first + "] has the same name",
            services.get(i).name());
      }
    }
  }

  /** The service called {@code serviceName}, if any. */
  public Optional<Service> service(String serviceName) {
    requireNonNull(serviceName, "serviceName");
    return services.stream().filter(s -> s.name().equals(serviceName)).findFirst();
  }

  /** A builder with default pricing and preferences; name, region and services must be set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Application}; rules are checked by {@link #build()}. */
  public static final class Builder {
    private String name;
    private String region;
    private AccountPricing pricing = AccountPricing.DEFAULT;
    private Preferences preferences = Preferences.DEFAULT;
    private final List<Object> services = new ArrayList<>();

    private Builder() {}

    /** A name for the report. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** An AWS region code such as {@code us-east-1}. */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /** Account-level pricing context. */
    public Builder pricing(AccountPricing pricing) {
      this.pricing = pricing;
      return this;
    }

    /** How the recommendation weighs options. */
    public Builder preferences(Preferences preferences) {
      this.preferences = preferences;
      return this;
    }

    /** Adds a built service. */
    public Builder service(Service service) {
      services.add(requireNonNull(service, "service"));
      return this;
    }

    /**
     * Adds a service to build with the application, so that a broken rule names its index: {@code
     * services[2].duration.meanMs: must be greater than 0 (was -5)}.
     */
    public Builder service(Service.Builder service) {
      services.add(requireNonNull(service, "service"));
      return this;
    }

    /**
     * The application.
     *
     * @throws IllegalArgumentException when a rule is broken, naming the field
     */
    public Application build() {
      List<Service> built = new ArrayList<>(services.size());
      for (int i = 0; i < services.size(); i++) {
        Object entry = services.get(i);
        if (entry instanceof Service.Builder builder) {
          try {
            built.add(builder.build());
          } catch (RuleViolation e) {
            throw e.under("services[" + i + "]");
          }
        } else {
          built.add((Service) entry);
        }
      }
      return new Application(name, region, pricing, preferences, built);
    }
  }
}
