package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * report groups findings per log file and per vhost: vhosts.log of samples/custom-format is
 * shared by one.test and two.test (told apart by %v), ids.log is written by ids.test alone
 * (known from its ErrorLog).
 */
class ReportPerVhostTest {

  private static final String SAMPLE = "samples/custom-format";
  private static final String LOGS = SAMPLE + "/var/log/apache2/";

  @TempDir Path tmp;

  private static Cli.Result report(String format, String... more) {
    List<String> args = new ArrayList<>(List.of("report", "--root", SAMPLE, "--host", "web01",
        "--now", "2026-11-25T05:00:00", "--format", format));
    args.addAll(List.of(more));
    args.add(LOGS + "vhosts.log");
    args.add(LOGS + "ids.log");
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void eachVhostOfASharedLogIsItsOwnFindingInTheJsonDigest() throws Exception {
    Cli.Result r = report("json", "--state", tmp.resolve("state.json").toString());
    List<String> items = new ArrayList<>();
    JsonMapper json = JsonMapper.builder().build();
    for (String line : r.out().split("\n")) {
      JsonNode n = json.readTree(line);
      if (n.get("type").asString().equals("finding")
          && n.get("id").asString().equals("client-denied-by-server-configuration")) {
        items.add(n.get("status").asString() + " " + Path.of(n.get("file").asString())
            .getFileName() + " " + n.get("vhost").asString() + " " + n.get("count").asLong());
      }
    }
    assertThat(items).containsExactlyInAnyOrder("new vhosts.log one.test 1",
        "new vhosts.log two.test 1", "new ids.log ids.test 1");
    // the next run with nothing new is silent: the per-vhost keys were remembered
    Cli.Result again = report("json", "--state", tmp.resolve("state.json").toString());
    assertThat(again.out()).isEmpty();
  }

  @Test
  void textMarkdownAndHtmlLabelTheVhost() {
    for (String format : List.of("text", "markdown", "html")) {
      Cli.Result r = report(format, "--since", "24h");
      assertThat(r.out()).as(format).contains("one.test").contains("two.test")
          .contains("ids.test");
    }
    assertThat(report("text", "--since", "24h").out()).contains("(vhost one.test)");
  }

  /** The client-denied items of a JSON digest: status, file, vhost. */
  private static List<String> denied(Cli.Result r) {
    List<String> items = new ArrayList<>();
    JsonMapper json = JsonMapper.builder().build();
    for (String line : r.out().split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = json.readTree(line);
      if (n.get("type").asString().equals("finding")
          && n.get("id").asString().equals("client-denied-by-server-configuration")) {
        items.add(n.get("status").asString() + " " + Path.of(n.get("file").asString())
            .getFileName() + " " + n.get("vhost").asString());
      }
    }
    return items;
  }

  @Test
  void aResolvedFindingKeepsItsVhost() throws Exception {
    String state = tmp.resolve("state.json").toString();
    report("json", "--state", state, "--resolve-after", "1");
    Cli.Result resolved = report("json", "--state", state, "--resolve-after", "1");
    assertThat(denied(resolved)).containsExactlyInAnyOrder("resolved vhosts.log one.test",
        "resolved vhosts.log two.test", "resolved ids.log ids.test");
    report("text", "--state", tmp.resolve("t.json").toString(), "--resolve-after", "1");
    assertThat(report("text", "--state", tmp.resolve("t.json").toString(), "--resolve-after",
        "1").out()).contains("RESOLVED").contains(") (vhost one.test).");
  }

  @Test
  void aStateFileWrittenBeforeVhostsWereRememberedStillLoads() throws Exception {
    Path state = tmp.resolve("state.json");
    report("json", "--state", state.toString(), "--resolve-after", "1");
    String old = java.nio.file.Files.readString(state).replaceAll(",\\s*\"vhost\"\\s*:\\s*\"[^\"]*\"", "");
    assertThat(old).doesNotContain("\"vhost\"");
    java.nio.file.Files.writeString(state, old);
    Cli.Result r = report("json", "--state", state.toString(), "--resolve-after", "1");
    assertThat(r.err()).isEmpty();
    assertThat(denied(r)).contains("resolved vhosts.log ");
  }
}
