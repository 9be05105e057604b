package dev.a2doctor.match;

import com.google.re2j.A2doctorSubmatches;
import dev.a2doctor.catalog.Catalog;
import dev.a2doctor.catalog.Entry;
import dev.a2doctor.catalog.Match;
import dev.a2doctor.parse.LogLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds the catalog entry that explains a line. Entries are indexed by tag; entries keyed by a
 * literal are tried only when the message contains that literal (all literals are found in one
 * Aho-Corasick pass), so a line runs few regexes, each on RE2/J (linear time, no catastrophic
 * backtracking).
 */
public final class Matcher {

  private final Map<String, List<Entry>> byTag = new HashMap<>();
  private final Map<String, List<Entry>> byLiteral = new HashMap<>();
  /**
   * The automaton of every entry's literal, built on first use: a start-up that explains one
   * tagged line never needs it (about 15 ms of {@code explain}'s start).
   */
  private volatile Literals literals;
  /** The entries of each literal, by its number in {@link #literals}. */
  private volatile List<List<Entry>> byWord;
  private final Map<String, List<Entry>> fallbackByModule = new HashMap<>();

  public Matcher(Catalog catalog) {
    this(catalog.entries());
  }

  public Matcher(List<Entry> entries) {
    for (Entry e : entries) {
      if (e.match().fallback()) {
        add(fallbackByModule, e.match().module(), e);
        continue;
      }
      for (String tag : e.match().tags()) {
        add(byTag, tag, e);
      }
      if (e.match().literal() != null) {
        add(byLiteral, e.match().literal(), e);
      }
    }
  }

  /*
   * Loops and named classes, no lambdas: explain builds a Matcher on its start, where the first
   * lambda would start java.lang.invoke (ExplainStartupTest).
   */

  private static void add(Map<String, List<Entry>> map, String key, Entry e) {
    List<Entry> list = map.get(key);
    if (list == null) {
      list = new ArrayList<>();
      map.put(key, list);
    }
    list.add(e);
  }

  /** One Aho-Corasick pass finds every literal in a message, however many entries there are. */
  private Literals literals() {
    Literals l = literals;
    if (l == null) {
      synchronized (this) {
        l = literals;
        if (l == null) {
          List<String> words = new ArrayList<>(byLiteral.keySet());
          List<List<Entry>> entries = new ArrayList<>(words.size());
          for (String w : words) {
            entries.add(byLiteral.get(w));
          }
          byWord = List.copyOf(entries);
          l = new Literals(words);
          literals = l; // published after byWord
        }
      }
    }
    return l;
  }

  /**
   * The best entry for {@code line}: a tag hit before a literal hit, then the first by id. The
   * same as the first of {@link #matchAll}, but stops at the first entry that matches.
   */
  public Optional<Hit> match(LogLine line) {
    List<Hit> hits = new ArrayList<>(1);
    if (!line.tag().isEmpty()) {
      for (Entry e : byTag.getOrDefault(line.tag(), List.of())) {
        tryEntry(e, line, hits);
        if (!hits.isEmpty()) {
          return Optional.of(hits.get(0));
        }
      }
    }
    String message = line.message();
    if (!byLiteral.isEmpty() && !message.isEmpty()) {
      List<Entry> found = found(message);
      if (!found.isEmpty()) {
        TreeMap<String, Entry> candidates = new TreeMap<>();
        for (Entry e : found) {
          if (line.tag().isEmpty() || !e.match().tags().contains(line.tag())) {
            candidates.put(e.id(), e);
          }
        }
        for (Entry e : candidates.values()) {
          tryEntry(e, line, hits);
          if (!hits.isEmpty()) {
            return Optional.of(hits.get(0));
          }
        }
      }
    }
    for (Entry e : fallbackByModule.getOrDefault(line.module(), List.of())) {
      tryEntry(e, line, hits);
      if (!hits.isEmpty()) {
        return Optional.of(hits.get(0));
      }
    }
    return Optional.empty();
  }

  /**
   * Every entry that matches, best first (the contract test uses this to find overlaps);
   * fallback entries only when nothing else matches.
   */
  public List<Hit> matchAll(LogLine line) {
    List<Hit> hits = matchIndexed(line);
    if (hits.isEmpty()) {
      for (Entry e : fallbackByModule.getOrDefault(line.module(), List.of())) {
        tryEntry(e, line, hits);
      }
    }
    return hits;
  }

  private List<Hit> matchIndexed(LogLine line) {
    List<Hit> hits = new ArrayList<>(2);
    if (!line.tag().isEmpty()) {
      for (Entry e : byTag.getOrDefault(line.tag(), List.of())) {
        tryEntry(e, line, hits);
      }
    }
    String message = line.message();
    if (byLiteral.isEmpty() || message.isEmpty()) {
      return hits;
    }
    List<Entry> found = found(message);
    if (found.isEmpty()) {
      return hits;
    }
    // entries by id, so that the order (and so the best hit) does not depend on the text
    TreeMap<String, Entry> candidates = new TreeMap<>();
    for (Entry e : found) {
      if (line.tag().isEmpty() || !e.match().tags().contains(line.tag())) {
        candidates.put(e.id(), e); // entries with this line's tag were tried above
      }
    }
    for (Entry e : candidates.values()) {
      tryEntry(e, line, hits);
    }
    return hits;
  }

  /** The entries whose literal the message contains (one pass over it, however many). */
  private List<Entry> found(String message) {
    List<Entry> found = new ArrayList<>();
    Literals l = literals();
    List<List<Entry>> entries = byWord;
    l.find(message, new Found(entries, found));
    return found;
  }

  /** Adds the entries of each literal found to a list. */
  private static final class Found implements java.util.function.IntConsumer {
    private final List<List<Entry>> entries;
    private final List<Entry> found;

    Found(List<List<Entry>> entries, List<Entry> found) {
      this.entries = entries;
      this.found = found;
    }

    @Override
    public void accept(int word) {
      found.addAll(entries.get(word));
    }
  }

  private static void tryEntry(Entry e, LogLine line, List<Hit> hits) {
    Match m = e.match();
    if (m.module() != null && !m.module().equals(line.module())) {
      return;
    }
    if (!m.errno().isEmpty() && !m.errno().contains(line.errno())) {
      return;
    }
    Map<String, String> captures = Map.of();
    if (m.regex() != null) {
      String message = line.message();
      // every match contains this text: without it the regex cannot match (RequiredLiteral)
      if (!m.required().isEmpty() && !message.contains(m.required())) {
        return;
      }
      // the match and its groups in one run (Matcher.find + group would run twice), on the
      // bridge's backtracker where the message is short enough
      int[] spans = A2doctorSubmatches.find(m.compiled(), message);
      if (spans == null) {
        return;
      }
      if (!m.groups().isEmpty()) {
        List<String> names = m.groups();
        int[] numbers = m.groupNumbers();
        Map<String, String> c = new HashMap<>();
        for (int i = 0; i < numbers.length; i++) {
          int k = numbers[i];
          if (spans[2 * k] >= 0) {
            c.put(names.get(i), message.substring(spans[2 * k], spans[2 * k + 1]));
          }
        }
        captures = c;
      }
    }
    for (Hit h : hits) {
      if (h.entry() == e) {
        return;
      }
    }
    hits.add(new Hit(e, line, captures));
  }
}
