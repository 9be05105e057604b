package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * "client denied by server configuration" on a real Apache: a2doctor must name the Require that
 * denied the path, with its file:line, and the change it prints must make the request succeed.
 */
class AccessRequireOnRealApacheTest {

  @TempDir Path tmp;

  @Test
  void theRequireThatDeniedThePathIsNamedAndTheChangeWorks() throws Exception {
    RealApache.require(List.of("mod_authz_core.so"), List.of());
    Path work = Files.createDirectories(tmp.resolve("access"));
    try (RealApache apache = RealApache.start(Path.of("samples/access-require"), work)) {
      assertThat(apache.get("site.test", "/")).isEqualTo(200);
      assertThat(apache.get("site.test", "/reports/index.html")).isEqualTo(403);

      JsonNode finding = SeedCaseOnRealApacheTest.diagnose(work,
          "client-denied-by-server-configuration");
      JsonNode context = finding.get("context");
      Path site = work.resolve("etc/apache2/sites-enabled/site.conf");
      assertThat(context.get("variant").asString()).isEqualTo("require-rule");
      assertThat(finding.get("fix").asString()).contains(site + ":12")
          .contains("Require all denied").contains("Require all granted");
      assertThat(context.get("evidence").toString())
          .contains("<Directory " + work.resolve("srv/site/reports") + ">");

      SeedCaseOnRealApacheTest.apply(context.get("edit"));
      apache.restart();
      assertThat(apache.get("site.test", "/reports/index.html")).isEqualTo(200);
    }
  }
}
