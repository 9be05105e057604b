package dev.a2doctor.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The compiler against httpd's rules (server/core.c parse_errorlog_item, server/log.c
 * do_errorlog_format). Lines here are composed from the format string by those rules and marked
 * so; lines httpd really wrote are in samples/custom-format and tested by
 * CustomFormatSamplesTest.
 */
class ErrorLogFormatTest {

  private static final String DOCS_EXAMPLE =
      "[%{u}t] [%-m:%l] [pid %P:tid %T] %7F: %E: [client\\ %a] %M% ,\\ referer\\ %{Referer}i";

  private static LogLine read(String format, String line) {
    ParseResult r = new FormatParser(ErrorLogFormat.compile(format)).parse(line);
    assertThat(r).isInstanceOf(ParseResult.Parsed.class);
    return ((ParseResult.Parsed) r).line();
  }

  @Test
  void readsTheDocumentationExampleWithEveryField() {
    // composed from DOCS_EXAMPLE
    LogLine l = read(DOCS_EXAMPLE, "[Wed Nov 25 03:41:07.123456 2026] [authz_core:error] "
        + "[pid 4242:tid 140245] (13)Permission denied: [client 127.0.0.1:50514] AH01630: "
        + "client denied by server configuration: /srv/x, referer http://a/b c");
    assertThat(l.time()).isEqualTo("2026-11-25T03:41:07.123456");
    assertThat(l.module()).isEqualTo("authz_core");
    assertThat(l.level()).isEqualTo("error");
    assertThat(l.pid()).isEqualTo("4242");
    assertThat(l.tid()).isEqualTo("140245");
    assertThat(l.errno()).isEqualTo(13);
    assertThat(l.errnoText()).isEqualTo("Permission denied");
    assertThat(l.client()).isEqualTo("127.0.0.1:50514");
    assertThat(l.tag()).isEqualTo("AH01630");
    assertThat(l.message()).isEqualTo("client denied by server configuration: /srv/x");
    assertThat(l.referer()).isEqualTo("http://a/b c");
    assertThat(l.extra()).containsEntry("i:Referer", "http://a/b c");
  }

  @Test
  void dropsTheWholeFieldOfAnAbsentItemWithItsLeadingSpace() {
    // composed from DOCS_EXAMPLE: no errno, no client, no referer (a startup-time line)
    LogLine l = read(DOCS_EXAMPLE, "[Wed Nov 25 03:41:07.123456 2026] [mpm_event:notice] "
        + "[pid 4242:tid 140245] AH00489: Apache/2.4.65 (Debian) configured");
    assertThat(l.client()).isEmpty();
    assertThat(l.errno()).isEqualTo(LogLine.NO_ERRNO);
    assertThat(l.tag()).isEqualTo("AH00489");
    assertThat(l.message()).isEqualTo("Apache/2.4.65 (Debian) configured");
  }

  @Test
  void readsTheHyphenOfAnAbsentItemWithTheMinusModifierAsEmpty() {
    // composed from DOCS_EXAMPLE: %-m without a module writes "-"
    LogLine l = read(DOCS_EXAMPLE, "[Wed Nov 25 03:41:07.123456 2026] [-:error] "
        + "[pid 1:tid 2] hello");
    assertThat(l.module()).isEmpty();
    assertThat(l.level()).isEqualTo("error");
  }

