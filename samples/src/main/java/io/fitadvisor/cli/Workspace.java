package io.fitadvisor.cli;

import io.fitadvisor.pricing.PriceCatalog;
import io.fitadvisor.workload.Application;
import io.fitadvisor.workload.Workloads;
import java.nio.file.Path;

/**
 * A workload file read and checked against the price catalog it names (or the built-in one). The
 * region is checked here because the workload module knows nothing of prices.
 */
record Workspace(String fileName, Application application, PriceCatalog catalog) {

  static Workspace read(Path file) {
    Application application = Workloads.read(file);
    PriceCatalog catalog = application.pricing().catalogFile()
        .map(PriceCatalog::read)
        .orElseGet(PriceCatalog::builtIn);
    if (catalog.findRegion(application.region()).isEmpty()) {
      // Same form as every file error: FILE: FIELD: RULE (was VALUE).
      throw new UsageException(file + ": region: unknown region (known: "
          + String.join(", ", catalog.regionCodes()) + ") (was '" + application.region() + "')");
    }
    return new Workspace(file.toString(), application, catalog);
  }
}
