package dev.a2doctor.shell;

import dev.a2doctor.report.Diagnosis;
import dev.a2doctor.source.IoErrors;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code open FILE...}: read logs into the shell, replacing what was open. */
@Command(name = "open", mixinStandardHelpOptions = true,
    description = "Read log files (plain or gzip) into the shell, replacing what was open; "
        + "then 'findings' lists what is wrong.",
    footer = {"%nExamples:", "  open /var/log/apache2/error.log /var/log/apache2/error.log.1",
        "  open samples/wsgi-itk/error.log"})
final class OpenVerb implements Callable<Integer> {

  private final Session session;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Log files to read.")
  List<Path> files = new ArrayList<>();

  OpenVerb(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    session.reset(List.of());
    List<OpenFile> opened = new ArrayList<>();
    boolean failed = false;
    try {
      for (Path p : files) {
        try {
          opened.add(Reading.open(p, session.diagnoser()));
        } catch (IOException e) {
          out.println("a2doctor: " + p + ": cannot read: " + IoErrors.reason(e));
          failed = true;
        }
      }
    } finally {
      // Ctrl-C: what was read completely stays open
      session.files(opened);
    }
    Diagnosis d = session.diagnosis();
    out.printf("%d file%s open: %d lines read, %d finding%s, %d line%s not explained%n",
        opened.size(), opened.size() == 1 ? "" : "s", d.lines(), d.findings().size(),
        d.findings().size() == 1 ? "" : "s", d.unrecognizedLines(),
        d.unrecognizedLines() == 1 ? "" : "s");
    if (!d.findings().isEmpty()) {
      FindingsVerb.list(session, d.findings(), Filter.ALL, out);
    }
    out.flush();
    return failed ? 3 : 0;
  }
}
