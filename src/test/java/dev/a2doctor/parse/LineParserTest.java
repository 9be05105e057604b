package dev.a2doctor.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LineParserTest {

  private final LineParser parser = new LineParser();

  private LogLine parsed(String raw) {
    ParseResult r = parser.parse(raw);
    assertThat(r).isInstanceOf(ParseResult.Parsed.class);
    return ((ParseResult.Parsed) r).line();
  }

  static Stream<Arguments> lines() {
    return Stream.of(
        // written by httpd 2.4.71 (event MPM, with tid): samples/scenarios/*
        Arguments.of("[Wed Nov 25 01:12:05.795176 2026] [access_compat:error] [pid 11563:tid 11588]"
                + " [client 127.0.0.1:52142] AH01797: client denied by server configuration:"
                + " /tmp/helper-b1-acc1/www/legacy/index.html",
            LogLine.Format.APACHE24, "2026-11-25T01:12:05.795176", "access_compat", "error",
            "11563", "11588", LogLine.NO_ERRNO, "127.0.0.1:52142", "AH01797",
            "client denied by server configuration: /tmp/helper-b1-acc1/www/legacy/index.html",
            ""),
        // errno before the client, as 2.4 writes it
        Arguments.of("[Wed Nov 25 01:17:31.975141 2026] [proxy_http:error] [pid 21358:tid 21362]"
                + " (20014)Internal error (specific information not available):"
                + " [client 127.0.0.1:35412] AH01102: error reading status line from remote"
                + " server 127.0.0.1:18414",
            LogLine.Format.APACHE24, "2026-11-25T01:17:31.975141", "proxy_http", "error",
            "21358", "21362", 20014, "127.0.0.1:35412", "AH01102",
            "error reading status line from remote server 127.0.0.1:18414", ""),
        // the seed line (prefork, no tid), as in the bug report
        Arguments.of("[Thu Oct 11 15:04:38.059487 2018] [wsgi:error] [pid 15574] (13)Permission"
                + " denied: [client 153.194.19.27:55658] mod_wsgi (pid=15574): Unable to connect"
                + " to WSGI daemon process 'wsgi_app' on '/var/run/wsgi.15557.0.1.sock' as user"
                + " with uid=1001.",
            LogLine.Format.APACHE24, "2018-10-11T15:04:38.059487", "wsgi", "error", "15574", "",
            13, "153.194.19.27:55658", "",
            "mod_wsgi (pid=15574): Unable to connect to WSGI daemon process 'wsgi_app' on"
                + " '/var/run/wsgi.15557.0.1.sock' as user with uid=1001.", ""),
        // mod_wsgi 6 tag, composed from mod_wsgi 6.0.5 src/server/wsgi_remote.c
        Arguments.of("[Mon Jan 05 12:00:00.000000 2026] [wsgi:error] [pid 12345] (13)Permission"
                + " denied: [client 10.0.0.1:5000] WSGI0117: Unable to connect to WSGI daemon"
                + " process 'app' on '/run/wsgi.1.0.1.sock' as user with uid=33.",
            LogLine.Format.APACHE24, "2026-01-05T12:00:00.000000", "wsgi", "error", "12345", "",
            13, "10.0.0.1:5000", "WSGI0117",
            "Unable to connect to WSGI daemon process 'app' on '/run/wsgi.1.0.1.sock' as user"
                + " with uid=33.", ""),
        // 2.2: client before errno; composed from httpd 2.2 server/log.c ("[%s] [%s] [client %s] ")
        Arguments.of("[Sun Dec 04 04:47:44 2005] [error] [client 1.2.3.4] (13)Permission denied:"
                + " access to /index.html denied",
            LogLine.Format.APACHE22, "2005-12-04T04:47:44", "", "error", "", "", 13, "1.2.3.4",
            "", "access to /index.html denied", ""),
        // referer, composed from httpd 2.4 server/log.c (", referer: %s")
        Arguments.of("[Wed Nov 25 01:20:00.000001 2026] [core:info] [pid 7:tid 8] [client ::1:4431]"
                + " AH00128: File does not exist: /var/www/html/x.png, referer: http://a.test/?q=1",
            LogLine.Format.APACHE24, "2026-11-25T01:20:00.000001", "core", "info", "7", "8",
            LogLine.NO_ERRNO, "::1:4431", "AH00128", "File does not exist: /var/www/html/x.png",
            "http://a.test/?q=1"),
        // [remote ...] for connection-level messages, composed from httpd 2.4 server/log.c
        Arguments.of("[Wed Nov 25 01:20:00.5 2026] [ssl:info] [pid 7:tid 8] [remote 10.1.1.1:443]"
                + " AH01964: Connection to child 1 established (server a.test:443)",
            LogLine.Format.APACHE24, "2026-11-25T01:20:00.5", "ssl", "info", "7", "8",
            LogLine.NO_ERRNO, "10.1.1.1:443", "AH01964",
            "Connection to child 1 established (server a.test:443)", ""),
        // apache2 -t output has no prefix but a tag (samples/scenarios/core-duplicate-listen)
        Arguments.of("AH00526: Syntax error on line 35 of /tmp/helper-b1-cs1/httpd.conf:",
            LogLine.Format.BARE, "", "", "", "", "", LogLine.NO_ERRNO, "", "AH00526",
            "Syntax error on line 35 of /tmp/helper-b1-cs1/httpd.conf:", ""),
        // suexec.log, written by suexec (samples/scenarios/suexec-owner-mismatch/suexec.log)
        Arguments.of("[2026-11-25 01:16:07]: target uid/gid (1001/1001) mismatch with directory"
                + " (1001/1001) or program (1002/1002)",
            LogLine.Format.SUEXEC, "2026-11-25T01:16:07", "suexec", "error", "", "",
            LogLine.NO_ERRNO, "", "", "target uid/gid (1001/1001) mismatch with directory"
                + " (1001/1001) or program (1002/1002)", ""),
        // startup output: errno but no prefix (samples/scenarios/core-port-in-use/start.txt)
        Arguments.of("(98)Address already in use: AH00072: make_sock: could not bind to address"
                + " 127.0.0.1:18333",
            LogLine.Format.BARE, "", "", "", "", "", 98, "", "AH00072",
            "make_sock: could not bind to address 127.0.0.1:18333", ""),
        // the journal when apache2 fails to start: composed from systemd-journald's short
        // format and httpd's configtest output (samples/scenarios/core-duplicate-listen)
        Arguments.of("Nov 25 01:02:03 web01 apachectl[1234]: AH00526: Syntax error on line 35 of"
                + " /etc/apache2/ports.conf:",
            LogLine.Format.SYSLOG, "--11-25T01:02:03", "", "", "", "", LogLine.NO_ERRNO, "",
            "AH00526", "Syntax error on line 35 of /etc/apache2/ports.conf:", ""),
        // ErrorLog syslog: rsyslog RFC 3339 prefix, then httpd's line without its timestamp;
        // composed from httpd server/log.c (syslog branch) and rsyslog's default template
        Arguments.of("2026-11-25T01:02:03.123456+00:00 web01 apache2[1234]: [authz_core:error]"
                + " [pid 1234:tid 5678] [client 10.0.0.1:5] AH01630: client denied by server"
                + " configuration: /srv/x",
            LogLine.Format.APACHE24, "2026-11-25T01:02:03.123456+00:00", "authz_core", "error",
            "1234", "5678", LogLine.NO_ERRNO, "10.0.0.1:5", "AH01630",
            "client denied by server configuration: /srv/x", ""),
        // mod_wsgi 6: "[script X]" before the tag (composed from mod_wsgi 6.0.5
        // src/server/wsgi_logger.c wsgi_log_rerror)
        Arguments.of("[Mon Jan 05 12:00:00.000000 2026] [wsgi:error] [pid 1] [client 10.0.0.1:5]"
                + " [script /srv/app/app.wsgi] WSGI0146: Truncated or oversized response headers"
                + " received from daemon process 'app'",
            LogLine.Format.APACHE24, "2026-01-05T12:00:00.000000", "wsgi", "error", "1", "",
            LogLine.NO_ERRNO, "10.0.0.1:5", "WSGI0146",
            "Truncated or oversized response headers received from daemon process 'app'", ""),
        // CGI / Python stderr without prefix
        Arguments.of("Traceback (most recent call last):", LogLine.Format.BARE, "", "", "", "",
            "", LogLine.NO_ERRNO, "", "", "Traceback (most recent call last):", ""),
        // PHP's own error_log format is not an httpd prefix: a bare line
        Arguments.of("[25-Nov-2026 01:02:03 UTC] PHP Warning:  Undefined variable $items",
            LogLine.Format.BARE, "", "", "", "", "", LogLine.NO_ERRNO, "", "",
            "[25-Nov-2026 01:02:03 UTC] PHP Warning:  Undefined variable $items", ""),
        // debug level: the source location %7F is skipped
        Arguments.of("[Wed Nov 25 01:20:00.000001 2026] [authz_core:debug] [pid 7:tid 8]"
                + " mod_authz_core.c(815): [client 127.0.0.1:1] AH01626: authorization result"
                + " of Require all denied: denied",
            LogLine.Format.APACHE24, "2026-11-25T01:20:00.000001", "authz_core", "debug", "7",
            "8", LogLine.NO_ERRNO, "127.0.0.1:1", "AH01626",
            "authorization result of Require all denied: denied", ""));
  }

  @ParameterizedTest
  @MethodSource("lines")
  void splitsTheFieldsHttpdWrote(String raw, LogLine.Format format, String time, String module,
      String level, String pid, String tid, int errno, String client, String tag, String message,
      String referer) {
    LogLine l = parsed(raw);
    assertThat(l.format()).isEqualTo(format);
    assertThat(l.time()).isEqualTo(time);
    assertThat(l.module()).isEqualTo(module);
    assertThat(l.level()).isEqualTo(level);
    assertThat(l.pid()).isEqualTo(pid);
    assertThat(l.tid()).isEqualTo(tid);
    assertThat(l.errno()).isEqualTo(errno);
    assertThat(l.client()).isEqualTo(client);
    assertThat(l.tag()).isEqualTo(tag);
    assertThat(l.message()).isEqualTo(message);
    assertThat(l.referer()).isEqualTo(referer);
    assertThat(l.raw()).isEqualTo(raw);
  }

  @Test
  void keepsTheIndentationOfTracebackLines() {
    // samples/scenarios/wsgi-python-path-wrong/error.log
    LogLine l = parsed("[Wed Nov 25 01:13:51.704315 2026] [wsgi:error] [pid 16621:tid 16629]"
        + " [remote 127.0.0.1:42904]   File \"/tmp/helper-b3-wsgi-ppath/app/app.wsgi\", line 1,"
        + " in <module>");
    assertThat(l.message()).startsWith("  File ");
    assertThat(parsed("[Wed Nov 25 01:13:51.704315 2026] [wsgi:error] [pid 1:tid 2]     x = 1")
        .message()).isEqualTo("    x = 1");
  }

  @Test
  void keepsTheErrnoText() {
    LogLine l = parsed("[Sun Dec 04 04:47:44 2005] [error] [client 1.2.3.4] (13)Permission denied:"
        + " access to /x denied");
    assertThat(l.errnoText()).isEqualTo("Permission denied");
    assertThat(l.clientAddress()).isEqualTo("1.2.3.4");
  }

  @Test
  void clientAddressDropsThePort() {
    assertThat(parsed("[Wed Nov 25 01:12:05.795176 2026] [core:error] [pid 1] [client 10.0.0.9:5]"
        + " x").clientAddress()).isEqualTo("10.0.0.9");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "[Thu Oct 11 15:04:38.059487 2018]",
      "[Thu Oct 11 15:04:38.059487 2018] [wsgi:err",
      "[Thu Oct 11 15:04:38.059487 2018] [wsgi:bogus] [pid 1] x",
      "[Thu Oct 11 15:04:38.059487 2018] [wsgi:error] [pid 1"})
  void aBrokenPrefixIsAValueNotAnException(String raw) {
    ParseResult r = parser.parse(raw);
    assertThat(r).isInstanceOf(ParseResult.Unparsed.class);
    assertThat(((ParseResult.Unparsed) r).reason()).isNotBlank();
    assertThat(r.raw()).isEqualTo(raw);
  }

  @Test
  void survivesHostileShapes() {
    String many = "[".repeat(100_000) + "]".repeat(10);
    String errnos = "[Thu Oct 11 15:04:38 2018] [error] " + "(13".repeat(50_000);
    for (String s : new String[] {"", "\u0000\u001b[2J", many, errnos, "[", "]", "[]",
        "[Thu Oct 11 15:04:38 2018] [error] [client ", "AH0", "AH01630:"}) {
      assertThat(parser.parse(s)).isNotNull();
    }
  }
}
