package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * samples/custom-format: logs a real httpd wrote with five ErrorLogFormats (see its README),
 * read with the configuration that wrote them (--root, so each file's ErrorLog is found), and
 * their twins written by the same requests in the default format.
 */
class CustomFormatSamplesTest {

  private static final String SAMPLE = "samples/custom-format";
  private static final String LOGS = SAMPLE + "/var/log/apache2/";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"text", "json"})
  void outputIsExactlyTheGoldenFile(String format) throws Exception {
    Cli.Result r = Cli.run(Map.of(), "", false, "diagnose", "--format", format, "--root",
        SAMPLE, LOGS + "error.log", LOGS + "ids.log", LOGS + "vhosts.log", LOGS + "proxied.log",
        SAMPLE + "/var/log/local1.log");
    assertThat(r.err()).isEmpty();
    Path golden = Path.of(SAMPLE, "expected", "diagnose-" + format
        + (format.equals("json") ? ".jsonl" : ".txt"));
    if (Boolean.getBoolean("a2doctor.golden.update")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, r.out(), StandardCharsets.UTF_8);
    }
    assertThat(r.out().getBytes(StandardCharsets.UTF_8))
        .as("output differs from %s:%n%s", golden, r.out())
        .isEqualTo(Files.readAllBytes(golden));
  }

  /**
   * The same findings as the default-format twin, with the same counts, and no line left
   * unparsed. proxied.log's format has no %m: entries that require a module (mod_cgi's exec
   * failure) cannot match it, and the line stays unexplained; that is the site's format, not a
   * parsing gap, and is asserted as such.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"error.log,", "ids.log,", "vhosts.log,",
      "proxied.log,cgi-stderr-exec-permission-denied"})
  void findsWhatTheDefaultFormatTwinFinds(String log, String needsModule) throws Exception {
    Map<String, Long> custom = findings(Cli.run("diagnose", "--format", "json", "--root",
        SAMPLE, LOGS + log));
    Map<String, Long> twin = findings(Cli.run("diagnose", "--format", "json", "--no-context",
        SAMPLE + "/default-format/" + log));
    if (needsModule != null) {
      assertThat(twin.remove(needsModule)).isNotNull();
    }
    assertThat(custom).isEqualTo(twin).isNotEmpty();
  }

  @Test
  void eachVhostOfASharedFileIsReadFromPercentV() throws Exception {
    Cli.Result r = Cli.run("diagnose", "--format", "json", "--root", SAMPLE,
        LOGS + "vhosts.log");
    List<String> unparsed = new ArrayList<>();
    for (String line : r.out().split("\n")) {
      JsonNode n = JSON.readTree(line);
      if (n.get("type").asString().equals("summary")) {
        unparsed.add(n.get("unparsed").asString());
      }
    }
    assertThat(unparsed).containsExactly("0");
    // the same with --log-format and no configuration
    Cli.Result given = Cli.run("diagnose", "--format", "json", "--no-context", "--log-format",
        "[%{cu}t] [%v] [%-m:%l] [pid %P] %E: [client\\ %a] %M", LOGS + "vhosts.log");
    assertThat(findings(given)).isEqualTo(findings(r));
  }

  @Test
  void readsTheLinesRsyslogWroteForAVhostLoggingToSyslog() throws Exception {
    // real: rsyslog's RFC 3339 prefix, then syslog.test's ErrorLogFormat (no %t)
    Cli.Result r = Cli.run("diagnose", "--format", "json", "--root", SAMPLE,
        SAMPLE + "/var/log/local1.log");
    List<String> found = new ArrayList<>();
    for (String line : r.out().split("\n")) {
      JsonNode n = JSON.readTree(line);
      if (n.get("type").asString().equals("finding")) {
        found.add(n.get("id").asString() + " " + n.get("vhost").asString() + " "
            + n.get("first_seen").asString());
      }
    }
    assertThat(found).containsExactlyInAnyOrder(
        "client-denied-by-server-configuration syslog.test 2026-11-25T04:07:49.186169+00:00",
        "directory-index-forbidden-by-options syslog.test 2026-11-25T04:07:49.383397+00:00",
        "file-does-not-exist syslog.test 2026-11-25T04:07:49.294180+00:00");
    assertThat(findings(r)).hasSize(3); // and nothing unparsed
  }

  @Test
  void anInvalidLogFormatIsAUsageErrorThatSaysWhere() {
    Cli.Result r = Cli.run("diagnose", "--log-format", "[%t] %Q %M", LOGS + "error.log");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).startsWith("--log-format: Unrecognized error log format directive %Q "
        + "(at character 7 of '[%t] %Q %M')");
  }

  @Test
  void contextShowsEachErrorLogWithItsVhostsAndFormat() {
    Cli.Result r = Cli.run("context", "--root", SAMPLE);
    assertThat(r.out()).contains("/var/log/apache2/vhosts.log  (" + SAMPLE
        + "/etc/apache2/sites-enabled/site.conf:50)")
        .contains("written by         one.test, two.test")
        .contains("written by         (main server), site.test")
        .contains("format             [%{uc}t] [%-m:%-l] [R:%L]");
  }

  private static Map<String, Long> findings(Cli.Result r) throws Exception {
    Map<String, Long> out = new TreeMap<>();
    for (String line : r.out().split("\n")) {
      JsonNode n = JSON.readTree(line);
      if (n.get("type").asString().equals("finding")) {
        out.merge(n.get("id").asString(), n.get("count").asLong(), Long::sum);
      }
      if (n.get("type").asString().equals("summary")) {
        assertThat(n.get("unparsed").asLong()).as(r.out()).isZero();
      }
    }
    return out;
  }
}
