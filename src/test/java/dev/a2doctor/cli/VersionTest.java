package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.a2doctor.catalog.CatalogLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code a2doctor --version}: version, catalog entries and origin, config, Java. */
class VersionTest {

  @Test
  void printsTheVersionTheCatalogAndWhereItCameFrom() {
    Cli.Result r = Cli.run(Map.of("A2DOCTOR_CONFIG", "/nonexistent/a2doctor.conf",
        "A2DOCTOR_PATTERNS_D", ""), "", false, "--version");
    assertThat(r.code()).isZero();
    int entries = new CatalogLoader().loadBuiltin().size();
    assertThat(entries).isPositive();
    // the build writes a2doctor/version.properties from pom.xml's version
    assertThat(r.out().lines()).containsExactly(
        "a2doctor " + Version.number(),
        "catalog: " + entries + " entries from " + Path.of("target/classes/a2doctor/patterns")
            .toAbsolutePath(),
        "config: none (/nonexistent/a2doctor.conf does not exist)",
        "java: " + Runtime.version());
    assertThat(Version.number()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  @Test
  void namesTheConfigFileWhenThereIsOne(@TempDir Path dir) throws IOException {
    Path conf = Files.writeString(dir.resolve("a2doctor.conf"), "lang = en\n");
    Cli.Result r = Cli.run(Map.of("A2DOCTOR_CONFIG", conf.toString()), "", false, "--version");
    assertThat(r.out()).contains("\nconfig: " + conf + "\n");
  }

  @Test
  void anInstalledCatalogDirectoryIsTheOneUsedAndNamed() {
    // what the launcher does when share/a2doctor/patterns is installed beside it
    Path dir = Path.of("patterns").toAbsolutePath();
    String before = System.getProperty(InstalledCatalog.PROPERTY);
    System.setProperty(InstalledCatalog.PROPERTY, dir.toString());
    try {
      Cli.Result r = Cli.run(Map.of("A2DOCTOR_PATTERNS_D", ""), "", false, "--version");
      assertThat(r.out()).contains("\ncatalog: " + new CatalogLoader().load(java.util.List.of(dir))
          .size() + " entries from " + dir + "\n");
      Cli.Result show = Cli.run("patterns", "show", "wsgi-daemon-connect-denied");
      assertThat(show.out()).contains("  source: " + dir.resolve("wsgi"));
      assertThat(Cli.run("patterns", "test").code()).isZero();
    } finally {
      if (before == null) {
        System.clearProperty(InstalledCatalog.PROPERTY);
      } else {
        System.setProperty(InstalledCatalog.PROPERTY, before);
      }
    }
  }

  @Test
  void namesEachSiteCatalogDirectory(@TempDir Path dir) throws IOException {
    Path site = Files.createDirectories(dir.resolve("patterns.d"));
    Cli.Result r = Cli.run(Map.of("A2DOCTOR_PATTERNS_D", site.toString()), "", false,
        "--version");
    assertThat(r.out()).contains("\nsite catalog: 0 entries from " + site + "\n");
  }
}
