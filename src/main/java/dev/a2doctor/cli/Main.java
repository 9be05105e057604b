package dev.a2doctor.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The entry point: the only place that touches System.out, System.in and System.exit. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    Io io = new Io(out, err, System.getenv(), System.in, System.console() != null);
    int code = A2doctor.commandLine(io).execute(args);
    out.flush();
    err.flush();
    System.exit(code);
  }
}
