package dev.a2doctor.shell;

import dev.a2doctor.render.TextRenderer;
import dev.a2doctor.report.Finding;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code show N}: one finding in full. */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = "Show finding N in full: explanation, fix for this server, evidence from the "
        + "context, and sample lines.",
    footer = {"%nExamples:", "  show 1"})
final class ShowVerb implements Callable<Integer> {

  static final int SAMPLES = 5;

  private final Session session;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "N", description = "The finding's number in 'findings'.")
  int number;

  ShowVerb(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Optional<Finding> f = session.finding(number, out);
    if (f.isEmpty()) {
      return 1;
    }
    new TextRenderer(out, session.style(), session.lang()).finding(f.get());
    List<Session.Line> lines = session.lines(f.get());
    out.println("  " + session.style().bold("Lines:") + " " + lines.size() + " kept"
        + (lines.size() > SAMPLES ? ", the first " + SAMPLES + " below; 'lines " + number
            + "' shows them all" : ""));
    for (Session.Line l : lines.subList(0, Math.min(SAMPLES, lines.size()))) {
      LinesVerb.print(l, "    ", session, out);
    }
    out.flush();
    return 0;
  }
}
