package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code diagnose} prints the same bytes with one thread or several, whatever the parts. */
class DiagnoseThreadsTest {

  @TempDir Path dir;

  static List<String> sampleLogs() throws IOException {
    return dev.a2doctor.SampleLogs.files().stream().map(Path::toString).toList();
  }


  private static Cli.Result run(List<String> files, String... options) {
    List<String> args = new ArrayList<>(List.of("diagnose", "--no-context"));
    args.addAll(List.of(options));
    args.addAll(files);
    return Cli.run(Map.of(), "", false, args.toArray(String[]::new));
  }

  @ParameterizedTest(name = "--format {0}")
  @ValueSource(strings = {"text", "json"})
  void sameOutputOnEverySampleWithOneOrManyThreads(String format) throws IOException {
    List<String> logs = sampleLogs();
    Cli.Result one = run(logs, "--threads", "1", "--format", format);
    assertThat(one.out()).isNotEmpty();
    for (String threads : List.of("3")) {
      Cli.Result many = run(logs, "--threads", threads, "--part-size", "1", "--format", format);
      assertThat(many.out()).as("--threads " + threads).isEqualTo(one.out());
      assertThat(many.err()).isEqualTo(one.err());
      assertThat(many.code()).isEqualTo(one.code());
    }
  }

  @Test
  void sameOutputOnALargeLogCutIntoPartsAndAGzipBesideIt() throws IOException {
    // a generated log: every real capture, again and again, tracebacks included
    StringBuilder all = new StringBuilder();
    for (String log : sampleLogs()) {
      all.append(Files.readString(Path.of(log), StandardCharsets.UTF_8));
    }
    Path big = dir.resolve("big.log");
    try (OutputStream out = Files.newOutputStream(big)) {
      for (int i = 0; i < 20; i++) {
        out.write(all.toString().getBytes(StandardCharsets.UTF_8));
      }
    }
    Path gz = dir.resolve("old.log.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(all.toString().getBytes(StandardCharsets.UTF_8));
    }
    List<String> files = List.of(gz.toString(), big.toString());
    for (String format : List.of("json")) {
      Cli.Result one = run(files, "--threads", "1", "--format", format);
      Cli.Result many = run(files, "--threads", "4", "--part-size", "4096", "--format", format);
      assertThat(many.out()).isEqualTo(one.out());
      assertThat(many.err()).isEmpty();
    }
  }

  @Test
  void unreadableInputIsReportedAsInOnePass() {
    List<String> files = List.of("samples/wsgi-itk/error.log", "no/such.log");
    Cli.Result one = run(files, "--threads", "1");
    Cli.Result many = run(files, "--threads", "2");
    assertThat(many.err()).isEqualTo(one.err()).contains("no/such.log: cannot read");
    assertThat(many.code()).isEqualTo(one.code()).isEqualTo(ExitCodes.INPUT);
    assertThat(many.out()).isEqualTo(one.out());
  }

  @Test
  void threadsMustNotBeNegative() {
    Cli.Result r = run(List.of("samples/wsgi-itk/error.log"), "--threads", "-1");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--threads must be 0 (all cores) or more");
  }
}
