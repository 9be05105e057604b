package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /etc/a2doctor/a2doctor.conf (or A2DOCTOR_CONFIG): defaults for options, the command line wins. */
class ConfigFileTest {

  @TempDir Path dir;

  private Map<String, String> config(String... lines) throws IOException {
    Path conf = dir.resolve("a2doctor.conf");
    Files.writeString(conf, String.join("\n", lines) + "\n");
    return Map.of("A2DOCTOR_CONFIG", conf.toString());
  }

  private Path log() throws IOException {
    Path p = dir.resolve("error.log");
    Files.writeString(p, CliTest.WSGI + "\n");
    return p;
  }

  @Test
  void anOptionNameSetsTheDefaultForEveryCommand() throws IOException {
    Map<String, String> env = config("# site defaults", "fail-on = critical");
    Cli.Result r = Cli.run(env, "", false, "diagnose", "--no-context", log().toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).as("an error finding is below critical").isZero();
  }

  @Test
  void aQualifiedKeySetsTheDefaultForOneCommand() throws IOException {
    Map<String, String> env = config("a2doctor.diagnose.format = json");
    Cli.Result r = Cli.run(env, "", false, "diagnose", "--no-context", log().toString());
    assertThat(r.out()).startsWith("{\"type\":\"finding\"");
  }

  @Test
  void theCommandLineWinsOverTheFile() throws IOException {
    Map<String, String> env = config("format = json", "fail-on = critical");
    Cli.Result r = Cli.run(env, "", false, "diagnose", "--no-context", "--format", "text",
        "--fail-on", "error", log().toString());
    assertThat(r.out()).startsWith("a2doctor: 1 finding");
    assertThat(r.code()).isEqualTo(1);
  }

  @Test
  void anUnknownKeyIsReportedWithFileAndLine() throws IOException {
    Map<String, String> env = config("# comment", "fromat = json");
    Cli.Result r = Cli.run(env, "", false, "diagnose", "--no-context", log().toString());
    assertThat(r.err()).contains(dir.resolve("a2doctor.conf") + ":2: unknown key 'fromat'");
    assertThat(r.out()).as("the rest still works").startsWith("a2doctor: 1 finding");
  }

  @Test
  void aMissingFileChangesNothing() throws IOException {
    Map<String, String> env = Map.of("A2DOCTOR_CONFIG", dir.resolve("absent.conf").toString());
    Cli.Result r = Cli.run(env, "", false, "diagnose", "--no-context", log().toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isEqualTo(1);
  }

  @Test
  void theShippedExampleHasOnlyKnownKeys() throws IOException {
    // src/dist/etc/a2doctor.conf with its examples switched on
    String shipped = Files.readString(Path.of("src/dist/etc/a2doctor.conf"));
    Map<String, String> env = config(shipped.replaceAll("(?m)^#(\\S+ = )", "$1"));
    Cli.Result r = Cli.run(env, "", false, "--version");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
  }
}
