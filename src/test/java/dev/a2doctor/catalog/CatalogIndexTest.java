package dev.a2doctor.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogIndexTest {

  @TempDir Path dir;

  /** The repository's catalog, copied so that a test can change it. */
  private Path copyOfCatalog() throws IOException {
    Path src = Path.of("patterns");
    try (Stream<Path> s = Files.walk(src)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        Path to = dir.resolve(src.relativize(p).toString());
        Files.createDirectories(to.getParent());
        Files.copy(p, to);
      }
    }
    return dir;
  }

  /** Entry records compare by value except the compiled regex, which is compared by source. */
  private static void assertSameEntries(Catalog actual, Catalog expected) {
    assertThat(actual.size()).isEqualTo(expected.size()).isGreaterThan(100);
    for (Entry e : expected.entries()) {
      Entry a = actual.get(e.id()).orElseThrow();
      assertThat(a.match().compiled() == null ? null : a.match().compiled().pattern())
          .as(e.id()).isEqualTo(e.match().regex());
      Match noRegex = new Match(e.match().tags(), e.match().literal(), e.match().module(),
          e.match().errno(), e.match().regex(), null, e.match().groups(), e.match().fallback());
      Match aNoRegex = new Match(a.match().tags(), a.match().literal(), a.match().module(),
          a.match().errno(), a.match().regex(), null, a.match().groups(), a.match().fallback());
      assertThat(withMatch(a, aNoRegex)).as(e.id()).isEqualTo(withMatch(e, noRegex));
    }
  }

  private static Entry withMatch(Entry e, Match m) {
    return new Entry(e.id(), e.area(), e.title(), e.severity(), m, e.context(), e.explanation(),
        e.fix(), e.variants(), e.references(), e.examples(), e.nearMisses(), e.scenarios(),
        e.header(), e.escalate(), e.groupBy(), e.source());
  }

  @Test
  void builtinIndexHoldsExactlyWhatTheYamlLoaderReads() {
    Optional<Catalog> indexed = CatalogIndex.builtin();
    assertThat(indexed).as("target/classes/" + CatalogIndex.RESOURCE + " (process-classes)")
        .isPresent();
    assertSameEntries(indexed.get(), new CatalogLoader().loadBuiltin());
  }

  @Test
  void installedCopyIsReadFromTheIndexWithItsOwnFileNames() throws IOException {
    Path copy = copyOfCatalog();
    Optional<Catalog> indexed = CatalogIndex.builtinFor(copy);
    assertThat(indexed).isPresent();
    assertSameEntries(indexed.get(), new CatalogLoader().load(List.of(copy)));
    assertThat(indexed.get().get("client-denied-by-server-configuration").orElseThrow().source())
        .startsWith(copy.toString() + "/");
  }

  @Test
  void editedInstalledCopyIsNotReadFromTheIndex() throws IOException {
    Path copy = copyOfCatalog();
    Path f;
    try (Stream<Path> s = Files.walk(copy)) {
      f = s.filter(p -> p.toString().endsWith(".yaml")).sorted().findFirst().orElseThrow();
    }
    Files.writeString(f, Files.readString(f).replace("\nseverity: ", "\nseverity:  "));
    assertThat(CatalogIndex.builtinFor(copy)).isEmpty();
  }

  @Test
  void writesNoIndexForACatalogWithProblems() throws IOException {
    Path f = dir.resolve("core/broken.yaml");
    Files.createDirectories(f.getParent());
    Files.writeString(f, "id: broken\nseverity: loud\n");
    List<CatalogProblem> problems = new ArrayList<>();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(CatalogIndex.write(dir, out, problems)).isFalse();
    assertThat(problems).isNotEmpty();
    assertThat(out.size()).isZero();
  }

  @Test
  void writtenIndexReadsBackTheSameEntries() throws IOException {
    Path copy = copyOfCatalog();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(CatalogIndex.write(copy, out, new ArrayList<>())).isTrue();
    Catalog back = CatalogIndex.read(new ByteArrayInputStream(out.toByteArray()), null,
        rel -> copy.resolve(rel).toString()).orElseThrow();
    assertSameEntries(back, new CatalogLoader().load(List.of(copy)));
  }
}
