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
  void entriesAreDecodedOneByOneAsAskedFor() {
    Catalog indexed = CatalogIndex.builtin().orElseThrow();
    Catalog yaml = new CatalogLoader().loadBuiltin();
    // asked for one by one, in reverse, before any listing of them all
    List<Entry> expected = yaml.entries();
    for (int i = expected.size() - 1; i >= 0; i--) {
      Entry e = expected.get(i);
      assertThat(indexed.get(e.id()).orElseThrow().id()).isEqualTo(e.id());
      assertThat(indexed.get(e.id()).orElseThrow()).as("decoded once")
          .isSameAs(indexed.get(e.id()).orElseThrow());
    }
    assertThat(indexed.get("no-such-entry")).isEmpty();
    assertThat(indexed.get("")).isEmpty();
    assertThat(indexed.entries().stream().map(Entry::id).toList())
        .isEqualTo(expected.stream().map(Entry::id).toList());
    assertSameEntries(indexed, yaml);
  }

  @Test
  void taggedEntriesAreThoseOfTheYamlCatalog() {
    Catalog indexed = CatalogIndex.builtin().orElseThrow();
    Catalog yaml = new CatalogLoader().loadBuiltin();
    List<String> tags = yaml.entries().stream().flatMap(e -> e.match().tags().stream())
        .distinct().toList();
    assertThat(tags).hasSizeGreaterThan(50);
    for (String tag : tags) {
      List<String> expected = yaml.entries().stream()
          .filter(e -> e.match().tags().contains(tag)).map(Entry::id).toList();
      assertThat(indexed.tagged(tag).stream().map(Entry::id).toList()).as(tag)
          .isEqualTo(expected);
      assertThat(yaml.tagged(tag).stream().map(Entry::id).toList()).as(tag)
          .isEqualTo(expected);
    }
    assertThat(indexed.tagged("AH99999")).isEmpty();
  }

  /**
   * A matcher of the candidates for a line answers it as one of the whole catalog: every
   * example and near miss of every entry (and lines that join two of them, as explain reads
   * several lines), through both matcher methods.
   */
  @Test
  void candidatesForALineMatchItAsTheWholeCatalogDoes() {
    Catalog indexed = CatalogIndex.builtin().orElseThrow();
    dev.a2doctor.match.Matcher whole = new dev.a2doctor.match.Matcher(indexed);
    List<String> lines = new ArrayList<>();
    for (Entry e : indexed.entries()) {
      e.examples().forEach(x -> lines.add(x.line()));
      e.nearMisses().forEach(x -> lines.add(x.line()));
    }
    assertThat(lines).hasSizeGreaterThan(300);
    int candidates = 0;
    for (int i = 0; i < lines.size(); i++) {
      String raw = lines.get(i);
      String text = i % 7 == 0 && i + 1 < lines.size() ? raw + "\n" + lines.get(i + 1) : raw;
      List<Entry> few = indexed.candidatesFor(text);
      candidates += few.size();
      assertThat(few.stream().map(Entry::id).toList()).as("in id order")
          .isSorted();
      dev.a2doctor.match.Matcher some = new dev.a2doctor.match.Matcher(few);
      for (String line : text.split("\n")) {
        if (new dev.a2doctor.parse.LineParser().parse(line)
            instanceof dev.a2doctor.parse.ParseResult.Parsed p) {
          assertThat(ids(some.matchAll(p.line()))).as(line)
              .isEqualTo(ids(whole.matchAll(p.line())));
          assertThat(some.match(p.line()).map(h -> h.entry().id())).as(line)
              .isEqualTo(whole.match(p.line()).map(h -> h.entry().id()));
        }
      }
    }
    // the point of it: a line decodes a few entries, not the catalog
    assertThat(candidates / lines.size()).isLessThan(indexed.size() / 10);
    // a catalog read from YAML gives all its entries
    assertThat(new CatalogLoader().loadBuiltin().candidatesFor(lines.get(0)))
        .hasSize(indexed.size());
  }

  private static List<String> ids(List<dev.a2doctor.match.Hit> hits) {
    return hits.stream().map(h -> h.entry().id()).toList();
  }

  @Test
  void damagedIndexIsNotRead() throws IOException {
    Path copy = copyOfCatalog();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(CatalogIndex.write(copy, out, new ArrayList<>())).isTrue();
    byte[] good = out.toByteArray();
    // a byte changed in the table of contents, in an entry, the last byte, or cut short
    for (int at : new int[] {60, good.length / 2, good.length - 1}) {
      byte[] bad = good.clone();
      bad[at] ^= 0x10;
      assertThat(read(bad, copy)).as("byte " + at + " changed").isEmpty();
    }
    for (int length : new int[] {0, 10, 40, good.length / 2, good.length - 1}) {
      assertThat(read(java.util.Arrays.copyOf(good, length), copy)).as("cut at " + length)
          .isEmpty();
    }
    assertThat(read(good, copy)).isPresent();
  }

  /** As builtin() reads an index: empty when it cannot be read. */
  private static Optional<Catalog> read(byte[] index, Path dir) {
    try {
      return CatalogIndex.read(new ByteArrayInputStream(index), null,
          rel -> dir.resolve(rel).toString());
    } catch (IOException e) {
      return Optional.empty();
    }
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
