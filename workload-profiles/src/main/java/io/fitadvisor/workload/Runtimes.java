package io.fitadvisor.workload;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The runtime ids a service may name: the Lambda runtime ids of the resource file {@code
 * lambda-runtimes.txt} (kept as data so a new runtime is a one-line change), deprecated ones
 * included, plus {@value #CONTAINER} for any stack that only runs from a container image.
 */
public final class Runtimes {
  /** The runtime id of a service that is not on a Lambda managed runtime. */
  public static final String CONTAINER = "container";

  private static final String RESOURCE = "lambda-runtimes.txt";
  private static final List<String> KNOWN;
  private static final Set<String> DEPRECATED;

  static {
    List<String> known = new ArrayList<>();
    Set<String> deprecated = new LinkedHashSet<>();
    try (InputStream in = Runtimes.class.getResourceAsStream(RESOURCE)) {
      checkNotNull(in, "resource %s is missing from the jar", RESOURCE);
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
          continue;
        }
        String[] words = text.split("\\s+");
        known.add(words[0]);
        if (words.length > 1 && words[1].equals("deprecated")) {
          deprecated.add(words[0]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    known.add(CONTAINER);
    KNOWN = List.copyOf(known);
    DEPRECATED = Set.copyOf(deprecated);
  }

  private Runtimes() {}

  /** Whether {@code id} is a Lambda runtime id (current or deprecated) or {@value #CONTAINER}. */
  public static boolean isKnown(String id) {
    return KNOWN.contains(id);
  }

  /** Every known id: current Lambda runtimes, then deprecated ones, then {@value #CONTAINER}. */
  public static List<String> known() {
    return KNOWN;
  }

  /** Whether {@code id} is a Lambda runtime that AWS no longer updates. */
  public static boolean isDeprecated(String id) {
    return DEPRECATED.contains(id);
  }
}
