package io.fitadvisor.advisor;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.regex.Pattern;

/**
 * A fit problem of one option: a violation (the option is infeasible) or a warning (it is
 * feasible, with a risk). Codes are stable UPPER_SNAKE_CASE words such as {@code LAMBDA_TIMEOUT};
 * messages are plain sentences with the numbers that decided.
 *
 * @param code stable UPPER_SNAKE_CASE code
 * @param message what is wrong, with numbers
 */
public record Finding(String code, String message) {
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

  /** Checks that the code is UPPER_SNAKE_CASE and the message is not blank. */
  public Finding {
    checkArgument(code != null && CODE.matcher(code).matches(),
        "code must be UPPER_SNAKE_CASE (was %s)", code);
    checkArgument(message != null && !message.isBlank(), "message must not be blank (was '%s')", message);
  }
}
