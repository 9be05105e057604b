package dev.a2doctor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.a2doctor.cli.A2doctor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code follow} diagnoses appended lines live and stops on Ctrl-C, back at the prompt. */
class FollowTest {

  /** A real capture: samples/scenarios/access-require-all-denied/error.log. */
  static final Path DENIED = Path.of("samples/scenarios/access-require-all-denied/error.log");

  @TempDir Path dir;

  @BeforeAll
  static void load() {
    ShellTest.load();
  }

  @Test
  void followShowsNewAndRepeatedProblemsUntilCtrlCThenTheShellGoesOn() throws Exception {
    Path log = dir.resolve("error.log");
    Files.copy(ShellTest.LOG, log);
    String denied = Files.readAllLines(DENIED).stream().filter(l -> l.contains("AH01630"))
        .findFirst().orElseThrow();
    PipedOutputStream keys = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(keys, 1 << 16);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AtomicInteger code = new AtomicInteger(-1);
    try (DumbTerminal t = new DumbTerminal(in, out)) {
      Shell shell = new Shell(t, ShellTest.setup(null), A2doctor::commandLine);
      Thread runner = new Thread(() -> code.set(shell.run(List.of(log))));
      runner.setDaemon(true);
      runner.start();
      type(keys, "follow --interval 50\n");
      await(out, "Following 1 file; Ctrl-C stops.");
      Files.writeString(log, denied + "\n" + ShellTest.WSGI_LINE + "\n",
          StandardOpenOption.APPEND);
      await(out, "ERROR    2x  mod_wsgi cannot connect to its daemon process socket  [wsgi-daemon-connect-denied]");
      assertThat(text(out)).contains("New: ")
          .contains("Client denied by server configuration")
          .contains(log + ":8").contains(log + ":9");
      t.raise(Terminal.Signal.INT);
      await(out, "follow stopped: 2 events");
      type(keys, "findings\nquit\n");
      runner.join(Duration.ofSeconds(60).toMillis());
      assertThat(runner.isAlive()).isFalse();
    }
    assertThat(code.get()).isZero();
    assertThat(text(out)).contains("  1  ERROR         2x  mod_wsgi cannot connect")
        .contains("ERROR         1x  Client denied by server configuration");
  }

  @Test
  void ctrlCCancelsARunningCommandAndReturnsToThePrompt() throws Exception {
    Path fifo = dir.resolve("never-ends");
    // a named pipe nobody writes to: 'open' blocks on it until Ctrl-C
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mk.waitFor()).isZero();
    PipedOutputStream keys = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(keys, 1 << 16);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DumbTerminal t = new DumbTerminal(in, out)) {
      Shell shell = new Shell(t, ShellTest.setup(null), A2doctor::commandLine);
      Thread runner = new Thread(() -> shell.run(List.of()));
      runner.setDaemon(true);
      runner.start();
      type(keys, "open " + fifo + "\n");
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!isRunning(runner, "a2doctor-command") && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      t.raise(Terminal.Signal.INT);
      await(out, "^C: cancelled");
      type(keys, "context\nquit\n");
      runner.join(Duration.ofSeconds(60).toMillis());
      assertThat(runner.isAlive()).isFalse();
    }
    assertThat(text(out)).contains("Configuration: samples/wsgi-itk/etc/apache2/apache2.conf");
  }

  private static boolean isRunning(Thread shell, String name) {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(th -> th.getName().equals(name) && th.isAlive());
  }

  static void type(PipedOutputStream keys, String s) throws IOException {
    keys.write(s.getBytes(StandardCharsets.UTF_8));
    keys.flush();
  }

  static String text(ByteArrayOutputStream out) {
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Waits (bounded) until the output shows {@code expected}. */
  static void await(ByteArrayOutputStream out, String expected) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!text(out).contains(expected)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no '" + expected + "' within 60 s; the screen:\n" + text(out));
      }
      Thread.sleep(20);
    }
  }
}
