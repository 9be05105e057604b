package dev.a2doctor.match;

import dev.a2doctor.parse.LogLine;
import java.util.ArrayList;
import java.util.List;

/**
 * A multi-line event being assembled from lines of one process, thread and client: a Python
 * traceback ({@code Traceback (most recent call last):} ... {@code ModuleNotFoundError: ...}),
 * possibly after header lines such as mod_wsgi's {@code Exception occurred processing WSGI
 * script}, or {@code apache2 -t}'s {@code AH00526: Syntax error on line N of FILE:} and the reason
 * on the next line.
 */
final class PendingEvent {

  static final int MAX_LINES = 500;
  static final String TRACEBACK = "Traceback (most recent call last):";

  final String source;
  final long firstLine;
  final String time;
  final boolean bare;
  final List<String> raws = new ArrayList<>();
  final List<Hit> headers = new ArrayList<>();
  boolean traceback;
  LogLine last;
  LogLine finalLine;
  long lastMillis;

  PendingEvent(String source, long firstLine, LogLine first, long nowMillis) {
    this.source = source;
    this.firstLine = firstLine;
    this.time = first.time();
    this.bare = first.format() == LogLine.Format.BARE;
    add(first, nowMillis);
  }

  void add(LogLine line, long nowMillis) {
    raws.add(line.raw());
    last = line;
    lastMillis = nowMillis;
  }

  boolean full() {
    return raws.size() >= MAX_LINES;
  }

  /** The text a line contributes: CGI stderr arrives wrapped in {@code AH01215: stderr from X: }. */
  static String inner(LogLine line) {
    String m = line.message();
    if (line.tag().equals("AH01215") && m.startsWith("stderr from ")) {
      int colon = m.indexOf(": ", 12);
      if (colon >= 0) {
        return m.substring(colon + 2);
      }
    }
    return m;
  }

  static boolean startsTraceback(LogLine line) {
    return inner(line).equals(TRACEBACK);
  }

  /** A line inside a traceback: frames and code are indented; chained exceptions say so. */
  static boolean insideTraceback(LogLine line) {
    String s = inner(line);
    return s.isEmpty() || s.startsWith(" ") || s.startsWith("\t") || s.equals(TRACEBACK)
        || s.startsWith("During handling of the above exception")
        || s.startsWith("The above exception was the direct cause");
  }
}
