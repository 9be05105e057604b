package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code a2doctor explain} through its small tree answers exactly as through the full one. */
class ExplainOnlyTest {

  @TempDir Path dir;

  /** A line httpd 2.4 wrote, captured in samples/access-require. */
  static String capturedLine() throws IOException {
    return Files.readAllLines(Path.of("samples/access-require/error.log")).stream()
        .filter(l -> l.contains("AH01630")).findFirst().orElseThrow();
  }

  static Stream<List<String>> invocations() throws IOException {
    String line = capturedLine();
    return Stream.of(
        List.of("explain", "AH01630"),
        List.of("explain", "client-denied-by-server-configuration"),
        List.of("explain", "--no-context", line),
        List.of("explain", "--no-context", "--format", "json", line),
        List.of("explain", "--no-context", "--lang", "ja", line),
        List.of("explain", "--verbose", "--no-context", line),
        List.of("explain", "AH99999"),
        List.of("explain", "--help"),
        List.of("explain", "-V"),
        List.of("explain"),
        List.of("explain", "--no-such-option", "AH01630"),
        List.of("explain", "--fail-on", "loud", "AH01630"));
  }

  record Run(CommandLine commandLine, int code, String out, String err) {}

  /** Runs {@code args} in-process through the small tree or the full one. */
  static Run run(Map<String, String> env, boolean small, List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Io io = new Io(new PrintWriter(out), new PrintWriter(err), env,
        new ByteArrayInputStream(new byte[0]), false);
    String[] a = args.toArray(String[]::new);
    CommandLine cl = small ? A2doctor.commandLine(io, a) : A2doctor.commandLine(io);
    int code = cl.execute(a);
    return new Run(cl, code, out.toString(), err.toString());
  }

  @ParameterizedTest
  @MethodSource("invocations")
  void answersAsTheFullCommandTreeDoes(List<String> args) {
    Run small = run(Map.of(), true, args);
    Run full = run(Map.of(), false, args);
    assertThat((Object) small.commandLine().getCommand()).isInstanceOf(ExplainOnly.class);
    assertThat(small.out()).isEqualTo(full.out());
    assertThat(small.err()).isEqualTo(full.err());
    assertThat(small.code()).isEqualTo(full.code());
  }

  @Test
  void takesTheFullTreeWhenTheConfigFileNamesAnotherCommandsOption() throws IOException {
    Path conf = dir.resolve("a2doctor.conf");
    Files.writeString(conf, "a2doctor.diagnose.format = json\n");
    Run small = run(Map.of("A2DOCTOR_CONFIG", conf.toString()), true,
        List.of("explain", "AH01630"));
    assertThat((Object) small.commandLine().getCommand()).isInstanceOf(A2doctor.class);
    assertThat(small.err()).isEmpty();
    assertThat(small.code()).isZero();
  }

  @Test
  void keepsTheSmallTreeForAConfigFileOfExplainsOwnOptions() throws IOException {
    Path conf = dir.resolve("a2doctor.conf");
    Files.writeString(conf, "lang = ja\na2doctor.explain.format = json\n");
    Run small = run(Map.of("A2DOCTOR_CONFIG", conf.toString()), true,
        List.of("explain", "AH01630"));
    Run full = run(Map.of("A2DOCTOR_CONFIG", conf.toString()), false,
        List.of("explain", "AH01630"));
    assertThat((Object) small.commandLine().getCommand()).isInstanceOf(ExplainOnly.class);
    assertThat(small.out()).isEqualTo(full.out()).isNotEmpty();
    assertThat(small.err()).isEqualTo(full.err());
  }
}
