package dev.a2doctor.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An installed catalog checked once against the built-in index is trusted from a note in the
 * user's cache while its files keep their times; any change to them is checked again. The
 * installed copy's times are set an hour back (a copy made seconds ago is not noted).
 */
class IndexStampTest {

  @TempDir Path tmp;
  private Path installed;
  private Path cache;
  private long fingerprint;

  @BeforeEach
  void installedCopy() throws IOException {
    installed = tmp.resolve("share/a2doctor/patterns");
    cache = tmp.resolve("cache/a2doctor");
    Path src = Path.of("patterns");
    try (Stream<Path> s = Files.walk(src)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        Path to = installed.resolve(src.relativize(p).toString());
        Files.createDirectories(to.getParent());
        Files.copy(p, to);
      }
    }
    age();
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(CatalogIndex.RESOURCE);
        java.io.DataInputStream d = new java.io.DataInputStream(in)) {
      d.readUTF();
      fingerprint = d.readLong();
    }
  }

  private void age() throws IOException {
    FileTime hourAgo = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
    try (Stream<Path> s = Files.walk(installed)) {
      for (Path p : s.toList()) {
        Files.setLastModifiedTime(p, hourAgo);
      }
    }
  }

  private IndexStamp stamp() {
    return new IndexStamp(cache, installed);
  }

  private Optional<Catalog> load() {
    return CatalogIndex.builtinFor(installed, cache);
  }

  @Test
  void notesACheckedCopyAndTrustsItWhileNothingChanged() throws IOException {
    assertThat(stamp().holds(fingerprint)).isFalse();
    Catalog first = load().orElseThrow();
    assertThat(stamp().holds(fingerprint)).isTrue();
    assertThat(stamp().holds(fingerprint + 1)).as("another index").isFalse();
    assertThat(new IndexStamp(cache, tmp).holds(fingerprint)).as("another directory").isFalse();
    Catalog again = load().orElseThrow();
    assertThat(sources(again)).isEqualTo(sources(first))
        .isEqualTo(sources(CatalogIndex.builtinFor(installed).orElseThrow()))
        .hasSizeGreaterThan(100);
    assertThat(PosixFilePermissions.toString(
        Files.getPosixFilePermissions(cache.resolve(IndexStamp.FILE)))).isEqualTo("rw-------");
  }

  @Test
  void checksAgainAFileEditedToTheSameSize() throws IOException {
    load().orElseThrow();
    Path f = firstYaml();
    String text = Files.readString(f);
    long size = Files.size(f);
    Files.writeString(f, text.replace("\nseverity: ", "\nseverity:\t"));
    assertThat(Files.size(f)).isEqualTo(size);
    Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() - 1_800_000));
    assertThat(stamp().holds(fingerprint)).isFalse();
    assertThat(load()).as("the YAML loader reads it").isEmpty();
  }

  @Test
  void checksAgainWhenAFileIsAddedOrRemoved() throws IOException {
    load().orElseThrow();
    Path added = installed.resolve("core/zz-site.yaml");
    Files.writeString(added, "id: zz-site\n");
    assertThat(stamp().holds(fingerprint)).isFalse();
    assertThat(load()).isEmpty();
    Files.delete(added);
    age();
    assertThat(load()).isPresent();
    assertThat(stamp().holds(fingerprint)).isTrue();
    Files.delete(firstYaml());
    assertThat(stamp().holds(fingerprint)).isFalse();
    assertThat(load()).isEmpty();
  }

  @Test
  void ignoresADamagedNoteAndWritesItAgain() throws IOException {
    load().orElseThrow();
    Path note = cache.resolve(IndexStamp.FILE);
    byte[] good = Files.readAllBytes(note);
    for (byte[] bad : List.of(new byte[0], "x".getBytes(), java.util.Arrays.copyOf(good,
        good.length - 3))) {
      Files.write(note, bad);
      assertThat(stamp().holds(fingerprint)).isFalse();
      assertThat(load()).isPresent();
      assertThat(Files.readAllBytes(note)).isEqualTo(good);
    }
  }

  @Test
  void writesNoNoteForACopyChangedSecondsAgoOrWithoutACacheDirectory() throws IOException {
    Files.setLastModifiedTime(firstYaml(), FileTime.fromMillis(System.currentTimeMillis()));
    assertThat(load()).isPresent();
    assertThat(cache.resolve(IndexStamp.FILE)).doesNotExist();
    Files.writeString(tmp.resolve("cache"), "a file where the directory would be");
    age();
    assertThat(load()).isPresent();
    assertThat(CatalogIndex.builtinFor(installed, null)).isPresent();
  }

  private static List<String> sources(Catalog c) {
    return c.entries().stream().map(e -> e.id() + " " + e.source()).toList();
  }

  private Path firstYaml() throws IOException {
    try (Stream<Path> s = Files.walk(installed)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().findFirst().orElseThrow();
    }
  }
}
