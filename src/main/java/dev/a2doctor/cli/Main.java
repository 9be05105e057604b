package dev.a2doctor.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The entry point: the only place that touches System.out, System.in and System.exit. No lambda
 * or method reference here: the first one a JVM links starts java.lang.invoke (about 10 ms of
 * {@code explain}'s start), so explain's path uses named classes (ExplainStartupTest).
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    Io io = new Io(out, err, System.getenv(), System.in, System.console() != null,
        new ProcessSignals(), stderrIsTerminal());
    int code = ExplainFastPath.execute(io, args);
    out.flush();
    err.flush();
    if (Boolean.getBoolean(ExplainFastPath.REHEARSE)) {
      ExplainFastPath.rehearse(System.getenv());
    }
    if (Boolean.getBoolean(AotTraining.PROPERTY)) {
      AotTraining.run(System.getenv());
    }
    System.exit(code);
  }

  /** Whether file descriptor 2 is a terminal (Linux: it links to a tty device). */
  private static boolean stderrIsTerminal() {
    try {
      String target = java.nio.file.Files.readSymbolicLink(
          java.nio.file.Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  /** SIGINT and SIGTERM run {@code stop} once, then have their default effect again. */
  private static final class ProcessSignals implements Signals {
    @Override
    @SuppressWarnings("sunapi")
    public void onStop(Runnable stop) {
      java.util.concurrent.atomic.AtomicBoolean once =
          new java.util.concurrent.atomic.AtomicBoolean();
      for (String name : new String[] {"INT", "TERM"}) {
        sun.misc.Signal.handle(new sun.misc.Signal(name), s -> {
          sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_DFL);
          sun.misc.Signal.handle(new sun.misc.Signal("TERM"), sun.misc.SignalHandler.SIG_DFL);
          if (once.compareAndSet(false, true)) {
            stop.run();
          }
        });
      }
    }
  }
}
