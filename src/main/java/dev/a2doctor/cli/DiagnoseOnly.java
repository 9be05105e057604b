package dev.a2doctor.cli;

import picocli.CommandLine.Command;

/**
 * The top command as {@code a2doctor diagnose ...} sees it: only the diagnose subcommand below
 * it, as {@link ExplainOnly} is for explain (about 60 ms less per run; picocli's Java 5 classes
 * cannot go into the AppCDS archive). A test runs diagnose through both trees and compares the
 * output.
 */
@Command(name = "a2doctor",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    subcommands = DiagnoseCommand.class)
final class DiagnoseOnly extends SmallTree {

  DiagnoseOnly(A2doctor root) {
    super(root);
  }
}
