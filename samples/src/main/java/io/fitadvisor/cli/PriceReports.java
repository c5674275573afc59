package io.fitadvisor.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fitadvisor.pricing.CostLine;
import io.fitadvisor.pricing.PriceCatalog;
import io.fitadvisor.pricing.PriceFile;
import io.fitadvisor.pricing.PriceReport;
import io.fitadvisor.pricing.PricedDeployment;
import java.util.List;

/** Renders the answer of {@code price} as JSON (spec/cli.md) or as a table. */
final class PriceReports {
  private PriceReports() {}

  static String json(PriceFile priceFile, PriceReport report) {
    ObjectNode root = Json.object();
    root.put("schemaVersion", 1);
    root.put("region", priceFile.region().regionCode());
    root.set("catalog", catalogJson(priceFile.catalog()));
    ArrayNode deployments = root.putArray("deployments");
    for (PricedDeployment deployment : report.deployments()) {
      ObjectNode node = deployments.addObject();
      node.put("name", deployment.name());
      node.put("kind", deployment.kind());
      Json.put(node, "monthlyCostUsd", deployment.monthlyCostUsd());
      node.set("lines", linesJson(deployment.lines()));
    }
    Json.put(root, "monthlyCostUsd", report.monthlyCostUsd());
    return Json.write(root);
  }

  static ObjectNode catalogJson(PriceCatalog catalog) {
    ObjectNode node = Json.object();
    node.put("effectiveDate", catalog.effectiveDate().toString());
    node.put("source", catalog.source());
    return node;
  }

  static ArrayNode linesJson(List<CostLine> lines) {
    ArrayNode array = Json.array();
    for (CostLine line : lines) {
      ObjectNode node = array.addObject();
      node.put("name", line.name());
      node.put("unit", line.unit());
      Json.put(node, "quantity", line.quantity());
      Json.put(node, "unitPriceUsd", line.unitPriceUsd());
      Json.put(node, "monthlyCostUsd", line.monthlyCostUsd());
    }
    return array;
  }

  static String table(PriceFile priceFile, PriceReport report) {
    StringBuilder text = new StringBuilder();
    text.append("Monthly cost of ").append(priceFile.fileName())
        .append(" in ").append(priceFile.region().regionCode())
        .append(" (prices effective ").append(priceFile.catalog().effectiveDate()).append(')')
        .append(Text.NL).append(Text.NL);
    for (PricedDeployment deployment : report.deployments()) {
      text.append(deployment.name()).append(" (").append(deployment.kind()).append("): ")
          .append(Text.usd(deployment.monthlyCostUsd())).append(Text.NL);
      text.append(linesTable(deployment.lines()).render("  ")).append(Text.NL);
    }
    text.append("Total: ").append(Text.usd(report.monthlyCostUsd())).append(" a month").append(Text.NL);
    return text.toString();
  }

  /** Cost lines as rows a reader can redo: quantity x unit price = cost. */
  static Text.Table linesTable(List<CostLine> lines) {
    Text.Table table = new Text.Table(false, true, false, true, true);
    table.row("line", "quantity", "unit", "unit price", "monthly");
    for (CostLine line : lines) {
      table.row(line.name(), Text.quantity(line.quantity()), line.unit(),
          Text.unitPrice(line.unitPriceUsd()), Text.usd(line.monthlyCostUsd()));
    }
    return table;
  }
}
