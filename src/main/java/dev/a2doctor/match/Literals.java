package dev.a2doctor.match;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * Finds which of many literals a message contains, in one pass over it (Aho-Corasick), with the
 * automaton in a few flat arrays. org.ahocorasick's trie keeps a HashMap of boxed characters per
 * state; with the literals of 2,000 entries that was megabytes of small objects, and matching
 * slowed to 0.59 of its speed with 20 entries as the walk missed the CPU caches (measured on CPU
 * time with CatalogScaleBench's inflated catalog). Here a state's transitions are a slice of one
 * sorted char array (the root's, for ASCII, a direct table). Immutable once built, so one
 * instance serves any number of threads.
 */
final class Literals {

  private final List<String> words;
  /** Transitions of state s: chars[first[s] .. first[s + 1]), sorted, to target[...]. */
  private final int[] first;
  private final char[] chars;
  private final int[] target;
  private final int[] fail;
  /** The word that ends at a state, or -1. */
  private final int[] word;
  /** The nearest state on the failure chain (itself excluded) where a word ends, or -1. */
  private final int[] dictionary;
  /** The root's transitions for ASCII characters, -1 where there is none. */
  private final int[] rootAscii = new int[128];

  Literals(Collection<String> literals) {
    words = List.copyOf(literals);
    // the trie, built with maps (only at start-up), then flattened
    List<TreeMap<Character, Integer>> children = new ArrayList<>();
    List<Integer> ends = new ArrayList<>();
    children.add(new TreeMap<>());
    ends.add(-1);
    for (int w = 0; w < words.size(); w++) {
      String s = words.get(w);
      if (s.isEmpty()) {
        continue; // never found (the loader rejects an empty literal; org.ahocorasick skipped it)
      }
      int state = 0;
      for (int i = 0; i < s.length(); i++) {
        Integer next = children.get(state).get(s.charAt(i));
        if (next == null) {
          next = children.size();
          children.get(state).put(s.charAt(i), next);
          children.add(new TreeMap<>());
          ends.add(-1);
        }
        state = next;
      }
      if (ends.get(state) < 0) {
        ends.set(state, w); // a literal given twice is found once
      }
    }
    int n = children.size();
    first = new int[n + 1];
    int edges = 0;
    for (int s = 0; s < n; s++) {
      first[s] = edges;
      edges += children.get(s).size();
    }
    first[n] = edges;
    chars = new char[edges];
    target = new int[edges];
    word = new int[n];
    for (int s = 0; s < n; s++) {
      int k = first[s];
      for (var e : children.get(s).entrySet()) {
        chars[k] = e.getKey();
        target[k] = e.getValue();
        k++;
      }
      word[s] = ends.get(s);
    }
    java.util.Arrays.fill(rootAscii, -1);
    for (int k = first[0]; k < first[1]; k++) {
      if (chars[k] < 128) {
        rootAscii[chars[k]] = target[k];
      }
    }
    // failure and dictionary links, breadth first
    fail = new int[n];
    dictionary = new int[n];
    dictionary[0] = -1;
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int k = first[0]; k < first[1]; k++) {
      fail[target[k]] = 0;
      dictionary[target[k]] = -1;
      queue.add(target[k]);
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      for (int k = first[s]; k < first[s + 1]; k++) {
        int t = target[k];
        char c = chars[k];
        int f = fail[s];
        int next;
        while ((next = step(f, c)) < 0 && f != 0) {
          f = fail[f];
        }
        fail[t] = next < 0 ? 0 : next;
        dictionary[t] = word[fail[t]] >= 0 ? fail[t] : dictionary[fail[t]];
        queue.add(t);
      }
    }
  }

  /** Whether there are no literals at all. */
  boolean isEmpty() {
    return words.isEmpty();
  }

  /** The literal numbered {@code i} (its position in the collection given). */
  String word(int i) {
    return words.get(i);
  }

  /**
   * Tells {@code found} the number of each literal that {@code text} contains, once per place it
   * ends at (so a literal may be told more than once).
   */
  void find(CharSequence text, IntConsumer found) {
    int state = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      int next;
      while ((next = step(state, c)) < 0 && state != 0) {
        state = fail[state];
      }
      state = next < 0 ? 0 : next;
      for (int s = word[state] >= 0 ? state : dictionary[state]; s >= 0; s = dictionary[s]) {
        found.accept(word[s]);
      }
    }
  }

  /** The state after {@code c} from {@code state}, or -1 when there is no transition. */
  private int step(int state, char c) {
    if (state == 0 && c < 128) {
      return rootAscii[c];
    }
    int lo = first[state];
    int hi = first[state + 1] - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      char m = chars[mid];
      if (m < c) {
        lo = mid + 1;
      } else if (m > c) {
        hi = mid - 1;
      } else {
        return target[mid];
      }
    }
    return -1;
  }
}
