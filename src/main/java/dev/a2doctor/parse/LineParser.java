package dev.a2doctor.parse;

import java.util.Set;

/**
 * Splits an error-log line into its fields without regular expressions, in one left-to-right
 * pass, so that a hostile line costs time linear in its length. Reads:
 *
 * <pre>
 * [Thu Oct 11 15:04:38.059487 2018] [wsgi:error] [pid 15574] (13)Permission denied: [client 153.194.19.27:55658] mod_wsgi ...
 * [Wed Oct 11 14:32:52.123456 2000] [core:error] [pid 35708:tid 4328636416] [client 72.15.99.187] AH00135: ..., referer: http://x/
 * [Sun Dec 04 04:47:44 2005] [error] [client 1.2.3.4] (13)Permission denied: ...
 * [2026-11-25 01:17:00]: target uid/gid (1001/1001) mismatch with directory (0/0) ...   (suexec.log)
 * Nov 25 01:02:03 web01 apachectl[1234]: AH00526: Syntax error on line 35 of ...        (journal)
 * AH00526: Syntax error on line 12 of /etc/apache2/sites-enabled/foo.conf:
 * Traceback (most recent call last):
 * </pre>
 *
 * A line whose first bracket is an httpd timestamp but whose prefix then breaks off is an
 * {@link ParseResult.Unparsed}; a line without an httpd prefix is a {@link LogLine.Format#BARE}
 * line whose message is the whole line.
 */
public final class LineParser implements LogParser {

  private static final Set<String> LEVELS =
      Set.of("emerg", "alert", "crit", "error", "warn", "notice", "info", "debug",
          "trace1", "trace2", "trace3", "trace4", "trace5", "trace6", "trace7", "trace8");
  private static final String REFERER = ", referer: ";

  /** Parses one line (without its terminator). Never throws. */
  @Override
  public ParseResult parse(String raw) {
    String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
    SyslogPrefix syslog = SyslogPrefix.of(line);
    if (syslog != null) {
      return fromSyslog(raw, syslog);
    }
    if (!line.startsWith("[")) {
      return bare(raw, line);
    }
    int close = line.indexOf(']');
    if (close < 0) {
      return bare(raw, line);
    }
    String time = Timestamps.normalise(line, 1, close);
    if (time == null) {
      return bare(raw, line); // "[25-Nov-2026 ...] PHP Warning", "[2024-...] ERROR in app"
    }
    return afterTime(raw, line, time, close + 1);
  }

  /**
   * A line from the journal or syslog: Apache's own prefix follows without its timestamp
   * ({@code ErrorLog syslog}), or the message of apachectl's output follows directly.
   */
  private ParseResult fromSyslog(String raw, SyslogPrefix p) {
    String rest = p.rest();
    if (rest.startsWith("[")) {
      int close = rest.indexOf(']');
      String first = close < 0 ? "" : rest.substring(1, close);
      int colon = first.lastIndexOf(':');
      if (close > 0 && LEVELS.contains(colon < 0 ? first : first.substring(colon + 1))) {
        ParseResult r = afterTime(raw, rest, p.time(), 0);
        if (r instanceof ParseResult.Parsed) {
          return r;
        }
      }
    }
    ParseResult.Parsed bare = (ParseResult.Parsed) bare(raw, rest);
    LogLine b = bare.line();
    return new ParseResult.Parsed(new LogLine(raw, LogLine.Format.SYSLOG, p.time(), "", "", "",
        "", b.errno(), b.errnoText(), "", b.tag(), b.message(), ""));
  }

  private ParseResult afterTime(String raw, String line, String time, int from) {
    Cursor c = new Cursor(line, from);
    if (c.startsWith(": ")) {
      // suexec.log: "[2026-11-25 01:17:00]: uid: (1001/foo) gid: ..." (support/suexec.c)
      return new ParseResult.Parsed(message(raw, LogLine.Format.SUEXEC, time, "suexec", "error",
          "", "", LogLine.NO_ERRNO, "", "", line.substring(from + 2)));
    }
    c.skipSpaces();
    int levelEnd = c.bracketEnd();
    if (levelEnd < 0) {
      return new ParseResult.Unparsed(raw, "no [module:level] after the timestamp");
    }
    int levelStart = c.pos + 1;
    c.pos = levelEnd + 1;
    String module = "";
    LogLine.Format format = LogLine.Format.APACHE22;
    int colon = line.lastIndexOf(':', levelEnd - 1);
    if (colon >= levelStart) {
      module = Interned.of(line, levelStart, colon);
      levelStart = colon + 1;
      format = LogLine.Format.APACHE24;
    }
    String level = Interned.of(line, levelStart, levelEnd);
    if (!LEVELS.contains(level)) {
      return new ParseResult.Unparsed(raw, "unknown log level '" + level + "'");
    }
    c.skipSpace();
    String pid = "";
    String tid = "";
    if (c.startsWith("[pid ")) {
      int end = c.bracketEnd();
      if (end < 0) {
        return new ParseResult.Unparsed(raw, "unterminated [pid ...]");
      }
      int ids = c.pos + 5;
      int t = line.indexOf(":tid ", ids);
      pid = t < 0 || t > end ? Interned.of(line, ids, end) : Interned.of(line, ids, t);
      tid = t < 0 || t > end ? "" : Interned.of(line, t + 5, end);
      c.pos = end + 1;
      c.skipSpace();
    }
    c.skipSourceLocation();
    int errno = LogLine.NO_ERRNO;
    String errnoText = "";
    String client = "";
    // 2.4 writes "(13)Permission denied: [client x]", 2.2 "[client x] (13)Permission denied: "
    for (int i = 0; i < 2; i++) {
      if (errno == LogLine.NO_ERRNO && c.peek() == '(') {
        int[] status = c.status();
        if (status != null) {
          errno = status[0];
          errnoText = line.substring(status[1], status[2]);
          continue;
        }
      }
      if (client.isEmpty() && (c.startsWith("[client ") || c.startsWith("[remote "))) {
        int end = c.bracketEnd();
        if (end >= 0) {
          client = line.substring(c.pos + 8, end);
          c.pos = end + 1;
          c.skipSpace();
          continue;
        }
      }
      break;
    }
    // mod_wsgi 6 writes "[script /path] " between the client and its WSGInnnn tag
    if (c.startsWith("[script ")) {
      int save = c.pos;
      if (c.bracket() != null && c.peek() == ' ' && Tags.length(line.substring(c.pos + 1)) > 0) {
        c.skipSpace();
      } else {
        c.pos = save;
      }
    }
    return new ParseResult.Parsed(message(raw, format, time, module, level, pid, tid, errno,
        errnoText, client, line, c.pos));
  }

