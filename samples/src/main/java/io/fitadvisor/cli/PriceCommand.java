package io.fitadvisor.cli;

import io.fitadvisor.pricing.PriceFile;
import io.fitadvisor.pricing.PriceFiles;
import io.fitadvisor.pricing.PriceReport;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
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

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE})")
  Format format;

  @Override
  public String produce() {
    Formats.require(format, "--format", Format.table, Format.json);
    PriceFile priceFile = PriceFiles.read(file);
    PriceReport report = priceFile.price();
    return format == Format.json
        ? PriceReports.json(priceFile, report)
        : PriceReports.table(priceFile, report);
  }
}
