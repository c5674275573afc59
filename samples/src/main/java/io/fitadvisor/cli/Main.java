package io.fitadvisor.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Entry point of {@code samples/target/fit-advisor.jar}.
 *
 * <p>Exit codes follow {@code spec/cli.md}: 0 done, 2 wrong input (one {@code error: } line on
 * standard error, nothing on standard output), 1 an unexpected failure inside the program.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    int code = run(args, out, err);
    out.flush();
    System.exit(code);
  }

  /**
   * Runs one command line. Output is written only once the whole command has succeeded, so a
   * failing command leaves standard output empty.
   *
   * @return the process exit code
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return new CommandLineRunner(new PrintWriter(out, true), new PrintWriter(err, true)).run(args);
  }
}
