package dev.a2doctor.match;

import dev.a2doctor.parse.LogLine;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers what {@link Matcher#match} said for a line's tag, module, errno and message, the only
 * fields matching reads: logs repeat the same message (four of five lines of a busy log), and
 * each repeat would otherwise run the same regexes again. Bounded: when full it starts over, so
 * a long watch over ever-new messages keeps a fixed size. Not thread-safe; one per pipeline.
 */
final class MatchCache {

  static final int MAX = 16_384;

  /** What matching reads of a line. */
  private record Key(String tag, String module, int errno, String message) {}

  private final Matcher matcher;
  private final Map<Key, Optional<Hit>> seen = new HashMap<>();

  MatchCache(Matcher matcher) {
    this.matcher = matcher;
  }

  /** The same as {@code matcher.match(line)}. */
  Optional<Hit> match(LogLine line) {
    Key key = new Key(line.tag(), line.module(), line.errno(), line.message());
    Optional<Hit> hit = seen.get(key);
    if (hit == null) {
      hit = matcher.match(line);
      if (seen.size() >= MAX) {
        seen.clear();
      }
      seen.put(key, hit);
      return hit;
    }
    // the cached hit names the line it was found on: give it this line
    return hit.isEmpty() || hit.get().line() == line ? hit
        : Optional.of(new Hit(hit.get().entry(), line, hit.get().captures()));
  }
}
