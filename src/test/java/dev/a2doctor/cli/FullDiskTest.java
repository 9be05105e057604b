package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk when {@code report} writes its state, on a real 256 KiB tmpfs: a clear message with
 * the path, exit 3, no half-written state, no report printed (so nothing is reported twice or
 * lost), and once there is room again the next run reports every line.
 */
class FullDiskTest {

  @TempDir Path tmp;

  private static int run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }

  @Test
  void aFullDiskKeepsTheOldStateAndLosesNothing() throws Exception {
    Path disk = Files.createDirectories(tmp.resolve("disk"));
    if (run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", disk.toString()) != 0) {
      if (System.getenv("CI") != null) {
        fail("in CI this test must run as root, able to mount a tmpfs");
      }
      Assumptions.abort("needs root to mount a small tmpfs");
    }
    try {
      Path log = tmp.resolve("error.log");
      Files.copy(Path.of("samples/wsgi-itk/error.log"), log);
      Path state = disk.resolve("state.json");
      try (OutputStream filler = Files.newOutputStream(disk.resolve("filler"))) {
        byte[] block = new byte[1024];
        for (int i = 0; i < 1024; i++) {
          filler.write(block);
          filler.flush();
        }
      } catch (IOException full) {
        // the disk is full now: what we wanted
      }
      Cli.Result r = Cli.run("report", "--state", state.toString(), "--no-context",
          log.toString());
      assertThat(r.code()).as(r.err()).isEqualTo(3);
      assertThat(r.err()).contains(state + ": cannot write the state: No space left on device")
          .contains("the previous state is unchanged");
      assertThat(r.out()).isEmpty();
      try (Stream<Path> left = Files.list(disk)) {
        assertThat(left.map(p -> p.getFileName().toString()).toList())
            .noneMatch(n -> n.equals("state.json") || n.contains(".tmp-"));
      }

      Files.delete(disk.resolve("filler"));
      Cli.Result again = Cli.run("report", "--state", state.toString(), "--no-context",
          log.toString());
      assertThat(again.err()).isEmpty();
      assertThat(again.out()).contains("7 lines read")
          .contains("[wsgi-daemon-connect-denied]");
      assertThat(Files.exists(state)).isTrue();
    } finally {
      run("umount", disk.toString());
    }
  }

  @Test
  void theStateOfAnEarlierRunSurvivesAFullDisk() throws Exception {
    Path disk = Files.createDirectories(tmp.resolve("disk2"));
    if (run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", disk.toString()) != 0) {
      if (System.getenv("CI") != null) {
        fail("in CI this test must run as root, able to mount a tmpfs");
      }
      Assumptions.abort("needs root to mount a small tmpfs");
    }
    try {
      Path log = tmp.resolve("error2.log");
      List<String> lines = Files.readAllLines(Path.of("samples/wsgi-itk/error.log"));
      Files.write(log, lines.subList(0, 2)); // start-up notices only: a silent run
      Path state = disk.resolve("state.json");
      assertThat(Cli.run("report", "--state", state.toString(), "--no-context", log.toString())
          .err()).isEmpty();
      byte[] before = Files.readAllBytes(state);
      Files.write(log, lines.subList(2, lines.size()), java.nio.file.StandardOpenOption.APPEND);
      try (OutputStream filler = Files.newOutputStream(disk.resolve("filler"))) {
        for (int i = 0; i < 1024; i++) {
          filler.write(new byte[1024]);
          filler.flush();
        }
      } catch (IOException full) {
        // full
      }
      Cli.Result r = Cli.run("report", "--state", state.toString(), "--no-context",
          log.toString());
      assertThat(r.code()).isEqualTo(3);
      assertThat(Files.readAllBytes(state)).isEqualTo(before);
      Files.delete(disk.resolve("filler"));
      Cli.Result again = Cli.run("report", "--state", state.toString(), "--no-context",
          log.toString());
      assertThat(again.out()).as(again.err()).contains("5 lines read")
          .contains("[wsgi-daemon-connect-denied]");
    } finally {
      run("umount", disk.toString());
    }
  }
}
