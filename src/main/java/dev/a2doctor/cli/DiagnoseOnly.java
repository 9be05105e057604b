package dev.a2doctor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The top command as {@code a2doctor diagnose ...} sees it: only the diagnose subcommand below
 * it, as {@link ExplainOnly} is for explain. Building the whole tree (picocli inspects every
 * command, and its Java 5 classes cannot go into the AppCDS archive) took about 0.35 s of every
 * diagnose, as long as reading 100,000 lines; a test runs diagnose through both trees and
 * compares the output.
 */
@Command(name = "a2doctor",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    subcommands = DiagnoseCommand.class)
final class DiagnoseOnly implements Runnable {

  private final A2doctor root;

  DiagnoseOnly(A2doctor root) {
    this.root = root;
  }

  @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
      description = "Print stack traces of internal errors.")
  void verbose(boolean verbose) {
    root.verbose = verbose;
  }

  @Override
  public void run() {
    // not reached: the first argument is always diagnose
    new CommandLine(root).usage(root.io.err());
  }
}
