package io.fitadvisor.advisor;

import static com.google.common.base.Preconditions.checkNotNull;

import io.fitadvisor.pricing.AlbDeployment;
import io.fitadvisor.pricing.ApiGatewayDeployment;
import io.fitadvisor.pricing.Architecture;
import io.fitadvisor.pricing.Deployment;
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
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;

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
   * Advises on every service of {@code application} and makes the application plan. Reads each
   * trace file once ({@link Loads#series(Service)}) and evaluates the services in parallel on the
   * common fork-join pool (results in input order, identical to a sequential run; when several
   * services fail, the first in input order is thrown), then plans; no other I/O. The application's own {@code pricing.catalog} file is not read here: build the advisor
   * with that catalog.
   *
   * @throws IllegalArgumentException when the catalog has no prices for the application's region
   * @throws io.fitadvisor.workload.WorkloadFileException when a trace file cannot be read
   */
  public Advice advise(Application application) {
    AdviceContext context = context(application);
    List<Service> inputs = application.services();
    int n = inputs.size();
    ServiceEvaluation[] evaluations = new ServiceEvaluation[n];
    RuntimeException[] failures = new RuntimeException[n];
    // Services are independent: each is read and evaluated on its own thread of the common pool,
    // and its per-minute arrays go back to its thread once its evaluation returns (only the
    // choices stay).
    // Results land at their input index, so the outcome does not depend on the schedule.
    IntStream.range(0, n).parallel().forEach(i -> {
      try {
        Service service = inputs.get(i);
        evaluations[i] = evaluate(service, Loads.series(service), context, true);
      } catch (RuntimeException e) {
        failures[i] = e;
      }
    });
    // The first failing service in input order, as a sequential loop would have reported.
    for (RuntimeException failure : failures) {
      if (failure != null) {
        throw failure;
      }
    }
    List<ServiceEvaluation> evaluated = List.of(evaluations);
    List<ServiceAdvice> services = evaluated.stream().map(ServiceEvaluation::advice).toList();
    return new Advice(application.name(), application.region(), catalog.effectiveDate(),
        catalog.source(), services, plan(evaluated, context));
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
    return evaluate(service, series, context, false).advice();
  }

  /**
   * Evaluates one service on every target, as {@link #advise(Service, LoadSeries, AdviceContext)},
   * keeping what {@link #plan(List, AdviceContext)} needs to combine it with other services.
   *
   * @param service the service
   * @param series its per-minute load over the month
   * @param context prices, account terms and preferences
   */
  public ServiceEvaluation evaluate(Service service, LoadSeries series, AdviceContext context) {
    return evaluate(service, series, context, true);
  }

  /**
   * The evaluation, with the plan's choices when {@code forPlan} (the advice alone needs none),
   * in the per-minute arrays this thread reuses from one evaluation to the next.
   */
  private ServiceEvaluation evaluate(Service service, LoadSeries series, AdviceContext context, boolean forPlan) {
    checkNotNull(service, "service must not be null");
    checkNotNull(series, "series must not be null");
    checkNotNull(context, "context must not be null");
    try (MinuteArrays arrays = MinuteArrays.borrow()) {
      return evaluate(service, series, context, forPlan, arrays);
    }
  }

  /**
   * The evaluation in per-minute arrays from {@code arrays} (for tests: junk-filled ones); nothing
   * it returns refers to them.
   */
  ServiceEvaluation evaluate(Service service, LoadSeries series, AdviceContext context, boolean forPlan,
      MinuteArrays arrays) {
    ServiceLoad load = new ServiceLoad(service, series, arrays);
    FrontDoors frontDoors = new FrontDoors(load, context);
    LambdaModel lambda = new LambdaModel(load, context, limits, coldStarts, frontDoors);
    LmiModel lmi = new LmiModel(load, context, limits, frontDoors);
    ContainerModel fargate = new ContainerModel(Target.FARGATE, load, context, limits, frontDoors);
    ContainerModel spot = new ContainerModel(Target.FARGATE_SPOT, load, context, limits, frontDoors);
    ContainerModel ecsEc2 = new ContainerModel(Target.ECS_EC2, load, context, limits, frontDoors);
    HybridModel hybrid = new HybridModel(load, context, limits, frontDoors, lambda, fargate, ecsEc2);

    List<TargetOption> options = new ArrayList<>(Target.values().length);
    List<BreakEvens.Curve> curves = new ArrayList<>();
    for (Target target : Target.values()) {
      TargetOption option;
      DoubleUnaryOperator cost;
      BreakEvens.Bounds bounds = null;
      switch (target) {
        case LAMBDA:
          option = lambda.option();
          cost = lambda::monthlyCostUsd;
          // Lambda's exact cost at another load sums the month's cold starts: the search first
          // tries bounds that need no pass over the month.
          bounds = new BreakEvens.Bounds(lambda::lowerBoundUsd, lambda::upperBoundUsd);
          break;
        case LAMBDA_MANAGED_INSTANCES:
          option = lmi.option();
          cost = lmi::monthlyCostUsd;
          bounds = lmi.bounds();
          break;
        case FARGATE:
          option = fargate.option();
          cost = fargate::monthlyCostUsd;
          bounds = fargate.bounds();
          break;
        case FARGATE_SPOT:
          option = spot.option();
          cost = spot::monthlyCostUsd;
          bounds = spot.bounds();
          break;
        case ECS_EC2:
          option = ecsEc2.option();
          cost = ecsEc2::monthlyCostUsd;
          bounds = ecsEc2.bounds();
          break;
        default:
          option = hybrid.option();
          // A mix of two targets: its break-even with either part says nothing new.
          cost = null;
      }
      options.add(option);
      if (option.feasible() && cost != null) {
        curves.add(new BreakEvens.Curve(target, cost, bounds));
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
    ServiceAdvice advice = new ServiceAdvice(service.name(), load.summary, recommendation, options, breakEven, notes);
    // The choices are made now, so the per-minute series can go once the evaluation returns.
    return new ServiceEvaluation(advice, context, forPlan
        ? choices(options, frontDoors, lambda, lmi, List.of(fargate, spot, ecsEc2), hybrid) : List.of());
  }

  /**
   * The application plan of evaluated services (docs/PLAN.md): one target per service that some
   * target can host, minimising the monthly cost plus operating effort with shared effects counted
   * once; exact up to 12 services, a heuristic with a stated bound beyond. Deterministic.
   *
   * @param evaluations the application's services, evaluated with {@code context}, in order
   * @param context the context they were evaluated with (account terms, preferences)
   * @throws IllegalArgumentException when an evaluation was made with another context, or two
   *     services share a name
   */
  public Plan plan(List<ServiceEvaluation> evaluations, AdviceContext context) {
    checkNotNull(evaluations, "evaluations must not be null");
    checkNotNull(context, "context must not be null");
    java.util.Set<String> names = new java.util.HashSet<>();
    for (ServiceEvaluation evaluation : evaluations) {
      checkNotNull(evaluation, "evaluations must not contain null");
      com.google.common.base.Preconditions.checkArgument(evaluation.context() == context,
          "service %s was evaluated with another context", evaluation.advice().name());
      com.google.common.base.Preconditions.checkArgument(names.add(evaluation.advice().name()),
          "service names must be unique ('%s' repeats)", evaluation.advice().name());
    }
    return new Planner(evaluations, context).plan();
  }

  /** For tests that look inside the search; {@code pruneDominated} as in {@link Planner}. */
  Planner planner(List<ServiceEvaluation> evaluations, AdviceContext context, boolean pruneDominated) {
    return new Planner(evaluations, context, pruneDominated);
  }

  /** The plan's ways of running one service: one per feasible option, and the shared ECS cluster. */
  private static List<PlanChoice> choices(List<TargetOption> options, FrontDoors frontDoors,
      LambdaModel lambda, LmiModel lmi, List<ContainerModel> containers, HybridModel hybrid) {
    List<PlanChoice> choices = new ArrayList<>();
    for (TargetOption option : options) {
      if (!option.feasible()) {
        continue;
      }
      Target target = option.target();
      double alone = option.monthlyCostUsd().getAsDouble();
      boolean lambdaSide = target == Target.LAMBDA || target == Target.LAMBDA_MANAGED_INSTANCES;
      Optional<Deployment> door = frontDoors.deployment(lambdaSide, 1.0);
      ApiGatewayDeployment api = door.filter(d -> d instanceof ApiGatewayDeployment)
          .map(d -> (ApiGatewayDeployment) d).orElse(null);
      double lcu = door.filter(d -> d instanceof AlbDeployment).map(d -> ((AlbDeployment) d).lcu())
          .orElse(Double.NaN);
      switch (target) {
        case LAMBDA:
          choices.add(new PlanChoice(target, option, "own", 0, lambda.chosen().orElseThrow().deployment(), api, lcu,
              null, null, alone));
          break;
        case LAMBDA_MANAGED_INSTANCES:
          choices.add(new PlanChoice(target, option, "own", lmi.computeMonthlyCostUsd(), null, api, lcu, null, null,
              alone));
          break;
        case HYBRID:
          choices.add(new PlanChoice(target, option, "own", hybrid.containerMonthlyCostUsd(),
              hybrid.overflowDeployment(), api, lcu, null, null, alone));
          break;
        default:
          ContainerModel model = containers.get(target.ordinal() - Target.FARGATE.ordinal());
          choices.add(new PlanChoice(target, option, target == Target.ECS_EC2 ? "own cluster" : "own",
              model.computeMonthlyCostUsd(), null, api, lcu, null, null, alone));
          if (target == Target.ECS_EC2) {
            for (Architecture architecture : Architecture.values()) {
              model.clusterTasks(architecture).ifPresent(tasks -> choices.add(new PlanChoice(target, option,
                  "shared " + architecture.id() + " cluster", 0, null, api, lcu, architecture, tasks, alone)));
            }
          }
      }
    }
    return choices;
  }

  private static List<String> frontDoorNotes(Service service, List<TargetOption> options) {
    boolean containerFeasible = options.stream()
        .anyMatch(o -> o.feasible() && o.target() != Target.LAMBDA
            && o.target() != Target.LAMBDA_MANAGED_INSTANCES);
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
}
