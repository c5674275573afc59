package io.fitadvisor.cli;

/**
 * A command that produces its whole output as text. The runner prints it only after it is
 * complete, so a failure never leaves half an answer on standard output. A command that writes a
 * file ({@code --output}) writes it whole and returns a short confirmation instead.
 */
interface OutputCommand {
  String produce();
}
