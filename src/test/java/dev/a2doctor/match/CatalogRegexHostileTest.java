package dev.a2doctor.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.a2doctor.catalog.Catalog;
import dev.a2doctor.catalog.CatalogLoader;
import dev.a2doctor.catalog.Entry;
import dev.a2doctor.parse.LineParser;
import dev.a2doctor.parse.ParseResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Regex killers against every regex in the built-in catalog: each entry's own example line (so
 * the line reaches the regex through the tag or literal index) with a tail of the shapes that
 * make backtracking engines explode (runs of quotes, backslashes, brackets, the literal itself,
 * the message again and again), cut at 8 KiB, the most httpd writes on one line.
 */
class CatalogRegexHostileTest {

  private static final List<String> TAILS = List.of("'", "\"", "\\\"", "[", "(", " ",
      "a0:/", "' on '", "[uri \"] [");

  private final Catalog catalog = new CatalogLoader().loadBuiltin();
  private final Matcher matcher = new Matcher(catalog);
  private final LineParser parser = new LineParser();

  @Test
  void everyCatalogRegexStaysLinearOnKillerShapesAndKeepsTheInvariants() {
    Map<String, String> lines = killerLines();
    assertThat(lines).hasSizeGreaterThan(catalog.size() * TAILS.size());
    MatcherInvariants.check(matcher, List.copyOf(lines.values()));
    LineCost.Worst worst = LineCost.worst(lines, this::match, 20);
    System.out.printf("CatalogRegexHostileTest: %d lines of 8 KiB over %d entries; worst %s%n",
        lines.size(), catalog.size(), worst);
    // generous for a noisy shared machine; a backtracking blow-up takes seconds to hours
    assertThat(worst.millis()).as(worst.toString()).isLessThan(100);
  }

  private void match(String raw) {
    if (parser.parse(raw) instanceof ParseResult.Parsed p) {
      matcher.matchAll(p.line());
    }
  }

  private Map<String, String> killerLines() {
    Map<String, String> out = new LinkedHashMap<>();
    for (Entry e : catalog.entries()) {
      if (e.examples().isEmpty()) {
        continue;
      }
      String example = e.examples().get(0).line();
      // the example minus its last character, so a regex anchored there fails after a long run
      String open = example.substring(0, example.length() - 1);
      for (String tail : TAILS) {
        out.put(e.id() + " + " + tail + "...", cut(open + tail.repeat(8192)));
      }
      String literal = e.match().literal() == null ? "" : e.match().literal();
      out.put(e.id() + " + literal...", cut(example + (" " + literal).repeat(8192)));
      out.put(e.id() + " + itself...", cut(example + example.repeat(64)));
    }
    return out;
  }

  private static String cut(String s) {
    return s.length() > 8192 ? s.substring(0, 8192) : s;
  }
}
