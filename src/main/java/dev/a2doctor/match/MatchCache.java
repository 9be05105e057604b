package dev.a2doctor.match;

import dev.a2doctor.parse.LogLine;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers what {@link Matcher#match} said for a line's tag, module, errno and message, the only
 * fields matching reads: logs repeat the same message (four of five lines of a busy log), and
 * each repeat would otherwise run the same regexes again. Bounded: when full it starts over, so
 * a long watch over ever-new messages keeps a fixed size. One per pipeline, or {@link #shared} by threads.
 */
public final class MatchCache {

  static final int MAX = 16_384;

  /** What matching reads of a line. */
  private record Key(String tag, String module, int errno, String message) {}

  /** A hit without its line: the cache must not keep whole lines alive. */
  private record Found(dev.a2doctor.catalog.Entry entry, Map<String, String> captures) {}

  private static final Found NOTHING = new Found(null, Map.of());

  private final Matcher matcher;
  private final Map<Key, Found> seen;

  public MatchCache(Matcher matcher) {
    this.matcher = matcher;
    this.seen = new HashMap<>();
  }

  private MatchCache(Matcher matcher, Map<Key, Found> seen) {
    this.matcher = matcher;
    this.seen = seen;
  }

  /**
   * One cache for several threads (workers reading parts of one log): they share its repeats,
   * and memory holds one cache, not one per thread.
   */
  public static MatchCache shared(Matcher matcher) {
    return new MatchCache(matcher, new java.util.concurrent.ConcurrentHashMap<>());
  }

  /** The same as {@code matcher.match(line)}. */
  public Optional<Hit> match(LogLine line) {
    Key key = new Key(line.tag(), line.module(), line.errno(), line.message());
    Found found = seen.get(key);
    if (found == null) {
      Optional<Hit> hit = matcher.match(line);
      if (seen.size() >= MAX) {
        seen.clear();
      }
      seen.put(key, hit.map(h -> new Found(h.entry(), h.captures())).orElse(NOTHING));
      return hit;
    }
    return found == NOTHING ? Optional.empty()
        : Optional.of(new Hit(found.entry(), line, found.captures()));
  }
}
