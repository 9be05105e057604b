package dev.a2doctor.shell;

import dev.a2doctor.catalog.Severity;
import dev.a2doctor.parse.LineParser;
import dev.a2doctor.parse.ParseResult;
import dev.a2doctor.report.Finding;
import java.util.List;
import java.util.Locale;

/**
 * Which findings {@code findings} lists. Times are ISO-8601 local time prefixes as the log wrote
 * them ({@code 2026-11-25T01:23}): a finding is kept when one of its lines falls in the range.
 *
 * @param severity at or above this; null for all
 * @param module the module of the {@code [module:level]} prefix ({@code wsgi}); null for all
 * @param vhost text the finding names: a ServerName in its evidence or context, or the host in a
 *     line's referer; null for all
 */
record Filter(Severity severity, String module, String vhost, String since, String until) {

  static final Filter ALL = new Filter(null, null, null, null, null);

  Filter {
    since = since == null ? null : since.strip().replace(' ', 'T');
    until = until == null ? null : until.strip().replace(' ', 'T');
  }

  boolean keeps(Finding f, List<Session.Line> lines) {
    if (severity != null && !f.severity().atLeast(severity)) {
      return false;
    }
    if (module != null && lines.stream().noneMatch(l -> module.equalsIgnoreCase(module(l.raw())))) {
      return false;
    }
    if (vhost != null && !names(f, lines, vhost.toLowerCase(Locale.ROOT))) {
      return false;
    }
    if (since != null || until != null) {
      return lines.stream().anyMatch(l -> inRange(l.time()));
    }
    return true;
  }

  private boolean inRange(String time) {
    if (time.isEmpty()) {
      return false;
    }
    // ISO local times compare as strings; an 'until' prefix includes everything it covers
    if (since != null && time.compareTo(since) < 0) {
      return false;
    }
    return until == null || time.compareTo(until) <= 0 || time.startsWith(until);
  }

  private static boolean names(Finding f, List<Session.Line> lines, String host) {
    if (f.enrichment().evidence().stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).contains(host))
        || f.enrichment().values().values().stream()
            .anyMatch(s -> s.toLowerCase(Locale.ROOT).contains(host))) {
      return true;
    }
    return lines.stream().anyMatch(l -> referer(l.raw()).contains(host));
  }

  private static String module(String raw) {
    return new LineParser().parse(raw) instanceof ParseResult.Parsed p ? p.line().module() : "";
  }

  private static String referer(String raw) {
    return new LineParser().parse(raw) instanceof ParseResult.Parsed p
        ? p.line().referer().toLowerCase(Locale.ROOT) : "";
  }
}
