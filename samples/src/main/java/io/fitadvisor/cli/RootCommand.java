package io.fitadvisor.cli;

import picocli.CommandLine.Command;

/** {@code fit-advisor} with no command: advises on the bundled sample applications. */
@Command(
    name = "fit-advisor",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Decides, per service, whether to run on AWS Lambda, Amazon ECS on Fargate or on EC2,",
      "or a mix, and what each choice costs per month, with the reasons.",
      "",
      "With no command, compares the bundled sample applications."
    },
    subcommands = {
      AdviseCommand.class,
      ProfileCommand.class,
      PriceCommand.class,
      CatalogCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 done, 2 wrong input (one 'error: ' line on standard error), 1 internal failure."
    })
final class RootCommand implements OutputCommand {
  @Override
  public String produce() {
    return SampleReport.render();
  }
}
