package dev.a2doctor.cli;

/** The documented exit codes, listed in {@code --help}. */
final class ExitCodes {
  static final int OK = 0;
  static final int FINDINGS = 1;
  static final int USAGE = 2;
  static final int INPUT = 3;
  static final int INTERNAL = 4;

  static final String HELP = """
      %nExit codes:
        0  nothing at or above --fail-on (explain: the line or id was explained)
        1  findings at or above --fail-on (explain: nothing explains it; patterns test: a check failed)
        2  usage error
        3  unreadable input, or an invalid catalog entry
        4  internal error (run with --verbose for the stack trace)""";

  private ExitCodes() {}
}
