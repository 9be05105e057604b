package dev.a2doctor.digest;

import dev.a2doctor.catalog.Severity;
import dev.a2doctor.context.ServerContext;
import dev.a2doctor.match.Matcher;
import dev.a2doctor.parse.LineParser;
import dev.a2doctor.parse.ParseResult;
import dev.a2doctor.report.Diagnoser;
import dev.a2doctor.report.Diagnosis;
import dev.a2doctor.report.Unrecognized;
import dev.a2doctor.source.IoErrors;
import dev.a2doctor.source.LogCursor;
import dev.a2doctor.source.LogFiles;
import dev.a2doctor.source.NewLines;
import dev.a2doctor.source.Siblings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One run of {@code a2doctor report}: read what is new in each log, diagnose it, compare with
 * what earlier runs saw, and deliver a report only when there is something to say.
 *
 * <p>Nothing is lost and nothing is counted twice when a run is killed at any moment, because
 * the state only changes by atomic replacement and in this order: (1) read and diagnose, no
 * side effects; (2) save the new offsets and memory together with the rendered report as an
 * <em>outbox</em>; (3) deliver; (4) save again without the outbox. Killed before (2): the next
 * run reads the same lines again, nothing was delivered. Killed after (2): the next run
 * delivers the outbox first, marked as a possible repeat, because a kill between (3) and (4)
 * cannot be told from one before (3). Every line is in exactly one report; a report may reach
 * you twice, never unmarked.
 */
public final class ReportRun {

  /** How the report is printed to stdout; a mail always has text and html parts. */
  public enum Format { text, markdown, html, json }

  /** Where a report goes: stdout or SMTP. */
  @FunctionalInterface
  public interface Delivery {
    void deliver(Message m) throws IOException;
  }

  /**
   * What to read and how to report it.
   *
   * @param since read this far back, without state; empty: read since the last run
   * @param now the local time the run happens at (injected by tests)
   */
  public record Settings(List<Path> files, Optional<Duration> since, LocalDateTime now,
      String host, String lang, Format format, Severity failOn, int resolveAfter,
      Suppressions suppressions) {
    public Settings {
      files = List.copyOf(files);
    }
  }

  /**
   * What happened.
   *
   * @param fails a finding at or above {@code --fail-on} happened since the last run
   * @param errors files that could not be read, a report that could not be delivered
   */
  public record Outcome(boolean reported, boolean fails, List<String> errors) {}

  private final Matcher matcher;
  private final ServerContext context;
  private final Checkpoint checkpoint;
  /** The parser per file (custom ErrorLogFormat); the default formats unless told. */
  private java.util.function.Function<String, dev.a2doctor.parse.LogParser> parsers =
      source -> DEFAULT_PARSER;
  private static final dev.a2doctor.parse.LogParser DEFAULT_PARSER = new LineParser();

  public ReportRun(Matcher matcher, ServerContext context, Checkpoint checkpoint) {
    this.matcher = matcher;
    this.context = context;
    this.checkpoint = checkpoint;
  }

  /** Chooses the parser per file, as {@code Diagnoser.parsingWith} does. */
  public ReportRun parsingWith(
      java.util.function.Function<String, dev.a2doctor.parse.LogParser> parsers) {
    this.parsers = java.util.Objects.requireNonNull(parsers);
    return this;
  }

