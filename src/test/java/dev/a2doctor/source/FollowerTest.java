package dev.a2doctor.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each rotation style, step by step: the test decides exactly what happens between two polls.
 * The lines are numbered test lines: the follower never looks inside them.
 */
class FollowerTest {

  @TempDir Path dir;

  private final List<String> seen = new ArrayList<>();
  private final List<String> notices = new ArrayList<>();

  private Follower follower(Path log, boolean fromStart) {
    return new Follower(log, fromStart, 3, notices::add);
  }

  private void poll(Follower f) throws IOException {
    f.poll((text, n) -> seen.add(text));
  }

  private static void append(Path p, String... lines) throws IOException {
    Files.writeString(p, String.join("", lines), StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  @Test
  void startsAtTheEndByDefaultAndReadsWhatIsAppended() throws IOException {
    Path log = dir.resolve("error.log");
    append(log, "old 1\n", "old 2\n");
    List<Long> numbers = new ArrayList<>();
    try (Follower f = follower(log, false)) {
      f.poll((t, n) -> numbers.add(n));
      append(log, "new 3\n");
      f.poll((t, n) -> {
        seen.add(t);
        numbers.add(n);
      });
    }
    assertThat(seen).containsExactly("new 3");
    assertThat(numbers).containsExactly(3L);
  }

  @Test
  void readsWhatIsThereWithFromStart() throws IOException {
    Path log = dir.resolve("error.log");
    append(log, "old 1\r\n", "old 2\n");
    try (Follower f = follower(log, true)) {
      poll(f);
    }
    assertThat(seen).containsExactly("old 1", "old 2");
  }

  @Test
  void readsALineWrittenInTwoPiecesWhole() throws IOException {
    Path log = dir.resolve("error.log");
    append(log, "");
    try (Follower f = follower(log, false)) {
      poll(f);
      append(log, "half a ");
      poll(f);
      append(log, "line\n");
      poll(f);
    }
    assertThat(seen).containsExactly("half a line");
  }

  @Test
  void drainsTheRenamedFileBeforeTheNewOneAndKeepsReadingItForAWhile() throws IOException {
    Path log = dir.resolve("error.log");
    append(log, "");
    try (Follower f = follower(log, false)) {
      poll(f);
      append(log, "1\n");
      Files.move(log, dir.resolve("error.log.1"));
      // httpd keeps writing to the renamed file until its graceful restart is done
      append(dir.resolve("error.log.1"), "2\n");
      append(log, "3\n");
      poll(f);
      append(dir.resolve("error.log.1"), "4 (late child)\n");
      poll(f);
      append(log, "5\n");
      poll(f);
    }
    assertThat(seen).containsExactly("1", "2", "3", "4 (late child)", "5");
    assertThat(notices).anyMatch(n -> n.contains("rotated"));
  }

  @Test
  void recoversTheUnreadLinesFromTheCopyAfterCopytruncate() throws IOException {
    Path log = dir.resolve("error.log");
    append(log, "");
    try (Follower f = follower(log, false)) {
      poll(f);
      append(log, "1 read before the copy\n");
      poll(f);
      append(log, "2 not yet read when copied\n");
      Files.copy(log, dir.resolve("error.log.1"), StandardCopyOption.REPLACE_EXISTING);
      try (var ch = java.nio.channels.FileChannel.open(log, StandardOpenOption.WRITE)) {
        ch.truncate(0);
      }
      append(log, "3\n");
      poll(f);
    }
    assertThat(seen).containsExactly("1 read before the copy", "2 not yet read when copied",
        "3");
    assertThat(notices).anyMatch(n -> n.contains("copytruncate") && n.contains("error.log.1"));
  }

  @Test
  void seesCopytruncateEvenWhenTheFileRegrewPastTheOffset() throws IOException {
    Path log = dir.resolve("error.log");
    append(log, "");
    try (Follower f = follower(log, false)) {
      poll(f);
      append(log, "1\n");
      poll(f);
      Files.copy(log, dir.resolve("error.log.1"), StandardCopyOption.REPLACE_EXISTING);
      try (var ch = java.nio.channels.FileChannel.open(log, StandardOpenOption.WRITE)) {
        ch.truncate(0);
      }
      append(log, "2 a line longer than what was read before\n", "3\n");
      poll(f);
    }
    assertThat(seen).containsExactly("1", "2 a line longer than what was read before", "3");
  }

  @Test
  void readsTheNewFileFromTheStartWhenTruncatedWithoutACopy() throws IOException {
    Path log = dir.resolve("error.log");
    append(log, "");
    try (Follower f = follower(log, false)) {
      poll(f);
      append(log, "1 a long first line\n");
      poll(f);
      try (var ch = java.nio.channels.FileChannel.open(log, StandardOpenOption.WRITE)) {
        ch.truncate(0);
      }
      append(log, "2\n");
      poll(f);
    }
    assertThat(seen).containsExactly("1 a long first line", "2");
    assertThat(notices).anyMatch(n -> n.contains("may be missing"));
  }

  @Test
  void followsADeletedAndRecreatedFileWithoutLosingTheLastLinesOfTheOldOne()
      throws IOException {
    Path log = dir.resolve("error.log");
    append(log, "");
    try (Follower f = follower(log, false)) {
      poll(f);
      try (var old = java.nio.channels.FileChannel.open(log, StandardOpenOption.APPEND)) {
        old.write(StandardCharsets.UTF_8.encode("1\n"));
        Files.delete(log);
        poll(f);
        old.write(StandardCharsets.UTF_8.encode("2 after the delete\n"));
      }
      append(log, "3\n");
      poll(f);
    }
    assertThat(seen).containsExactly("1", "2 after the delete", "3");
  }

  @Test
  void waitsForAFileThatDoesNotExistYetAndReadsItFromItsStart() throws IOException {
    Path log = dir.resolve("error.log");
    try (Follower f = follower(log, false)) {
      poll(f);
      poll(f);
      append(log, "1\n", "2\n");
      poll(f);
    }
    assertThat(seen).containsExactly("1", "2");
    assertThat(notices).containsExactly(log + ": does not exist yet; waiting for it",
        log + ": appeared; following it");
  }

  @Test
  void closesARotatedFileAfterItStayedQuietAndReadsItsUnendedLastLine() throws IOException {
    Path log = dir.resolve("error.log");
    append(log, "");
    try (Follower f = follower(log, false)) {
      poll(f);
      append(log, "1 without newline");
      Files.move(log, dir.resolve("error.log.1"));
      append(log, "2\n");
      for (int i = 0; i < 5; i++) {
        poll(f);
      }
    }
    assertThat(seen).containsExactly("2", "1 without newline");
  }
}
