package io.fitadvisor.cli;

import io.fitadvisor.pricing.PriceFileException;
import io.fitadvisor.workload.WorkloadFileException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Parses the arguments, runs one command and maps every failure to the exit codes of the spec.
 * Commands produce their whole output as text first; it reaches standard output (or the
 * {@code --output} file) only when the command has succeeded.
 */
final class CommandLineRunner {
  static final int OK = 0;
  static final int FAILURE = 1;
  static final int BAD_INPUT = 2;

  private final PrintWriter out;
  private final PrintWriter err;

  CommandLineRunner(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  int run(String[] args) {
    CommandLine commandLine = new CommandLine(new RootCommand());
    commandLine.setCaseInsensitiveEnumValuesAllowed(false);
    try {
      ParseResult parsed = commandLine.parseArgs(args);
      for (CommandLine asked : parsed.asCommandLineList()) {
        if (asked.isUsageHelpRequested()) {
          return flush(asked.getUsageMessage(CommandLine.Help.Ansi.OFF));
        }
        if (asked.isVersionHelpRequested()) {
          return flush(Version.text() + System.lineSeparator());
        }
      }
      ParseResult leaf = parsed;
      while (leaf.hasSubcommand()) {
        leaf = leaf.subcommand();
      }
      String text = ((OutputCommand) leaf.commandSpec().userObject()).produce();
      return flush(text);
    } catch (ParameterException e) {
      return badInput(e.getMessage() + " (see fit-advisor --help)");
    } catch (WorkloadFileException | PriceFileException e) {
      return badInput(e.getMessage());
    } catch (UsageException e) {
      return badInput(e.getMessage());
    } catch (RuntimeException | Error e) {
      err.println("error: internal failure: " + e);
      if (System.getenv("FIT_ADVISOR_DEBUG") != null) {
        e.printStackTrace(err);
      }
      err.flush();
      return FAILURE;
    }
  }

  private int flush(String text) {
    out.print(text);
    out.flush();
    return OK;
  }

  private int badInput(String message) {
    err.println("error: " + message);
    err.flush();
    return BAD_INPUT;
  }
}
