package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * AH01276 "Cannot serve directory" on a real Apache, twice: a start page whose name the
 * DirectoryIndex does not list, and a directory meant to be listed whose own {@code <Directory>}
 * says {@code Options -Indexes}. a2doctor must tell them apart from the files and the
 * configuration, and both printed changes, applied, must make the requests succeed.
 */
class DirectoryIndexOnRealApacheTest {

  @TempDir Path tmp;

  @Test
  void eachForbiddenDirectoryGetsItsOwnChangeAndBothWork() throws Exception {
    RealApache.require(List.of("mod_autoindex.so", "mod_dir.so"), List.of());
    Path work = Files.createDirectories(tmp.resolve("dirindex"));
    try (RealApache apache = RealApache.start(Path.of("samples/dir-index"), work)) {
      assertThat(apache.get("index.test", "/")).isEqualTo(403);
      assertThat(apache.get("index.test", "/files/")).isEqualTo(403);

      Cli.Result r = Cli.run(Map.of(), "", false, "diagnose", "--format", "json",
          "--apache-config", work.resolve("etc/apache2/apache2.conf").toString(),
          work.resolve("log/error.log").toString());
      assertThat(r.err()).isEmpty();
      List<JsonNode> findings = new ArrayList<>();
      for (String line : r.out().split("\n")) {
        JsonNode n = new JsonMapper().readTree(line);
        if (n.get("type").asString().equals("finding")
            && n.get("id").asString().equals("directory-index-forbidden-by-options")) {
          findings.add(n);
        }
      }
      assertThat(findings).as(r.out()).hasSize(2);
      JsonNode home = byDir(findings, work.resolve("srv/site") + "/");
      JsonNode files = byDir(findings, work.resolve("srv/site/files") + "/");

      assertThat(home.get("context").get("variant").asString())
          .isEqualTo("index-named-otherwise");
      assertThat(home.get("fix").asString()).contains("home.html")
          .contains(work.resolve("etc/apache2/mods-enabled/dir.conf") + ":1");
      assertThat(files.get("context").get("variant").asString()).isEqualTo("no-index-file");
      assertThat(files.get("context").get("edit").get("after").asString().strip())
          .isEqualTo("Options +Indexes");

      SeedCaseOnRealApacheTest.apply(home.get("context").get("edit"));
      SeedCaseOnRealApacheTest.apply(files.get("context").get("edit"));
      apache.restart();
      assertThat(apache.get("index.test", "/")).isEqualTo(200);
      assertThat(apache.get("index.test", "/files/")).isEqualTo(200);
    }
  }

  private static JsonNode byDir(List<JsonNode> findings, String dir) {
    return findings.stream().filter(f -> f.get("captures").get("dir").asString().equals(dir))
        .findFirst().orElseThrow(() -> new AssertionError("no finding for " + dir + ": "
            + findings));
  }
}
