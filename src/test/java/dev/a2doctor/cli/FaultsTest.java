package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.a2doctor.render.OutputChecks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs that fail while they are read: each is named with its path and why, what was read
 * before is kept, the other inputs are still diagnosed, and the exit code says so (3). The
 * tests run as root, for whom chmod 000 changes nothing, so they use failures root gets too.
 */
class FaultsTest {

  /** Written by httpd 2.4 in samples/scenarios/access-require-all-denied. */
  static final String DENIED = "[Wed Nov 25 01:12:16.293472 2026] [authz_core:error]"
      + " [pid 12438:tid 12442] [client 127.0.0.1:40970] AH01630: client denied by server"
      + " configuration: /tmp/helper-b1-acc2/site/";
  /** Composed from mod_wsgi 6.0.5 src/server/wsgi_remote.c (as in CliTest). */
  static final String WSGI = CliTest.WSGI;

  @TempDir Path dir;

  private Path good() throws IOException {
    Path p = dir.resolve("good.log");
    Files.writeString(p, WSGI + "\n");
    return p;
  }

  /** {@code lines} copies of DENIED, gzip-compressed. */
  private static byte[] gzip(int lines) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(b)) {
      for (int i = 0; i < lines; i++) {
        g.write((DENIED + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    return b.toByteArray();
  }

  private static void assertKeptGoing(Cli.Result r, String path) {
    assertThat(r.code()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.err()).startsWith("a2doctor: " + path);
    assertThat(r.out()).contains("wsgi-daemon-connect-denied"); // the other input
    OutputChecks.assertTerminalSafe(r.err());
  }

  @Test
  void aDirectoryGivenAsALogIsNamedAndTheOthersAreRead() throws IOException {
    Path d = Files.createDirectory(dir.resolve("logs"));
    Cli.Result r = Cli.run("diagnose", "--no-context", d.toString(), good().toString());
    assertKeptGoing(r, d.toString());
    assertThat(r.err()).contains(d + ": cannot read: Is a directory");
  }

  @Test
  void aFileTheKernelRefusesToReadIsNamedAndTheOthersAreRead() throws IOException {
    // unreadable even for root: reading /proc/self/mem at offset 0 fails with EIO
    Path mem = Path.of("/proc/self/mem");
    assertThat(mem).exists();
    Cli.Result r = Cli.run("diagnose", "--no-context", mem.toString(), good().toString());
    assertKeptGoing(r, mem.toString());
    assertThat(r.err()).contains(mem + ": cannot read: Input/output error");
  }

  @Test
  void aTruncatedGzipKeepsTheLinesBeforeTheCut() throws IOException {
    byte[] whole = gzip(20_000);
    Path gz = dir.resolve("error.log.2.gz");
    Files.write(gz, Arrays.copyOf(whole, whole.length / 2));
    Cli.Result r = Cli.run("diagnose", "--no-context", "--format", "json", gz.toString(),
        good().toString());
    assertKeptGoing(r, gz.toString());
    long read = linesBefore(r.err());
    // nothing that can be decompressed is lost: every whole line, and the one cut in two
    assertThat(read).isEqualTo(newlinesBeforeTheError(gz) + 1);
    assertThat(r.err()).contains(": cannot read: the file ends early (truncated?)");
    assertThat(r.err()).contains("(the " + read + " lines before were diagnosed)");
    // every line read before the cut is in the finding, and the good file's line too
    assertThat(r.out().lines().filter(l -> l.contains("\"type\":\"finding\"")))
        .hasSize(2).anyMatch(l -> l.contains("\"count\":" + read + ",")
            || l.contains("\"count\":" + (read - 1) + ",")); // the cut line may not match
    assertThat(r.out()).contains("\"type\":\"summary\",\"lines\":" + (read + 1) + ",");
  }

  @Test
  void aCorruptGzipIsNamedAndTheOthersAreRead() throws IOException {
    byte[] bytes = gzip(20_000);
    for (int i = bytes.length / 2; i < bytes.length / 2 + 64; i++) {
      bytes[i] ^= 0x5a;
    }
    Path gz = dir.resolve("error.log.3.gz");
    Files.write(gz, bytes);
    Cli.Result r = Cli.run("diagnose", "--no-context", gz.toString(), good().toString());
    assertKeptGoing(r, gz.toString());
    assertThat(r.err()).contains(": cannot read: ");
    assertThat(linesBefore(r.err())).isPositive();
  }

  @Test
  void aGzipWithABadChecksumIsNamed() throws IOException {
    byte[] bytes = gzip(100);
    bytes[bytes.length - 8] ^= 0x01; // the CRC32 in the trailer
    Path gz = dir.resolve("error.log.4.gz");
    Files.write(gz, bytes);
    Cli.Result r = Cli.run("diagnose", "--no-context", gz.toString(), good().toString());
    assertKeptGoing(r, gz.toString());
    // the data is whole, only its checksum is wrong: all 100 lines were diagnosed
    assertThat(r.err()).contains(gz + ":100: cannot read: corrupt gzip data");
    assertThat(r.out()).contains("101 lines read");
  }

  /** How many newlines a byte-at-a-time gzip reader gets out of {@code gz} before it fails. */
  private static long newlinesBeforeTheError(Path gz) throws IOException {
    long n = 0;
    try (java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(gz))) {
      int b;
      while ((b = in.read()) >= 0) {
        n += b == '\n' ? 1 : 0;
      }
      throw new AssertionError("the test gzip is not truncated");
    } catch (java.io.EOFException expected) {
      return n;
    }
  }

  /** N from "a2doctor: PATH:N: cannot read: ...". */
  private static long linesBefore(String err) {
    int c = err.indexOf(": cannot read");
    int colon = err.lastIndexOf(':', c - 1);
    return Long.parseLong(err.substring(colon + 1, c));
  }
}
