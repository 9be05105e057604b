package dev.a2doctor.context;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an enricher learned about one finding from the server context.
 *
 * @param variant the entry variant that applies, when the evidence decides one
 * @param values placeholder values for the variant's texts ({@code user}, {@code where}, ...)
 * @param evidenceNotes what was checked and found, one sentence each, for the admin to verify
 * @param uncheckedNotes what could not be checked and why
 * @param edit the change to make, when a file and line are known
 */
public record Enrichment(Optional<String> variant, Map<String, String> values,
    List<Note> evidenceNotes, List<Note> uncheckedNotes, Optional<Edit> edit) {

  public Enrichment {
    values = Map.copyOf(values);
    evidenceNotes = List.copyOf(evidenceNotes);
    uncheckedNotes = List.copyOf(uncheckedNotes);
  }

  public static Enrichment nothing() {
    return new Enrichment(Optional.empty(), Map.of(), List.of(), List.of(), Optional.empty());
  }

  /** The evidence in English. */
  public List<String> evidence() {
    return evidence("en");
  }

  public List<String> evidence(String lang) {
    return Note.texts(evidenceNotes, lang);
  }

  /** What was not checked, in English. */
  public List<String> unchecked() {
    return unchecked("en");
  }

  public List<String> unchecked(String lang) {
    return Note.texts(uncheckedNotes, lang);
  }

  /**
   * Replace line {@code line} of {@code file}, which reads {@code before}, with {@code after}.
   * {@code after} may be several lines (separated by a newline): lines to insert keep
   * {@code before} as their first line.
   */
  public record Edit(String file, int line, String before, String after) {

    /** The replacement, one element per line. */
    public List<String> afterLines() {
      return List.of(after.split("\n", -1));
    }
  }
}
