package dev.a2doctor.cli;

import dev.a2doctor.catalog.Catalog;
import dev.a2doctor.catalog.Severity;
import dev.a2doctor.context.ServerContext;
import dev.a2doctor.match.Matcher;
import dev.a2doctor.render.JsonRenderer;
import dev.a2doctor.render.LiveJsonRenderer;
import dev.a2doctor.render.LiveTextRenderer;
import dev.a2doctor.render.Safe;
import dev.a2doctor.render.TextRenderer;
import dev.a2doctor.report.Diagnoser;
import dev.a2doctor.report.Diagnosis;
import dev.a2doctor.report.Event;
import dev.a2doctor.source.Follower;
import dev.a2doctor.source.IoErrors;
import dev.a2doctor.source.LogFiles;
import dev.a2doctor.source.StreamLines;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code a2doctor watch [FILE...]}: live diagnosis of growing logs, across rotation. */
@Command(name = "watch",
    mixinStandardHelpOptions = true,
    description = {"Follow error logs as they grow (like tail -F) and diagnose every new line "
        + "as it is written: a new kind of problem is printed in full, repeats are counted. "
        + "Rotation loses nothing: rename (the old file is read to its end), copytruncate (the "
        + "unread lines are taken from FILE.1), delete and re-create, and a file that does not "
        + "exist yet.",
        "With no FILE or '-', standard input is read as a stream (tail -F ... | a2doctor watch).",
        "Ctrl-C or SIGTERM prints a summary of what was seen and exits 0 or 1 by --fail-on."},
    footer = {"%nExamples:",
        "  a2doctor watch /var/log/apache2/error.log",
        "  a2doctor watch /var/log/apache2/*error.log      # per-vhost logs, each finding names its file",
        "  a2doctor watch --from-start --fail-on error /var/log/httpd/error_log",
        "  tail -F /var/log/apache2/error.log | a2doctor watch",
        "  a2doctor watch --format json /var/log/apache2/error.log | jq 'select(.type == \"event\")'",
        ExitCodes.HELP})
final class WatchCommand implements Callable<Integer> {

  /** Findings and unexplained templates kept in memory; the least recently seen age out. */
  static final int MAX_KINDS = 2000;

  private final A2doctor root;

  @Parameters(paramLabel = "FILE", arity = "0..*",
      description = "Log files to follow. '-' or none: standard input, as a stream.")
  List<String> files = new ArrayList<>();

  @Option(names = "--from-start",
      description = "Read what the files hold already, then follow them. Default: start at "
          + "their end.")
  boolean fromStart;

  @Option(names = "--interval", paramLabel = "MS", defaultValue = "200",
      description = "How often files are checked for new lines, in milliseconds. "
          + "Default: ${DEFAULT-VALUE}.")
  long interval;

  @Mixin CatalogOptions catalogOptions;
  @Mixin ContextOptions contextOptions;
  @Mixin OutputOptions output;

  WatchCommand(A2doctor root) {
    this.root = root;
  }

  /** Where matched events go: the live text or the live JSON. */
  private interface Live {
    void event(Event e);

    void tick();
  }