  @Test
  void readsTheSourceLocationOnlyWrittenAtDebug() {
    // composed from DOCS_EXAMPLE: %7F at level debug
    LogLine l = read(DOCS_EXAMPLE, "[Wed Nov 25 03:41:07.123456 2026] [ssl:debug] "
        + "[pid 1:tid 2] ssl_engine_init.c(123): AH01893: Configuring TLS");
    assertThat(l.extra()).containsEntry("source", "ssl_engine_init.c(123)");
    assertThat(l.tag()).isEqualTo("AH01893");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "%t|Wed Nov 25 03:41:07 2026|2026-11-25T03:41:07",
      "%{u}t|Wed Nov 25 03:41:07.123456 2026|2026-11-25T03:41:07.123456",
      "%{c}t|2026-11-25 03:41:07|2026-11-25T03:41:07",
      "%{cu}t|2026-11-25 03:41:07.123456|2026-11-25T03:41:07.123456",
      "%{cuz}t|2026-11-25 03:41:07.123456 +0100|2026-11-25T03:41:07.123456+01:00",
      "%{%Y/%m/%d %H:%M}t|2026/11/25 03:41|2026/11/25 03:41"})
  void readsEveryTimeVariant(String item, String written, String iso) {
    // composed: "[<item>] %M" with the stamp as ap_recent_ctime_ex / strftime writes it
    LogLine l = read("[" + item + "] %M", "[" + written + "] x");
    assertThat(l.time()).isEqualTo(iso);
    assertThat(l.message()).isEqualTo("x");
  }

  @Test
  void readsIdsAddressesHostsAndRequestData() {
    String f = "[%{cu}t] [%L] [C:%{c}L] [%v] [%V] [%A] [client %a] [%{X-Forwarded-For}i] "
        + "[%{HTTPS}e] [%{note}n] [%k] %l %M";
    // composed from f
    LogLine l = read(f, "[2026-11-25 03:41:07.123456] [YdKmBh8AAQ] [C:Yd9x] [www.example.org] "
        + "[example.org] [127.0.0.1:80] [client ::1:5000] [203.0.113.7, 10.0.0.1] [on] [n v] "
        + "[3] warn AH00128: File does not exist: /srv/a b");
    assertThat(l.vhost()).isEqualTo("www.example.org");
    assertThat(l.client()).isEqualTo("::1:5000");
    assertThat(l.level()).isEqualTo("warn");
    assertThat(l.tag()).isEqualTo("AH00128");
    assertThat(l.message()).isEqualTo("File does not exist: /srv/a b");
    assertThat(l.extra()).containsEntry("log_id", "YdKmBh8AAQ")
        .containsEntry("conn_log_id", "Yd9x").containsEntry("server_name", "example.org")
        .containsEntry("local", "127.0.0.1:80")
        .containsEntry("i:X-Forwarded-For", "203.0.113.7, 10.0.0.1")
        .containsEntry("e:HTTPS", "on").containsEntry("n:note", "n v")
        .containsEntry("keepalives", "3");
  }

  @Test
  void takesServerNameAsVhostWhenTheFormatHasNoPercentV() {
    // composed from "%V %M"
    assertThat(read("%V %M", "www.example.org hello").vhost()).isEqualTo("www.example.org");
  }

  @Test
  void readsEscapesAndPercentLiterals() {
    // composed from "a\ b\tc 100%% %M": "\ " is a space inside a field, "\t" a tab
    LogLine l = read("a\\ b\\tc 100%% %M", "a b\tc 100% the message");
    assertThat(l.message()).isEqualTo("the message");
  }

  @Test
  void fallsBackToTheDefaultFormatsForALineThatDoesNotFit() {
    // real: samples/ default-format line shape, as httpd writes startup lines whatever the format
    LogLine l = read("%{cu}t %l %M", "[Wed Oct 11 14:32:52.123456 2000] [core:error] "
        + "[pid 35708:tid 4328636416] [client 72.15.99.187] AH00135: Invalid method in request");
    assertThat(l.module()).isEqualTo("core");
    assertThat(l.tag()).isEqualTo("AH00135");
  }

  @Test
  void readsConnectionAndRequestLinesAsLinesWithoutMessage() {
    ErrorLogFormat main = ErrorLogFormat.compile("[%{cu}t] [%l] [R:%L] %M");
    ErrorLogFormat req = ErrorLogFormat.compileInfoLine("[%{cu}t] [R:%L] UA:'%+{User-Agent}i'");
    FormatParser p = new FormatParser(main, List.of(req), new LineParser());
    // composed from the request format of the httpd docs
    LogLine l = ((ParseResult.Parsed) p.parse("[2026-11-25 03:41:07.123456] [R:YdKm] "
        + "UA:'curl/8.5.0'")).line();
    assertThat(l.message()).isEmpty();
    assertThat(l.tag()).isEmpty();
    assertThat(l.extra()).containsEntry("log_id", "YdKm")
        .containsEntry("i:User-Agent", "curl/8.5.0");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "[%t] %Q %M|Unrecognized error log format directive %Q",
      "[%t] %M %{x|Ran off end of error log format parsing args to some directive",
      "[%t] %|Ran off end of error log format parsing args to some directive",
      "[%t] %l|main ErrorLogFormat must contain message format string '%M'",
      "%+a %M|The '+' flag cannot be used in the main error log format",
      "%16F %M|The specified loglevel modifier is out of range"})
  void rejectsWhatHttpdRejectsInItsWords(String format, String problem) {
    assertThatThrownBy(() -> ErrorLogFormat.compile(format))
        .isInstanceOf(InvalidLogFormat.class).hasMessage(problem);
  }

  @Test
  void rejectsMessageAndLevelConditionsInConnectionFormats() {
    assertThatThrownBy(() -> ErrorLogFormat.compileInfoLine("%M"))
        .hasMessageContaining("%M cannot be used");
    assertThatThrownBy(() -> ErrorLogFormat.compileInfoLine("%7a"))
        .hasMessageContaining("loglevel cannot be used");
  }

  @Test
  void staysLinearOnAHostileLine() {
    ErrorLogFormat f = ErrorLogFormat.compile(DOCS_EXAMPLE);
    String hostile = "[Wed Nov 25 03:41:07.123456 2026] [a:error] [pid 1:tid 2] "
        + "[client ".repeat(20000) + ", referer ".repeat(20000);
    // completes (RE2/J); a backtracking matcher would not finish
    assertThat(new FormatParser(f).parse(hostile)).isNotNull();
  }
}
