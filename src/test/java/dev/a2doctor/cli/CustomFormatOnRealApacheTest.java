package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real httpd writes its error logs with the custom ErrorLogFormats of samples/custom-format;
 * a2doctor, given only the configuration (no --log-format), finds each file's format by its
 * ErrorLog and reads every line.
 */
class CustomFormatOnRealApacheTest {

  @TempDir Path tmp;

  @Test
  void readsEachVhostsLogWithTheFormatTheConfigurationGivesIt() throws Exception {
    RealApache.require(List.of("mod_authz_core.so", "mod_autoindex.so"), List.of());
    Path work = Files.createDirectories(tmp.resolve("custom"));
    try (RealApache apache = RealApache.start(Path.of("samples/custom-format"), work)) {
      assertThat(apache.get("ids.test", "/private/index.html")).isEqualTo(403);
      assertThat(apache.get("two.test", "/noindex/")).isEqualTo(403);
    }
    String config = work.resolve("etc/apache2/apache2.conf").toString();
    Cli.Result r = Cli.run("diagnose", "--format", "json", "--apache-config", config,
        work.resolve("log/ids.log").toString(), work.resolve("log/vhosts.log").toString());
    List<String> ids = new ArrayList<>();
    JsonMapper json = JsonMapper.builder().build();
    for (String line : r.out().split("\n")) {
      JsonNode n = json.readTree(line);
      if (n.get("type").asString().equals("finding")) {
        ids.add(n.get("id").asString() + " " + n.get("source").asString() + " "
            + n.get("vhost").asString());
      } else if (n.get("type").asString().equals("summary")) {
        assertThat(n.get("unparsed").asLong()).as(r.out()).isZero();
        assertThat(n.get("unrecognized").asLong()).as(r.out()).isZero();
      }
    }
    assertThat(ids).containsExactlyInAnyOrder(
        // ids.log: the file only ids.test writes; vhosts.log: shared, %v names the vhost
        "client-denied-by-server-configuration " + work.resolve("log/ids.log") + " ids.test",
        "directory-index-forbidden-by-options " + work.resolve("log/vhosts.log") + " two.test");
  }
}
