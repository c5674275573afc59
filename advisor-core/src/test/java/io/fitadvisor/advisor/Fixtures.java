package io.fitadvisor.advisor;

import io.fitadvisor.pricing.PriceCatalog;
import io.fitadvisor.pricing.RegionPrices;
import io.fitadvisor.workload.AccountPricing;
import io.fitadvisor.workload.Application;
import io.fitadvisor.workload.Architecture;
import io.fitadvisor.workload.Invocation;
import io.fitadvisor.workload.LoadSeries;
import io.fitadvisor.workload.Loads;
import io.fitadvisor.workload.Packaging;
import io.fitadvisor.workload.Preferences;
import io.fitadvisor.workload.Service;
import io.fitadvisor.workload.Target;

/** Shared test set-up: the built-in catalog's us-east-1 prices, on demand, default preferences. */
final class Fixtures {
  static final PriceCatalog CATALOG = PriceCatalog.builtIn();
  static final RegionPrices US_EAST_1 = CATALOG.region("us-east-1");
  static final AdviceContext ON_DEMAND = AdviceContext.of(US_EAST_1);
  static final Advisor ADVISOR = Advisor.of(CATALOG);

  // us-east-1 rates of the built-in catalog (shared/facts/aws-pricing.md, [S]), written out so the
  // tests' arithmetic does not depend on the code under test.
  static final double LAMBDA_REQUEST_USD = 0.2 / 1_000_000;
  static final double LAMBDA_X86_GB_SECOND_USD = 0.0000166667;
  static final double LAMBDA_ARM_GB_SECOND_USD = 0.0000133334;
  static final double FARGATE_X86_VCPU_HOUR_USD = 0.04048;
  static final double FARGATE_X86_GB_HOUR_USD = 0.004445;
  static final double FARGATE_SPOT_VCPU_HOUR_USD = 0.0124419;
  static final double FARGATE_SPOT_GB_HOUR_USD = 0.00136621;
  static final double C6G_LARGE_HOUR_USD = 0.068;

  private Fixtures() {}

  /** A Python function on zip, x86_64 only, sync, so one variant decides. */
  static Service.Builder python(String name) {
    return Service.builder(name)
        .runtime("python3.12")
        .packaging(Packaging.ZIP)
        .architectures(Architecture.X86_64)
        .invocation(Invocation.SYNC)
        .packageMb(20);
  }

  static ServiceAdvice advise(Service service) {
    return ADVISOR.advise(service, Loads.series(service), ON_DEMAND);
  }

  static ServiceAdvice advise(Service service, AdviceContext context) {
    return ADVISOR.advise(service, Loads.series(service), context);
  }

  static ServiceLoad load(Service service) {
    return new ServiceLoad(service, Loads.series(service));
  }

  static LambdaModel lambda(Service service) {
    ServiceLoad load = load(service);
    return new LambdaModel(load, ON_DEMAND, FitLimits.builtIn(), ColdStarts.builtIn(),
        new FrontDoors(load, ON_DEMAND));
  }

  static ContainerModel container(Target target, Service service) {
    ServiceLoad load = load(service);
    return new ContainerModel(target, load, ON_DEMAND, FitLimits.builtIn(), new FrontDoors(load, ON_DEMAND));
  }

  static Application application(String name, Service... services) {
    Application.Builder builder = Application.builder().name(name).region("us-east-1")
        .pricing(AccountPricing.DEFAULT).preferences(Preferences.DEFAULT);
    for (Service service : services) {
      builder.service(service);
    }
    return builder.build();
  }

  static String codes(TargetOption option) {
    StringBuilder codes = new StringBuilder();
    option.violations().forEach(f -> codes.append(f.code()).append(' '));
    option.warnings().forEach(f -> codes.append(f.code()).append(' '));
    return codes.toString().trim();
  }

  static double number(TargetOption option, String key) {
    return ((Number) option.configuration().get(key)).doubleValue();
  }

  static LoadSeries series(Service service) {
    return Loads.series(service);
  }
}
