package dev.a2doctor.match;

import dev.a2doctor.catalog.Entry;
import dev.a2doctor.parse.LogLine;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers what {@link Matcher#match} said for a line's tag, module, errno and message, the only
 * fields matching reads: logs repeat the same message (four of five lines of a busy log), and
 * each repeat would otherwise run the same regexes again. Keyed by the message alone (no key
 * object per line); the tag, module and errno it was seen with are compared on a hit.
 *
 * <p>Bounded to {@link #MAX} messages in two generations: when the young one is full it becomes
 * the old one and the previous old one is dropped; a message found in the old generation moves
 * to the young one. So a long watch over ever-new messages keeps a fixed size while the messages
 * that keep coming stay. Not thread-safe: one per thread (the {@link Matcher} it asks is shared).
 */
public final class MatchCache {

  /**
   * Messages kept at most, in two generations of half as many. Measured on the 1M-line benchmark
   * log (158k distinct messages among 1M): 200.9k misses; one table of 16,384 cleared when full
   * missed 195.4k, two generations of 8,192 183.4k, at four times the memory. A watch over
   * ever-new messages keeps at most this many (WatchMemoryTest).
   */
  static final int MAX = 4_096;

  /**
   * What matching said for a message (the entry and its captures, not the line, which would keep
   * the whole first line alive), and the other fields it read of that line.
   */
  private record Seen(String tag, String module, int errno, Entry entry,
      Map<String, String> captures) {
    boolean fits(LogLine line) {
      return errno == line.errno() && tag.equals(line.tag()) && module.equals(line.module());
    }
  }

  /**
   * Slots of {@link #sightings}. A message is kept only when it comes a second time: most
   * distinct messages of a log come once (142,790 of the 158,042 of the 1M-line benchmark log:
   * PHP file and line, paths), and keeping each of them made garbage that lived long enough to
   * fill the old generation (a full GC every 20 young ones) and pushed out the messages that do
   * repeat.
   */
  private static final int SIGHTINGS = 1 << 13;

  private final Matcher matcher;
  /** The hash of a message seen once and not kept, by slot; a collision only keeps one early. */
  private final int[] sightings = new int[SIGHTINGS];
  private long misses;
  private Map<String, Seen> young = new HashMap<>();
  private Map<String, Seen> old = new HashMap<>();

  public MatchCache(Matcher matcher) {
    this.matcher = matcher;
  }

  /** The same as {@code matcher.match(line)}. */
  public Optional<Hit> match(LogLine line) {
    String message = line.message();
    Seen seen = young.get(message);
    if (seen == null) {
      seen = old.remove(message);
      if (seen != null && seen.fits(line)) {
        remember(message, seen);
      }
    }
    if (seen == null || !seen.fits(line)) {
      misses++;
      Optional<Hit> hit = matcher.match(line);
      if (seen != null || secondSighting(message)) {
        remember(message, new Seen(line.tag(), line.module(), line.errno(),
            hit.map(Hit::entry).orElse(null), hit.map(Hit::captures).orElse(null)));
      }
      return hit;
    }
    return seen.entry() == null ? Optional.empty()
        : Optional.of(new Hit(seen.entry(), line, seen.captures()));
  }

  /** How many lines were handed to the matcher (not answered from the cache). */
  public long misses() {
    return misses;
  }

  /** Whether the message came before (by its hash); if not, notes that it came. */
  private boolean secondSighting(String message) {
    int h = message.hashCode(); // a String keeps its hash: the lookup above computed it
    int slot = (h ^ (h >>> 16)) & (SIGHTINGS - 1);
    if (sightings[slot] == h) {
      return true;
    }
    sightings[slot] = h;
    return false;
  }

  private void remember(String message, Seen seen) {
    if (young.size() >= MAX / 2 && !young.containsKey(message)) {
      old = young;
      young = new HashMap<>();
    }
    young.put(message, seen);
  }
}