  /** No prefix; startup output may still carry an errno: {@code (98)Address already in use: AH00072: ...}. */
  private static ParseResult bare(String raw, String line) {
    int errno = LogLine.NO_ERRNO;
    String errnoText = "";
    String rest = line;
    if (line.startsWith("(")) {
      Cursor c = new Cursor(line, 0);
      int[] status = c.status();
      if (status != null) {
        errno = status[0];
        errnoText = line.substring(status[1], status[2]);
        rest = line.substring(c.pos);
      }
    }
    return new ParseResult.Parsed(
        message(raw, LogLine.Format.BARE, "", "", "", "", "", errno, errnoText, "", rest));
  }

  private static LogLine message(String raw, LogLine.Format format, String time, String module,
      String level, String pid, String tid, int errno, String errnoText, String client,
      String rest) {
    return message(raw, format, time, module, level, pid, tid, errno, errnoText, client, rest, 0);
  }

  /** The line from {@code rest[from]} on: tag, message and referer, cut out of it once each. */
  private static LogLine message(String raw, LogLine.Format format, String time, String module,
      String level, String pid, String tid, int errno, String errnoText, String client,
      String rest, int from) {
    String referer = "";
    int end = rest.length();
    // httpd appends the referer last; a URL in the message may itself contain the marker
    // (indexOf first: it is vectorised, lastIndexOf is not, and most lines have no referer)
    int r = rest.indexOf(REFERER, from) < 0 ? -1 : rest.lastIndexOf(REFERER);
    if (r >= from && format != LogLine.Format.BARE) {
      referer = rest.substring(r + REFERER.length());
      end = r;
    }
    String tag = "";
    int tagLength = Tags.lengthAt(rest, from, end);
    if (tagLength > 0) {
      tag = rest.substring(from, from + tagLength);
      from = Math.min(end, from + tagLength + 2);
    }
    String message = from == 0 && end == rest.length() ? rest : rest.substring(from, end);
    return new LogLine(raw, format, time, module, level, pid, tid, errno, errnoText, client, tag,
        message, referer);
  }

  /** A read position over one line. */
  private static final class Cursor {
    private final String s;
    private int pos;

    Cursor(String s, int pos) {
      this.s = s;
      this.pos = pos;
    }

    char peek() {
      return pos < s.length() ? s.charAt(pos) : '\0';
    }

    boolean startsWith(String prefix) {
      return s.startsWith(prefix, pos);
    }

    /** httpd writes exactly one space between fields; more belongs to the message (indentation). */
    void skipSpace() {
      if (pos < s.length() && s.charAt(pos) == ' ') {
        pos++;
      }
    }

    void skipSpaces() {
      while (pos < s.length() && s.charAt(pos) == ' ') {
        pos++;
      }
    }

    /** The index of the {@code ]} that closes {@code [} at the position, or -1. */
    int bracketEnd() {
      return peek() == '[' ? s.indexOf(']', pos) : -1;
    }

    /** Reads {@code [text]} and returns text, or null (position unchanged) when not closed. */
    String bracket() {
      if (peek() != '[') {
        return null;
      }
      int end = s.indexOf(']', pos);
      if (end < 0) {
        return null;
      }
      String inner = s.substring(pos + 1, end);
      pos = end + 1;
      return inner;
    }

    /** Skips {@code mod_wsgi.c(123): }, which the default format writes at LogLevel debug. */
    void skipSourceLocation() {
      int i = pos;
      while (i < s.length() && isSourceChar(s.charAt(i))) {
        i++;
      }
      if (i == pos || i >= s.length() || s.charAt(i) != '(') {
        return;
      }
      int j = i + 1;
      while (j < s.length() && Character.isDigit(s.charAt(j))) {
        j++;
      }
      if (j > i + 1 && s.startsWith("): ", j)) {
        pos = j + 3;
      }
    }

    private static boolean isSourceChar(char ch) {
      return ch == '_' || ch == '.' || ch == '-' || (ch >= 'a' && ch <= 'z')
          || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
    }

    /**
     * Reads {@code (13)Permission denied: } and returns {status, textStart, textEnd}, or null
     * (position unchanged).
     */
    int[] status() {
      int i = pos + 1;
      if (i < s.length() && s.charAt(i) == '-') {
        i++;
      }
      int digits = i;
      while (i < s.length() && i - digits < 9 && Character.isDigit(s.charAt(i))) {
        i++;
      }
      if (i == digits || i >= s.length() || s.charAt(i) != ')') {
        return null;
      }
      int end = s.indexOf(": ", i);
      if (end < 0) {
        return null;
      }
      int status = Integer.parseInt(s.substring(pos + 1, i));
      int[] result = {status, i + 1, end};
      pos = end + 2;
      return result;
    }
  }
}
