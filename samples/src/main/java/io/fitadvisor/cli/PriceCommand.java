package io.fitadvisor.cli;

import io.fitadvisor.pricing.PriceFile;
import io.fitadvisor.pricing.PriceFiles;
import io.fitadvisor.pricing.PriceReport;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code fit-advisor price FILE}: prices the deployments of a price file. */
@Command(
    name = "price",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Prices the deployments of a price file (YAML or JSON) per month.")
final class PriceCommand implements OutputCommand {
  @Parameters(paramLabel = "FILE", description = "the price file (.yaml, .yml or .json)")
  Path file;

  @Mixin
  Formats.TableOrJson format;

  @Override
  public String produce() {
    boolean json = format.json();
    PriceFile priceFile = PriceFiles.read(file);
    PriceReport report = priceFile.price();
    return json
        ? PriceReports.json(priceFile, report)
        : PriceReports.table(priceFile, report);
  }
}
