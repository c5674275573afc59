package io.fitadvisor.pricing;

/**
 * A price file or catalog file that cannot be used. The message is {@code FILE: FIELD.PATH: RULE
 * (was VALUE)}, or {@code FILE: RULE} for problems not tied to one field (a missing file, a syntax
 * error with its line and column).
 */
public final class PriceFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final String fieldPath;

  PriceFileException(String file, String fieldPath, String message) {
    super(message);
    this.file = file;
    this.fieldPath = fieldPath;
  }

  PriceFileException(String file, String fieldPath, String message, Throwable cause) {
    super(message, cause);
    this.file = file;
    this.fieldPath = fieldPath;
  }

  /** A problem with field {@code fieldPath}: {@code FILE: PATH: RULE (was VALUE)}; {@code value} may be null to leave out the {@code (was ...)}. */
  static PriceFileException at(String file, String fieldPath, String rule, String value) {
    StringBuilder message = new StringBuilder(file).append(": ");
    if (!fieldPath.isEmpty()) {
      message.append(fieldPath).append(": ");
    }
    message.append(rule);
    if (value != null) {
      message.append(" (was ").append(value).append(')');
    }
    return new PriceFileException(file, fieldPath, message.toString());
  }

  /** A problem with the whole file: {@code FILE: RULE}. */
  static PriceFileException whole(String file, String rule, Throwable cause) {
    return new PriceFileException(file, "", file + ": " + rule, cause);
  }

  /** The file as the user named it. */
  public String file() {
    return file;
  }

  /** The field path, e.g. {@code deployments[2].lambda.memoryMb}; empty when the problem is the whole file. */
  public String fieldPath() {
    return fieldPath;
  }
}
