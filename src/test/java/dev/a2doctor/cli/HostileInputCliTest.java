package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.a2doctor.render.OutputChecks;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text from a log (and from file names and catalog files) never reaches the terminal raw,
 * through every command that prints it, on stdout and on stderr.
 */
class HostileInputCliTest {

  /** Written by httpd 2.4 in samples/scenarios/access-require-all-denied, plus an escape. */
  static final String DENIED = "[Wed Nov 25 01:12:16.293472 2026] [authz_core:error]"
      + " [pid 12438:tid 12442] [client 127.0.0.1:40970] AH01630: client denied by server"
      + " configuration: /tmp/helper-b1-acc2/site/\u001b]0;pwned\u0007\u001b[2J";
  static final String ESC = "\u001b[2J\u009b31m";

  @TempDir Path dir;

  private static void assertSafe(Cli.Result r) {
    OutputChecks.assertTerminalSafe(r.out());
    OutputChecks.assertTerminalSafe(r.err());
  }

  @Test
  void diagnoseShowsEscapesFromTheLogAndTheFileNameEscaped() throws IOException {
    Path log = dir.resolve("error" + ESC + ".log");
    Files.writeString(log, DENIED + "\n" + DENIED.replace("AH01630", "AH99999") + "\n");
    Cli.Result text = Cli.run(Map.of(), "", true, "diagnose", "--no-context", "--color=always",
        log.toString());
    assertSafeApartFromOurOwnColours(text);
    assertThat(text.out()).contains("site/\\x1b]0;pwned\\x07\\x1b[2J")
        .contains("error\\x1b[2J\\x9b31m.log:1");
    Cli.Result json = Cli.run("diagnose", "--no-context", "--format", "json", log.toString());
    assertSafe(json);
    OutputChecks.assertJsonLines(json.out());
    assertThat(json.out()).contains("\\u009B31m");
  }

  /** With --color=always the output carries our own SGR sequences, and only those. */
  private static void assertSafeApartFromOurOwnColours(Cli.Result r) {
    String withoutOurs = r.out().replaceAll("\u001b\\[[0-9;]*m", "");
    OutputChecks.assertTerminalSafe(withoutOurs);
    OutputChecks.assertTerminalSafe(r.err());
  }

  @Test
  void anUnreadableFileWhoseNameCarriesEscapesIsNamedEscaped() {
    Cli.Result r = Cli.run("diagnose", "--no-context", dir.resolve("gone" + ESC).toString());
    assertThat(r.code()).isEqualTo(ExitCodes.INPUT);
    assertSafe(r);
    assertThat(r.err()).contains("gone\\x1b[2J\\x9b31m: cannot read: no such file");
  }

  @Test
  void explainShowsALineWithEscapesEscaped() {
    Cli.Result known = Cli.run("explain", "--no-context", DENIED);
    assertThat(known.code()).isZero();
    assertSafe(known);
    assertThat(known.out()).contains("\\x1b]0;pwned\\x07");
    Cli.Result unknown = Cli.run("explain", "--no-context", DENIED.replace("AH01630: client",
        "AH99999: " + ESC));
    assertThat(unknown.code()).isEqualTo(ExitCodes.FINDINGS);
    assertSafe(unknown);
  }

  @Test
  void patternsShowEchoesAnUnknownIdEscaped() {
    Cli.Result r = Cli.run("patterns", "show", "x" + ESC);
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertSafe(r);
    assertThat(r.err()).contains("no entry 'x\\x1b[2J");
  }

  @Test
  void patternsTestShowsEscapesFromACatalogFileEscaped() throws IOException {
    // YAML's "\e" is ESC: a site catalog file can carry one in any string
    Path f = dir.resolve("site").resolve("esc-entry.yaml");
    Files.createDirectories(f.getParent());
    Files.writeString(f, """
        id: esc-entry
        title: {en: "Title \\e[2J"}
        severity: error
        match: {literal: "no such line \\e]0;x\\a"}
        explanation: {en: "x \\e[8m"}
        fix: {en: "y"}
        references: ["https://example.invalid/\\e[2J"]
        examples:
          - line: "[Wed Nov 25 01:12:16.293472 2026] [core:error] [pid 1] nothing \\e[31m"
            origin: "composed for this test"
        """);
    Cli.Result r = Cli.run("patterns", "test", f.getParent().toString());
    assertThat(r.code()).isEqualTo(ExitCodes.FINDINGS);
    assertSafe(r);
    assertThat(r.out()).contains("FAIL ").contains("\\x1b[31m");
  }

  static void write(Path p, byte[] bytes) throws IOException {
    try (OutputStream o = Files.newOutputStream(p)) {
      o.write(bytes);
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
