package dev.a2doctor.match;

import dev.a2doctor.parse.LogLine;
import java.util.Optional;

/**
 * One log event, a single line or several assembled (a traceback), with the entry that explains
 * it when one does.
 *
 * @param describe the line that describes the event: the final line of a multi-line event
 * @param raw the raw text, lines joined with a newline
 * @param firstLine the 1-based number of the event's first line in {@code source}
 */
public record MatchedEvent(Optional<Hit> hit, LogLine describe, String raw, String source,
    long firstLine, String firstTime, String lastTime) {

  public boolean multiLine() {
    return raw.indexOf('\n') >= 0;
  }
}
