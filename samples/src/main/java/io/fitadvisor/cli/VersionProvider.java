package io.fitadvisor.cli;

import picocli.CommandLine.IVersionProvider;

/** Supplies {@code --version} for every command. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {Version.text()};
  }
}
