package dev.a2doctor.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The loaded entries, by id, plus what was wrong with the files that did not load. A catalog
 * read from the {@link CatalogIndex} decodes each entry when it is first asked for.
 */
public final class Catalog {

  /** The entries by id; null for a catalog read from the index. */
  private final Map<String, Entry> byId;
  /** The entries of a catalog read from the index, else null. */
  private final IndexedEntries indexed;
  private final List<CatalogProblem> problems;

  public Catalog(List<Entry> entries, List<CatalogProblem> problems) {
    Map<String, Entry> m = new TreeMap<>();
    List<CatalogProblem> p = new ArrayList<>(problems);
    for (Entry e : entries) {
      Entry previous = m.putIfAbsent(e.id(), e);
      if (previous != null) {
        p.add(new CatalogProblem(e.source(), 0, "id",
            "duplicate id '" + e.id() + "', also in " + previous.source()));
      }
    }
    this.byId = Collections.unmodifiableMap(m);
    this.indexed = null;
    this.problems = List.copyOf(p);
  }

  /** The entries of an index (which is written only for a catalog without problems). */
  Catalog(IndexedEntries indexed) {
    this.byId = null;
    this.indexed = indexed;
    this.problems = List.of();
  }

  /** The entries in id order. */
  public List<Entry> entries() {
    return List.copyOf(indexed != null ? indexed.all() : byId.values());
  }

  public Optional<Entry> get(String id) {
    if (indexed != null) {
      int i = indexed.find(id);
      return i < 0 ? Optional.empty() : Optional.of(indexed.get(i));
    }
    return Optional.ofNullable(byId.get(id));
  }

  /** The entries carrying {@code tag} ({@code AH01630}), in id order. */
  public List<Entry> tagged(String tag) {
    if (indexed != null) {
      return indexed.tagged(tag);
    }
    List<Entry> out = new ArrayList<>();
    for (Entry e : byId.values()) {
      if (e.match().tags().contains(tag)) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * The entries, in id order, that a {@code Matcher} could try on a line cut from {@code
   * text}: those with a tag or literal that {@code text} contains, and the fallback entries (a
   * line's tag and message are parts of the line, so a {@code Matcher} of these answers every
   * line of {@code text} as one of the whole catalog does). A catalog read from the index
   * decodes only these; any other gives all its entries.
   */
  public List<Entry> candidatesFor(String text) {
    return indexed != null ? indexed.candidatesFor(text) : entries();
  }

  public List<CatalogProblem> problems() {
    return problems;
  }

  public int size() {
    return indexed != null ? indexed.size() : byId.size();
  }
}
