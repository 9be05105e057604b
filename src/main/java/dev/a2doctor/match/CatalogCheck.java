package dev.a2doctor.match;

import dev.a2doctor.catalog.Catalog;
import dev.a2doctor.catalog.CatalogProblem;
import dev.a2doctor.catalog.Entry;
import dev.a2doctor.catalog.Example;
import dev.a2doctor.catalog.Placeholders;
import dev.a2doctor.catalog.Text;
import dev.a2doctor.catalog.Variant;
import dev.a2doctor.parse.LineParser;
import dev.a2doctor.parse.ParseResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The catalog's self-test: every entry's examples match it, and only it, with the captures they
 * list; no near miss matches; every placeholder can be filled. The contract test and
 * {@code a2doctor patterns test} both run this.
 */
public final class CatalogCheck {

  /** What an enricher named by an entry's {@code context} key provides. */
  public record EnricherInfo(Set<String> provides, Set<String> variants) {}

  private final LineParser parser = new LineParser();
  private final Function<String, Optional<EnricherInfo>> enrichers;
  private final List<String> languages;

  /** @param enrichers looks up an enricher by the name an entry gives in {@code context} */
  public CatalogCheck(Function<String, Optional<EnricherInfo>> enrichers) {
    this(enrichers, List.of("en"));
  }

  /**
   * @param languages the languages every title, explanation and fix must have (the built-in
   *     catalog: en and ja; a site catalog: en)
   */
  public CatalogCheck(Function<String, Optional<EnricherInfo>> enrichers,
      List<String> languages) {
    this.enrichers = enrichers;
    this.languages = List.copyOf(languages);
  }

  /**
   * Checks {@code entries} against a matcher over {@code all} (the whole catalog, so a line two
   * entries claim is found even when only one of them is being checked).
   */
  public List<CatalogProblem> check(List<Entry> entries, Catalog all) {
    Matcher matcher = new Matcher(all);
    List<CatalogProblem> problems = new ArrayList<>();
    for (Entry e : entries) {
      check(e, matcher, problems);
    }
    return problems;
  }

  private void check(Entry e, Matcher matcher, List<CatalogProblem> out) {
    if (e.examples().isEmpty()) {
      out.add(problem(e, "examples", "an entry needs at least one example line"));
    }
    for (String lang : languages) {
      language(e, "title", e.title(), lang, out);
      language(e, "explanation", e.explanation(), lang, out);
      language(e, "fix", e.fix(), lang, out);
      for (Variant v : e.variants().values()) {
        language(e, "variants." + v.id() + ".explanation", v.explanation(), lang, out);
        language(e, "variants." + v.id() + ".fix", v.fix(), lang, out);
      }
    }
    Set<String> captured = new HashSet<>();
    for (int i = 0; i < e.examples().size(); i++) {
      Example x = e.examples().get(i);
      String key = "examples[" + i + "]";
      if (x.line().indexOf('\n') >= 0) {
        multiLine(e, x, key, matcher, captured, out);
        continue;
      }
      ParseResult r = parser.parse(x.line());
      if (!(r instanceof ParseResult.Parsed p)) {
        out.add(problem(e, key, "does not parse: " + ((ParseResult.Unparsed) r).reason()));
        continue;
      }
      List<Hit> hits = matcher.matchAll(p.line());
      Optional<Hit> own = hits.stream().filter(h -> h.entry().id().equals(e.id())).findFirst();
      if (own.isEmpty()) {
        out.add(problem(e, key, "does not match its entry: " + abbreviate(x.line())));
        continue;
      }
      for (Hit h : hits) {
        if (h != own.get()) {
          out.add(problem(e, key, "also claimed by entry '" + h.entry().id() + "' ("
              + h.entry().source() + "): " + abbreviate(x.line())));
        }
      }
      Map<String, String> got = own.get().captures();
      captured.addAll(got.keySet());
      if (!got.equals(x.captures())) {
        out.add(problem(e, key + ".captures", "expected " + x.captures() + " but got " + got));
      }
    }
    for (int i = 0; i < e.nearMisses().size(); i++) {
      Example x = e.nearMisses().get(i);
      if (parser.parse(x.line()) instanceof ParseResult.Parsed p
          && matcher.matchAll(p.line()).stream().anyMatch(h -> h.entry().id().equals(e.id()))) {
        out.add(problem(e, "near_misses[" + i + "]",
            "a near miss matches the entry: " + abbreviate(x.line())));
      }
    }
    placeholders(e, "explanation", e.explanation(), captured, out);
    placeholders(e, "fix", e.fix(), captured, out);
    if (!e.context().isEmpty()) {
      Optional<EnricherInfo> info = enrichers.apply(e.context());
      if (info.isEmpty()) {
        out.add(problem(e, "context", "no enricher named '" + e.context() + "'"));
        return;
      }
      Set<String> available = new HashSet<>(captured);
      available.addAll(info.get().provides());
      for (Variant v : e.variants().values()) {
        if (!info.get().variants().contains(v.id())) {
          out.add(problem(e, "variants." + v.id(), "enricher '" + e.context()
              + "' never picks this variant; it knows " + info.get().variants()));
        }
        placeholders(e, "variants." + v.id() + ".explanation", v.explanation(), available, out);
        placeholders(e, "variants." + v.id() + ".fix", v.fix(), available, out);
      }
    }
  }

