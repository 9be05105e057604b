package dev.a2doctor.parse;

/** What holds for the parse of any line: shared by the fuzz target and the corpus replay. */
final class ParserInvariants {

  private ParserInvariants() {}

  static void check(LineParser parser, String raw) {
    ParseResult r = parser.parse(raw);
    if (!r.raw().equals(raw)) {
      throw new AssertionError("raw changed");
    }
    if (r instanceof ParseResult.Unparsed u) {
      require(u.reason() != null && !u.reason().isEmpty(), "an unparsed line needs a reason");
      return;
    }
    LogLine l = ((ParseResult.Parsed) r).line();
    require(raw.contains(l.message()), "message is not part of the line");
    if (l.format() != LogLine.Format.SUEXEC) { // suexec lines are module suexec, level error
      require(raw.contains(l.module()), "module is not part of the line");
      require(raw.contains(l.level()), "level is not part of the line");
    }
    require(raw.contains(l.pid()) && raw.contains(l.tid()), "pid/tid is not part of the line");
    require(raw.contains(l.client()), "client is not part of the line");
    require(raw.contains(l.referer()), "referer is not part of the line");
    require(raw.contains(l.errnoText()), "errno text is not part of the line");
    require(l.tag().isEmpty() || Tags.isTag(l.tag()), "bad tag " + l.tag());
    // ISO 8601: with a zone from RFC 3339 syslog, without a year (--MM-DD) from the journal
    require(l.time().isEmpty() || l.time().matches(
        "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})?")
        || l.time().matches("--\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}"), "time not ISO: " + l.time());
    require(l.format() == LogLine.Format.BARE || !l.time().isEmpty(), "prefix without time");
    require(l.hasErrno() || l.errnoText().isEmpty(), "errno text without errno");
    l.clientAddress();
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError(what);
    }
  }
}
