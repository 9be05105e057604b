package dev.a2doctor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The top command as {@code a2doctor explain ...} sees it: only the explain subcommand below it.
 * Picocli inspects every command of a tree when it is built, and the whole tree cost more
 * start-up time than all of explain's own work; {@link A2doctor#commandLine(Io, String...)}
 * uses this tree when the first argument is {@code explain}. What explain can see of its parent
 * (the name, the inherited {@code --verbose}) is the same as in {@link A2doctor}; a test runs
 * explain through both trees and compares the output.
 */
@Command(name = "a2doctor",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    subcommands = ExplainCommand.class)
final class ExplainOnly implements Runnable {

  private final A2doctor root;

  ExplainOnly(A2doctor root) {
    this.root = root;
  }

  @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
      description = "Print stack traces of internal errors.")
  void verbose(boolean verbose) {
    root.verbose = verbose;
  }

  @Override
  public void run() {
    // not reached: the first argument is always explain
    new CommandLine(root).usage(root.io.err());
  }
}
