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
 * and group repeats. Feed lines with {@link #accept}, then take the {@link #result}.
 */
public final class Diagnoser {

  private static final Set<String> WARN_OR_WORSE =
      Set.of("emerg", "alert", "crit", "error", "warn");

  private final LineParser parser = new LineParser();
  private final Matcher matcher;
  private final ServerContext context;
  private final Map<String, Finding> findings = new LinkedHashMap<>();
  private final Map<String, Unrecognized> unrecognized = new LinkedHashMap<>();
  private final Map<List<Object>, Enrichment> enrichments = new HashMap<>();
  private long lines;
  private long parsed;
  private long unparsed;
  private long unrecognizedLines;

  public Diagnoser(Matcher matcher, ServerContext context) {
    this.matcher = matcher;
    this.context = context;
  }

  /** Diagnoses one line read from {@code source} at 1-based {@code lineNumber}. */
  public Optional<Finding> accept(String raw, String source, long lineNumber) {
    lines++;
    ParseResult r = parser.parse(raw);
    if (r instanceof ParseResult.Unparsed) {
      unparsed++;
      return Optional.empty();
    }
    LogLine line = ((ParseResult.Parsed) r).line();
    if (line.message().isBlank() && line.tag().isEmpty()) {
      return Optional.empty();
    }
    parsed++;
    Optional<Hit> hit = matcher.match(line);
    if (hit.isEmpty()) {
      boolean serious = WARN_OR_WORSE.contains(line.level())
          || (line.format() == LogLine.Format.BARE && !line.tag().isEmpty());
      if (serious) {
        unrecognizedLines++;
        String t = Templates.of(line.module(), line.level(), line.tag(), line.message());
        unrecognized.merge(t, new Unrecognized(t, 1, raw, source, lineNumber),
            (a, b) -> a.plus(1));
      }
      return Optional.empty();
    }
    Hit h = hit.get();
    Enrichment e = enrich(h);
    Finding first = new Finding(h.entry(), h.captures(), e, 1, line.time(), line.time(), source,
        lineNumber, raw);
    String key = h.entry().id() + "\u0000" + e.variant().orElse("") + "\u0000"
        + first.fix("en");
    Finding merged = findings.merge(key, first, (a, b) -> a.plus(1, line.time()));
    return Optional.of(merged);
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