  /** A run that remembers: reads since the last run recorded in {@code stateFile}. */
  public Outcome run(Settings s, Path stateFile, Delivery delivery) throws IOException {
    try (StateStore store = StateStore.open(stateFile, checkpoint)) {
      State state = store.load();
      List<String> errors = new ArrayList<>();
      if (state.outbox() != null) {
        try {
          delivery.deliver(state.outbox().repeat());
        } catch (IOException e) {
          errors.add(e.getMessage() + " (report of run " + state.outbox().run()
              + "; it stays queued for the next run)");
          return new Outcome(false, false, errors);
        }
        checkpoint.reached("outbox:redelivered");
        state = state.withOutbox(null);
        store.save(state);
      }
      long run = state.run() + 1;
      Tally tally = new Tally(s.suppressions(), s.now().toLocalDate());
      Map<String, LogCursor> files = new TreeMap<>(state.files());
      List<NewLines.Note> notes = new ArrayList<>();
      List<Digest.Template> templates = new ArrayList<>();
      long lines = 0;
      for (Path f : s.files()) {
        String source = f.toAbsolutePath().normalize().toString();
        // counted apart: only a file read to its end counts (a half-read one is read again)
        Tally part = new Tally(s.suppressions(), s.now().toLocalDate());
        Diagnoser d = new Diagnoser(matcher, context, e -> part.event(source, e));
        d.parsingWith(parsers);
        try {
          NewLines.Result r = NewLines.read(f, Optional.ofNullable(files.get(source)),
              (raw, file, n) -> {
                d.accept(raw, file.toString(), n);
                checkpoint.reached("line");
              });
          Diagnosis diagnosis = d.result();
          part.read(source);
          tally.absorb(part);
          files.put(source, r.cursor());
          notes.addAll(r.notes());
          lines += r.lines();
          for (Unrecognized u : diagnosis.unrecognized()) {
            templates.add(new Digest.Template(source, u));
          }
        } catch (IOException | UncheckedIOException e) {
          errors.add(source + ": cannot read: " + reason(e) + " (nothing of it was counted; "
              + "it is read again next run)");
        }
      }
      Tally.Merged merged = tally.merge(state.findings(), run, s.resolveAfter());
      Digest digest = new Digest(s.host(), run, "since the last run", merged.items(), templates,
          notes, errors, s.suppressions().expired(s.now().toLocalDate()), tally.suppressed(),
          lines, s.failOn());
      State next = new State(State.VERSION, run, files, merged.memory(), null);
      if (!digest.worthReporting(s.failOn())) {
        store.save(next);
        return new Outcome(false, digest.fails(s.failOn()), errors);
      }
      State.Outbox outbox = new State.Outbox(run, message(digest, s, false),
          message(digest, s, true));
      store.save(next.withOutbox(outbox));
      try {
        delivery.deliver(outbox.message());
      } catch (IOException e) {
        errors.add(e.getMessage() + " (the report stays queued and is sent with the next run)");
        return new Outcome(false, digest.fails(s.failOn()), errors);
      }
      checkpoint.reached("delivered");
      store.save(next);
      return new Outcome(true, digest.fails(s.failOn()), errors);
    }
  }

  /** A run without memory: the lines of the last {@code since} in the logs and their rotations. */
  public Outcome runSince(Settings s, Delivery delivery) throws IOException {
    Duration since = s.since().orElseThrow();
    String cutoff = s.now().minus(since)
        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS"));
    Tally tally = new Tally(s.suppressions(), s.now().toLocalDate());
    List<Digest.Template> templates = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    long lines = 0;
    for (Path f : s.files()) {
      String source = f.toAbsolutePath().normalize().toString();
      Diagnoser d = new Diagnoser(matcher, context, e -> tally.event(source, e));
      d.parsingWith(parsers);
      List<Path> chain = new ArrayList<>(Siblings.of(f));
      java.util.Collections.reverse(chain);
      chain.add(f);
      for (Path p : chain) {
        long n = 0;
        boolean keep = false;
        try (BufferedReader r = LogFiles.open(p)) {
          String line;
          while ((line = r.readLine()) != null) {
            n++;
            ParseResult pr = parsers.apply(p.toString()).parse(line);
            if (pr instanceof ParseResult.Parsed parsed
                && parsed.line().time().matches("\\d{4}-\\d\\d-\\d\\dT.*")) {
              keep = parsed.line().time().compareTo(cutoff) >= 0;
            }
            if (keep) {
              lines++;
              d.accept(line, p.toString(), n);
            }
          }
        } catch (IOException | UncheckedIOException e) {
          errors.add(p + ": cannot read: " + reason(e));
        }
      }
      Diagnosis diagnosis = d.result();
      for (Unrecognized u : diagnosis.unrecognized()) {
        templates.add(new Digest.Template(source, u));
      }
    }
    Tally.Merged merged = tally.merge(Map.of(), 1, Integer.MAX_VALUE);
    Digest digest = new Digest(s.host(), 0, "in the last " + human(since), merged.items(),
        templates, List.of(), errors, s.suppressions().expired(s.now().toLocalDate()),
        tally.suppressed(), lines, s.failOn());
    if (!digest.worthReporting(s.failOn())) {
      return new Outcome(false, digest.fails(s.failOn()), errors);
    }
    delivery.deliver(message(digest, s, false));
    return new Outcome(true, digest.fails(s.failOn()), errors);
  }

  private static Message message(Digest d, Settings s, boolean repeated) {
    String text = TextDigest.render(d, s.lang(), repeated);
    String html = HtmlDigest.render(d, s.lang(), repeated);
    String body = switch (s.format()) {
      case text -> text;
      case markdown -> MarkdownDigest.render(d, s.lang(), repeated);
      case html -> html;
      case json -> JsonDigest.render(d, s.lang(), repeated);
    };
    return new Message(d.subject() + (repeated ? " (repeated)" : ""), body, text, html);
  }

  private static String reason(Exception e) {
    IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
    return IoErrors.reason(io);
  }

  /** {@code 24h}, {@code 7d}, {@code 90m}: the way it was most likely written. */
  static String human(Duration d) {
    long m = d.toMinutes();
    if (m % (24 * 60) == 0 && m >= 2 * 24 * 60) {
      return m / (24 * 60) + "d";
    }
    return m % 60 == 0 ? m / 60 + "h" : m + "m";
  }
}
