package io.fitadvisor.workload;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Looks up enum constants by the spelling the spec uses, with one message for every enum. */
final class Ids {
  private Ids() {}

  static <E extends Enum<E>> E fromId(
      E[] values, Function<E, String> id, String what, String text) {
    for (E value : values) {
      if (id.apply(value).equals(text)) {
        return value;
      }
    }
    throw new IllegalArgumentException(
        "unknown " + what + " " + Values.text(text) + " (known: " + known(values, id) + ")");
  }

  static <E extends Enum<E>> String known(E[] values, Function<E, String> id) {
    return Arrays.stream(values).map(id).collect(Collectors.joining(", "));
  }
}
