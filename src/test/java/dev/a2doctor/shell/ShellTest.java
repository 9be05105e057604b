package dev.a2doctor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.a2doctor.catalog.Catalog;
import dev.a2doctor.catalog.CatalogLoader;
import dev.a2doctor.cli.A2doctor;
import dev.a2doctor.context.ContextLoader;
import dev.a2doctor.context.ServerContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the shell in-process through a JLine dumb terminal, as a script would. */
class ShellTest {

  static final Path ITK = Path.of("samples/wsgi-itk");
  static final Path LOG = ITK.resolve("error.log");
  /** Line 3 of samples/wsgi-itk/error.log, written by a real httpd with MPM-ITK and mod_wsgi. */
  static final String WSGI_LINE;

  static Catalog catalog;
  static ServerContext itk;

  static {
    try {
      WSGI_LINE = Files.readAllLines(LOG).get(2);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @TempDir Path dir;

  @BeforeAll
  static void load() {
    catalog = new CatalogLoader().loadBuiltin();
    itk = new ContextLoader(name -> null).load(ITK.resolve("etc/apache2/apache2.conf"),
        ITK.resolve("etc/passwd"));
  }

  static Shell.Setup setup(Path history) {
    return new Shell.Setup(catalog, itk, List.of("--apache-config",
        ITK.resolve("etc/apache2/apache2.conf").toString(), "--passwd",
        ITK.resolve("etc/passwd").toString()), "en", false, history, false, Map.of());
  }

  /** Runs the shell over {@code input} (commands, one a line) and returns what it printed. */
  static String run(Shell.Setup setup, String input, Path... open) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DumbTerminal t = new DumbTerminal(
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out)) {
      int code = new Shell(t, setup, A2doctor::commandLine).run(List.of(open));
      assertThat(code).isZero();
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void opensFilesListsNumberedFindingsAndShowsOneInFull() throws IOException {
    String out = run(setup(null), "findings\nshow 1\n", LOG);
    assertThat(out)
        .contains("1 file open: 7 lines read, 4 findings, 0 lines not explained")
        .contains("  1  ERROR         1x  mod_wsgi cannot connect to its daemon process socket"
            + "  [wsgi-daemon-connect-denied]")
        .contains("  2  NOTICE        2x  Apache received SIGTERM and is shutting down")
        .contains("Fix: Let foo connect: in samples/wsgi-itk/etc/apache2/sites-enabled/foo.conf:9")
        .contains("Lines: 1 kept")
        .contains("samples/wsgi-itk/error.log:3 " + WSGI_LINE);
  }

  @Test
  void aPastedLogLineIsExplainedWithoutAVerb() throws IOException {
    String out = run(setup(null), WSGI_LINE + "\n");
    assertThat(out)
        .contains("ERROR  mod_wsgi cannot connect to its daemon process socket"
            + "  [wsgi-daemon-connect-denied]")
        .contains("uid 1001 is user 'foo' (samples/wsgi-itk/etc/passwd)")
        .contains("MPM-ITK is loaded");
  }

  @Test
  void aPastedLineNothingExplainsSaysSoWithItsFields() throws IOException {
    // composed from httpd's default ErrorLogFormat; no catalog entry has this code
    String out = run(setup(null),
        "[Mon Jan 05 12:00:01.000000 2026] [foo:error] [pid 1] AH99999: something new\n");
    assertThat(out).contains("No catalog entry explains this line.")
        .contains("module 'foo', level 'error', tag 'AH99999'");
  }

  @Test
  void findingsFilterBySeverityModuleVhostAndTimeKeepingTheNumbers() throws IOException {
    String out = run(setup(null), String.join("\n",
        "echo-marker",
        "findings --severity error",
        "echo-marker",
        "findings --module mpm_prefork",
        "echo-marker",
        "findings --vhost foo.test",
        "echo-marker",
        "findings --since 2026-11-25T01:23:53 --until 2026-11-25T01:23:56.8",
        "echo-marker",
        "findings --since 2027") + "\n", LOG);
    String[] parts = out.split("Unknown command 'echo-marker'.*\n");
    assertThat(parts).hasSize(6);
    parts = java.util.Arrays.copyOfRange(parts, 1, 6);
    assertThat(parts[0]).contains("  1  ERROR").doesNotContain("  2  NOTICE");
    assertThat(parts[1]).contains("  2  NOTICE")
        .contains("  4  INFO").doesNotContain("  1  ERROR").doesNotContain("  3  INFO");
    assertThat(parts[2]).contains("  1  ERROR").doesNotContain("  2  NOTICE");
    assertThat(parts[3]).contains("  3  INFO").contains("  4  INFO")
        .doesNotContain("  1  ERROR").doesNotContain("  2  NOTICE");
    assertThat(parts[4]).contains("No finding matches.");
  }

  @Test
  void linesShowsTheRawLinesBehindAFindingWithFileAndLineNumber() throws IOException {
    String out = run(setup(null), "lines 2\n", LOG);
    List<String> raw = Files.readAllLines(LOG);
    assertThat(out).contains("samples/wsgi-itk/error.log:4 " + raw.get(3))
        .contains("samples/wsgi-itk/error.log:7 " + raw.get(6));
  }

  @Test
  void contextIsTheCommandLinesWithTheShellsContextOptions() throws IOException {
    String out = run(setup(null), "context\n");
    assertThat(out)
        .contains("Configuration: samples/wsgi-itk/etc/apache2/apache2.conf")
        .contains("with MPM-ITK (samples/wsgi-itk/etc/apache2/mods-enabled/mpm_itk.load:2)")
        .contains("samples/wsgi-itk/etc/passwd");
  }

  @Test
  void patternsSearchesTheCatalogAndTheCommandLinesPatternsStillWork() throws IOException {
    String out = run(setup(null), "patterns AH01630\npatterns show client-denied-by-server-"
        + "configuration\n");
    assertThat(out).contains("client-denied-by-server-configuration")
        .contains("1 of " + catalog.size() + " entries match 'AH01630'")
        .contains("source: patterns/access/client-denied-by-server-configuration.yaml");
  }

  @Test
  void explainTakesAnIdOrACodeLikeTheCommandLine() throws IOException {
    String out = run(setup(null), "explain AH01630\n");
    assertThat(out).contains("[client-denied-by-server-configuration]")
        .contains("matches: AH01630|AH01797");
  }

  @Test
  void helpListsTheShellVerbsAndTheCommandLineCommands() throws IOException {
    String out = run(setup(null), "help\nhelp findings\n");
    assertThat(out).contains("  open ").contains("  findings ").contains("  show ")
        .contains("  lines ").contains("  follow ").contains("  context ")
        .contains("  diagnose ").contains("  quit ")
        .contains("Paste a log line")
        .contains("Usage: a2doctor findings").contains("--severity=SEVERITY");
  }

  @Test
  void quitLeavesAndLaterLinesAreNotRun() throws IOException {
    String out = run(setup(null), "quit\ncontext\n");
    assertThat(out).doesNotContain("Configuration:");
  }

  @Test
  void mistakesAreSaidInOneLineAndTheShellGoesOn() throws IOException {
    String out = run(setup(null), "bogus\nshow 9\nfindings --severity huge\ncontext\n", LOG);
    assertThat(out).contains("Unknown command 'bogus': 'help' lists the commands")
        .contains("No finding 9: 'findings' numbers them 1 to 4.")
        .contains("'huge' is not one of critical, error, warning, notice, info")
        .contains("Configuration: samples/wsgi-itk/etc/apache2/apache2.conf");
  }

  @Test
  void anUnreadableFileIsNamedAndTheOthersAreOpened() throws IOException {
    String out = run(setup(null), "open " + dir.resolve("missing.log") + " " + LOG + "\n");
    assertThat(out).contains(dir.resolve("missing.log") + ": cannot read:")
        .contains("1 file open: 7 lines read, 4 findings");
  }

  @Test
  void commandsAreKeptInTheGivenHistoryFile() throws IOException {
    Path history = dir.resolve("history");
    run(setup(history), "context\nfindings\n");
    assertThat(Files.readString(history)).contains("context").contains("findings");
  }

  @Test
  void longOutputIsNotPagedWhenNotATerminal() throws IOException {
    String out = run(setup(null), "patterns\n");
    assertThat(out).doesNotContain("-- more")
        .contains(catalog.size() + " of " + catalog.size() + " entries");
    for (var e : catalog.entries()) {
      assertThat(out).contains(e.id());
    }
  }
}
