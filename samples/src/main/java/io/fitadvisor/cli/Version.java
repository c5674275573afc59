package io.fitadvisor.cli;

import io.fitadvisor.pricing.PriceCatalog;

/** The version line: program version (from the jar's manifest) and the built-in catalog's date. */
final class Version {
  private Version() {}

  static String text() {
    String version = Version.class.getPackage().getImplementationVersion();
    return "fit-advisor " + (version == null ? "development build" : version)
        + " (built-in price catalog effective " + PriceCatalog.builtIn().effectiveDate() + ")";
  }
}
