package dev.a2doctor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.a2doctor.cli.A2doctor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Parser;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tab completion: verbs and options from the command tree, the rest from the session. */
class CompletionTest {

  private DumbTerminal terminal;
  private Shell shell;
  private LineReader reader;

  @BeforeAll
  static void load() {
    ShellTest.load();
  }

  @BeforeEach
  void open() throws IOException {
    terminal = new DumbTerminal(new ByteArrayInputStream(new byte[0]),
        new ByteArrayOutputStream());
    shell = new Shell(terminal, ShellTest.setup(null), A2doctor::commandLine);
    shell.dispatch("open " + ShellTest.LOG, List.of("open", ShellTest.LOG.toString()));
    reader = LineReaderBuilder.builder().terminal(terminal).parser(new ShellParser()).build();
  }

  @AfterEach
  void close() throws IOException {
    terminal.close();
  }

  private List<String> complete(String typed) {
    List<Candidate> found = new ArrayList<>();
    shell.completer().complete(reader,
        reader.getParser().parse(typed, typed.length(), Parser.ParseContext.COMPLETE), found);
    return found.stream().map(Candidate::value).toList();
  }

  @Test
  void completesVerbsAndCommandLineCommandsButNotTheShellItself() {
    assertThat(complete("")).contains("open", "findings", "show", "lines", "follow", "context",
        "explain", "diagnose", "patterns", "help", "quit").doesNotContain("shell");
  }

  @Test
  void completesOptionsAndTheirValuesFromTheCommandTree() {
    assertThat(complete("findings --")).contains("--severity", "--module", "--vhost",
        "--since", "--until");
    assertThat(complete("findings --severity ")).contains("critical", "error", "warning",
        "notice", "info");
    assertThat(complete("diagnose --")).contains("--format", "--no-context", "--apache-config");
  }

  @Test
  void completesFindingNumbers() {
    assertThat(complete("show ")).containsExactly("1", "2", "3", "4");
    assertThat(complete("lines ")).containsExactly("1", "2", "3", "4");
  }

  @Test
  void completesEntryIdsAndCodes() {
    assertThat(complete("explain ")).contains("wsgi-daemon-connect-denied", "AH01630",
        "WSGI0117");
    assertThat(complete("patterns show ")).contains("client-denied-by-server-configuration")
        .doesNotContain("AH01630");
  }

  @Test
  void completesFilePaths() {
    assertThat(complete("open samples/wsgi-itk/e")).contains("samples/wsgi-itk/error.log",
        "samples/wsgi-itk/etc/");
    assertThat(complete("diagnose --passwd samples/wsgi-itk/etc/p"))
        .contains("samples/wsgi-itk/etc/passwd");
  }

  @Test
  void aPastedLogLineGetsNoCompletion() {
    assertThat(complete("[Wed Nov 25 01:23:50.400553 2026] [wsgi:error] ")).isEmpty();
  }
}
