package dev.a2doctor.match;

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

  static final int MAX = 16_384;

  /** What matching said for a message, and the other fields it read of that line. */
  private record Seen(String tag, String module, int errno, Optional<Hit> hit) {
    boolean fits(LogLine line) {
      return errno == line.errno() && tag.equals(line.tag()) && module.equals(line.module());
    }
  }

  private final Matcher matcher;
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
      seen = new Seen(line.tag(), line.module(), line.errno(), matcher.match(line));
      remember(message, seen);
      return seen.hit();
    }
    Optional<Hit> hit = seen.hit();
    // the cached hit names the line it was found on: give it this line
    return hit.isEmpty() || hit.get().line() == line ? hit
        : Optional.of(new Hit(hit.get().entry(), line, hit.get().captures()));
  }

  private void remember(String message, Seen seen) {
    if (young.size() >= MAX / 2 && !young.containsKey(message)) {
      old = young;
      young = new HashMap<>();
    }
    young.put(message, seen);
  }
}
