package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broken site catalog, checked with {@code patterns test DIR}: every problem is named with
 * file, line and key, exit code 3, and the built-in catalog and the good site entries are still
 * checked; {@code diagnose --patterns DIR} names them the same way and still diagnoses.
 */
class CatalogErrorsCliTest {

  /** A valid entry; its example is composed from httpd's default ErrorLogFormat. */
  static final String GOOD = """
      id: %s
      title: {en: Something new}
      severity: error
      match:
        tags: [AH99998]
        regex: "something (?P<what>\\\\w+) happened"
      explanation: {en: x}
      fix: {en: "look at {what}"}
      references: []
      examples:
        - line: "[Mon Jan 05 12:00:01.000000 2026] [foo:error] [pid 1] AH99998: something odd happened"
          origin: composed for this test from httpd's default ErrorLogFormat
          captures: {what: odd}
      """;

  @TempDir Path dir;

  private Path write(String relative, String text) throws IOException {
    Path f = dir.resolve(relative);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
    return f;
  }

  private Cli.Result test() {
    return Cli.run("patterns", "test", dir.toString());
  }

  @Test
  void badYamlIsNamedWithFileAndLine() throws IOException {
    write("a/broken.yaml", "id: broken\ntitle: {en: [unclosed\nseverity: error\n");
    write("b/site-good.yaml", GOOD.formatted("site-good"));
    Cli.Result r = test();
    assertThat(r.code()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.out()).containsPattern("INVALID \\S*a/broken\\.yaml:[1-9]\\d*: ")
        .contains("1 entries, 1 examples, 0 near misses: 1 invalid, 0 failed");
  }

  @Test
  void anUnknownKeyIsNamedWithFileLineAndKey() throws IOException {
    write("a/typo.yaml", GOOD.formatted("typo").replace("  regex:", "  regx:"));
    Cli.Result r = test();
    assertThat(r.code()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.out()).contains("a/typo.yaml:6: key 'match.regx': unknown key");
  }

  @Test
  void anInvalidRegexIsNamedWithFileLineAndKey() throws IOException {
    write("a/lookahead.yaml", GOOD.formatted("lookahead").replace("something (?P", "(?!x)(?P"));
    Cli.Result r = test();
    assertThat(r.code()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.out()).contains("a/lookahead.yaml:6: key 'match.regex': invalid regex");
  }

  @Test
  void aDuplicateIdIsNamedWithFileLineAndKey() throws IOException {
    write("a/twice.yaml", GOOD.formatted("twice"));
    write("b/twice.yaml", GOOD.formatted("twice"));
    Cli.Result r = test();
    assertThat(r.code()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.out()).containsPattern(
        "INVALID \\S*b/twice\\.yaml:1: key 'id': duplicate id 'twice', also in \\S*a/twice\\.yaml");
  }

  @Test
  void aSiteEntryThatShadowsABuiltInOneIsNoted() throws IOException {
    String id = "client-denied-by-server-configuration";
    write("access/" + id + ".yaml", GOOD.formatted(id));
    Cli.Result r = test();
    assertThat(r.out()).contains("NOTE " + dir.resolve("access/" + id + ".yaml")
        + ": key 'id': '" + id + "' replaces the built-in entry patterns/access/" + id + ".yaml");
  }

  @Test
  void diagnoseWithABrokenSiteCatalogNamesEachProblemAndStillDiagnoses() throws IOException {
    write("a/typo.yaml", GOOD.formatted("typo").replace("  regex:", "  regx:"));
    write("a/lookahead.yaml", GOOD.formatted("lookahead").replace("something (?P", "(?!x)(?P"));
    write("b/site-good.yaml", GOOD.formatted("site-good"));
    Path log = write("error.log", FaultsTest.DENIED + "\n"
        + "[Mon Jan 05 12:00:01.000000 2026] [foo:error] [pid 1] AH99998: something odd happened\n");
    Cli.Result r = Cli.run(java.util.Map.of("A2DOCTOR_PATTERNS_D", ""), "", false, "diagnose",
        "--no-context", "--patterns", dir.toString(), log.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.err()).contains("a/typo.yaml:6: key 'match.regx': unknown key")
        .contains("a/lookahead.yaml:6: key 'match.regex': invalid regex");
    // the built-in entry and the good site entry both still explain their lines
    assertThat(r.out()).contains("[client-denied-by-server-configuration]")
        .contains("[site-good]");
  }

  @Test
  void aBrokenSiteCatalogLeavesTheBuiltInOneWorking() throws IOException {
    write("a/broken.yaml", "::: not yaml\n\t- [");
    assertThat(test().code()).isEqualTo(ExitCodes.INPUT);
    // the built-in catalog is untouched and still self-tests and diagnoses
    assertThat(Cli.run("patterns", "test").code()).isZero();
    assertThat(Cli.run("explain", "AH01630").code()).isZero();
  }
}
