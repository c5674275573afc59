package io.fitadvisor.workload;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Account-level pricing context of an application (the workload file's {@code pricing} block).
 *
 * @param lambdaFreeTier whether Lambda's monthly free tier applies, once for the whole application
 * @param lambdaSavingsPlan discount off on-demand Lambda duration and provisioned concurrency, a
 *     fraction in [0, 1) ({@code savingsPlan.lambda})
 * @param fargateSavingsPlan discount off on-demand Fargate, a fraction in [0, 1)
 * @param ec2SavingsPlan discount off on-demand EC2, a fraction in [0, 1)
 * @param catalogFile a price catalog file to use instead of the built-in one; the file reader
 *     resolves it against the workload file's folder ({@code catalog})
 */
public record AccountPricing(
    boolean lambdaFreeTier,
    double lambdaSavingsPlan,
    double fargateSavingsPlan,
    double ec2SavingsPlan,
    Optional<Path> catalogFile) {

  /** No free tier, no savings plans, the built-in catalog. */
  public static final AccountPricing DEFAULT = new AccountPricing(false, 0, 0, 0, Optional.empty());

  /**
   * Checks the rules of the {@code pricing} block.
   *
   * @throws IllegalArgumentException naming the field, e.g. {@code savingsPlan.lambda: must be 0 or
   *     greater and less than 1 (was 1.2)}
   */
  public AccountPricing {
    Checks.discount("savingsPlan.lambda", lambdaSavingsPlan);
    Checks.discount("savingsPlan.fargate", fargateSavingsPlan);
    Checks.discount("savingsPlan.ec2", ec2SavingsPlan);
    requireNonNull(catalogFile, "catalogFile");
  }
}
