package dev.a2doctor.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.a2doctor.catalog.Catalog;
import dev.a2doctor.catalog.CatalogLoader;
import dev.a2doctor.catalog.CatalogProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks the contract test relies on really fail bad entries. */
class CatalogCheckTest {

  @TempDir Path dir;

  static final String LINE = "[Wed Nov 25 01:12:05.795176 2026] [authz_core:error] [pid 1:tid 2]"
      + " [client 127.0.0.1:5] AH01630: client denied by server configuration: /srv/x";

  static String entry(String id, String extra, String examples) {
    return """
        id: %s
        title: {en: t}
        severity: error
        match:
          tags: [AH01630]
          regex: "configuration: (?P<path>.+)$"
        explanation: {en: e}
        fix: {en: "grant {path}%s"}
        references: []
        %s
        """.formatted(id, extra, examples);
  }

  static String example(String captures) {
    return "examples:\n  - line: '" + LINE + "'\n    origin: test\n    captures: " + captures;
  }

  private List<CatalogProblem> check(String... files) throws IOException {
    for (int i = 0; i < files.length; i += 2) {
      Files.writeString(dir.resolve(files[i] + ".yaml"), files[i + 1]);
    }
    Catalog c = new CatalogLoader().load(List.of(dir));
    assertThat(c.problems()).isEmpty();
    return new CatalogCheck(name -> Optional.empty()).check(c.entries(), c);
  }

  @Test
  void aGoodEntryPasses() throws IOException {
    assertThat(check("a", entry("a", "", example("{path: /srv/x}")))).isEmpty();
  }

  @Test
  void failsAnEntryWithoutExamples() throws IOException {
    assertThat(check("a", entry("a", "", "")))
        .extracting(CatalogProblem::message)
        .contains("an entry needs at least one example line");
  }

  @Test
  void failsALineThatTwoEntriesClaim() throws IOException {
    List<CatalogProblem> p = check("a", entry("a", "", example("{path: /srv/x}")),
        "b", entry("b", "", example("{path: /srv/x}")));
    assertThat(p).extracting(CatalogProblem::message)
        .anyMatch(m -> m.contains("also claimed by entry 'b'"))
        .anyMatch(m -> m.contains("also claimed by entry 'a'"));
  }

  @Test
  void failsAPlaceholderThatNoExampleCaptures() throws IOException {
    assertThat(check("a", entry("a", " in {vhost}", example("{path: /srv/x}"))))
        .extracting(CatalogProblem::message)
        .containsExactly("placeholder {vhost} is captured by no example");
  }

  @Test
  void failsWrongCaptures() throws IOException {
    assertThat(check("a", entry("a", "", example("{path: /srv/y}"))))
        .extracting(CatalogProblem::message)
        .containsExactly("expected {path=/srv/y} but got {path=/srv/x}");
  }

  @Test
  void failsANearMissThatMatches() throws IOException {
    String text = entry("a", "", example("{path: /srv/x}"))
        + "near_misses:\n  - line: '" + LINE + "'\n    origin: test\n";
    assertThat(check("a", text)).extracting(CatalogProblem::message)
        .anyMatch(m -> m.startsWith("a near miss matches the entry"));
  }

  @Test
  void failsAnExampleThatDoesNotMatch() throws IOException {
    String text = entry("a", "", example("{path: /srv/x}").replace("AH01630", "AH01631"));
    assertThat(check("a", text)).extracting(CatalogProblem::message)
        .anyMatch(m -> m.startsWith("does not match its entry"));
  }
}
