package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** README's Install section names the artifacts the build makes and what --version prints. */
class InstallReadmeTest {

  private final String install = section("## Install");

  private static String section(String heading) {
    try {
      String readme = Files.readString(Path.of("README.md"));
      int start = readme.indexOf(heading);
      assertThat(start).as("README has " + heading).isNotNegative();
      int end = readme.indexOf("\n## ", start + heading.length());
      return readme.substring(start, end < 0 ? readme.length() : end);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void namesTheTarballAndThePackageOfThisVersion() {
    String version = Version.number();
    assertThat(install)
        .contains("tar -xzf target/a2doctor-" + version + ".tar.gz")
        .contains("/opt/a2doctor-" + version + "/bin/a2doctor")
        // jdeb turns 0.1.0-SNAPSHOT into Debian's 0.1.0~SNAPSHOT (sorts before 0.1.0)
        .contains("apt-get install ./target/a2doctor_" + version.replace('-', '~') + "_all.deb");
  }

  @Test
  void showsWhatVersionPrints(@TempDir Path site) {
    int open = install.indexOf("```\na2doctor ");
    assertThat(open).isNotNegative();
    List<String> shown = install.substring(open + 4, install.indexOf("```", open + 4))
        .lines().toList();
    Cli.Result real = Cli.run(java.util.Map.of("A2DOCTOR_PATTERNS_D", site.toString()), "",
        false, "--version");
    List<String> printed = real.out().lines().toList();
    assertThat(shown).hasSameSizeAs(printed);
    assertThat(shown.get(0)).isEqualTo(printed.get(0));
    assertThat(shown.get(1)).matches("catalog: \\d+ entries from /usr/share/a2doctor/patterns");
    assertThat(shown.get(2)).isEqualTo("site catalog: 0 entries from /etc/a2doctor/patterns.d");
    assertThat(shown.get(3)).isEqualTo("config: /etc/a2doctor/a2doctor.conf");
    assertThat(shown.get(4)).startsWith("java: 17");
  }

  @Test
  void theConfigExampleUsesOnlyKnownKeys() {
    int open = install.indexOf("```properties\n");
    assertThat(open).isNotNegative();
    String example = install.substring(open + 14, install.indexOf("```", open + 14));
    assertThat(ConfigFile.keys(DocsGenerator.commandLine()))
        .containsAll(example.lines().map(l -> l.substring(0, l.indexOf('=')).strip()).toList());
  }
}
