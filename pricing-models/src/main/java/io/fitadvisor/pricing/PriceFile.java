package io.fitadvisor.pricing;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;

/**
 * A price file that has been read and fully checked (spec: price-file.md).
 *
 * @param fileName the file as the user named it
 * @param catalog the catalog in use: the file's {@code pricing.catalog}, or the built-in one
 * @param region the prices of the file's region
 * @param terms the file's {@code pricing} block: free tier and savings plans
 * @param deployments the deployments in file order
 */
public record PriceFile(
    String fileName, PriceCatalog catalog, RegionPrices region, AccountTerms terms, List<Deployment> deployments) {

  /** Copies the deployments and checks that nothing is missing. */
  public PriceFile {
    checkNotNull(fileName, "fileName must not be null");
    checkNotNull(catalog, "catalog must not be null");
    checkNotNull(region, "region must not be null");
    checkNotNull(terms, "terms must not be null");
    deployments = List.copyOf(deployments);
  }

  /** Prices every deployment together, as one account. */
  public PriceReport price() {
    return PricingEngine.of(region).price(deployments, terms);
  }
}
