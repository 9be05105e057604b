package dev.a2doctor.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer appends numbered lines as fast as it can, the way httpd does (one write per line,
 * O_APPEND), while the file is rotated again and again in all three styles; a follower polls it
 * on its own thread. Every line must be reported exactly once, in order.
 *
 * <p>The one thing synchronised: before each rotation the writer waits (still writing) until the
 * follower has started a poll after the previous rotation, because a generation that is created
 * and rotated away between two polls cannot be seen by anyone (real rotations are hours apart).
 * The copytruncate step copies and truncates between two writes of the writer, as logrotate's
 * copytruncate loses the lines written between its copy and its truncate by design.
 */
class FollowerRotationStressTest {

  private static final int ROTATIONS = 60;
  private static final int LINES_PER_GENERATION = 300;
  private static final int WRITES_AFTER_RENAME = 20;

  @TempDir Path dir;

  private final AtomicLong polls = new AtomicLong();
  private final AtomicBoolean done = new AtomicBoolean();

  @Test
  void reportsEveryLineExactlyOnceWhileTheFileIsRotatedInAllThreeStyles() throws Exception {
    Path log = dir.resolve("error.log");
    Files.createFile(log);
    List<Long> seen = new ArrayList<>();
    List<String> notices = java.util.Collections.synchronizedList(new ArrayList<>());
    Follower follower = new Follower(log, true, 5, notices::add);
    CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
      try (follower) {
        boolean last = false;
        while (!last) {
          last = done.get();
          follower.poll((text, n) -> seen.add(Long.parseLong(text.substring(5))));
          polls.incrementAndGet();
          Thread.sleep(1);
        }
        // let rotated files be drained and closed
        for (int i = 0; i < 6; i++) {
          follower.poll((text, n) -> seen.add(Long.parseLong(text.substring(5))));
        }
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });

    long written = write(log);
    done.set(true);
    reader.get(60, TimeUnit.SECONDS);

    int[] times = new int[(int) written];
    List<Long> unknown = new ArrayList<>();
    for (long s : seen) {
      if (s < 0 || s >= written) {
        unknown.add(s);
      } else {
        times[(int) s]++;
      }
    }
    List<Integer> missing = new ArrayList<>();
    List<Integer> twice = new ArrayList<>();
    for (int i = 0; i < written; i++) {
      if (times[i] == 0) {
        missing.add(i);
      } else if (times[i] > 1) {
        twice.add(i);
      }
    }
    assertThat(written).isGreaterThan((long) ROTATIONS * LINES_PER_GENERATION);
    assertThat(unknown).as("lines never written").isEmpty();
    assertThat(missing).as("lines lost of %d", written).isEmpty();
    assertThat(twice).as("lines reported twice").isEmpty();
    for (int i = 0; i < seen.size(); i++) {
      if (seen.get(i) != i) {
        assertThat(seen.get(i)).as("line at position %d", i).isEqualTo(i);
      }
    }
    assertThat(notices.stream().filter(n -> n.contains("rotated")).count())
        .isEqualTo(2L * ROTATIONS / 3);
    assertThat(notices.stream().filter(n -> n.contains("read from error.log.1")).count())
        .isEqualTo(ROTATIONS / 3);
  }

  /** Writes and rotates; returns how many lines were written. */
  private long write(Path log) throws IOException, InterruptedException {
    Path rotated = dir.resolve("error.log.1");
    long n = 0;
    FileChannel out = open(log);
    for (int r = 0; r < ROTATIONS; r++) {
      for (int i = 0; i < LINES_PER_GENERATION; i++) {
        n = line(out, n);
      }
      // keep writing until the follower has polled since the last rotation
      long since = polls.get();
      while (polls.get() < since + 2) {
        n = line(out, n);
        Thread.onSpinWait();
      }
      switch (r % 3) {
        case 0 -> { // rename + create; httpd writes on to the old file for a moment
          Files.move(log, rotated, StandardCopyOption.REPLACE_EXISTING);
          for (int i = 0; i < WRITES_AFTER_RENAME; i++) {
            n = line(out, n);
          }
          out.close();
          out = open(log);
        }
        case 1 -> { // copytruncate
          Files.copy(log, rotated, StandardCopyOption.REPLACE_EXISTING);
          out.truncate(0);
        }
        default -> { // delete + create
          Files.delete(log);
          for (int i = 0; i < WRITES_AFTER_RENAME; i++) {
            n = line(out, n);
          }
          out.close();
          out = open(log);
        }
      }
      n = line(out, n);
    }
    out.close();
    return n;
  }

  private static FileChannel open(Path p) throws IOException {
    return FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
  }

  private static long line(FileChannel out, long n) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(("line " + n + "\n").getBytes(StandardCharsets.US_ASCII));
    while (b.hasRemaining()) {
      out.write(b);
    }
    return n + 1;
  }
}
