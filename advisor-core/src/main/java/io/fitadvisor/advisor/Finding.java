package io.fitadvisor.advisor;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A fit problem of one option: a violation (the option is infeasible) or a warning (it is
 * feasible, with a risk). Codes are stable UPPER_SNAKE_CASE words such as {@code LAMBDA_TIMEOUT};
 * messages are plain sentences with the numbers that decided.
 *
 * @param code stable UPPER_SNAKE_CASE code
 * @param message what is wrong, with numbers
 */
public record Finding(String code, String message) {

  /** Checks that the code is UPPER_SNAKE_CASE and the message is not blank. */
  public Finding {
    checkArgument(code != null && code.matches("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*"),
        "code must be UPPER_SNAKE_CASE (was %s)", code);
    checkArgument(message != null && !message.isBlank(), "message must not be blank (was '%s')", message);
  }
}
