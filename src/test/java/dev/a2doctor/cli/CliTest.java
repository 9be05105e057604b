package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CliTest {

  /** The seed case, composed from mod_wsgi 6.0.5 src/server/wsgi_remote.c. */
  static final String WSGI = "[Mon Jan 05 12:00:00.000000 2026] [wsgi:error] [pid 12345]"
      + " (13)Permission denied: [client 10.0.0.1:5000] WSGI0117: Unable to connect to WSGI"
      + " daemon process 'app' on '/run/wsgi.1.0.1.sock' as user with uid=33.";
  /** Not in the catalog; composed from httpd's default ErrorLogFormat. */
  static final String UNKNOWN = "[Mon Jan 05 12:00:01.000000 2026] [foo:error] [pid 1]"
      + " AH99999: something new happened 42 times";
  static final String INFO = "[Mon Jan 05 12:00:01.000000 2026] [foo:info] [pid 1] chatter";

  @TempDir Path dir;

  private Path log(String name, String... lines) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, String.join("\n", lines) + "\n");
    return p;
  }

  @Test
  void findingsAtOrAboveFailOnExitOne() throws IOException {
    Path p = log("error.log", WSGI, WSGI, UNKNOWN, INFO);
    Cli.Result r = Cli.run("diagnose", "--no-context", p.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains("a2doctor: 1 finding (2 lines), 4 lines read, 1 not explained")
        .contains("ERROR  mod_wsgi cannot connect to its daemon process socket")
        .contains("2 times, 2026-01-05T12:00:00.000000, first at " + p + ":1")
        .contains("Not explained: 1 warn-or-worse line of 1 kind")
        .contains("[foo:error] AH99999: something new happened # times");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void failOnAboveTheFindingsExitsZero() throws IOException {
    Path p = log("error.log", WSGI);
    assertThat(Cli.run("diagnose", "--no-context", "--fail-on", "critical", p.toString()).code())
        .isZero();
  }

  @Test
  void nothingWrongExitsZero() throws IOException {
    Path p = log("error.log", INFO);
    Cli.Result r = Cli.run("diagnose", "--no-context", p.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("a2doctor: 0 findings (0 lines), 1 line read, 0 not explained");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(Cli.run("diagnose", "--format", "xml").code()).isEqualTo(2);
    assertThat(Cli.run("diagnose", "--fail-on", "bad").code()).isEqualTo(2);
    assertThat(Cli.run("no-such-command").code()).isEqualTo(2);
  }

  @Test
  void keepsGoingWhenAFileIsUnreadableAndExitsThree() throws IOException {
    Path good = log("good.log", WSGI);
    Cli.Result r = Cli.run("diagnose", "--no-context", dir.resolve("missing.log").toString(),
        good.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains(dir.resolve("missing.log") + ": cannot read: no such file");
    assertThat(r.out()).contains("wsgi-daemon-connect-denied");
  }

  @Test
  void readsGzipByContentAndStdin() throws IOException {
    Path gz = dir.resolve("error.log.2.gz");
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
      o.write((WSGI + "\n").getBytes(StandardCharsets.UTF_8));
    }
    assertThat(Cli.run("diagnose", "--no-context", gz.toString()).out())
        .contains("1 finding (1 line)");
    Cli.Result stdin = Cli.run(Map.of(), WSGI + "\n" + WSGI + "\n", false,
        "diagnose", "--no-context");
    assertThat(stdin.out()).contains("1 finding (2 lines)").contains("first at -:1");
  }

  @Test
  void colorsOnlyOnATerminalAndNeverWithNoColor() throws IOException {
    Path p = log("error.log", WSGI);
    assertThat(Cli.run(Map.of(), "", true, "diagnose", "--no-context", p.toString()).out())
        .contains("\u001b[1;31mERROR\u001b[0m");
    assertThat(Cli.run(Map.of("NO_COLOR", "1"), "", true, "diagnose", "--no-context",
        p.toString()).out()).doesNotContain("\u001b");
    assertThat(Cli.run(Map.of(), "", false, "diagnose", "--no-context", p.toString()).out())
        .doesNotContain("\u001b");
  }

  @Test
  void controlCharactersFromTheLogNeverReachTheTerminal() throws IOException {
    String hostile = WSGI.replace("'app'", "'a\u001b]0;owned\u0007pp'");
    Path p = log("error.log", hostile, UNKNOWN.replace("new", "\u001b[2Jnew"));
    Cli.Result r = Cli.run(Map.of(), "", true, "diagnose", "--no-context", p.toString());
    String withoutOurStyles = r.out().replaceAll("\u001b\\[[0-9;]*m", "");
    assertThat(withoutOurStyles).doesNotContain("\u001b").doesNotContain("\u0007")
        .contains("a\\x1b]0;owned\\x07pp");
  }

  @Test
  void jsonLinesHaveTheDocumentedShape() throws IOException {
    Path p = log("error.log", WSGI, UNKNOWN, "[Mon Jan 05 12:00:00.000000 2026] [wsgi:err");
    Cli.Result r = Cli.run("diagnose", "--no-context", "--format", "json", p.toString());
    String[] lines = r.out().split("\n");
    assertThat(lines).hasSize(3);
    JsonMapper json = new JsonMapper();
    JsonNode finding = json.readTree(lines[0]);
    assertThat(finding.propertyNames()).containsExactly("type", "id", "title", "severity",
        "count", "first_seen", "last_seen", "source", "first_line", "folded", "sample",
        "captures",
        "explanation", "fix", "context", "references");
    assertThat(finding.get("type").asString()).isEqualTo("finding");
    assertThat(finding.get("captures").get("uid").asString()).isEqualTo("33");
    assertThat(finding.get("context").get("variant").isNull()).isTrue();
    assertThat(finding.get("context").get("unchecked").get(0).asString())
        .startsWith("--no-context");
    JsonNode unrecognized = json.readTree(lines[1]);
    assertThat(unrecognized.get("type").asString()).isEqualTo("unrecognized");
    assertThat(unrecognized.get("first_line").asLong()).isEqualTo(2);
    JsonNode summary = json.readTree(lines[2]);
    assertThat(summary.get("type").asString()).isEqualTo("summary");
    assertThat(summary.get("lines").asLong()).isEqualTo(3);
    assertThat(summary.get("parsed").asLong()).isEqualTo(2);
    assertThat(summary.get("unparsed").asLong()).isEqualTo(1);
    assertThat(summary.get("findings").asLong()).isEqualTo(1);
    assertThat(summary.get("unrecognized").asLong()).isEqualTo(1);
  }

  @Test
  void explainsALineAnIdAndATag() {
    Cli.Result line = Cli.run("explain", "--no-context", WSGI);
    assertThat(line.code()).isZero();
    assertThat(line.out()).contains("Fix: 1. Per-vhost user (MPM-ITK / AssignUserID)");
    Cli.Result id = Cli.run("explain", "wsgi-daemon-connect-denied");
    assertThat(id.code()).isZero();
    assertThat(id.out()).contains("[wsgi-daemon-connect-denied]").contains("When per-vhost-user:");
    Cli.Result tag = Cli.run("explain", "WSGI0117");
    assertThat(tag.code()).isZero();
    assertThat(tag.out()).contains("[wsgi-daemon-connect-denied]");
    Cli.Result none = Cli.run("explain", UNKNOWN);
    assertThat(none.code()).isEqualTo(1);
    assertThat(none.out()).contains("No catalog entry explains this line.")
        .contains("tag 'AH99999'");
  }

  @Test
  void theTextAroundTheCatalogSpeaksJapaneseToo() throws IOException {
    Path p = log("error.log", WSGI);
    assertThat(Cli.run(Map.of("LANG", "ja_JP.UTF-8"), "", false, "diagnose", "--no-context",
        p.toString()).out()).startsWith("a2doctor: 検出 1 件 (1 行)、読んだ行 1、説明できない行 0")
        .contains("  対処: ").contains("1 回, 2026-01-05T12:00:00.000000, 最初の行 ");
  }

  @Test
  void speaksJapaneseFromTheLocaleOrTheOption() {
    assertThat(Cli.run(Map.of("LANG", "ja_JP.UTF-8"), "", false, "explain", "--no-context", WSGI)
        .out()).contains("mod_wsgi がデーモンプロセスのソケットに接続できません");
    assertThat(Cli.run(Map.of("LANG", "ja_JP.UTF-8"), "", false, "explain", "--lang", "en",
        "--no-context", WSGI).out()).contains("mod_wsgi cannot connect");
  }

  @Test
  void patternsTestPassesOnTheBuiltinCatalogAndFailsABrokenFile() throws IOException {
    Cli.Result ok = Cli.run("patterns", "test");
    assertThat(ok.out()).as(ok.out()).endsWith("0 invalid, 0 failed\n");
    assertThat(ok.code()).isZero();
    Path bad = dir.resolve("x").resolve("broken.yaml");
    Files.createDirectories(bad.getParent());
    Files.writeString(bad, "id: broken\nseverity: nope\n");
    Cli.Result r = Cli.run("patterns", "test", bad.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.out()).contains("INVALID " + bad + ":2: key 'severity'");
  }

  @Test
  void helpListsExitCodesAndExamples() {
    Cli.Result r = Cli.run("diagnose", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Exit codes:").contains("3  unreadable input")
        .contains("Examples:").contains("--apache-config").contains("--no-context");
  }
}
