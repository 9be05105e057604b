package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Long reads show progress on stderr when it is a terminal, and nothing otherwise. */
class ProgressTest {

  static final String LOG = "samples/wsgi-itk/error.log";

  @Test
  void showsBytesLinesRateAndTimeLeftOnOneRewrittenLineThenClearsIt() {
    StringWriter err = new StringWriter();
    AtomicLong now = new AtomicLong(1_000);
    Progress p = new Progress(new PrintWriter(err), now::get, 4L << 20, 1000);
    p.bytes(1L << 20);
    p.lines(5000);
    now.addAndGet(500);
    p.tick();
    assertThat(err.toString()).as("nothing before a second has passed").isEmpty();
    now.addAndGet(500);
    p.tick();
    assertThat(err.toString()).isEqualTo("\ra2doctor: read 1.0 MiB of 4.0 MiB (25%), 5,000 lines,"
        + " 5,000 lines/s, 0:03 left\u001b[K");
    p.close();
    assertThat(err.toString()).endsWith("\r\u001b[K");
  }

  @Test
  void withoutATotalShowsNoTimeLeft() {
    Progress p = new Progress(new PrintWriter(new StringWriter()), () -> 0L, -1, 0);
    p.bytes(2048);
    p.lines(10);
    assertThat(p.text(2000)).isEqualTo("a2doctor: read 2.0 KiB, 10 lines, 5 lines/s");
  }

  /** stdin that gives a real log, then waits until the test lets it end. */
  static final class HeldInput extends InputStream {
    final InputStream data;
    final CountDownLatch release = new CountDownLatch(1);

    HeldInput(byte[] bytes) {
      data = new ByteArrayInputStream(bytes);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = data.read(b, off, len);
      if (n >= 0) {
        return n;
      }
      try {
        release.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return -1;
    }
  }

  private record Run(int code, String out, String err) {}

  private static Run diagnose(boolean errTty, HeldInput stdin, boolean waitForProgress)
      throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Io io = new Io(new PrintWriter(out), new PrintWriter(err), Map.of(), stdin, false,
        Signals.NONE, errTty);
    int[] code = new int[1];
    Thread t = new Thread(() -> code[0] = A2doctor.commandLine(io)
        .execute("diagnose", "--no-context", "--format", "json"));
    t.start();
    if (waitForProgress) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!err.toString().contains("lines/s") && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      stdin.release.countDown();
    }
    t.join(60_000);
    return new Run(code[0], out.toString(), err.toString());
  }

  @Test
  void aTerminalOnStderrSeesProgressAndStdoutStaysClean() throws Exception {
    byte[] log = Files.readAllBytes(Path.of(LOG));
    Run shown = diagnose(true, new HeldInput(log), true);
    assertThat(shown.err()).startsWith("\ra2doctor: read ").contains(" lines/s")
        .endsWith("\r\u001b[K");
    Cli.Result plain = Cli.run(Map.of(), new String(log, java.nio.charset.StandardCharsets.UTF_8),
        false, "diagnose", "--no-context", "--format", "json");
    assertThat(shown.out()).isEqualTo(plain.out()).doesNotContain("\r").doesNotContain("lines/s");
    assertThat(shown.code()).isEqualTo(plain.code());
  }

  @Test
  void noTerminalOnStderrNoProgress() throws Exception {
    byte[] log = Files.readAllBytes(Path.of(LOG));
    HeldInput stdin = new HeldInput(log);
    // held long enough that progress would have shown on a terminal
    Thread releaser = new Thread(() -> {
      try {
        Thread.sleep(Progress.AFTER_MILLIS + 3 * Progress.EVERY_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      stdin.release.countDown();
    });
    releaser.start();
    Run r = diagnose(false, stdin, false);
    releaser.join();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isNotEmpty();
  }
}
