package dev.a2doctor.catalog;

import java.util.List;
import java.util.Map;

/**
 * One catalog entry: a kind of error line, what it means and how to fix it. Loaded from
 * {@code patterns/<area>/<id>.yaml} by {@link CatalogLoader}.
 *
 * @param source where the entry was read from, for messages ({@code patterns/wsgi/x.yaml})
 * @param area the directory the entry lives in ({@code wsgi})
 * @param header the line opens a multi-line event (a Python traceback follows, or apache2 -t's
 *     reason on the next line); the event is explained by the entry matching its last line,
 *     falling back to this one
 * @param escalate null, or when a storm of this line becomes a problem of its own
 * @param groupBy null: repeats with the same filled-in fix are one finding; else the captures
 *     whose values make a separate finding ({@code []}: one finding for the whole entry)
 */
public record Entry(
    String id,
    String area,
    Text title,
    Severity severity,
    Match match,
    String context,
    Text explanation,
    Text fix,
    Map<String, Variant> variants,
    List<String> references,
    List<Example> examples,
    List<Example> nearMisses,
    List<String> scenarios,
    boolean header,
    Escalation escalate,
    List<String> groupBy,
    String source) {

  /**
   * A storm of a harmless line is a problem of its own: at {@code count} occurrences in one
   * diagnosis the finding is reported at {@code severity}.
   */
  public record Escalation(long count, Severity severity) {}

  /** The severity of a finding with {@code count} occurrences. */
  public Severity severityAt(long count) {
    if (escalate != null && count >= escalate.count() && escalate.severity().atLeast(severity)) {
      return escalate.severity();
    }
    return severity;
  }


  public Entry {
    // in the loader's order: Map.copyOf iterates in an order that changes from run to run,
    // and 'explain ID' / 'patterns show' list the variants
    variants = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variants));
    references = List.copyOf(references);
    examples = List.copyOf(examples);
    nearMisses = List.copyOf(nearMisses);
    scenarios = List.copyOf(scenarios);
    groupBy = groupBy == null ? null : List.copyOf(groupBy);
  }
}
