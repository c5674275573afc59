package io.fitadvisor.advisor;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measured Lambda INIT (cold start) durations per runtime, package type, architecture and memory,
 * from the bundled {@code lambda-cold-starts-2026.csv} (hello-world functions of the public
 * lambda-perf benchmark, January to August 2026, about 1,800 cold starts a row).
 *
 * <p>Runtime ids map to rows as follows: a managed runtime id that the table has (java21,
 * python3.12, nodejs22.x, ...) maps to itself; {@code provided.al2023} and {@code provided.al2}
 * (and the deprecated {@code provided} and {@code go1.x}) map to the Go rows of the same OS, a
 * typical compiled custom runtime; another version of a known
 * family (nodejs18.x) maps to the family's nearest measured version; anything else ({@code container}
 * or an unknown id) gets the slowest row measured for that package, architecture and memory, so an
 * unknown stack is not assumed fast. The row's memory is the one nearest the function's (the table
 * has 128, 256, 512 and 1,024 MB; ties go to the smaller).
 */
final class ColdStarts {
  static final String RESOURCE = "lambda-cold-starts-2026.csv";
  private static final ColdStarts BUILT_IN = read();
  private static final Pattern FAMILY_VERSION = Pattern.compile("([a-z]+)(\\d+(?:\\.\\d+)?).*");

  /** One row of the table: INIT durations in milliseconds for one memory size. */
  record InitDuration(String tableRuntime, String packaging, String architecture, int tableMemoryMb,
      double p50Ms, double p90Ms, double p99Ms) {}

  /** The rows of one runtime, package type and architecture, by memory; resolved once per service. */
  static final class Curve {
    private final int[] memoryMb;
    private final InitDuration[] rows;
    private final int[] boundaries;

    private Curve(List<InitDuration> sortedRows) {
      this.rows = sortedRows.toArray(new InitDuration[0]);
      this.memoryMb = sortedRows.stream().mapToInt(InitDuration::tableMemoryMb).toArray();
      this.boundaries = new int[memoryMb.length - 1];
      for (int i = 1; i < memoryMb.length; i++) {
        // Ties go to the smaller row, so the larger row is nearest from just past the midpoint.
        boundaries[i - 1] = (memoryMb[i - 1] + memoryMb[i]) / 2 + 1;
      }
    }

    /**
     * The first memory at which each row after the first becomes the nearest: where the INIT
     * duration of a function can change as its memory grows.
     */
    int[] boundaries() {
      return boundaries.clone();
    }

    /** The longest INIT p50 of any row, ms: an upper bound of {@code at(m).p50Ms()} for every memory. */
    double longestP50Ms() {
      double longest = 0;
      for (InitDuration row : rows) {
        longest = Math.max(longest, row.p50Ms());
      }
      return longest;
    }

    /**
     * The row whose memory is nearest {@code functionMemoryMb} (ties to the smaller memory): the
     * row after as many {@link #boundaries} as lie at or below it, found by binary search (this
     * runs for every memory a choice tries).
     */
    InitDuration at(int functionMemoryMb) {
      int lo = 0;
      int hi = boundaries.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (boundaries[mid] <= functionMemoryMb) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return rows[lo];
    }

    /** The rows' memories, ascending. */
    int[] memoriesMb() {
      return memoryMb.clone();
    }
  }

  /** runtime -> "packaging/architecture" -> rows sorted by memory. */
  private final Map<String, Map<String, List<InitDuration>>> byRuntime;
  /** "packaging/architecture" -> the slowest row (by p50) at each memory. */
  private final Map<String, List<InitDuration>> slowest;

  private ColdStarts(List<InitDuration> rows) {
    Map<String, Map<String, List<InitDuration>>> runtimes = new HashMap<>();
    Map<String, TreeMap<Integer, InitDuration>> slow = new HashMap<>();
    for (InitDuration row : rows) {
      String key = key(row.packaging(), row.architecture());
      runtimes.computeIfAbsent(row.tableRuntime(), r -> new HashMap<>())
          .computeIfAbsent(key, k -> new ArrayList<>()).add(row);
      slow.computeIfAbsent(key, k -> new TreeMap<>())
          .merge(row.tableMemoryMb(), row, (a, b) -> b.p50Ms() > a.p50Ms() ? b : a);
    }
    runtimes.values().forEach(m -> m.values()
        .forEach(list -> list.sort(Comparator.comparingInt(InitDuration::tableMemoryMb))));
    this.byRuntime = runtimes;
    Map<String, List<InitDuration>> slowLists = new HashMap<>();
    slow.forEach((key, byMemory) -> slowLists.put(key, List.copyOf(byMemory.values())));
    this.slowest = slowLists;
  }

  /** The bundled table (read once per class loader). */
  static ColdStarts builtIn() {
    return BUILT_IN;
  }

  /**
   * The INIT curve for a runtime id of the workload file.
   *
   * @param packaging {@code zip} or {@code image}
   * @param architecture {@code x86_64} or {@code arm64}
   */
  Curve curve(String runtimeId, String packaging, String architecture) {
    String key = key(packaging, architecture);
    Optional<String> row = tableRuntime(runtimeId);
    List<InitDuration> rows = row.map(r -> byRuntime.get(r).get(key)).orElse(null);
    if (rows == null || rows.isEmpty()) {
      rows = slowest.get(key);
    }
    checkArgument(rows != null, "no cold-start rows for %s", key);
    return new Curve(rows);
  }

  /** The table runtime a runtime id maps to, or empty when the slowest rows apply. */
  Optional<String> tableRuntime(String runtimeId) {
    if (byRuntime.containsKey(runtimeId)) {
      return Optional.of(runtimeId);
    }
    if (runtimeId.equals("provided.al2023")) {
      return Optional.of("go (prov.al2023)");
    }
    if (runtimeId.equals("provided.al2") || runtimeId.equals("provided") || runtimeId.equals("go1.x")) {
      return Optional.of("go (prov.al2)");
    }
    Matcher wanted = FAMILY_VERSION.matcher(runtimeId);
    if (!wanted.matches()) {
      return Optional.empty();
    }
    String family = wanted.group(1);
    double version = Double.parseDouble(wanted.group(2));
    // Sorted so that equal distances resolve the same way on every run.
    return byRuntime.keySet().stream().sorted()
        .map(FAMILY_VERSION::matcher)
        .filter(m -> m.matches() && m.group(1).equals(family) && m.group(0).indexOf(' ') < 0)
        .min(Comparator.comparingDouble(m -> Math.abs(Double.parseDouble(m.group(2)) - version)))
        .map(Matcher::group);
  }

  private static String key(String packaging, String architecture) {
    return packaging + "/" + architecture;
  }

  private static ColdStarts read() {
    try (InputStream in = ColdStarts.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String header = reader.readLine();
      checkArgument(header != null && header.startsWith("runtime,package,architecture,memory_mb"),
          "%s: unexpected header %s", RESOURCE, header);
      List<InitDuration> rows = new ArrayList<>();
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        // runtime,package,architecture,memory_mb,samples,init_p50_ms,init_p90_ms,init_p99_ms
        String[] f = line.split(",");
        checkArgument(f.length == 8, "%s: bad row %s", RESOURCE, line);
        rows.add(new InitDuration(f[0], f[1], f[2], Integer.parseInt(f[3]),
            Double.parseDouble(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7])));
      }
      return new ColdStarts(rows);
    } catch (IOException e) {
      throw new UncheckedIOException(RESOURCE + ": cannot be read", e);
    }
  }
}
