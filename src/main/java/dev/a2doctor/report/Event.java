package dev.a2doctor.report;

import java.util.Map;

/**
 * One matched log event (a line, or a multi-line event such as a traceback) as it is diagnosed:
 * what live mode prints and counts. Every matched event is reported exactly once.
 *
 * @param finding the finding after this event was merged into it
 * @param first whether this event created the finding (a new kind of problem)
 * @param raw the event's raw text (lines joined with a newline for multi-line events)
 * @param lineNumber the 1-based number of the event's first line in {@code source}
 */
public record Event(Finding finding, boolean first, String raw, String source, long lineNumber,
    String time, Map<String, String> captures) {

  public Event {
    captures = Map.copyOf(captures);
  }
}
