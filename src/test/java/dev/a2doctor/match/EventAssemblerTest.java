package dev.a2doctor.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.a2doctor.catalog.CatalogLoader;
import dev.a2doctor.parse.LineParser;
import dev.a2doctor.parse.ParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Multi-line events, assembled from lines a real httpd wrote (samples/scenarios). */
class EventAssemblerTest {

  static final Matcher MATCHER = new Matcher(new CatalogLoader().loadBuiltin());
  private final List<MatchedEvent> events = new ArrayList<>();
  private final EventAssembler assembler = new EventAssembler(MATCHER, events::add);
  private final LineParser parser = new LineParser();

  private void feed(List<String> lines, String source, long now) {
    for (int i = 0; i < lines.size(); i++) {
      assembler.accept(((ParseResult.Parsed) parser.parse(lines.get(i))).line(), source, i + 1,
          now);
    }
  }

  private static List<String> sample(String name) throws IOException {
    return Files.readAllLines(Path.of("samples/scenarios", name));
  }

  @Test
  void aWsgiTracebackWithItsHeadersIsOneEventExplainedByTheFinalException() throws IOException {
    feed(sample("wsgi-python-path-wrong/error.log"), "error.log", 0);
    assembler.closeAll();
    List<MatchedEvent> multi = events.stream().filter(MatchedEvent::multiLine).toList();
    assertThat(multi).singleElement().satisfies(e -> {
      assertThat(e.hit().orElseThrow().entry().id()).isEqualTo("wsgi-python-module-not-found");
      assertThat(e.raw().split("\n")).hasSize(6);
      assertThat(e.firstLine()).isEqualTo(3);
      assertThat(e.hit().get().captures())
          .containsEntry("last_line", "ModuleNotFoundError: No module named 'myproject'")
          .containsEntry("script", "/tmp/helper-b3-wsgi-ppath/app/app.wsgi");
    });
    // nothing of the traceback is left over as a line of its own
    assertThat(events).hasSize(4);
  }

  @Test
  void mod_cgiStderrTracebacksAndMod_cgidBareOnesAssembleToo() throws IOException {
    feed(sample("cgi-python-traceback-before-headers/error-mod_cgi.log"), "cgi.log", 0);
    feed(sample("cgi-python-traceback-before-headers/error.log"), "cgid.log", 0);
    assembler.closeAll();
    assertThat(events).extracting(e -> e.hit().map(h -> h.entry().id()).orElse("-"))
        .containsExactlyInAnyOrder("cgi-stderr-python-exception",
            "cgi-end-of-script-output-before-headers", "cgi-python-exception",
            "cgi-end-of-script-output-before-headers");
    assertThat(events).filteredOn(MatchedEvent::multiLine).hasSize(2)
        .allSatisfy(e -> assertThat(e.raw()).startsWith(e.raw().split("\n")[0])
            .contains("Traceback (most recent call last):").contains("ValueError"));
  }

  @Test
  void aConfigtestSyntaxErrorIsExplainedByItsReasonLine() throws IOException {
    feed(sample("core-invalid-command-module-not-loaded/configtest.txt"), "stderr", 0);
    assembler.closeAll();
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.hit().orElseThrow().entry().id())
          .isEqualTo("invalid-command-module-not-loaded");
      assertThat(e.hit().get().captures()).containsEntry("line", "35")
          .containsEntry("file", "/tmp/helper-b1-cs3/httpd.conf");
    });
  }

  @Test
  void interleavedProcessesKeepTheirOwnEvents() throws IOException {
    List<String> a = sample("wsgi-python-path-wrong/error.log").subList(2, 8);
    List<String> b = a.stream().map(l -> l.replace("pid 16621:tid 16629", "pid 7:tid 8")).toList();
    List<String> mixed = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      mixed.add(a.get(i));
      mixed.add(b.get(i));
    }
    feed(mixed, "error.log", 0);
    assertThat(events).hasSize(2).allSatisfy(e -> {
      assertThat(e.raw().split("\n")).hasSize(6);
      assertThat(e.hit().orElseThrow().entry().id()).isEqualTo("wsgi-python-module-not-found");
    });
  }

  @Test
  void aQuietEventClosesOnTickAndTheRestAtTheEnd() throws IOException {
    List<String> lines = sample("wsgi-python-path-wrong/error.log").subList(2, 6);
    feed(lines, "error.log", 1_000);
    assertThat(events).isEmpty();
    assembler.tick(1_000 + EventAssembler.QUIET_MILLIS - 1);
    assertThat(events).isEmpty();
    assembler.tick(1_000 + EventAssembler.QUIET_MILLIS);
    assertThat(events).singleElement()
        .satisfies(e -> assertThat(e.raw().split("\n")).hasSize(4));
    assembler.closeAll();
    assertThat(events).hasSize(1);
  }
}
