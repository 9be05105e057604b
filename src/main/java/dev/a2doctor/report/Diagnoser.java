package dev.a2doctor.report;

import dev.a2doctor.catalog.Severity;
import dev.a2doctor.context.Enricher;
import dev.a2doctor.context.Enrichers;
import dev.a2doctor.context.Enrichment;
import dev.a2doctor.context.ServerContext;
import dev.a2doctor.match.Hit;
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
import java.util.Optional;
import java.util.Set;

/**
 * The pipeline for one run: parse each line, match it, enrich the hit with the server context,
 * and group repeats. Feed lines with {@link #accept}; a {@link Listener} hears each matched event
 * as it is diagnosed (live mode); {@link #result} gives the grouped diagnosis.
 */
public final class Diagnoser {

  /** Hears every matched event, exactly once, in input order. */
  @FunctionalInterface
  public interface Listener {
    void onEvent(Event event);
  }

  private static final Set<String> WARN_OR_WORSE =
      Set.of("emerg", "alert", "crit", "error", "warn");
  private static final int ENRICHMENT_CACHE = 4096;

  private final LineParser parser = new LineParser();
  private final Matcher matcher;
  private final ServerContext context;
  private final Listener listener;
  private final Map<String, Finding> findings = new LinkedHashMap<>();
  private final Map<String, Unrecognized> unrecognized = new LinkedHashMap<>();
  private final Map<List<Object>, Enrichment> enrichments = new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<List<Object>, Enrichment> eldest) {
      // A cache: captures such as paths vary without end in a long watch.
      return size() > ENRICHMENT_CACHE;
    }
  };
  /** Live mode's bound on findings and on unrecognized templates; none for a batch run. */
  private int maxKinds = Integer.MAX_VALUE;
  private long agedOut;
  private long lines;
  private long parsed;
  private long unparsed;
  private long unrecognizedLines;

  public Diagnoser(Matcher matcher, ServerContext context) {
    this(matcher, context, event -> { });
  }

  public Diagnoser(Matcher matcher, ServerContext context, Listener listener) {
    this.matcher = matcher;
    this.context = context;
    this.listener = listener;
  }

  /**
   * Bounds memory for a watch that runs for days: at most {@code max} findings and at most
   * {@code max} unrecognized templates are kept; past that the one seen least recently is
   * dropped (aged out; if it comes back it is a new finding again). Batch runs keep everything.
   */
  public Diagnoser boundedTo(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be positive: " + max);
    }
    this.maxKinds = max;
    return this;
  }

  /** How many findings and templates were dropped by {@link #boundedTo}. */
  public long agedOut() {
    return agedOut;
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
    if (line.message().isBlank() && line.tag().isEmpty()) {
      return;
    }
    parsed++;
    diagnose(line, raw, source, lineNumber);
  }

  /**
   * Live mode calls this when no line arrived for a while: events still being assembled (a
   * traceback) that have been quiet long enough are closed and reported.
   */
  public void tick(long nowMillis) {
    // multi-line assembly closes quiet events here
  }

  private void diagnose(LogLine line, String raw, String source, long lineNumber) {
    Optional<Hit> hit = matcher.match(line);
    if (hit.isEmpty()) {
      boolean serious = WARN_OR_WORSE.contains(line.level())
          || (line.format() == LogLine.Format.BARE && !line.tag().isEmpty());
      if (serious) {
        unrecognizedLines++;
        String t = Templates.of(line.module(), line.level(), line.tag(), line.message());
        Unrecognized u = unrecognized.merge(t, new Unrecognized(t, 1, raw, source, lineNumber),
            (a, b) -> a.plus(1));
        touch(unrecognized, t, u);
      }
      return;
    }
    Hit h = hit.get();
    Enrichment e = enrich(h);
    Finding first = new Finding(h.entry(), h.captures(), e, 1, line.time(), line.time(), source,
        lineNumber, raw);
    String key = h.entry().id() + "\u0000" + e.variant().orElse("") + "\u0000"
        + first.fix("en");
    Finding existing = findings.get(key);
    Finding merged = existing == null ? first : existing.plus(1, line.time());
    findings.put(key, merged);
    touch(findings, key, merged);
    listener.onEvent(new Event(merged, existing == null, raw, source, lineNumber, line.time(),
        h.captures()));
  }

  /** When bounded: marks {@code key} as seen most recently and drops the least recent. */
  private <V> void touch(Map<String, V> map, String key, V value) {
    if (maxKinds == Integer.MAX_VALUE) {
      return;
    }
    map.remove(key);
    map.put(key, value);
    if (map.size() > maxKinds) {
      map.remove(map.keySet().iterator().next());
      agedOut++;
    }
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

  /** Findings most severe first, then most frequent, then by id: a stable order. */
  public Diagnosis result() {
    List<Finding> f = new ArrayList<>(findings.values());
    f.sort(Comparator.comparing((Finding x) -> x.entry().severity())
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
    return d.findings().stream().anyMatch(x -> x.entry().severity().atLeast(threshold));
  }
}
