package dev.a2doctor.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogLoaderTest {

  @TempDir Path dir;

  static final String GOOD = """
      id: %s
      title:
        en: Client denied by server configuration
        ja: サーバー設定によりクライアントが拒否されました
      severity: error
      match:
        tags: [AH01630]
        regex: "client denied by server configuration: (?P<path>.+)$"
      explanation:
        en: A Require rule denied the request.
      fix:
        en: Grant access to {path}.
      references: []
      examples:
        - line: "[Wed Nov 25 01:12:05.795176 2026] [authz_core:error] [pid 1:tid 2] [client 127.0.0.1:5] AH01630: client denied by server configuration: /srv/x"
          origin: composed from httpd modules/aaa/mod_authz_core.c
          captures: {path: /srv/x}
      """;

  private Path write(String area, String id, String text) throws IOException {
    Path f = dir.resolve(area).resolve(id + ".yaml");
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
    return f;
  }

  private Catalog load() {
    return new CatalogLoader().load(List.of(dir));
  }

  @Test
  void loadsAValidEntry() throws IOException {
    write("access", "client-denied", GOOD.formatted("client-denied"));
    Catalog c = load();
    assertThat(c.problems()).isEmpty();
    Entry e = c.get("client-denied").orElseThrow();
    assertThat(e.area()).isEqualTo("access");
    assertThat(e.severity()).isEqualTo(Severity.ERROR);
    assertThat(e.match().groups()).containsExactly("path");
    assertThat(e.title().get("ja")).startsWith("サーバー");
    assertThat(e.title().get("fr")).isEqualTo("Client denied by server configuration");
  }

  @Test
  void anUnknownKeyNamesFileLineAndKey() throws IOException {
    write("access", "bad", GOOD.formatted("bad").replace("  regex:", "  regx:"));
    CatalogProblem p = load().problems().get(0);
    assertThat(p.file()).endsWith("access/bad.yaml");
    assertThat(p.key()).isEqualTo("match.regx");
    assertThat(p.line()).isEqualTo(8);
    assertThat(p.message()).contains("unknown key");
  }

  @Test
  void aDuplicateKeyIsAnError() throws IOException {
    write("access", "dup", GOOD.formatted("dup") + "severity: warning\n");
    List<CatalogProblem> problems = load().problems();
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).toString()).contains("dup.yaml").contains("severity")
        .contains("duplicate");
  }

  @Test
  void anInvalidRegexNamesTheKey() throws IOException {
    write("access", "re", GOOD.formatted("re").replace("(?P<path>.+)$", "(?=lookahead)(?P<path>"));
    CatalogProblem p = load().problems().get(0);
    assertThat(p.key()).isEqualTo("match.regex");
    assertThat(p.line()).isEqualTo(8);
    assertThat(p.message()).contains("invalid regex");
  }

  @Test
  void theIdMustBeTheFileName() throws IOException {
    write("access", "other", GOOD.formatted("client-denied"));
    assertThat(load().problems()).singleElement()
        .satisfies(p -> assertThat(p.toString()).contains("other.yaml:1: key 'id'"));
  }

  @Test
  void requiredKeysAndValuesAreChecked() throws IOException {
    write("x", "nosev", GOOD.formatted("nosev").replace("severity: error\n", "")
        .replace("  en: A Require rule denied the request.\n", "  fr: non\n"));
    assertThat(load().problems()).extracting(CatalogProblem::key)
        .containsExactlyInAnyOrder("severity", "explanation.fr", "explanation.en");
  }

  @Test
  void anEntryNeedsATagOrALiteral() throws IOException {
    write("x", "unkeyed", GOOD.formatted("unkeyed").replace("  tags: [AH01630]\n", ""));
    assertThat(load().problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("'tags' or 'literal'"));
  }

  @Test
  void aBadFileDoesNotStopTheOthers() throws IOException {
    write("a", "broken", "id: broken\ntitle: [unclosed\n");
    write("b", "client-denied", GOOD.formatted("client-denied"));
    Catalog c = load();
    assertThat(c.problems()).hasSize(1);
    assertThat(c.problems().get(0).file()).endsWith("broken.yaml");
    assertThat(c.get("client-denied")).isPresent();
  }

  @Test
  void theSameIdTwiceIsAnError() throws IOException {
    write("a", "client-denied", GOOD.formatted("client-denied"));
    write("b", "client-denied", GOOD.formatted("client-denied"));
    assertThat(load().problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("duplicate id"));
  }

  @Test
  void theBuiltinCatalogLoads() {
    Catalog c = new CatalogLoader().loadBuiltin();
    assertThat(c.problems()).isEmpty();
    assertThat(c.size()).isGreaterThanOrEqualTo(25);
    assertThat(c.entries()).allSatisfy(e -> assertThat(e.source()).startsWith("patterns/"));
  }
}
