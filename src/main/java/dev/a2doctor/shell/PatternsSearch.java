package dev.a2doctor.shell;

import dev.a2doctor.catalog.Catalog;
import dev.a2doctor.catalog.Entry;
import dev.a2doctor.render.Style;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * {@code patterns [TEXT]} in the shell: the catalog entries whose id, title, codes, literal or
 * module contain TEXT (all of them without TEXT). {@code patterns list|show|test} are the
 * command line's own.
 */
final class PatternsSearch {

  private PatternsSearch() {}

  static int search(Catalog catalog, String text, Style style, String lang, PrintWriter out) {
    String q = text.toLowerCase(Locale.ROOT);
    List<Entry> found = catalog.entries().stream().filter(e -> haystack(e, lang).contains(q))
        .toList();
    for (Entry e : found) {
      out.printf("%s %-44s %s%s%n", style.severity(e.severity(), 8), e.id(), e.title().get(lang),
          e.match().tags().isEmpty() ? "" : style.dim("  " + String.join(" ", e.match().tags())));
    }
    out.printf("%d of %d entries%s; 'explain ID' shows one in full%n", found.size(),
        catalog.size(), text.isEmpty() ? "" : " match '" + text + "'");
    out.flush();
    return found.isEmpty() ? 1 : 0;
  }

  private static String haystack(Entry e, String lang) {
    StringBuilder b = new StringBuilder(e.id()).append('\n').append(e.title().get(lang))
        .append('\n').append(e.title().en()).append('\n').append(e.area());
    e.match().tags().forEach(t -> b.append('\n').append(t));
    if (e.match().literal() != null) {
      b.append('\n').append(e.match().literal());
    }
    if (e.match().module() != null) {
      b.append('\n').append(e.match().module());
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }
}
