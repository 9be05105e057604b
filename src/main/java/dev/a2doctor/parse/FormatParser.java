package dev.a2doctor.parse;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a log written with a site's own {@code ErrorLogFormat}: each line is tried against the
 * main format, then against the once-per-connection and once-per-request formats (their lines
 * carry no message and are kept only for their fields), and a line that fits none goes to the
 * fallback parser. Logs mix formats after a configuration change, and httpd writes its startup
 * lines in the default format whatever the configuration says, so falling back is the normal
 * case, not an error.
 *
 * <p>The fields map onto {@link LogLine} as {@link LineParser} fills it for default lines, so
 * the catalog matches unchanged: {@code %t} -> time, {@code %m} module, {@code %l} level,
 * {@code %P} pid, {@code %T} tid, {@code %E} errno and its text, {@code %a} client, {@code %M}
 * tag and message, {@code %{Referer}i} referer, {@code %v} (else {@code %V}) vhost. The rest go
 * to {@link LogLine#extra}: {@code %L} -> {@code log_id}, {@code %{c}L}/{@code %{C}L} ->
 * {@code conn_log_id}, {@code %A} -> {@code local}, {@code %{c}a} -> {@code peer}, {@code %F}
 * -> {@code source}, {@code %k} -> {@code keepalives}, {@code %V} -> {@code server_name},
 * {@code %{X}i} -> {@code i:X}, {@code %{X}e} -> {@code e:X}, {@code %{X}n} -> {@code n:X}.
 * Lines read this way have format {@link LogLine.Format#APACHE24}.
 */
public final class FormatParser implements LogParser {

  private final ErrorLogFormat main;
  private final List<ErrorLogFormat> infoLines;
  private final LogParser fallback;

  public FormatParser(ErrorLogFormat main, List<ErrorLogFormat> infoLines, LogParser fallback) {
    this.main = java.util.Objects.requireNonNull(main);
    this.infoLines = List.copyOf(infoLines);
    this.fallback = java.util.Objects.requireNonNull(fallback);
  }

  /** Only the main format, falling back to the default formats. */
  public FormatParser(ErrorLogFormat main) {
    this(main, List.of(), new LineParser());
  }

  public ErrorLogFormat format() {
    return main;
  }

  @Override
  public ParseResult parse(String raw) {
    String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
    Map<String, String> f = main.fields(line);
    if (f != null) {
      return new ParseResult.Parsed(toLine(raw, f));
    }
    for (ErrorLogFormat info : infoLines) {
      f = info.fields(line);
      if (f != null) {
        LogLine l = toLine(raw, f);
        return new ParseResult.Parsed(new LogLine(raw, l.format(), l.time(), "", l.level(),
            l.pid(), l.tid(), LogLine.NO_ERRNO, "", l.client(), "", "", l.referer(), l.vhost(),
            l.extra()));
      }
    }
    // ErrorLog syslog: "2026-11-25T03:41:07.123456+00:00 web01 apache2[4242]: " + the format
    SyslogPrefix syslog = SyslogPrefix.of(line);
    if (syslog != null) {
      f = main.fields(syslog.rest());
      if (f != null) {
        LogLine l = toLine(raw, f);
        return new ParseResult.Parsed(new LogLine(raw, LogLine.Format.SYSLOG,
            l.time().isEmpty() ? syslog.time() : l.time(), l.module(), l.level(), l.pid(),
            l.tid(), l.errno(), l.errnoText(), l.client(), l.tag(), l.message(), l.referer(),
            l.vhost(), l.extra()));
      }
    }
    return fallback.parse(raw);
  }

  static LogLine toLine(String raw, Map<String, String> f) {
    Map<String, String> extra = new HashMap<>();
    String time = "";
    String module = "";
    String level = "";
    String pid = "";
    String tid = "";
    int errno = LogLine.NO_ERRNO;
    String errnoText = "";
    String client = "";
    String message = "";
    String referer = "";
    String vhost = "";
    String serverName = "";
    for (Map.Entry<String, String> e : f.entrySet()) {
      String key = e.getKey();
      String v = e.getValue().equals("-") && key.charAt(key.length() - 1) != 'M' ? ""
          : e.getValue();
      char code = key.charAt(key.length() - 1);
      String arg = key.length() > 1 ? key.substring(1, key.length() - 2) : null;
      switch (code) {
        case 't' -> time = time.isEmpty() ? time(v) : time;
        case 'm' -> module = v;
        case 'l' -> level = v;
        case 'P' -> pid = v;
        case 'T' -> tid = v;
        case 'E' -> {
          int close = v.indexOf(')');
          if (close > 0) {
            try {
              errno = Integer.parseInt(v.substring(1, close));
            } catch (NumberFormatException x) {
              extra.put("status", v.substring(0, close + 1)); // (EAI 2), (OS 5)
            }
            errnoText = v.substring(close + 1);
          }
        }
        case 'a' -> {
          if (arg != null && arg.startsWith("c")) {
            extra.put("peer", v);
          } else {
            client = v;
          }
        }
        case 'M' -> message = v;
        case 'v' -> vhost = v;
        case 'V' -> serverName = v;
        case 'L' -> extra.put(arg != null && (arg.startsWith("c") || arg.startsWith("C"))
            ? "conn_log_id" : "log_id", v);
        case 'A' -> extra.put("local", v);
        case 'F' -> extra.put("source", v);
        case 'k' -> extra.put("keepalives", v);
        case 'i' -> {
          if (arg != null && arg.toLowerCase(Locale.ROOT).equals("referer")) {
            referer = v;
          }
          extra.put("i:" + arg, v);
        }
        case 'e', 'n' -> extra.put(code + ":" + arg, v);
        default -> { }
      }
    }
    if (!serverName.isEmpty()) {
      extra.put("server_name", serverName);
    }
    if (client.isEmpty() && extra.containsKey("peer")) {
      client = extra.get("peer");
    }
    extra.values().removeIf(String::isEmpty);
    String tag = "";
    int tagLength = Tags.length(message);
    if (tagLength > 0) {
      tag = message.substring(0, tagLength);
      message = message.substring(Math.min(message.length(), tagLength + 2));
    }
    return new LogLine(raw, LogLine.Format.APACHE24, time, module, level, pid, tid, errno,
        errnoText, client, tag, message, referer, vhost.isEmpty() ? serverName : vhost, extra);
  }

  /** ISO-8601 for the stamps httpd writes; {@code %{...%...}t} (strftime) stays as written. */
  private static String time(String v) {
    String zone = "";
    int n = v.length();
    if (n > 6 && v.charAt(n - 6) == ' ' && (v.charAt(n - 5) == '+' || v.charAt(n - 5) == '-')) {
      zone = v.substring(n - 5, n - 2) + ":" + v.substring(n - 2); // %{cuz}t: " +0100"
      v = v.substring(0, n - 6);
    }
    String iso = Timestamps.normalise(v);
    return iso == null ? v + zone : iso + zone;
  }
}
