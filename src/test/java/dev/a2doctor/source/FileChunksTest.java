package dev.a2doctor.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading a file in parts from bytes gives the lines LogReader gives, in the same order. */
class FileChunksTest {

  @TempDir Path dir;

  private static List<String> viaLogReader(Path p) throws IOException {
    List<String> out = new ArrayList<>();
    try (LogReader r = LogFiles.open(p)) {
      String l;
      while ((l = r.readLine()) != null) {
        out.add(l);
      }
    }
    return out;
  }

  private static List<String> viaParts(Path p, int parts, long minBytes) throws IOException {
    long[] b = FileChunks.split(p, parts, minBytes);
    assertThat(b[0]).isZero();
    assertThat(b[b.length - 1]).isEqualTo(Files.size(p));
    byte[] all = Files.readAllBytes(p);
    List<String> out = new ArrayList<>();
    AtomicLong bytes = new AtomicLong();
    for (int i = 0; i + 1 < b.length; i++) {
      assertThat(b[i] == 0 || all[(int) b[i] - 1] == '\n').as("part %d starts a line", i).isTrue();
      long[] expect = {1};
      FileChunks.read(p, b[i], b[i + 1], (line, n) -> {
        assertThat(n).isEqualTo(expect[0]++);
        out.add(line);
      }, bytes::addAndGet);
    }
    assertThat(bytes.get()).isEqualTo(all.length);
    return out;
  }

  /** Awkward bytes: CRLF, a lone CR, invalid UTF-8, empty lines, multi-byte characters. */
  private static byte[] awkward(int lines, long seed) {
    Random r = new Random(seed);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    String[] pieces = {"[Mon Jan 05 12:00:00.000000 2026] [core:error] [pid 1] AH00037: x",
        "  File \"/srv/app.py\", line 3", "Traceback (most recent call last):", "", "caf\u00e9 \u2603",
        "\ud83d\ude00 emoji", "tab\there"};
    for (int i = 0; i < lines; i++) {
      b.writeBytes(pieces[r.nextInt(pieces.length)].getBytes(StandardCharsets.UTF_8));
      switch (r.nextInt(8)) {
        case 0 -> b.writeBytes(new byte[] {(byte) 0xC3}); // cut multi-byte sequence
        case 1 -> b.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
        case 2 -> b.write('\r'); // CRLF after
        case 3 -> b.writeBytes("\rmid".getBytes(StandardCharsets.US_ASCII));
        default -> { }
      }
      b.write('\n');
    }
    return b.toByteArray();
  }

  @ParameterizedTest(name = "{0} parts")
  @ValueSource(ints = {1, 2, 3, 7, 50})
  void partsTogetherGiveTheLinesLogReaderGives(int parts) throws IOException {
    Path p = dir.resolve("a.log");
    Files.write(p, awkward(5000, parts));
    assertThat(viaParts(p, parts, 1)).isEqualTo(viaLogReader(p));
  }

  @Test
  void lastLineWithoutNewlineAndEmptyFile() throws IOException {
    Path p = dir.resolve("b.log");
    Files.writeString(p, "one\ntwo\r\nthree");
    assertThat(viaParts(p, 2, 1)).containsExactly("one", "two", "three")
        .isEqualTo(viaLogReader(p));
    Files.writeString(p, "");
    assertThat(viaParts(p, 4, 1)).isEmpty();
  }

  @Test
  void linesLongerThanABlockAndThanTheLimitAreReadAsLogReaderReadsThem() throws IOException {
    Path p = dir.resolve("c.log");
    StringBuilder s = new StringBuilder("short\n");
    s.append("x".repeat(3 << 20)).append("\nmiddle\n");
    s.append("\u00e9".repeat(LogReader.MAX_LINE + 10)).append("\r\nend\n");
    Files.writeString(p, s);
    List<String> expected = viaLogReader(p);
    assertThat(expected.get(3)).hasSize(LogReader.MAX_LINE);
    assertThat(viaParts(p, 1, 1)).isEqualTo(expected);
    assertThat(viaParts(p, 3, 1)).isEqualTo(expected);
  }

  @Test
  void splitPrefersALineThatIsNotInsideATraceback() throws IOException {
    Path p = dir.resolve("d.log");
    String prefix = "[Wed Nov 25 01:13:05.246986 2026] [wsgi:error] [pid 1:tid 2] [remote 127.0.0.1:5] ";
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      s.append(prefix).append("Traceback (most recent call last):\n");
      s.append(prefix).append("  File \"/srv/app.wsgi\", line 2, in application\n");
      s.append(prefix).append("KeyError: 'X'\n");
    }
    Files.writeString(p, s);
    byte[] all = Files.readAllBytes(p);
    long[] b = FileChunks.split(p, 4, 1);
    assertThat(b).hasSize(5);
    for (int i = 1; i < 4; i++) {
      int end = (int) b[i];
      while (all[end] != '\n') {
        end++;
      }
      assertThat(new String(all, (int) b[i], end - (int) b[i], StandardCharsets.UTF_8))
          .contains("Traceback (most recent call last):");
    }
  }

  @Test
  void gzipIsNotPlain() throws IOException {
    Path p = dir.resolve("e.log.gz");
    Files.write(p, new byte[] {0x1f, (byte) 0x8b, 8, 0});
    assertThat(FileChunks.isPlain(p)).isFalse();
    assertThat(FileChunks.isPlain(dir)).isFalse();
    Files.writeString(p, "plain");
    assertThat(FileChunks.isPlain(p)).isTrue();
  }
}