  /** A multi-line example is one event: it must assemble into one, explained by this entry. */
  private void multiLine(Entry e, Example x, String key, Matcher matcher, Set<String> captured,
      List<CatalogProblem> out) {
    List<MatchedEvent> events = new ArrayList<>();
    EventAssembler assembler = new EventAssembler(matcher, events::add);
    String[] lines = x.line().split("\n", -1);
    for (int n = 0; n < lines.length; n++) {
      if (parser.parse(lines[n]) instanceof ParseResult.Parsed p) {
        assembler.accept(p.line(), "example", n + 1, 0);
      } else {
        out.add(problem(e, key, "line " + (n + 1) + " does not parse"));
        return;
      }
    }
    assembler.closeAll();
    if (events.size() != 1) {
      out.add(problem(e, key, "assembles into " + events.size() + " events, not one"));
      return;
    }
    Optional<Hit> hit = events.get(0).hit();
    if (hit.isEmpty() || !hit.get().entry().id().equals(e.id())) {
      out.add(problem(e, key, "the event is explained by "
          + hit.map(h -> "entry '" + h.entry().id() + "'").orElse("no entry")
          + ", not this one"));
      return;
    }
    captured.addAll(hit.get().captures().keySet());
    if (!hit.get().captures().equals(x.captures())) {
      out.add(problem(e, key + ".captures", "expected " + x.captures() + " but got "
          + hit.get().captures()));
    }
  }

  private static void language(Entry e, String key, Text text, String lang,
      List<CatalogProblem> out) {
    if (!text.byLang().containsKey(lang)) {
      out.add(problem(e, key + "." + lang, "missing (every entry is written in "
          + ("ja".equals(lang) ? "English and Japanese" : "English") + ")"));
    }
  }

  private static void placeholders(Entry e, String key, Text text, Set<String> available,
      List<CatalogProblem> out) {
    for (Map.Entry<String, String> t : text.sorted().entrySet()) {
      for (String name : Placeholders.names(t.getValue())) {
        if (!available.contains(name)) {
          out.add(problem(e, key + "." + t.getKey(),
              "placeholder {" + name + "} is captured by no example"));
        }
      }
    }
  }

  private static CatalogProblem problem(Entry e, String key, String message) {
    return new CatalogProblem(e.source(), 0, key, message);
  }

  private static String abbreviate(String s) {
    return s.length() <= 120 ? s : s.substring(0, 117) + "...";
  }
}
