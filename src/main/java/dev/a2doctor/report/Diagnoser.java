package dev.a2doctor.report;

import dev.a2doctor.catalog.Severity;
import dev.a2doctor.context.Enricher;
import dev.a2doctor.context.Enrichers;
import dev.a2doctor.context.Enrichment;
import dev.a2doctor.context.ServerContext;
import dev.a2doctor.match.Hit;
import dev.a2doctor.match.EventAssembler;
import dev.a2doctor.match.MatchedEvent;
import dev.a2doctor.match.Matcher;
import dev.a2doctor.parse.LineParser;
import dev.a2doctor.parse.LogLine;
import dev.a2doctor.parse.ParseResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The pipeline for one run: parse each line, assemble multi-line events (tracebacks, a config
 * error and its reason), match, enrich the hit with the server context, and group repeats. Feed
 * lines with {@link #accept}; a {@link Listener} hears each matched event as it is diagnosed
 * (live mode); {@link #result} gives the grouped diagnosis.
 */
public final class Diagnoser {

  /** Hears every matched event, exactly once. */
  @FunctionalInterface
  public interface Listener {
    void onEvent(Event event);
  }

  private static final Set<String> WARN_OR_WORSE =
      Set.of("emerg", "alert", "crit", "error", "warn");

  private final LineParser parser = new LineParser();
  private final ServerContext context;
  private final Listener listener;
  private final LongSupplier clock;
  private final Map<String, Finding> findings = new LinkedHashMap<>();
  private final Map<String, Unrecognized> unrecognized = new LinkedHashMap<>();
  private final Map<List<Object>, Enrichment> enrichments = new HashMap<>();
  private final EventAssembler assembler;
  private long lines;
  private long parsed;
  private long unparsed;
  private long unrecognizedLines;

  public Diagnoser(Matcher matcher, ServerContext context) {
    this(matcher, context, event -> { });
  }

  public Diagnoser(Matcher matcher, ServerContext context, Listener listener) {
    this(matcher, context, listener, System::currentTimeMillis);
  }

  /** @param clock wall-clock milliseconds, for closing quiet multi-line events in live mode */
  public Diagnoser(Matcher matcher, ServerContext context, Listener listener, LongSupplier clock) {
    this.context = context;
    this.listener = listener;
    this.clock = clock;
    this.assembler = new EventAssembler(matcher, this::emit);
  }

  /** Diagnoses one line read from {@code source} at 1-based {@code lineNumber}. */
  public void accept(String raw, String source, long lineNumber) {
    lines++;
    ParseResult r = parser.parse(raw);
    if (r instanceof ParseResult.Unparsed) {
      unparsed++;
      return;
    }
    LogLine line = ((ParseResult.Parsed) r).line();
    if (line.message().isBlank() && line.tag().isEmpty() && !assembler.inEvent(line, source)) {
      return;
    }
    parsed++;
    assembler.accept(line, source, lineNumber, clock.getAsLong());
  }

  /**
   * Live mode calls this when no line arrived for a while: events still being assembled (a
   * traceback) that have been quiet for {@link EventAssembler#QUIET_MILLIS} are closed and
   * reported.
   */
  public void tick(long nowMillis) {
    assembler.tick(nowMillis);
  }

  private void emit(MatchedEvent m) {
    if (m.hit().isEmpty()) {
      LogLine line = m.describe();
      boolean serious = WARN_OR_WORSE.contains(line.level())
          || (line.format() == LogLine.Format.BARE && !line.tag().isEmpty());
      if (serious || m.multiLine()) {
        unrecognizedLines++;
        String t = Templates.of(line.module(), line.level(), line.tag(), line.message());
        unrecognized.merge(t, new Unrecognized(t, 1, m.raw(), m.source(), m.firstLine()),
            (a, b) -> a.plus(1));
      }
      return;
    }
    Hit h = m.hit().get();
    Enrichment e = enrich(h);
    Finding first = new Finding(h.entry(), h.captures(), e, 1, m.firstTime(), m.lastTime(),
        m.source(), m.firstLine(), m.raw());
    List<String> groupBy = h.entry().groupBy();
    String key = h.entry().id() + "\u0000" + e.variant().orElse("") + "\u0000"
        + (groupBy == null ? first.fix("en")
            : groupBy.stream().map(g -> h.captures().getOrDefault(g, ""))
                .collect(java.util.stream.Collectors.joining("\u0000")));
    Finding existing = findings.get(key);
    Finding merged = existing == null ? first : existing.plus(1, m.lastTime());
    findings.put(key, merged);
    listener.onEvent(new Event(merged, existing == null, m.raw(), m.source(), m.firstLine(),
        m.firstTime(), h.captures()));
  }

  private Enrichment enrich(Hit h) {
    String name = h.entry().context();
    if (name.isEmpty()) {
      return Enrichment.nothing();
    }
    List<Object> key = List.of(h.entry().id(), h.captures());
    return enrichments.computeIfAbsent(key, k -> Enrichers.byName(name)
        .map((Enricher en) -> en.enrich(h, context))
        .orElse(Enrichment.nothing()));
  }

  /**
   * Closes the events still being assembled, then gives the findings most severe first, then
   * most frequent, then by id: a stable order.
   */
  public Diagnosis result() {
    assembler.closeAll();
    List<Finding> f = new ArrayList<>(findings.values());
    f.sort(Comparator.comparing(Finding::severity)
        .thenComparing(Comparator.comparingLong(Finding::count).reversed())
        .thenComparing(x -> x.entry().id())
        .thenComparing(x -> x.fix("en")));
    List<Unrecognized> u = new ArrayList<>(unrecognized.values());
    u.sort(Comparator.comparingLong(Unrecognized::count).reversed()
        .thenComparing(Unrecognized::template));
    return new Diagnosis(f, u, lines, parsed, unparsed, unrecognizedLines);
  }

  /** Whether any finding is at or above {@code threshold}. */
  public static boolean anyAtLeast(Diagnosis d, Severity threshold) {
    return d.findings().stream().anyMatch(x -> x.severity().atLeast(threshold));
  }
}
