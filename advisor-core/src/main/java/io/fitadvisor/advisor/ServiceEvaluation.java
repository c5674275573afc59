package io.fitadvisor.advisor;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;

/**
 * One service evaluated on every target ({@link Advisor#evaluate}): its advice, and what the
 * application plan needs to combine it with the application's other services ({@link
 * Advisor#plan}), in a compact form (a few kilobytes: ECS task counts are kept as runs, the
 * per-minute series are not kept). Immutable and safe to share between threads.
 */
public final class ServiceEvaluation {
  private final ServiceAdvice advice;
  private final AdviceContext context;
  private final List<PlanChoice> choices;

  ServiceEvaluation(ServiceAdvice advice, AdviceContext context, List<PlanChoice> choices) {
    this.advice = checkNotNull(advice, "advice must not be null");
    this.context = checkNotNull(context, "context must not be null");
    this.choices = List.copyOf(choices);
  }

  /** The service's advice: options, recommendation, break-even rates and notes. */
  public ServiceAdvice advice() {
    return advice;
  }

  /** The context it was evaluated in; a plan combines evaluations of one context only. */
  AdviceContext context() {
    return context;
  }

  /** The plan's ways of running this service. */
  List<PlanChoice> choices() {
    return choices;
  }
}
