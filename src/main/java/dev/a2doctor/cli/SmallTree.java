package dev.a2doctor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * What a top command with a single subcommand below it ({@link ExplainOnly}, {@link
 * DiagnoseOnly}) shares with {@link A2doctor}, as that subcommand sees its parent: the root it
 * works with and the inherited {@code --verbose}. Picocli inspects every command of a tree when
 * it is built, so a one-command tree starts in a fraction of the time of the whole one.
 */
abstract class SmallTree implements Runnable {

  private final A2doctor root;

  SmallTree(A2doctor root) {
    this.root = root;
  }

  @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
      description = "Print stack traces of internal errors.")
  void verbose(boolean verbose) {
    root.verbose = verbose;
  }

  @Override
  public void run() {
    // not reached: the first argument is always the one subcommand
    new CommandLine(root).usage(root.io.err());
  }
}
