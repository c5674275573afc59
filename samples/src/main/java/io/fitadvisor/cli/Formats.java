package io.fitadvisor.cli;

import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/** Checks that a command supports the format asked for. */
final class Formats {
  private Formats() {}

  static void require(Format asked, String option, Format... supported) {
    if (!Arrays.asList(supported).contains(asked)) {
      throw new UsageException(option + ": format '" + asked + "' is not offered by this command (use "
          + Arrays.stream(supported).map(Enum::name).collect(Collectors.joining(" or ")) + ")");
    }
  }

  /** The {@code --format} option of the commands that print a table or JSON (a picocli mixin). */
  static final class TableOrJson {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
        description = "table or json (default: ${DEFAULT-VALUE})")
    Format format;

    /** Whether JSON was asked for; a usage error for a format other than the two. */
    boolean json() {
      require(format, "--format", Format.table, Format.json);
      return format == Format.json;
    }
  }
}
