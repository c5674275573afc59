package io.fitadvisor.cli;

/** A mistake in what the user asked for that is not tied to a field of an input file. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