  @Override
  public Integer call() throws InterruptedException {
    Io io = root.io;
    if (interval < 1) {
      io.err().println("a2doctor: watch: --interval must be at least 1 ms");
      return ExitCodes.USAGE;
    }
    List<String> inputs = files.isEmpty() ? List.of("-") : files;
    if (inputs.size() > 1 && inputs.contains("-")) {
      io.err().println("a2doctor: watch: '-' (standard input) cannot be followed together with "
          + "files");
      return ExitCodes.USAGE;
    }
    Catalog catalog = catalogOptions.load(io);
    ServerContext context = contextOptions.load(io);
    String lang = output.lang(io);
    Clock clock = Clock.systemUTC();
    Live live;
    if (output.format == OutputOptions.Format.json) {
      LiveJsonRenderer r = new LiveJsonRenderer(io.out(), lang);
      live = new Live() {
        public void event(Event e) {
          r.event(e);
        }

        public void tick() {}
      };
    } else {
      LiveTextRenderer r = new LiveTextRenderer(io.out(), output.style(io), lang, clock::millis);
      live = new Live() {
        public void event(Event e) {
          r.event(e);
        }

        public void tick() {
          r.tick();
        }
      };
    }
    Diagnoser diagnoser = new Diagnoser(new Matcher(catalog), context, live::event, clock::millis)
        .boundedTo(MAX_KINDS);
    diagnoser.parsingWith(contextOptions.parsers());
    CountDownLatch stop = new CountDownLatch(1);
    io.signals().onStop(stop::countDown);
    boolean inputError = inputs.equals(List.of("-"))
        ? stream(io, diagnoser, live, stop, clock)
        : follow(inputs, io, diagnoser, live, stop, clock);

    diagnoser.tick(Long.MAX_VALUE);
    Diagnosis d = diagnoser.result();
    if (output.format == OutputOptions.Format.json) {
      new JsonRenderer(io.out(), lang).render(d, context.notes(lang));
    } else {
      io.out().println();
      io.out().println("a2doctor: stopped; what was seen"
          + (diagnoser.agedOut() > 0 ? " (" + diagnoser.agedOut()
              + " findings or templates not seen for the longest time were dropped)" : "")
          + ":");
      new TextRenderer(io.out(), output.style(io), lang).render(d, context.notes(lang),
          Severity.WARNING);
    }
    io.out().flush();
    if (inputError || !catalog.problems().isEmpty()) {
      return ExitCodes.INPUT;
    }
    return TextRenderer.fails(d, output.failOn) ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  /** Standard input until it ends or a stop signal; returns whether reading failed. */
  private boolean stream(Io io, Diagnoser diagnoser, Live live, CountDownLatch stop,
      Clock clock) throws InterruptedException {
    StreamLines lines = StreamLines.start(LogFiles.reader(io.stdin()), "stdin");
    long n = 0;
    long lastTick = clock.millis();
    while (stop.getCount() > 0 && !lines.ended()) {
      String line;
      try {
        line = lines.poll(interval);
      } catch (IOException e) {
        io.err().println("a2doctor: -" + (n > 0 ? ":" + n : "") + ": cannot read: "
            + IoErrors.reason(e));
        return true;
      }
      if (line != null) {
        diagnoser.accept(line, "-", ++n);
      }
      long now = clock.millis();
      if (line == null || now - lastTick >= interval) {
        diagnoser.tick(now);
        live.tick();
        lastTick = now;
        if (io.out().checkError()) {
          break;
        }
      }
    }
    return false;
  }

  /** Follows the files until a stop signal; returns whether some file could not be read. */
  private boolean follow(List<String> names, Io io, Diagnoser diagnoser, Live live,
      CountDownLatch stop, Clock clock) throws InterruptedException {
    int linger = (int) Math.max(5, 5000 / interval);
    List<Follower> followers = new ArrayList<>();
    for (String name : names) {
      followers.add(new Follower(Path.of(name), fromStart, linger,
          note -> io.err().println("a2doctor: " + Safe.line(note))));
    }
    Map<Follower, String> errors = new HashMap<>();
    boolean inputError = false;
    try {
      boolean last = false;
      boolean started = false;
      while (!last) {
        // One more round after the stop signal: what was written until then is read.
        last = stop.await(0, TimeUnit.MILLISECONDS);
        for (int i = 0; i < followers.size(); i++) {
          Follower f = followers.get(i);
          String name = names.get(i);
          try {
            f.poll((text, lineNumber) -> diagnoser.accept(text, name, lineNumber));
            if (errors.remove(f) != null) {
              io.err().println("a2doctor: " + Safe.line(name) + ": readable again");
            }
          } catch (IOException e) {
            String reason = IoErrors.reason(e);
            if (!reason.equals(errors.put(f, reason))) {
              io.err().println("a2doctor: " + Safe.line(name) + ": cannot read: "
                  + Safe.line(reason) + " (trying again)");
              inputError = true;
            }
          }
        }
        if (!started) {
          // Said after the first round: every line written from now on will be seen.
          io.err().println("a2doctor: watching " + Safe.line(String.join(", ", names))
              + (fromStart ? " from the start" : " from the end")
              + "; Ctrl-C prints a summary and exits");
          started = true;
        }
        diagnoser.tick(clock.millis());
        live.tick();
        io.err().flush();
        if (io.out().checkError()) {
          // Nobody reads the output any more (| head, a closed terminal): stop.
          break;
        }
        if (!last) {
          stop.await(interval, TimeUnit.MILLISECONDS);
        }
      }
    } finally {
      for (Follower f : followers) {
        try {
          f.close();
        } catch (IOException e) {
          // closing a file only read: nothing to report
        }
      }
    }
    return inputError;
  }
}
