package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

  @TempDir Path dir;

  /** samples/scenarios/auth-require-ip-denied/error.log:3 (real httpd). */
  static final String DENIED = "[Wed Nov 25 01:12:39.354289 2026] [authz_core:error] "
      + "[pid 13476:tid 13501] [client 127.0.0.1:49128] AH01630: client denied by server "
      + "configuration: /tmp/helper-b1-au4/www/admin/";
  /** samples/scenarios/proxy-backend-connection-refused/error.log:1 (real httpd). */
  static final String REFUSED = "[Wed Nov 25 01:18:39.807749 2026] [proxy:error] "
      + "[pid 22799:tid 22803] (111)Connection refused: AH00957: http: attempt to connect to "
      + "127.0.0.1:18419 (127.0.0.1:18419) failed";

  Path log() {
    return dir.resolve("error.log");
  }

  void append(String... lines) throws IOException {
    Files.writeString(log(), String.join("\n", lines) + "\n", StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  Cli.Result report(String... extra) {
    List<String> args = new ArrayList<>(List.of("report", "--no-context", "--host", "web01",
        "--state", dir.resolve("state.json").toString(), "--now", "2026-11-25T12:00:00"));
    args.addAll(List.of(extra));
    args.add(log().toString());
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void printsNothingAndExitsZeroWhenNothingIsNew() throws IOException {
    append(DENIED);
    Cli.Result first = report();
    assertThat(first.code()).isEqualTo(1);
    assertThat(first.out()).startsWith("[a2doctor] web01: 1 new, 0 ongoing\n");
    Cli.Result second = report();
    assertThat(second.out()).isEmpty();
    assertThat(second.err()).isEmpty();
    assertThat(second.code()).isZero();
  }

  @Test
  void staysSilentWhenWhatIsNewIsBelowFailOn() throws IOException {
    // samples/scenarios/auth-require-ip-denied/error.log:1 (real httpd): a start notice
    append("[Wed Nov 25 01:12:38.361490 2026] [mpm_event:notice] [pid 13470:tid 13470] "
        + "AH00489: Apache/2.4.71 (Debian) configured -- resuming normal operations");
    Cli.Result r = report();
    assertThat(r.out()).isEmpty();
    assertThat(r.code()).isZero();
  }

  /** samples/scenarios/auth-require-ip-denied/error.log:1 (real httpd): a start notice. */
  static final String STARTED = "[Wed Nov 25 01:12:38.361490 2026] [mpm_event:notice] "
      + "[pid 13470:tid 13470] AH00489: Apache/2.4.71 (Debian) configured -- resuming normal "
      + "operations";

  @Test
  void countsOnlyFindingsAtOrAboveFailOnAndListsTheRestBelow() throws IOException {
    append(STARTED, DENIED);
    Cli.Result first = report();
    assertThat(first.out()).startsWith("[a2doctor] web01: 1 new, 0 ongoing\n")
        .contains("== NEW (1) ==")
        .contains("== BELOW WARNING (1, not counted above) ==")
        .containsPattern("\nINFO +new +1x  .*  \\[server-started\\]\n");
    assertThat(first.out().indexOf("== BELOW WARNING"))
        .isGreaterThan(first.out().indexOf("client-denied-by-server-configuration"));
    append(STARTED, DENIED);
    List<String> json = report("--format", "json").out().lines().toList();
    assertThat(json.get(0)).contains("\"subject\":\"[a2doctor] web01: 0 new, 1 ongoing\"")
        .contains("\"fail_on\":\"warning\"");
    assertThat(json.get(json.size() - 1)).contains("\"new\":0,\"ongoing\":1,\"resolved\":0,"
        + "\"below_fail_on\":1,");
    append(STARTED);
    assertThat(report().out()).as("only a notice since the last run: silent").isEmpty();
  }

  @Test
  void listsWhatIsBelowFailOnInMarkdownAndHtmlToo() throws IOException {
    append(STARTED, DENIED);
    String md = Cli.run("report", "--no-context", "--host", "web01", "--state",
        dir.resolve("a.json").toString(), "--format", "markdown", log().toString()).out();
    assertThat(md).startsWith("# \\[a2doctor\\] web01: 1 new, 0 ongoing\n")
        .contains("## New (1)").contains("## Below warning (1, not counted above)")
        .contains("- INFO new 1× `Apache started or restarted and is serving requests` "
            + "`server-started`");
    String html = Cli.run("report", "--no-context", "--host", "web01", "--state",
        dir.resolve("b.json").toString(), "--format", "html", log().toString()).out();
    assertThat(html).contains("<title>[a2doctor] web01: 1 new, 0 ongoing</title>")
        .contains(">Below warning (1, not counted above)</h2>")
        .contains("INFO new 1&times; Apache started or restarted");
  }

  @Test
  void countsWhatIsAtOrAboveFailOnWhenItIsLowered() throws IOException {
    // samples/scenarios/access-compat-order-deny-from-all/error.log:4 (real httpd): a stop notice
    append(STARTED, "[Wed Nov 25 01:12:05.959980 2026] [mpm_event:notice] [pid 11554:tid 11554] "
        + "AH00491: caught SIGTERM, shutting down", DENIED);
    Cli.Result notice = Cli.run("report", "--no-context", "--host", "web01", "--state",
        dir.resolve("a.json").toString(), "--fail-on", "notice", log().toString());
    assertThat(notice.out()).startsWith("[a2doctor] web01: 2 new, 0 ongoing\n")
        .contains("== NEW (2) ==").contains("== BELOW NOTICE (1, not counted above) ==");
    Cli.Result info = Cli.run("report", "--no-context", "--host", "web01", "--state",
        dir.resolve("b.json").toString(), "--fail-on", "info", log().toString());
    assertThat(info.out()).startsWith("[a2doctor] web01: 3 new, 0 ongoing\n")
        .contains("== NEW (3) ==").doesNotContain("== BELOW");
    assertThat(info.code()).isEqualTo(1);
  }

  @Test
  void countsOnlyCriticalFindingsWhenFailOnIsCritical() throws IOException {
    append(DENIED);
    report("--fail-on", "notice");
    append(DENIED);
    // an expired suppression makes the report worth sending; the error is listed below
    Path sup = Files.writeString(dir.resolve("suppress.yaml"), """
        - id: proxy-backend-connection-refused
          reason: backend being migrated
          until: 2026-11-01
        """);
    Cli.Result r = report("--fail-on", "critical", "--suppress", sup.toString());
    assertThat(r.out()).startsWith("[a2doctor] web01: 0 new, 0 ongoing, 1 warning\n")
        .contains("== BELOW CRITICAL (1, not counted above) ==")
        .containsPattern("\nERROR +ongoing +1x  .*  \\[client-denied-by-server-configuration\\]")
        .doesNotContain("== ONGOING");
    assertThat(r.code()).isZero();
  }

  @Test
  void groupsFindingsAsNewThenOngoingThenResolved() throws IOException {
    append(DENIED);
    assertThat(report("--resolve-after", "2").out()).contains("== NEW (1) ==");
    append(DENIED, DENIED, REFUSED);
    Cli.Result second = report("--resolve-after", "2");
    assertThat(second.out()).startsWith("[a2doctor] web01: 1 new, 1 ongoing\n")
        .contains("== NEW (1) ==").contains("== ONGOING (1) ==")
        .contains("2 times since the last run, 3 since first seen")
        .contains("--- " + log());
    assertThat(report("--resolve-after", "2").out()).as("one quiet run").isEmpty();
    Cli.Result resolved = report("--resolve-after", "2");
    assertThat(resolved.out()).startsWith("[a2doctor] web01: 0 new, 0 ongoing, 2 resolved\n")
        .contains("== RESOLVED (2) ==").contains("3 times in all");
    assertThat(resolved.code()).as("nothing happened since the last run").isZero();
    assertThat(report("--resolve-after", "2").out()).as("resolved is said once").isEmpty();
  }

  @Test
  void writesJsonWithStatusAndCountSinceTheLastRun() throws IOException {
    append(DENIED);
    report();
    append(DENIED, DENIED);
    List<String> lines = report("--format", "json").out().lines().toList();
    assertThat(lines.get(0)).startsWith("{\"type\":\"report\",\"host\":\"web01\",\"run\":2,");
    assertThat(lines.get(1)).startsWith("{\"type\":\"finding\","
        + "\"id\":\"client-denied-by-server-configuration\",")
        .contains("\"severity\":\"error\",\"status\":\"ongoing\",\"count\":2,\"total\":3,");
    assertThat(lines.get(lines.size() - 1)).isEqualTo("{\"type\":\"summary\",\"lines\":2,"
        + "\"new\":0,\"ongoing\":1,\"resolved\":0,\"below_fail_on\":0,\"unrecognized\":0,"
        + "\"suppressed\":0}");
  }

  @Test
  void escapesEverythingFromTheLogInHtml() throws IOException {
    // composed: the real AH01630 line with a requested path carrying markup
    append(DENIED.replace("/www/admin/", "/www/<script>alert('x')</script>&amp;/"));
    String html = report("--format", "html").out();
    assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<script")
        .doesNotContain("<style").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
            + "&amp;amp;");
  }

  @Test
  void writesPlainTextWithoutAnsiEvenOnATerminal() throws IOException {
    // composed: the real AH01630 line with an escape sequence in the requested path
    append(DENIED.replace("/www/admin/", "/www/\u001b[2J/"));
    Cli.Result r = Cli.run(Map.of("TERM", "xterm"), "", true, "report", "--no-context",
        "--host", "web01", "--state", dir.resolve("state.json").toString(), log().toString());
    assertThat(r.out()).doesNotContain("\u001b").contains("/www/\\x1b[2J/");
    assertThat(r.out().lines().filter(l -> !l.startsWith("  > ") && !l.startsWith("ERROR")))
        .allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(76 + 30));
  }

  @Test
  void writesMarkdownWithLogTextOnlyInCode() throws IOException {
    // composed: the real AH01630 line with a requested path carrying a Markdown link
    append(DENIED.replace("/www/admin/", "/www/[click](http://evil.example)/"));
    String md = report("--format", "markdown").out();
    assertThat(md).startsWith("# \\[a2doctor\\] web01: 1 new, 0 ongoing\n")
        .contains("## New (1)")
        .contains("\n    " + DENIED.replace("/www/admin/", "/www/[click](http://evil.example)/"));
  }

  @Test
  void readsTheLastDayWithoutStateWhenAskedSince() throws IOException {
    // the real AH01630 line, once with the timestamp two days earlier
    append(DENIED.replace("Wed Nov 25", "Mon Nov 23"), DENIED);
    Cli.Result r = Cli.run("report", "--no-context", "--host", "web01", "--since", "24h",
        "--now", "2026-11-25T12:00:00", log().toString());
    assertThat(r.out()).startsWith("[a2doctor] web01: 1 new, 0 ongoing\n")
        .contains("in the last 24h: 1 line read").contains("1 time in the last 24h");
    assertThat(Files.exists(dir.resolve("state.json"))).isFalse();
    Cli.Result both = report("--since", "24h");
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("--since reads without state");
  }

  @Test
  void keepsSuppressedFindingsOutUntilTheyExpireAndReportsExpiredOnes() throws IOException {
    Path sup = dir.resolve("suppress.yaml");
    Files.writeString(sup, """
        - id: client-denied-by-server-configuration
          captures:
            path: ^/tmp/helper-b1-au4/www/admin/
          reason: the admin area is closed on purpose
          until: 2026-12-31
        - id: proxy-backend-connection-refused
          reason: backend being migrated
          until: 2026-11-01
        """);
    append(DENIED);
    Cli.Result hidden = report("--suppress", sup.toString());
    assertThat(hidden.out()).startsWith("[a2doctor] web01: 0 new, 0 ongoing, 1 warning\n")
        .contains("Suppressed: 1 occurrence hidden")
        .contains("Expired suppressions")
        .contains("proxy-backend-connection-refused (entry 2), until 2026-11-01: backend")
        .doesNotContain("== NEW");
    assertThat(hidden.code()).isZero();
  }

  @Test
  void namesTheFileAndLineOfAnInvalidSuppression() throws IOException {
    Path sup = dir.resolve("suppress.yaml");
    Files.writeString(sup, "- id: x\n  reason: y\n  until: 2026-12-31\n  colour: red\n");
    append(DENIED);
    Cli.Result r = report("--suppress", sup.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains(sup + ":").contains("colour");
  }

  @Test
  void saysLoudlyWhenContinuityCannotBeProven() throws IOException {
    append(DENIED);
    report();
    Files.delete(log());
    append(REFUSED);
    Cli.Result r = report("--fail-on", "critical");
    assertThat(r.out()).startsWith("[a2doctor] web01: 0 new, 0 ongoing, 1 warning\n")
        .contains("!! THIS REPORT MAY BE INCOMPLETE").contains("may be MISSING")
        .contains("== BELOW CRITICAL (1, not counted above) ==");
  }

  @Test
  void keepsGoingWhenALogIsUnreadableAndReadsItNextTime() throws IOException {
    Path other = dir.resolve("missing.log");
    append(DENIED);
    Cli.Result r = Cli.run("report", "--no-context", "--host", "web01", "--state",
        dir.resolve("state.json").toString(), other.toString(), log().toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains(other + ": cannot read: no such file");
    assertThat(r.out()).contains("1 new").contains("!! " + other + ": cannot read");
  }

  @Test
  void rejectsAnInvalidMailAddressBeforeReadingAnything() throws IOException {
    append(DENIED);
    Cli.Result r = report("--mail-to", "ops@example.org\r\nBcc: x@example.net");
    assertThat(r.code()).isEqualTo(2);
    assertThat(Files.exists(dir.resolve("state.json"))).isFalse();
  }

  @Test
  void documentsStateMailAndCronInHelp() {
    Cli.Result r = Cli.run("report", "--help");
    assertThat(r.out()).contains("--state").contains("--mail-to").contains("--smtp-auth-file")
        .contains("--suppress").contains("*/15 * * * *").contains("Exit codes:")
        .doesNotContain("--now");
  }
}
