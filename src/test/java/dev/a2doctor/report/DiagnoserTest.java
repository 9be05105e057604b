package dev.a2doctor.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.a2doctor.catalog.CatalogLoader;
import dev.a2doctor.context.ServerContext;
import dev.a2doctor.match.Matcher;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnoserTest {

  static final Matcher MATCHER = new Matcher(new CatalogLoader().loadBuiltin());
  /** Composed from mod_wsgi 6.0.5 src/server/wsgi_remote.c. */
  static final String WSGI = "[Mon Jan 05 12:00:00.000000 2026] [wsgi:error] [pid 12345]"
      + " (13)Permission denied: [client 10.0.0.1:5000] WSGI0117: Unable to connect to WSGI"
      + " daemon process 'app' on '/run/wsgi.1.0.1.sock' as user with uid=33.";

  @Test
  void reportsEveryMatchedEventOnceAndMarksTheFirst() {
    List<Event> events = new ArrayList<>();
    Diagnoser d = new Diagnoser(MATCHER, ServerContext.none("test"), events::add);
    d.accept(WSGI, "a.log", 1);
    d.accept("[Mon Jan 05 12:00:01.000000 2026] [foo:error] [pid 1] AH99999: unknown", "a.log", 2);
    d.accept(WSGI.replace("12:00:00", "12:00:05"), "a.log", 3);
    assertThat(events).extracting(Event::first).containsExactly(true, false);
    assertThat(events).extracting(Event::lineNumber).containsExactly(1L, 3L);
    assertThat(events.get(1).finding().count()).isEqualTo(2);
    assertThat(events.get(1).time()).isEqualTo("2026-01-05T12:00:05.000000");
    Diagnosis result = d.result();
    assertThat(result.findings()).singleElement().satisfies(f -> {
      assertThat(f.count()).isEqualTo(2);
      assertThat(f.firstSeen()).isEqualTo("2026-01-05T12:00:00.000000");
      assertThat(f.lastSeen()).isEqualTo("2026-01-05T12:00:05.000000");
    });
    assertThat(result.unrecognizedLines()).isEqualTo(1);
  }

  @Test
  void aStormOf404sOnManyPathsIsOneWarning() throws Exception {
    // samples/scenarios/documentroot-does-not-exist/error-loglevel-info.log, paths varied
    String line = java.nio.file.Files.readAllLines(java.nio.file.Path.of(
        "samples/scenarios/documentroot-does-not-exist/error-loglevel-info.log")).stream()
        .filter(l -> l.contains("AH00128")).findFirst().orElseThrow();
    Diagnoser d = new Diagnoser(MATCHER, ServerContext.none("test"));
    for (int i = 0; i < 99; i++) {
      d.accept(line.replace("File does not exist: /", "File does not exist: /p" + i + "/"),
          "a.log", i + 1);
    }
    assertThat(d.result().findings()).singleElement().satisfies(f -> {
      assertThat(f.count()).isEqualTo(99);
      assertThat(f.severity()).isEqualTo(dev.a2doctor.catalog.Severity.INFO);
    });
    d.accept(line, "a.log", 100);
    assertThat(d.result().findings().get(0).severity())
        .isEqualTo(dev.a2doctor.catalog.Severity.WARNING);
  }
}
