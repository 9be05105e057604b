package dev.a2doctor.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The loaded entries, by id, plus what was wrong with the files that did not load. */
public final class Catalog {

  private final Map<String, Entry> byId;
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
    this.problems = List.copyOf(p);
  }

  /** The entries in id order. */
  public List<Entry> entries() {
    return List.copyOf(byId.values());
  }

  public Optional<Entry> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public List<CatalogProblem> problems() {
    return problems;
  }

  public int size() {
    return byId.size();
  }
}
