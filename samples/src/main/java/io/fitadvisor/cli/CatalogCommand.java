package io.fitadvisor.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fitadvisor.pricing.PriceCatalog;
import io.fitadvisor.pricing.PriceEntry;
import io.fitadvisor.pricing.RegionPrices;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fit-advisor catalog}: shows the price catalog in use. */
@Command(
    name = "catalog",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Shows the price catalog in use: its effective date, sources, regions and rates.",
      "Without --region, lists the regions; with it, every rate of that region."
    })
final class CatalogCommand implements OutputCommand {
  @Option(names = "--region", paramLabel = "REGION", description = "an AWS region code, e.g. us-east-1")
  String region;

  @Option(names = "--catalog", paramLabel = "FILE",
      description = "a catalog file (docs/CATALOG-FORMAT.md) instead of the built-in one")
  Path catalogFile;

  @Mixin
  Formats.TableOrJson format;

  @Override
  public String produce() {
    boolean json = format.json();
    PriceCatalog catalog = catalogFile == null ? PriceCatalog.builtIn() : PriceCatalog.read(catalogFile);
    List<RegionPrices> regions;
    if (region == null) {
      regions = List.of();
    } else {
      regions = List.of(catalog.findRegion(region).orElseThrow(() -> new UsageException(
          "--region: unknown region '" + region + "' (known: "
              + String.join(", ", catalog.regionCodes()) + ")")));
    }
    return json ? json(catalog, regions) : table(catalog, regions);
  }

  private static String json(PriceCatalog catalog, List<RegionPrices> regions) {
    ObjectNode root = Json.object();
    root.put("schemaVersion", 1);
    root.put("effectiveDate", catalog.effectiveDate().toString());
    root.put("source", catalog.source());
    ArrayNode codes = root.putArray("regions");
    catalog.regionCodes().forEach(codes::add);
    if (!regions.isEmpty()) {
      RegionPrices prices = regions.get(0);
      root.put("region", prices.regionCode());
      ArrayNode rates = root.putArray("rates");
      for (PriceEntry entry : prices.entries()) {
        ObjectNode node = rates.addObject();
        node.put("service", entry.service());
        node.put("item", entry.item());
        node.put("unit", entry.unit());
        Json.put(node, "usd", entry.usd());
        node.put("source", entry.source());
      }
    }
    return Json.write(root);
  }

  private static String table(PriceCatalog catalog, List<RegionPrices> regions) {
    StringBuilder text = new StringBuilder();
    text.append("Price catalog effective ").append(catalog.effectiveDate()).append(Text.NL);
    text.append("Source: ").append(catalog.source()).append(Text.NL);
    text.append("Regions: ").append(String.join(", ", catalog.regionCodes())).append(Text.NL);
    if (regions.isEmpty()) {
      text.append(Text.NL).append("Show a region's rates with --region REGION.").append(Text.NL);
      return text.toString();
    }
    RegionPrices prices = regions.get(0);
    text.append(Text.NL).append("Rates in ").append(prices.regionCode()).append(':').append(Text.NL);
    Text.Table table = new Text.Table(false, false, true, false, false);
    table.row("service", "item", "USD", "unit", "source");
    for (PriceEntry entry : prices.entries()) {
      table.row(entry.service(), entry.item(), Text.unitPrice(entry.usd()).substring(1), entry.unit(),
          entry.source());
    }
    text.append(table.render("  "));
    return text.toString();
  }
}
