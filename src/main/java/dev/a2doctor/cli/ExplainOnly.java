package dev.a2doctor.cli;

import picocli.CommandLine.Command;

/**
 * The top command as {@code a2doctor explain ...} sees it: only the explain subcommand below it.
 * The whole tree cost more start-up time than all of explain's own work; {@link
 * A2doctor#commandLine(Io, String...)} uses this tree when the first argument is {@code
 * explain}. A test runs explain through both trees and compares the output.
 */
@Command(name = "a2doctor",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    subcommands = ExplainCommand.class)
final class ExplainOnly extends SmallTree {

  ExplainOnly(A2doctor root) {
    super(root);
  }
}
