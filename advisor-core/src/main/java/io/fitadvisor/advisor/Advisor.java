package io.fitadvisor.advisor;

import static com.google.common.base.Preconditions.checkNotNull;

import io.fitadvisor.pricing.PriceCatalog;
import io.fitadvisor.pricing.RegionPrices;
import io.fitadvisor.workload.Application;
import io.fitadvisor.workload.FrontDoor;
import io.fitadvisor.workload.LoadSeries;
import io.fitadvisor.workload.Loads;
import io.fitadvisor.workload.Service;
import io.fitadvisor.workload.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;

/**
 * Decides, for each service of an application, which target it should run on and what each
 * target costs a month, with reasons. Holds the price catalog and the bundled limits and
 * cold-start data; immutable and safe to share between threads.
 *
 * <p>The models and their defaults are described in docs/ADVISOR.md.
 */
public final class Advisor {
  private final PriceCatalog catalog;
  private final FitLimits limits;
  private final ColdStarts coldStarts;

  private Advisor(PriceCatalog catalog) {
    this.catalog = checkNotNull(catalog, "catalog must not be null");
    this.limits = FitLimits.builtIn();
    this.coldStarts = ColdStarts.builtIn();
  }

  /** An advisor that prices with {@code catalog} (e.g. {@link PriceCatalog#builtIn()}). */
  public static Advisor of(PriceCatalog catalog) {
    return new Advisor(catalog);
  }

  /**
   * The evaluation context of {@code application}: its region's prices in this advisor's catalog,
   * its pricing terms and preferences.
   *
   * @throws IllegalArgumentException when the catalog has no prices for the application's region
   */
  public AdviceContext context(Application application) {
    checkNotNull(application, "application must not be null");
    RegionPrices prices = catalog.region(application.region());
    return AdviceContext.of(prices, application);
  }

  /**
   * Advises on every service of {@code application}. Reads trace files once ({@link
   * Loads#series(Service)}), then evaluates every service; no other I/O. The application's own
   * {@code pricing.catalog} file is not read here: build the advisor with that catalog.
   *
   * @throws IllegalArgumentException when the catalog has no prices for the application's region
   * @throws io.fitadvisor.workload.WorkloadFileException when a trace file cannot be read
   */
  public Advice advise(Application application) {
    AdviceContext context = context(application);
    List<LoadSeries> series = new ArrayList<>(application.services().size());
    for (Service service : application.services()) {
      series.add(Loads.series(service));
    }
    List<ServiceAdvice> services = new ArrayList<>(series.size());
    for (int i = 0; i < series.size(); i++) {
      services.add(advise(application.services().get(i), series.get(i), context));
    }
    return new Advice(application.name(), application.region(), catalog.effectiveDate(),
        catalog.source(), services, Plans.sumOf(services));
  }

  /**
   * Evaluates one service on every target: I/O-free, and allocation-light enough to be called
   * millions of times (the per-minute concurrency is computed once and shared by all candidates).
   *
   * @param service the service
   * @param series its per-minute load over the month
   * @param context prices, account terms and preferences
   */
  public ServiceAdvice advise(Service service, LoadSeries series, AdviceContext context) {
    checkNotNull(service, "service must not be null");
    checkNotNull(series, "series must not be null");
    checkNotNull(context, "context must not be null");
    ServiceLoad load = new ServiceLoad(service, series);
    FrontDoors frontDoors = new FrontDoors(load, context);
    LambdaModel lambda = new LambdaModel(load, context, limits, coldStarts, frontDoors);
    List<ContainerModel> containers = List.of(
        new ContainerModel(Target.FARGATE, load, context, limits, frontDoors),
        new ContainerModel(Target.FARGATE_SPOT, load, context, limits, frontDoors),
        new ContainerModel(Target.ECS_EC2, load, context, limits, frontDoors));

    List<TargetOption> options = new ArrayList<>(Target.values().length);
    List<BreakEvens.Curve> curves = new ArrayList<>();
    for (Target target : Target.values()) {
      TargetOption option;
      DoubleUnaryOperator cost = null;
      switch (target) {
        case LAMBDA:
          option = lambda.option();
          cost = lambda::monthlyCostUsd;
          break;
        case FARGATE:
        case FARGATE_SPOT:
        case ECS_EC2:
          ContainerModel model = containers.get(target.ordinal() - Target.FARGATE.ordinal());
          option = model.option();
          cost = model::monthlyCostUsd;
          break;
        default:
          option = TargetOption.infeasible(target, List.of(new Finding(Codes.NOT_MODELLED,
              target.id() + " is not modelled yet; a later version of the advisor will price it")));
      }
      options.add(option);
      if (option.feasible()) {
        curves.add(new BreakEvens.Curve(target, cost));
      }
    }
    List<BreakEven> breakEven = BreakEvens.find(series.averageRequestsPerSecond(), curves);
    Optional<Recommendation> recommendation =
        Recommender.recommend(options, context.preferences(), breakEven);
    List<String> notes = new ArrayList<>(series.notes());
    if (recommendation.isEmpty()) {
      notes.add(Recommender.whyNone(options));
    }
    notes.addAll(frontDoorNotes(service, options));
    return new ServiceAdvice(service.name(), load.summary, recommendation, options, breakEven, notes);
  }

  private static List<String> frontDoorNotes(Service service, List<TargetOption> options) {
    boolean containerFeasible = options.stream()
        .anyMatch(o -> o.feasible() && o.target() != Target.LAMBDA);
    if (!containerFeasible) {
      return List.of();
    }
    FrontDoor door = service.frontDoor();
    if (door == FrontDoor.FUNCTION_URL) {
      return List.of("Containers have no function URL: their options include an Application Load "
          + "Balancer instead.");
    }
    if (door == FrontDoor.API_GATEWAY_HTTP || door == FrontDoor.API_GATEWAY_REST) {
      return List.of("Behind API Gateway, container options are priced for API Gateway's requests "
          + "only; the VPC link's private load balancer or Cloud Map namespace is not included.");
    }
    return List.of();
  }

  /** Plan figures: sums of per-service options (account-level sharing comes later). */
  static final class Plans {
    private Plans() {}

    static Plan sumOf(List<ServiceAdvice> services) {
      double total = 0;
      List<Assignment> assignments = new ArrayList<>();
      double lambda = 0;
      boolean allLambda = true;
      double containers = 0;
      boolean allContainers = true;
      for (ServiceAdvice service : services) {
        if (service.recommendation().isPresent()) {
          Recommendation r = service.recommendation().get();
          total += r.monthlyCostUsd();
          assignments.add(new Assignment(service.name(), r.target()));
        }
        TargetOption onLambda = service.option(Target.LAMBDA);
        allLambda &= onLambda.feasible();
        lambda += onLambda.monthlyCostUsd().orElse(0);
        OptionalDouble container = service.options().stream()
            .filter(o -> o.feasible() && (o.target() == Target.FARGATE
                || o.target() == Target.FARGATE_SPOT || o.target() == Target.ECS_EC2))
            .mapToDouble(o -> o.monthlyCostUsd().getAsDouble())
            .min();
        allContainers &= container.isPresent();
        containers += container.orElse(0);
      }
      return new Plan(total, assignments,
          allLambda ? OptionalDouble.of(lambda) : OptionalDouble.empty(),
          allContainers ? OptionalDouble.of(containers) : OptionalDouble.empty());
    }
  }
}
