package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code a2doctor explain} read by hand ({@link ExplainFastPath}) answers byte for byte as
 * through picocli, and leaves to picocli every argument list it cannot read with certainty.
 */
class ExplainFastPathTest {

  @TempDir static Path dir;

  /** One argument list; {@code byHand}: whether the fast path must take it. */
  record Case(boolean byHand, boolean tty, List<String> args) {
    @Override
    public String toString() {
      return (byHand ? "by hand: " : "picocli: ") + (tty ? "(tty) " : "") + args;
    }
  }

  private static Case hand(String... args) {
    return new Case(true, false, List.of(args));
  }

  private static Case picocli(String... args) {
    return new Case(false, false, List.of(args));
  }

  static List<Case> cases() throws IOException {
    String line = ExplainOnlyTest.capturedLine();
    Path site = Files.createDirectories(dir.resolve("site-patterns"));
    Path server = Files.createDirectories(dir.resolve("web01"));
    Path argFile = Files.writeString(dir.resolve("args"), "AH01630\n");
    List<Case> cases = new ArrayList<>(List.of(
        hand("explain", "AH01630"),
        hand("explain", "  AH01630 "),
        hand("explain", "client-denied-by-server-configuration"),
        hand("explain", "AH99999"),
        hand("explain", "not a log line"),
        hand("explain", ""),
        hand("explain", "   "),
        hand("explain", line),
        hand("explain", "--no-context", line),
        hand("explain", line, "--no-context"),
        hand("explain", "--no-context", line + "\n" + line),
        hand("explain", "--no-context", "--format", "json", line),
        hand("explain", "--format=json", "--no-context", line),
        hand("explain", "--format", "text", "--no-context", line),
        hand("explain", "--format", "json", "AH01630"),
        hand("explain", "--no-context", "--lang", "ja", line),
        hand("explain", "--lang=ja", "AH01630"),
        hand("explain", "--lang", "en_US.UTF-8", "--no-context", line),
        hand("explain", "--verbose", "--no-context", line),
        hand("explain", "--color", "always", "--no-context", line),
        hand("explain", "--color=never", "--no-context", line),
        hand("explain", "--color", "auto", "--no-context", line),
        hand("explain", "--fail-on", "error", "--no-context", line),
        hand("explain", "--fail-on=ERROR", "AH01630"),
        hand("explain", "--no-context", "--", line),
        hand("explain", "--", "AH01630"),
        hand("explain", "--", "-x"),
        hand("explain", "--", "--"),
        hand("explain", "--apache-config", dir.resolve("missing.conf").toString(),
            "--passwd", dir.resolve("missing-passwd").toString(), line),
        hand("explain", "--root", server.toString(), line),
        hand("explain", "--root=" + server, "--passwd=/etc/passwd", line),
        hand("explain", "--patterns", site.toString(), "AH01630"),
        hand("explain", "--patterns", site.toString(), "--patterns", site.toString(), line),
        picocli("explain"),
        picocli("explain", "--help"),
        picocli("explain", "-h"),
        picocli("explain", "-V"),
        picocli("explain", "--version"),
        picocli("explain", "--no-context"),
        picocli("explain", "AH01630", "AH01631"),
        picocli("explain", "--no-such-option", "AH01630"),
        picocli("explain", "-x"),
        picocli("explain", "-"),
        picocli("explain", "--fail-on", "loud", "AH01630"),
        picocli("explain", "--format", "JSON", "AH01630"),
        picocli("explain", "--format", "xml", "AH01630"),
        picocli("explain", "--color", "sometimes", "AH01630"),
        picocli("explain", "--format", "json", "--format", "text", "AH01630"),
        picocli("explain", "--lang", "en", "--lang", "ja", "AH01630"),
        picocli("explain", "--no-context", "--no-context", line),
        picocli("explain", "--verbose", "--verbose", "AH01630"),
        picocli("explain", "--no-context=true", line),
        picocli("explain", "AH01630", "--lang"),
        picocli("explain", "--lang=", "AH01630"),
        picocli("explain", "--lang", "--no-context", "AH01630"),
        picocli("explain", "--root", "-", "AH01630"),
        picocli("explain", "@" + argFile),
        picocli("explain", "--", "@" + argFile),
        picocli("explain", "--log-format", "[%t] %M", line),
        picocli("explain", "--log-format", "%{", line),
        picocli("explain", "--form", "json", "AH01630"),
        picocli("patterns", "show", "AH01630"),
        picocli("--verbose", "explain", "AH01630"),
        new Case(true, true, List.of("explain", "--no-context", line)),
        new Case(true, true, List.of("explain", "--color", "never", "--no-context", line))));
    return cases;
  }

  private record Run(int code, String out, String err) {}

  private static Run run(Map<String, String> env, Case c, ToIntFunction<Io> how) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Io io = new Io(new PrintWriter(out), new PrintWriter(err), env,
        new ByteArrayInputStream(new byte[0]), c.tty());
    int code = how.applyAsInt(io);
    return new Run(code, out.toString(), err.toString());
  }

  private static void answersAsPicocli(Map<String, String> env, Case c) {
    String[] args = c.args().toArray(String[]::new);
    Run byHand = run(env, c, io -> ExplainFastPath.run(io, args));
    if (c.byHand()) {
      assertThat(byHand.code()).as("taken by hand").isNotEqualTo(ExplainFastPath.NOT_HANDLED);
    } else {
      assertThat(byHand).as("left to picocli, untouched")
          .isEqualTo(new Run(ExplainFastPath.NOT_HANDLED, "", ""));
    }
    Run main = run(env, c, io -> ExplainFastPath.execute(io, args));
    Run picocli = run(env, c, io -> A2doctor.commandLine(io, args).execute(args));
    assertThat(main.out()).isEqualTo(picocli.out());
    assertThat(main.err()).isEqualTo(picocli.err());
    assertThat(main.code()).isEqualTo(picocli.code());
    if (c.byHand()) {
      assertThat(byHand).isEqualTo(picocli);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answersByteForByteAsPicocliDoes(Case c) {
    answersAsPicocli(Map.of(), c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answersAsPicocliWithoutColourUnderNoColor(Case c) {
    answersAsPicocli(Map.of("NO_COLOR", "1", "LANG", "ja_JP.UTF-8"), c);
  }

  @Test
  void readsByHandWithTheInstalledConfigFileOfCommentsOnly() throws IOException {
    Path conf = Files.copy(Path.of("src/dist/etc/a2doctor.conf"), dir.resolve("comments.conf"));
    answersAsPicocli(Map.of(ConfigFile.ENV, conf.toString()),
        hand("explain", "--no-context", ExplainOnlyTest.capturedLine()));
  }

  @Test
  void readsByHandWhenTheConfigFileIsMissing() {
    answersAsPicocli(Map.of(ConfigFile.ENV, dir.resolve("missing.conf").toString()),
        hand("explain", "AH01630"));
  }

  @Test
  void leavesAConfigFileWithKeysToPicocli() throws IOException {
    Path conf = Files.writeString(dir.resolve("keys.conf"), "lang = ja\n");
    answersAsPicocli(Map.of(ConfigFile.ENV, conf.toString()), picocli("explain", "AH01630"));
  }

  @Test
  void leavesAConfigFileWithUnknownKeysToPicocli() throws IOException {
    Path conf = Files.writeString(dir.resolve("unknown.conf"), "no-such-key = 1\n");
    answersAsPicocli(Map.of(ConfigFile.ENV, conf.toString()), picocli("explain", "AH01630"));
  }
}
