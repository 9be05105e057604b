package dev.a2doctor.catalog;

import java.util.List;
import java.util.Map;

/**
 * One catalog entry: a kind of error line, what it means and how to fix it. Loaded from
 * {@code patterns/<area>/<id>.yaml} by {@link CatalogLoader}.
 *
 * @param source where the entry was read from, for messages ({@code patterns/wsgi/x.yaml})
 * @param area the directory the entry lives in ({@code wsgi})
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
    String source) {

  public Entry {
    variants = Map.copyOf(variants);
    references = List.copyOf(references);
    examples = List.copyOf(examples);
    nearMisses = List.copyOf(nearMisses);
    scenarios = List.copyOf(scenarios);
  }
}
