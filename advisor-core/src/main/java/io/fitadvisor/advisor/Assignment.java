package io.fitadvisor.advisor;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.fitadvisor.workload.Target;

/**
 * Where the plan places one service.
 *
 * @param service the service's name
 * @param target the target it runs on
 */
public record Assignment(String service, Target target) {

  /** Checks that both are present. */
  public Assignment {
    checkArgument(service != null && !service.isBlank(), "service must not be blank (was '%s')", service);
    checkNotNull(target, "target must not be null");
  }
}
