package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.a2doctor.digest.Suppressions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** README's report section: its command lines parse and its suppression example loads. */
class ReportReadmeTest {

  private static List<String> blocks() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("### report");
    int end = readme.indexOf("\n## ", start);
    assertThat(start).isPositive();
    List<String> blocks = new ArrayList<>();
    String section = readme.substring(start, end);
    int i = 0;
    while ((i = section.indexOf("```", i)) >= 0) {
      int body = section.indexOf('\n', i) + 1;
      int close = section.indexOf("```", body);
      blocks.add(section.substring(body, close));
      i = close + 3;
    }
    return blocks;
  }

  @Test
  void theCronLinesAndExamplesUseRealOptions() throws IOException {
    List<String> commands = new ArrayList<>();
    for (String b : blocks()) {
      b.lines().filter(l -> l.contains("a2doctor report")).forEach(commands::add);
    }
    assertThat(commands).hasSizeGreaterThanOrEqualTo(6)
        .anySatisfy(c -> assertThat(c).startsWith("*/15 * * * * /usr/local/bin/a2doctor"))
        .anySatisfy(c -> assertThat(c).startsWith("*/15 * * * * root a2doctor"));
    for (String c : commands) {
      String[] args = c.substring(c.indexOf("a2doctor report") + "a2doctor ".length())
          .split(" +");
      Io io = new Io(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
          Map.of(), new ByteArrayInputStream(new byte[0]), false);
      // parses only: an unknown option or a bad value throws
      var sub = A2doctor.commandLine(io).parseArgs(args).subcommand();
      assertThat(sub.commandSpec().name()).as(c).isEqualTo("report");
      assertThat(sub.unmatched()).as(c).isEmpty();
      assertThat(sub.matchedPositionals()).as(c).isNotEmpty();
    }
  }

  @Test
  void theSuppressionExampleLoads(@TempDir Path dir) throws IOException {
    String yaml = blocks().stream().filter(b -> b.contains("until:")).findFirst().orElseThrow();
    Path f = dir.resolve("suppress.yaml");
    Files.writeString(f, yaml);
    assertThat(Suppressions.load(f).expired(java.time.LocalDate.of(2027, 1, 1))).hasSize(1);
  }
}
