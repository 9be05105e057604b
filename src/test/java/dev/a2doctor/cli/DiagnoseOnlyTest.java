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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** {@code a2doctor diagnose} through its small tree answers exactly as through the full one. */
class DiagnoseOnlyTest {

  @TempDir Path dir;

  private static final String LOG = "samples/access-require/error.log";

  static Stream<List<String>> invocations() {
    return Stream.of(
        List.of("diagnose", "--no-context", LOG),
        List.of("diagnose", "--no-context", "--format", "json", LOG),
        List.of("diagnose", "--no-context", "--lang", "ja", "--all", LOG),
        List.of("diagnose", "--verbose", "--no-context", "--threads", "2", LOG),
        List.of("diagnose", "--no-context", "--fix-format", "diff", LOG),
        List.of("diagnose", "--no-context", "no-such-file.log"),
        List.of("diagnose", "--no-context"),
        List.of("diagnose", "--help"),
        List.of("diagnose", "-V"),
        List.of("diagnose", "--no-such-option", LOG),
        List.of("diagnose", "--threads", "-1", LOG),
        List.of("diagnose", "--fail-on", "loud", LOG));
  }

  private record Run(CommandLine commandLine, int code, String out, String err) {}

  private static Run run(Map<String, String> env, boolean small, List<String> args) {
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
    assertThat((Object) small.commandLine().getCommand()).isInstanceOf(DiagnoseOnly.class);
    assertThat(small.out()).isEqualTo(full.out());
    assertThat(small.err()).isEqualTo(full.err());
    assertThat(small.code()).isEqualTo(full.code());
  }

  @Test
  void takesTheFullTreeWhenTheConfigFileNamesAnotherCommandsOption() throws IOException {
    Path conf = dir.resolve("a2doctor.conf");
    Files.writeString(conf, "a2doctor.report.state = /tmp/x\n");
    Run small = run(Map.of("A2DOCTOR_CONFIG", conf.toString()), true,
        List.of("diagnose", "--no-context", LOG));
    assertThat((Object) small.commandLine().getCommand()).isInstanceOf(A2doctor.class);
    assertThat(small.err()).isEmpty();
  }

  @Test
  void keepsTheSmallTreeForAConfigFileOfDiagnosesOwnOptions() throws IOException {
    Path conf = dir.resolve("a2doctor.conf");
    Files.writeString(conf, "lang = ja\na2doctor.diagnose.format = json\n");
    List<String> args = List.of("diagnose", "--no-context", LOG);
    Run small = run(Map.of("A2DOCTOR_CONFIG", conf.toString()), true, args);
    Run full = run(Map.of("A2DOCTOR_CONFIG", conf.toString()), false, args);
    assertThat((Object) small.commandLine().getCommand()).isInstanceOf(DiagnoseOnly.class);
    assertThat(small.out()).isEqualTo(full.out()).isNotEmpty();
    assertThat(small.err()).isEqualTo(full.err());
  }
}
