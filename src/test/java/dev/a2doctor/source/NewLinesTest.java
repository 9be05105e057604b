package dev.a2doctor.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewLinesTest {

  @TempDir Path dir;

  /**
   * Lines from samples/scenarios/auth-require-ip-denied/error.log (a real httpd), with the
   * client port replaced by a running number so every line is distinct.
   */
  static String line(int n) {
    return "[Wed Nov 25 01:12:39.354289 2026] [authz_core:error] [pid 13476:tid 13501] "
        + "[client 127.0.0.1:" + (40000 + n) + "] AH01630: client denied by server "
        + "configuration: /tmp/helper-b1-au4/www/admin/";
  }

  private final List<String> read = new ArrayList<>();
  private final List<String> where = new ArrayList<>();

  private NewLines.Result run(Path log, Optional<LogCursor> c) throws IOException {
    return NewLines.read(log, c, (raw, file, n) -> {
      read.add(raw);
      where.add(file.getFileName() + ":" + n);
    });
  }

  private static void append(Path p, int from, int to) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int i = from; i < to; i++) {
      b.append(line(i)).append('\n');
    }
    Files.writeString(p, b, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static List<String> lines(int from, int to) {
    List<String> l = new ArrayList<>();
    for (int i = from; i < to; i++) {
      l.add(line(i));
    }
    return l;
  }

  private static void gzip(Path from, Path to) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
      out.write(Files.readAllBytes(from));
    }
    Files.delete(from);
  }

  @Test
  void readsOnlyWhatWasAppendedSinceTheLastRun() throws IOException {
    Path log = dir.resolve("error.log");
    append(log, 0, 3);
    LogCursor c = run(log, Optional.empty()).cursor();
    read.clear();
    where.clear();
    append(log, 3, 5);
    NewLines.Result r = run(log, Optional.of(c));
    assertThat(read).isEqualTo(lines(3, 5));
    assertThat(where).containsExactly("error.log:4", "error.log:5");
    assertThat(r.notes()).isEmpty();
    assertThat(r.cursor().offset()).isEqualTo(Files.size(log));
  }

  @Test
  void leavesALineStillBeingWrittenForTheNextRun() throws IOException {
    Path log = dir.resolve("error.log");
    append(log, 0, 1);
    Files.writeString(log, line(1).substring(0, 40), StandardOpenOption.APPEND);
    LogCursor c = run(log, Optional.empty()).cursor();
    assertThat(read).isEqualTo(lines(0, 1));
    read.clear();
    where.clear();
    Files.writeString(log, line(1).substring(40) + "\n", StandardOpenOption.APPEND);
    run(log, Optional.of(c));
    assertThat(read).isEqualTo(lines(1, 2));
  }

  @Test
  void followsARenameRotationIntoDotOne() throws IOException {
    Path log = dir.resolve("error.log");
    append(log, 0, 3);
    LogCursor c = run(log, Optional.empty()).cursor();
    read.clear();
    where.clear();
    append(log, 3, 5);
    Files.move(log, dir.resolve("error.log.1"));
    append(log, 5, 7);
    NewLines.Result r = run(log, Optional.of(c));
    assertThat(read).isEqualTo(lines(3, 7));
    assertThat(where).containsExactly("error.log.1:4", "error.log.1:5", "error.log:1",
        "error.log:2");
    assertThat(r.notes()).singleElement().satisfies(n -> {
      assertThat(n.loud()).isFalse();
      assertThat(n.text()).contains("rotated").contains("error.log.1");
    });
  }

  @Test
  void followsTwoRotationsWithDelaycompressIntoTheGzippedFile() throws IOException {
    Path log = dir.resolve("error.log");
    append(log, 0, 2);
    LogCursor c = run(log, Optional.empty()).cursor();
    read.clear();
    where.clear();
    append(log, 2, 3);
    Files.move(log, dir.resolve("error.log.1"));
    append(log, 3, 4);
    // second rotation: .1 -> .2.gz, live -> .1
    gzip(dir.resolve("error.log.1"), dir.resolve("error.log.2.gz"));
    Files.move(log, dir.resolve("error.log.1"));
    append(log, 4, 6);
    run(log, Optional.of(c));
    assertThat(read).isEqualTo(lines(2, 6));
    assertThat(where.get(0)).isEqualTo("error.log.2.gz:3");
  }

  @Test
  void followsADateextRotation() throws IOException {
    Path log = dir.resolve("error.log");
    append(log, 0, 2);
    LogCursor c = run(log, Optional.empty()).cursor();
    read.clear();
    where.clear();
    append(log, 2, 4);
    gzip(log, dir.resolve("error.log-20261124.gz"));
    append(dir.resolve("error.log-20261123"), 100, 101);
    append(log, 4, 5);
    run(log, Optional.of(c));
    assertThat(read).isEqualTo(lines(2, 5));
  }

  @Test
  void detectsCopytruncateAndReadsTheRestFromTheCopy() throws IOException {
    Path log = dir.resolve("error.log");
    append(log, 0, 3);
    LogCursor c = run(log, Optional.empty()).cursor();
    read.clear();
    where.clear();
    append(log, 3, 4);
    Files.copy(log, dir.resolve("error.log.1"));
    Files.write(log, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
    append(log, 4, 10); // grows past the old offset: size alone would not notice
    NewLines.Result r = run(log, Optional.of(c));
    assertThat(read).isEqualTo(lines(3, 10));
    assertThat(r.notes()).singleElement().satisfies(n -> {
      assertThat(n.loud()).isFalse();
      assertThat(n.text()).contains("copytruncate");
    });
  }

  @Test
  void doesNotTrustTheSameInodeWhenTheFirstBytesDiffer() throws IOException {
    // what logtail2 got wrong: the new file got the inode of the rotated one
    Path log = dir.resolve("error.log");
    append(log, 0, 6);
    LogCursor now = run(log, Optional.empty()).cursor();
    read.clear();
    where.clear();
    LogCursor reused = new LogCursor(now.dev(), now.inode(),
        NewLines.sha256(line(99).getBytes(StandardCharsets.UTF_8)), line(99).length(), 300, 1, 0);
    NewLines.Result r = run(log, Optional.of(reused));
    assertThat(read).isEqualTo(lines(0, 6));
    assertThat(r.notes()).singleElement().satisfies(n -> {
      assertThat(n.loud()).isTrue();
      assertThat(n.text()).contains("MISSING");
    });
  }

  @Test
  void saysLoudlyWhenTheFileReadLastTimeIsGone() throws IOException {
    Path log = dir.resolve("error.log");
    append(log, 0, 2);
    LogCursor c = run(log, Optional.empty()).cursor();
    read.clear();
    where.clear();
    Files.delete(log);
    append(log, 2, 3);
    NewLines.Result r = run(log, Optional.of(c));
    assertThat(read).isEqualTo(lines(2, 3));
    assertThat(r.notes()).singleElement().satisfies(n -> {
      assertThat(n.loud()).isTrue();
      assertThat(n.text()).contains("may be MISSING");
    });
  }

  @Test
  void saysLoudlyWhenAFileEmptyLastTimeWasCopytruncated() throws IOException {
    Path log = dir.resolve("error.log");
    Files.writeString(log, "");
    LogCursor c = run(log, Optional.empty()).cursor();
    append(log, 0, 2);
    Files.copy(log, dir.resolve("error.log.1"));
    Files.write(log, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
    append(log, 2, 3);
    NewLines.Result r = run(log, Optional.of(c));
    assertThat(r.notes()).singleElement().satisfies(n -> assertThat(n.loud()).isTrue());
  }

  @Test
  void trustsAFileEmptyLastTimeWhenNothingWasRotated() throws IOException {
    Path log = dir.resolve("error.log");
    Files.writeString(log, "");
    append(dir.resolve("error.log.1"), 50, 51);
    LogCursor c = run(log, Optional.empty()).cursor();
    append(log, 0, 2);
    NewLines.Result r = run(log, Optional.of(c));
    assertThat(read).isEqualTo(lines(0, 2));
    assertThat(r.notes()).isEmpty();
  }

  @Test
  void listsRotatedSiblingsNewestFirst() throws IOException {
    for (String n : List.of("error.log.2.gz", "error.log.10.gz", "error.log.1",
        "error.log-20261123.gz", "error.log-20261124", "error.log.bak", "other.log.1")) {
      Files.writeString(dir.resolve(n), "");
    }
    assertThat(Siblings.of(dir.resolve("error.log"))).extracting(p -> p.getFileName().toString())
        .containsExactly("error.log.1", "error.log.2.gz", "error.log.10.gz",
            "error.log-20261124", "error.log-20261123.gz");
  }
}
