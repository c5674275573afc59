package io.fitadvisor.pricing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A set of AWS prices: an effective date, a description of the sources, and the rates of each
 * region. The built-in catalog ships inside the jar; a user can supply another in the same JSON
 * format (docs/CATALOG-FORMAT.md) for negotiated or historical prices. Immutable.
 */
public final class PriceCatalog {
  static final String BUILT_IN_RESOURCE = "/io/fitadvisor/pricing/catalog.json";
  static final String BUILT_IN_NAME = "built-in catalog";

  private final LocalDate effectiveDate;
  private final String source;
  private final SortedMap<String, RegionPrices> regions;

  PriceCatalog(LocalDate effectiveDate, String source, Map<String, RegionPrices> regions) {
    this.effectiveDate = checkNotNull(effectiveDate);
    this.source = checkNotNull(source);
    checkArgument(!regions.isEmpty(), "a catalog needs at least one region");
    this.regions = Collections.unmodifiableSortedMap(new TreeMap<>(regions));
  }

  /** The catalog inside the jar, read once and cached. */
  public static PriceCatalog builtIn() {
    return BuiltIn.CATALOG;
  }

  /**
   * Reads and checks a catalog file (JSON, or YAML by extension).
   *
   * @param file the path as the user gave it; messages name it as given
   * @throws PriceFileException if the file is missing, malformed or breaks a rule of the format
   */
  public static PriceCatalog read(Path file) {
    checkNotNull(file, "file must not be null");
    String name = file.toString();
    return CatalogReader.read(name, InputFiles.read(file, name));
  }

  /** The date the prices are in effect from. */
  public LocalDate effectiveDate() {
    return effectiveDate;
  }

  /** A short description of where the prices come from. */
  public String source() {
    return source;
  }

  /** The codes of the catalog's regions, sorted. */
  public List<String> regionCodes() {
    return List.copyOf(regions.keySet());
  }

  /** The prices of region {@code code}, if the catalog has it. */
  public Optional<RegionPrices> findRegion(String code) {
    return Optional.ofNullable(regions.get(code));
  }

  /**
   * The prices of region {@code code}.
   *
   * @throws IllegalArgumentException {@code unknown region 'xx-1' (known: ap-northeast-1, ...)}
   */
  public RegionPrices region(String code) {
    RegionPrices prices = regions.get(code);
    checkArgument(prices != null, "unknown region '%s' (known: %s)", code, knownRegions());
    return prices;
  }

  /** The region codes joined for messages. */
  String knownRegions() {
    return String.join(", ", regions.keySet());
  }

  @Override
  public String toString() {
    return "PriceCatalog[" + effectiveDate + ", " + regions.keySet() + "]";
  }

  // Lazy holder: the built-in catalog is parsed on first use, once.
  private static final class BuiltIn {
    static final PriceCatalog CATALOG = load();

    private static PriceCatalog load() {
      try (InputStream in = PriceCatalog.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("the built-in price catalog is missing from the classpath");
        }
        return CatalogReader.read(BUILT_IN_NAME, InputFiles.parse(in, BUILT_IN_NAME, InputFiles.Format.JSON));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the built-in price catalog", e);
      } catch (PriceFileException e) {
        throw new IllegalStateException("the built-in price catalog is invalid: " + e.getMessage(), e);
      }
    }
  }
}
