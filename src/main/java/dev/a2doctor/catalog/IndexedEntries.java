package dev.a2doctor.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The entries of a {@link CatalogIndex}, each decoded when first asked for. The index's table
 * of contents gives, without decoding an entry, its id and what makes a line a candidate for
 * it (tags, literal, fallback), so that {@code a2doctor explain LINE} decodes the few entries
 * its line could match instead of all of them (decoding 214 entries took about a third of its
 * start). Safe to use from several threads: an entry decoded twice at once is the same value.
 */
final class IndexedEntries {

  /** The ids, sorted as {@link Catalog} sorts them ({@link String#compareTo}). */
  private final String[] ids;
  private final List<List<String>> tags;
  private final String[] literals;
  private final boolean[] fallback;
  private final IntFunction<Entry> decode;
  private final Entry[] decoded;

  IndexedEntries(String[] ids, List<List<String>> tags, String[] literals, boolean[] fallback,
      IntFunction<Entry> decode) {
    this.ids = ids;
    this.tags = tags;
    this.literals = literals;
    this.fallback = fallback;
    this.decode = decode;
    this.decoded = new Entry[ids.length];
  }

  int size() {
    return ids.length;
  }

  /** Entry number {@code i}, in id order. */
  Entry get(int i) {
    Entry e;
    synchronized (decoded) {
      e = decoded[i];
    }
    if (e == null) {
      e = decode.apply(i);
      synchronized (decoded) {
        if (decoded[i] == null) {
          decoded[i] = e;
        }
        e = decoded[i];
      }
    }
    return e;
  }

  /** The number of the entry with this id, or a negative number. */
  int find(String id) {
    return Arrays.binarySearch(ids, id);
  }

  /** Every entry, in id order. */
  List<Entry> all() {
    List<Entry> out = new ArrayList<>(ids.length);
    for (int i = 0; i < ids.length; i++) {
      out.add(get(i));
    }
    return out;
  }

  /** The entries carrying {@code tag}, in id order. */
  List<Entry> tagged(String tag) {
    List<Entry> out = new ArrayList<>(2);
    for (int i = 0; i < ids.length; i++) {
      if (tags.get(i).contains(tag)) {
        out.add(get(i));
      }
    }
    return out;
  }

  /** As {@link Catalog#candidatesFor}: by the table of contents alone. */
  List<Entry> candidatesFor(String text) {
    List<Entry> out = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      if (fallback[i] || (literals[i] != null && text.contains(literals[i]))
          || anyIn(tags.get(i), text)) {
        out.add(get(i));
      }
    }
    return out;
  }

  private static boolean anyIn(List<String> tags, String text) {
    for (int i = 0; i < tags.size(); i++) {
      if (text.contains(tags.get(i))) {
        return true;
      }
    }
    return false;
  }
}
