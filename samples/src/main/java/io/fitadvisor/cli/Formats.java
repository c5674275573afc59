package io.fitadvisor.cli;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Checks that a command supports the format asked for. */
final class Formats {
  private Formats() {}

  static void require(Format asked, String option, Format... supported) {
    if (!Arrays.asList(supported).contains(asked)) {
      throw new UsageException(option + ": format '" + asked + "' is not offered by this command (use "
          + Arrays.stream(supported).map(Enum::name).collect(Collectors.joining(" or ")) + ")");
    }
  }
}
