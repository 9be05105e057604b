package dev.a2doctor.parse;

import java.util.Objects;

/**
 * One error-log line split into the fields httpd wrote, for example
 * {@code [Thu Oct 11 15:04:38.059487 2018] [wsgi:error] [pid 15574] (13)Permission denied:
 * [client 153.194.19.27:55658] mod_wsgi (pid=15574): Unable to connect ...}.
 *
 * <p>Absent fields are empty strings ({@code errno} is {@link #NO_ERRNO}), never null, so that
 * matching code needs no null checks.
 *
 * @param raw the line as read, without its line terminator
 * @param format which prefix the line carried
 * @param time the timestamp normalised to ISO-8601 local time ({@code 2018-10-11T15:04:38.059487}),
 *     or the bracket text as written when it is not a date httpd writes, or empty
 * @param module the module of {@code [module:level]}; empty for 2.2 and bare lines
 * @param level the log level ({@code error}, {@code warn}, ...); empty for bare lines
 * @param pid process id, empty when absent
 * @param tid thread id, empty when absent
 * @param errno the APR status of {@code (13)Permission denied:}, or {@link #NO_ERRNO}
 * @param errnoText the text after the status, {@code Permission denied}
 * @param client the {@code [client ...]} or {@code [remote ...]} address, with port when written
 * @param tag {@code AH01630} or {@code WSGI0117}, when the message starts with one
 * @param message the message without prefix, errno, client, tag and referer
 * @param referer the value of a trailing {@code , referer: X}
 * @param vhost the virtual host the line was written for ({@code %v}/{@code %V} of a custom
 *     {@code ErrorLogFormat}), empty when the format does not carry it
 * @param extra further fields a custom {@code ErrorLogFormat} carried, by item name
 *     ({@code %L} -> {@code log_id}, {@code %A} -> {@code local}, {@code %{X}i} -> {@code i:X});
 *     empty for the default formats
 */
public record LogLine(
    String raw,
    Format format,
    String time,
    String module,
    String level,
    String pid,
    String tid,
    int errno,
    String errnoText,
    String client,
    String tag,
    String message,
    String referer,
    String vhost,
    java.util.Map<String, String> extra) {

  /** The value of {@link #errno} when the line carries no APR status. */
  public static final int NO_ERRNO = Integer.MIN_VALUE;

  /** The prefix a line was written with. */
  public enum Format {
    /** Apache 2.4 default {@code ErrorLogFormat}, with or without tid. */
    APACHE24,
    /** Apache 2.0/2.2: {@code [time] [level] [client ...] message}. */
    APACHE22,
    /** suexec's own log: {@code [2026-11-25 01:17:00]: message}; module {@code suexec}. */
    SUEXEC,
    /**
     * From the journal or syslog: {@code Nov 25 01:02:03 web01 apachectl[1234]: AH00526: ...};
     * with {@code ErrorLog syslog} Apache's module and level follow and are read too.
     */
    SYSLOG,
    /** No prefix: CGI, PHP or Python stderr, {@code apache2 -t} output. */
    BARE
  }

  public LogLine {
    Objects.requireNonNull(raw);
    Objects.requireNonNull(format);
    time = Objects.requireNonNullElse(time, "");
    module = Objects.requireNonNullElse(module, "");
    level = Objects.requireNonNullElse(level, "");
    pid = Objects.requireNonNullElse(pid, "");
    tid = Objects.requireNonNullElse(tid, "");
    errnoText = Objects.requireNonNullElse(errnoText, "");
    client = Objects.requireNonNullElse(client, "");
    tag = Objects.requireNonNullElse(tag, "");
    message = Objects.requireNonNullElse(message, "");
    referer = Objects.requireNonNullElse(referer, "");
    vhost = Objects.requireNonNullElse(vhost, "");
    extra = extra == null ? java.util.Map.of() : java.util.Map.copyOf(extra);
  }

  /** A line of a default format: no vhost, no extra fields. */
  public LogLine(String raw, Format format, String time, String module, String level, String pid,
      String tid, int errno, String errnoText, String client, String tag, String message,
      String referer) {
    this(raw, format, time, module, level, pid, tid, errno, errnoText, client, tag, message,
        referer, "", java.util.Map.of());
  }

  public boolean hasErrno() {
    return errno != NO_ERRNO;
  }

  /** The client address without its port ({@code 153.194.19.27}, {@code ::1}). */
  public String clientAddress() {
    int colon = client.lastIndexOf(':');
    if (colon <= 0 || client.indexOf(':') != colon) {
      return client; // no port, or a bare IPv6 address
    }
    return client.substring(0, colon);
  }
}
