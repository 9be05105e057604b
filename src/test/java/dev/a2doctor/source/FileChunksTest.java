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

  /** The lines of {@code p} read in ranges cut at every {@code step} bytes, wherever they fall. */
  private static List<String> viaParts(Path p, long step) throws IOException {
    long size = Files.size(p);
    List<String> out = new ArrayList<>();
    AtomicLong bytes = new AtomicLong();
    for (long from = 0; from < size; from += step) {
      long[] expect = {1};
      long n = FileChunks.readStartingIn(p, from, Math.min(size, from + step), size,
          (line, k) -> {
            assertThat(k).isEqualTo(expect[0]++);
            out.add(line);
          }, bytes::addAndGet);
      assertThat(n).isEqualTo(expect[0] - 1);
    }
    assertThat(bytes.get()).as("every byte read once").isEqualTo(size);
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

  @ParameterizedTest(name = "cut every {0} bytes")
  @ValueSource(longs = {1, 2, 3, 7, 50, 4096, 1 << 20})
  void rangesCutAnywhereTogetherGiveTheLinesLogReaderGives(long step) throws IOException {
    Path p = dir.resolve("a.log");
    Files.write(p, awkward(step < 50 ? 80 : 5000, step));
    assertThat(viaParts(p, step)).isEqualTo(viaLogReader(p));
  }

  @Test
  void lastLineWithoutNewlineAndEmptyFile() throws IOException {
    Path p = dir.resolve("b.log");
    Files.writeString(p, "one\ntwo\r\nthree");
    assertThat(viaParts(p, 4)).containsExactly("one", "two", "three")
        .isEqualTo(viaLogReader(p));
    Files.writeString(p, "");
    assertThat(viaParts(p, 4)).isEmpty();
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
    assertThat(viaParts(p, Files.size(p))).isEqualTo(expected);
    assertThat(viaParts(p, 1 << 20)).isEqualTo(expected);
    assertThat(viaParts(p, 100_000)).isEqualTo(expected);
  }

  @Test
  void aFileThatGrowsWhileReadIsReadUpToTheSizePlanned() throws IOException {
    Path p = dir.resolve("d.log");
    Files.writeString(p, "one\ntwo\nthr");
    long planned = Files.size(p);
    Files.writeString(p, "one\ntwo\nthree\nfour\n"); // appended to after planning
    List<String> out = new ArrayList<>();
    for (long from = 0; from < planned; from += 5) {
      FileChunks.readStartingIn(p, from, Math.min(planned, from + 5), planned,
          (line, k) -> out.add(line), n -> { });
    }
    assertThat(out).containsExactly("one", "two", "thr");
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
