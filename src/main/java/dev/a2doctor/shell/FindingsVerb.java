package dev.a2doctor.shell;

import dev.a2doctor.catalog.Severity;
import dev.a2doctor.cli.SeverityConverter;
import dev.a2doctor.render.Safe;
import dev.a2doctor.render.Style;
import dev.a2doctor.report.Diagnosis;
import dev.a2doctor.report.Finding;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code findings [--severity S] [--module M] [--vhost V] [--since T] [--until T]}. */
@Command(name = "findings", mixinStandardHelpOptions = true,
    description = "List the findings of the open files, numbered for 'show N' and 'lines N'. "
        + "Filters keep the numbers.",
    footer = {"%nExamples:", "  findings", "  findings --severity error",
        "  findings --module wsgi --vhost foo.test",
        "  findings --since 2026-11-25T01:00 --until 2026-11-25T02"})
final class FindingsVerb implements Callable<Integer> {

  private final Session session;

  @Spec CommandSpec spec;

  @Option(names = "--severity", paramLabel = "SEVERITY", converter = SeverityConverter.class,
      completionCandidates = Severities.class,
      description = "At or above: critical, error, warning, notice, info.")
  Severity severity;

  @Option(names = "--module", paramLabel = "MODULE",
      description = "Lines written by this module ([MODULE:level]), e.g. wsgi, proxy, core.")
  String module;

  @Option(names = "--vhost", paramLabel = "HOST",
      description = "Findings that name this virtual host (in their evidence, or a line's "
          + "referer).")
  String vhost;

  @Option(names = "--since", paramLabel = "TIME",
      description = "With a line at or after TIME (ISO local time, a prefix is enough).")
  String since;

  @Option(names = "--until", paramLabel = "TIME",
      description = "With a line at or before TIME (a prefix covers all it names).")
  String until;

  FindingsVerb(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Diagnosis d = session.diagnosis();
    if (session.files().isEmpty() && d.lines() == 0) {
      out.println("No file open: 'open FILE...' reads logs (or paste a log line to explain it).");
      out.flush();
      return 0;
    }
    int shown = list(session, d.findings(), new Filter(severity, module, vhost, since, until),
        out);
    if (shown == 0) {
      out.println(d.findings().isEmpty() ? "No findings." : "No finding matches.");
    }
    out.flush();
    return 0;
  }

  /** Lists the findings {@code filter} keeps, with their numbers; returns how many. */
  static int list(Session session, List<Finding> findings, Filter filter, PrintWriter out) {
    Style style = session.style();
    int shown = 0;
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      if (!filter.keeps(f, session.lines(f))) {
        continue;
      }
      shown++;
      String when = f.lastSeen().isEmpty() ? "" : "  last " + f.lastSeen();
      out.printf("%3d  %s %6dx  %s  %s%s%n", i + 1, style.severity(f.severity(), 8),
          f.count(), Safe.line(f.title(session.lang())), style.dim("[" + f.entry().id() + "]"
              + (f.folded() ? " (folded)" : "")), when);
    }
    return shown;
  }

  /** The severity names, for completion. */
  static final class Severities implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.Arrays.stream(Severity.values()).map(Severity::label).iterator();
    }
  }
}
