package dev.a2doctor.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;

/**
 * What a command may touch of the outside world, injected so that tests drive the real commands
 * with string writers and a fake environment.
 *
 * @param tty whether stdout is a terminal (colour is only ever used on one)
 * @param signals how a long-running command hears Ctrl-C and SIGTERM
 * @param errTty whether stderr is a terminal (progress of long reads is only shown on one)
 */
public record Io(PrintWriter out, PrintWriter err, Map<String, String> env, InputStream stdin,
    boolean tty, Signals signals, boolean errTty) {

  public Io {
    env = Map.copyOf(env);
  }

  /** With stderr not a terminal. */
  public Io(PrintWriter out, PrintWriter err, Map<String, String> env, InputStream stdin,
      boolean tty, Signals signals) {
    this(out, err, env, stdin, tty, signals, false);
  }

  /** Without signals: for commands and tests that end by themselves. */
  public Io(PrintWriter out, PrintWriter err, Map<String, String> env, InputStream stdin,
      boolean tty) {
    this(out, err, env, stdin, tty, Signals.NONE);
  }

  public String env(String name) {
    return env.get(name);
  }

  /**
   * {@link #env(String)} as a function, for the context readers: a named class rather than
   * {@code io::env}, which would start java.lang.invoke on {@code explain}'s path.
   */
  public java.util.function.Function<String, String> environment() {
    return new Environment(env);
  }

  private static final class Environment implements java.util.function.Function<String, String> {
    private final Map<String, String> env;

    Environment(Map<String, String> env) {
      this.env = env;
    }

    @Override
    public String apply(String name) {
      return env.get(name);
    }
  }
}
