package dev.a2doctor.context;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an enricher learned about one finding from the server context.
 *
 * @param variant the entry variant that applies, when the evidence decides one
 * @param values placeholder values for the variant's texts ({@code user}, {@code where}, ...)
 * @param evidence what was checked and found, one sentence each, for the admin to verify
 * @param unchecked what could not be checked and why
 * @param edit the change to make, when a file and line are known
 */
public record Enrichment(Optional<String> variant, Map<String, String> values,
    List<String> evidence, List<String> unchecked, Optional<Edit> edit) {

  public Enrichment {
    values = Map.copyOf(values);
    evidence = List.copyOf(evidence);
    unchecked = List.copyOf(unchecked);
  }

  public static Enrichment nothing() {
    return new Enrichment(Optional.empty(), Map.of(), List.of(), List.of(), Optional.empty());
  }

  /** Replace line {@code line} of {@code file}, which reads {@code before}, with {@code after}. */
  public record Edit(String file, int line, String before, String after) {}
}
