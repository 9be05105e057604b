package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case a2doctor was born from, on a real Apache: MPM-ITK with three vhosts, one
 * WSGIDaemonProcess without socket-user. a2doctor must name the user and the line, and the
 * change it prints must make the request succeed. And the same message without ITK (the socket
 * directory not traversable) must get the other fix, which must work too.
 */
class SeedCaseOnRealApacheTest {

  @TempDir Path tmp;

  @Test
  void theFixPrintedForItkMakesTheRequestSucceed() throws Exception {
    RealApache.require(List.of("mpm_itk.so", "mod_wsgi.so"), List.of("foo", "bar", "hoge"));
    Path work = Files.createDirectories(tmp.resolve("itk"));
    try (RealApache apache = RealApache.start(Path.of("samples/wsgi-itk"), work)) {
      assertThat(apache.get("bar.test")).isEqualTo(200);
      assertThat(apache.get("foo.test")).isEqualTo(503);

      JsonNode finding = diagnose(work);
      JsonNode context = finding.get("context");
      assertThat(context.get("variant").asString()).isEqualTo("per-vhost-user");
      assertThat(context.get("values").get("user").asString()).isEqualTo("foo");
      assertThat(finding.get("fix").asString())
          .contains("socket-user=foo")
          .contains(work.resolve("etc/apache2/sites-enabled/foo.conf").toString() + ":")
          .contains("will not help");
      assertThat(context.get("evidence").toString()).contains("MPM-ITK is loaded")
          .contains("AssignUserID foo foo");
      JsonNode edit = context.get("edit");
      assertThat(edit.get("file").asString())
          .isEqualTo(work.resolve("etc/apache2/sites-enabled/foo.conf").toString());
      assertThat(edit.get("after").asString()).contains("socket-user=foo");

      apply(edit);
      apache.restart();
      assertThat(apache.get("foo.test")).isEqualTo(200);
      assertThat(apache.get("bar.test")).isEqualTo(200);
    }
  }

  @Test
  void theSameLineWithoutItkGetsTheSocketPrefixFixAndItWorks() throws Exception {
    RealApache.require(List.of("mod_wsgi.so"), List.of());
    Path work = Files.createDirectories(tmp.resolve("socketdir"));
    try (RealApache apache = RealApache.start(Path.of("samples/wsgi-socketdir"), work)) {
      String host = Files.readString(Path.of("samples/wsgi-socketdir/HOST")).strip();
      assertThat(apache.get(host)).isEqualTo(503);

      JsonNode finding = diagnose(work);
      JsonNode context = finding.get("context");
      assertThat(context.get("variant").asString()).isEqualTo("socket-dir");
      assertThat(finding.get("fix").asString()).contains("WSGISocketPrefix");
      assertThat(context.get("evidence").toString()).contains("MPM-ITK is not loaded");

      apply(context.get("edit"));
      apache.restart();
      assertThat(apache.get(host)).isEqualTo(200);
    }
  }

  /** Runs the real command on the instance's fresh error log and returns its one finding. */
  static JsonNode diagnose(Path work) throws Exception {
    return diagnose(work, "wsgi-daemon-connect-denied");
  }

  static JsonNode diagnose(Path work, String id) throws Exception {
    Cli.Result r = Cli.run("diagnose", "--format", "json",
        "--apache-config", work.resolve("etc/apache2/apache2.conf").toString(),
        "--passwd", "/etc/passwd",
        work.resolve("log/error.log").toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).as(r.out()).isEqualTo(1);
    List<JsonNode> findings = new ArrayList<>();
    JsonMapper json = new JsonMapper();
    for (String line : r.out().split("\n")) {
      JsonNode n = json.readTree(line);
      if (n.get("type").asString().equals("finding")
          && n.get("id").asString().equals(id)) {
        findings.add(n);
      }
    }
    assertThat(findings).as(r.out()).hasSize(1);
    return findings.get(0);
  }

  /** Applies the printed change the way an admin would: that line, as printed. */
  static void apply(JsonNode edit) throws Exception {
    assertThat(edit).as("a2doctor printed no change to apply").isNotNull();
    Path file = Path.of(edit.get("file").asString());
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    int i = edit.get("line").asInt() - 1;
    assertThat(lines.get(i)).isEqualTo(edit.get("before").asString());
    lines.set(i, edit.get("after").asString());
    Files.write(file, lines, StandardCharsets.UTF_8);
  }
}
