package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Site catalogs add and override entries; a broken one never takes the built-in one down. */
class SiteCatalogTest {

  @TempDir Path dir;

  /** The built-in wsgi entry, overridden by a site with its own wording. */
  static final String OVERRIDE = """
      id: wsgi-daemon-connect-denied
      title: {en: "Our wsgi sockets: call the platform team"}
      severity: critical
      match:
        tags: [WSGI0117]
        literal: Unable to connect to WSGI daemon process
        regex: "daemon process '(?P<group>[^']+)'"
      explanation: {en: "See the runbook for {group}."}
      fix: {en: "Page the platform team about {group}."}
      references: []
      examples:
        - line: "%s"
          origin: composed from mod_wsgi 6.0.5 src/server/wsgi_remote.c
          captures: {group: app}
      """.formatted(CliTest.WSGI.replace("\"", "\\\""));

  private Map<String, String> env() {
    return Map.of("A2DOCTOR_PATTERNS_D", dir.resolve("etc-patterns.d").toString());
  }

  private Path write(String relative, String text) throws IOException {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  @Test
  void aSiteEntryReplacesTheBuiltInOneWithTheSameIdAndSaysWhereItCameFrom()
      throws IOException {
    Path site = write("site/wsgi/wsgi-daemon-connect-denied.yaml", OVERRIDE).getParent()
        .getParent();
    Path log = write("error.log", CliTest.WSGI + "\n");
    Cli.Result r = Cli.run(env(), "", false, "diagnose", "--no-context", "--patterns",
        site.toString(), log.toString());
    assertThat(r.out()).contains("CRITICAL  Our wsgi sockets: call the platform team")
        .contains("Page the platform team about app.");
    Cli.Result list = Cli.run(env(), "", false, "patterns", "list", "--patterns",
        site.toString());
    assertThat(list.out()).containsPattern(
        "wsgi-daemon-connect-denied .*\\(" + java.util.regex.Pattern.quote(site.toString()));
    assertThat(list.out()).containsPattern("client-denied-by-server-configuration .*\\(patterns/");
  }

  @Test
  void theSystemSiteDirectoryIsReadWhenPresent() throws IOException {
    write("etc-patterns.d/wsgi/wsgi-daemon-connect-denied.yaml", OVERRIDE);
    Path log = write("error.log", CliTest.WSGI + "\n");
    assertThat(Cli.run(env(), "", false, "diagnose", "--no-context", log.toString()).out())
        .contains("Our wsgi sockets");
  }

  @Test
  void aBrokenSiteCatalogIsReportedAndTheBuiltInOneStillWorks() throws IOException {
    Path site = write("site/x/broken.yaml", "id: broken\nseverity: [\n").getParent().getParent();
    Path log = write("error.log", CliTest.WSGI + "\n");
    Cli.Result r = Cli.run(env(), "", false, "diagnose", "--no-context", "--patterns",
        site.toString(), log.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains(site.resolve("x/broken.yaml").toString() + ":");
    assertThat(r.out()).contains("[wsgi-daemon-connect-denied]")
        .contains("mod_wsgi cannot connect to its daemon process socket");
  }

  @Test
  void aSiteEntryIsHeldToTheSelfTestsInEnglish() throws IOException {
    Path f = write("site/wsgi/wsgi-daemon-connect-denied.yaml",
        OVERRIDE.replace("{group: app}", "{group: other}"));
    Cli.Result r = Cli.run(env(), "", false, "patterns", "test", f.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("expected {group=other} but got {group=app}")
        .doesNotContain("missing (every entry is written in English and Japanese)");
  }

  @Test
  void coverageCountsExplainedWarnOrWorseEventsPerModule() throws IOException {
    Path log = write("error.log", String.join("\n", CliTest.WSGI, CliTest.WSGI, CliTest.UNKNOWN,
        CliTest.INFO) + "\n");
    Cli.Result r = Cli.run(env(), "", false, "patterns", "coverage", log.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).containsPattern("foo +1 +0 +0\\.0%")
        .containsPattern("wsgi +2 +2 +100\\.0%")
        .containsPattern("all +3 +2 +66\\.7%");
  }
}
