package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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

  private static ExplainOnlyTest.Run run(Map<String, String> env, boolean small,
      List<String> args) {
    return ExplainOnlyTest.run(env, small, args);
  }

  @ParameterizedTest
  @MethodSource("invocations")
  void answersAsTheFullCommandTreeDoes(List<String> args) {
    ExplainOnlyTest.Run small = run(Map.of(), true, args);
    ExplainOnlyTest.Run full = run(Map.of(), false, args);
    assertThat((Object) small.commandLine().getCommand()).isInstanceOf(DiagnoseOnly.class);
    assertThat(small.out()).isEqualTo(full.out());
    assertThat(small.err()).isEqualTo(full.err());
    assertThat(small.code()).isEqualTo(full.code());
  }

  @Test
  void takesTheFullTreeWhenTheConfigFileNamesAnotherCommandsOption() throws IOException {
    Path conf = dir.resolve("a2doctor.conf");
    Files.writeString(conf, "a2doctor.report.state = /tmp/x\n");
    ExplainOnlyTest.Run small = run(Map.of("A2DOCTOR_CONFIG", conf.toString()), true,
        List.of("diagnose", "--no-context", LOG));
    assertThat((Object) small.commandLine().getCommand()).isInstanceOf(A2doctor.class);
    assertThat(small.err()).isEmpty();
  }

  @Test
  void keepsTheSmallTreeForAConfigFileOfDiagnosesOwnOptions() throws IOException {
    Path conf = dir.resolve("a2doctor.conf");
    Files.writeString(conf, "lang = ja\na2doctor.diagnose.format = json\n");
    List<String> args = List.of("diagnose", "--no-context", LOG);
    ExplainOnlyTest.Run small = run(Map.of("A2DOCTOR_CONFIG", conf.toString()), true, args);
    ExplainOnlyTest.Run full = run(Map.of("A2DOCTOR_CONFIG", conf.toString()), false, args);
    assertThat((Object) small.commandLine().getCommand()).isInstanceOf(DiagnoseOnly.class);
    assertThat(small.out()).isEqualTo(full.out()).isNotEmpty();
    assertThat(small.err()).isEqualTo(full.err());
  }
}
