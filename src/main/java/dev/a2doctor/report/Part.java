package dev.a2doctor.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one Diagnoser found over one part of the input, by group key, with line numbers counted
 * from the part's start; {@code late} holds what the events still open at the part's end added
 * when they were closed.
 */
record Part(Map<String, Finding> findings, Map<String, Unrecognized> unrecognized,
    Map<String, Finding> lateFindings, Map<String, Unrecognized> lateUnrecognized, long lines,
    long parsed, long unparsed, long unrecognizedLines, long lateUnrecognizedLines) {

  /** From the maps before and after the open events were closed. */
  static Part of(Map<String, Finding> f, Map<String, Unrecognized> u,
      Map<String, Finding> fAfter, Map<String, Unrecognized> uAfter, long lines, long parsed,
      long unparsed, long unrecognizedLines, long lateUnrecognizedLines) {
    Map<String, Finding> lateF = new LinkedHashMap<>();
    fAfter.forEach((k, after) -> {
      Finding before = f.get(k);
      if (before == null) {
        lateF.put(k, after);
      } else if (after.count() > before.count()) {
        // only what closing added: the count, and the times it brought
        lateF.put(k, new Finding(after.entry(), after.captures(), after.enrichment(),
            after.count() - before.count(), after.firstSeen(), after.lastSeen(), after.source(),
            after.firstLine(), after.sample()));
      }
    });
    Map<String, Unrecognized> lateU = new LinkedHashMap<>();
    uAfter.forEach((k, after) -> {
      Unrecognized before = u.get(k);
      if (before == null) {
        lateU.put(k, after);
      } else if (after.count() > before.count()) {
        lateU.put(k, new Unrecognized(k, after.count() - before.count(), after.sample(),
            after.source(), after.firstLine()));
      }
    });
    return new Part(f, u, lateF, lateU, lines, parsed, unparsed, unrecognizedLines,
        lateUnrecognizedLines);
  }
}
