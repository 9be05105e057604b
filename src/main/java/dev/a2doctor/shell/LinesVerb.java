package dev.a2doctor.shell;

import dev.a2doctor.render.Safe;
import dev.a2doctor.report.Finding;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lines N}: the raw lines behind a finding. */
@Command(name = "lines", mixinStandardHelpOptions = true,
    description = "The raw log lines behind finding N, with file and line number (paged on a "
        + "terminal).",
    footer = {"%nExamples:", "  lines 1"})
final class LinesVerb implements Callable<Integer> {

  private final Session session;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "N", description = "The finding's number in 'findings'.")
  int number;

  LinesVerb(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Optional<Finding> f = session.finding(number, out);
    if (f.isEmpty()) {
      return 1;
    }
    List<Session.Line> lines = session.lines(f.get());
    for (Session.Line l : lines) {
      print(l, "", session, out);
    }
    if (f.get().count() > lines.size()) {
      out.printf("(%d more not kept: the shell keeps %d lines per finding)%n",
          f.get().count() - lines.size(), Session.KEEP_LINES);
    }
    out.flush();
    return 0;
  }

  /** One event: {@code file:line} and its first line, a multi-line event's other lines below. */
  static void print(Session.Line l, String indent, Session session, PrintWriter out) {
    String where = Safe.line(l.source()) + ":" + l.lineNumber();
    String[] raw = Safe.text(l.raw()).split("\n", -1);
    out.println(indent + session.style().dim(where) + " " + raw[0]);
    for (int i = 1; i < raw.length; i++) {
      out.println(indent + " ".repeat(where.length() + 1) + raw[i]);
    }
  }
}
