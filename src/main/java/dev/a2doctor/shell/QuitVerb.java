package dev.a2doctor.shell;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code quit}: leave the shell (Ctrl-D does the same). */
@Command(name = "quit", aliases = "exit", mixinStandardHelpOptions = true,
    description = "Leave the shell (Ctrl-D does the same).")
final class QuitVerb implements Callable<Integer> {

  private final Session session;

  QuitVerb(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    session.quit(true);
    return 0;
  }
}
