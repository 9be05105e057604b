package dev.a2doctor.shell;

import dev.a2doctor.render.Safe;
import dev.a2doctor.render.TextRenderer;
import dev.a2doctor.report.Event;
import dev.a2doctor.report.Finding;
import dev.a2doctor.source.IoErrors;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code follow}: live diagnosis of the open files until Ctrl-C. A simple polling loop over the
 * files' byte offsets; what it reads joins the open findings. A file that shrank or was replaced
 * is read again from its start; lines written to the old file after a rename are not read.
 */
@Command(name = "follow", mixinStandardHelpOptions = true,
    description = "Diagnose what is appended to the open files, live, until Ctrl-C: a new kind "
        + "of problem is shown in full, a repeat as one line. What it reads joins 'findings'.",
    footer = {"%nExamples:", "  open /var/log/apache2/error.log", "  follow"})
final class FollowVerb implements Callable<Integer> {

  private final Session session;
  private final PrintWriter live;

  @Option(names = "--interval", paramLabel = "MILLIS", defaultValue = "250",
      description = "How often to look for new lines. Default: ${DEFAULT-VALUE} ms.")
  long interval;

  /** @param live the terminal itself: follow's output is not paged */
  FollowVerb(Session session, PrintWriter live) {
    this.session = session;
    this.live = live;
  }

  @Override
  public Integer call() {
    List<OpenFile> files = session.files();
    if (files.stream().allMatch(OpenFile::compressed)) {
      live.println(files.isEmpty() ? "No file open: 'open FILE...' first."
          : "Only compressed files are open: nothing to follow.");
      live.flush();
      return 1;
    }
    live.printf("Following %d file%s; Ctrl-C stops.%n", files.size(),
        files.size() == 1 ? "" : "s");
    live.flush();
    TextRenderer text = new TextRenderer(live, session.style(), session.lang());
    long[] events = {0};
    session.listen(e -> {
      events[0]++;
      print(e, text);
    });
    Set<String> failing = new HashSet<>();
    try {
      while (!Thread.currentThread().isInterrupted()) {
        List<OpenFile> next = new ArrayList<>();
        for (OpenFile f : session.files()) {
          try {
            next.add(Reading.more(f, session.diagnoser(), false));
            failing.remove(f.path().toString());
          } catch (IOException e) {
            next.add(f);
            if (failing.add(f.path().toString())) {
              live.println("a2doctor: " + f.path() + ": cannot read: " + IoErrors.reason(e));
            }
          }
        }
        session.files(next);
        session.diagnoser().tick(System.currentTimeMillis());
        live.flush();
        Thread.sleep(interval);
      }
    } catch (InterruptedException | CancellationException e) {
      // Ctrl-C: the shell cancelled us
    } finally {
      session.listen(e -> { });
      live.printf("follow stopped: %d event%s%n", events[0], events[0] == 1 ? "" : "s");
      live.flush();
    }
    return 0;
  }

  /**
   * A new kind of problem in full, a repeat as one line. No numbers: numbering sorts the
   * findings, which would close multi-line events still being assembled.
   */
  private void print(Event e, TextRenderer text) {
    Finding f = e.finding();
    if (e.first()) {
      live.println();
      live.print(session.style().bold("New: "));
      text.finding(f);
      live.println();
    } else {
      live.printf("%s %dx  %s  %s  %s%n", session.style().severity(f.severity(), 8),
          f.count(), Safe.line(f.title(session.lang())),
          session.style().dim("[" + f.entry().id() + "]"),
          session.style().dim(Safe.line(e.source()) + ":" + e.lineNumber()));
    }
    live.flush();
  }
}
