package dev.a2doctor.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs the real command line in-process, the way {@link Main} does, with string writers. */
final class Cli {

  record Result(int code, String out, String err) {}

  private Cli() {}

  static Result run(String... args) {
    return run(Map.of(), "", false, args);
  }

  static Result run(Map<String, String> env, String stdin, boolean tty, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Io io = new Io(new PrintWriter(out), new PrintWriter(err), env,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), tty);
    int code = ExplainFastPath.execute(io, args);
    return new Result(code, out.toString(), err.toString());
  }
}
