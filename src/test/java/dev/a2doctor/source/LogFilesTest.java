package dev.a2doctor.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFilesTest {

  @TempDir Path dir;

  private static List<String> lines(BufferedReader r) throws IOException {
    List<String> out = new ArrayList<>();
    String l;
    while ((l = r.readLine()) != null) {
      out.add(l);
    }
    return out;
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(b)) {
      g.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return b.toByteArray();
  }

  @Test
  void aCarriageReturnInsideALineNeitherSplitsItNorShiftsTheNumbers() throws IOException {
    byte[] log = "one\rstill one\ntwo\r\n\rthree\r\n".getBytes(StandardCharsets.UTF_8);
    assertThat(lines(LogFiles.reader(new ByteArrayInputStream(log))))
        .containsExactly("one\rstill one", "two", "\rthree");
  }

  @Test
  void aLineLongerThanTheLimitIsCutAndTheNextLineIsIntact() throws IOException {
    Path p = dir.resolve("binary.log");
    Files.writeString(p, "a".repeat(LogReader.MAX_LINE + 100_000) + "\nnext\n" + "b".repeat(
        LogReader.MAX_LINE));
    try (BufferedReader r = LogFiles.open(p)) {
      List<String> l = lines(r);
      assertThat(l).hasSize(3);
      assertThat(l.get(0)).hasSize(LogReader.MAX_LINE).matches("a+");
      assertThat(l.get(1)).isEqualTo("next");
      assertThat(l.get(2)).hasSize(LogReader.MAX_LINE);
    }
  }

  @Test
  void aLastLineWithoutNewlineIsALine() throws IOException {
    assertThat(lines(LogFiles.reader(new ByteArrayInputStream("a\nb".getBytes(
        StandardCharsets.UTF_8))))).containsExactly("a", "b");
  }

  @Test
  void bytesThatAreNotUtf8AreReplacedNotFatal() throws IOException {
    Path p = dir.resolve("error.log");
    Files.write(p, new byte[] {'a', (byte) 0xff, (byte) 0xc3, '(', 0, '\n', (byte) 0xe2,
        (byte) 0x82, '\n', 'z'});
    try (BufferedReader r = LogFiles.open(p)) {
      assertThat(lines(r)).containsExactly("a\ufffd\ufffd(\0", "\ufffd", "z");
    }
  }

  @Test
  void readsConcatenatedGzipMembers() throws IOException {
    Path p = dir.resolve("error.log.1.gz");
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(gzip("one\ntwo\n"));
    b.write(gzip("three\n"));
    Files.write(p, b.toByteArray());
    try (BufferedReader r = LogFiles.open(p)) {
      assertThat(lines(r)).containsExactly("one", "two", "three");
    }
  }

  @Test
  void aTruncatedGzipGivesEveryLineBeforeTheCutThenTheError() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      text.append("line ").append(i).append('\n');
    }
    byte[] whole = gzip(text.toString());
    Path p = dir.resolve("cut.gz");
    Files.write(p, java.util.Arrays.copyOf(whole, whole.length - 20));
    List<String> got = new ArrayList<>();
    try (BufferedReader r = LogFiles.open(p)) {
      assertThatThrownBy(() -> {
        String l;
        while ((l = r.readLine()) != null) {
          got.add(l);
        }
      }).isInstanceOf(EOFException.class);
    }
    // all but the very end: the last 20 bytes held at most the last few lines
    assertThat(got.size()).isGreaterThan(4990);
    assertThat(got.get(4990)).isEqualTo("line 4990");
  }

  @Test
  void aFileDeletedWhileBeingReadIsReadToTheEnd() throws IOException {
    Path p = dir.resolve("error.log");
    Files.writeString(p, "x".repeat(100).concat("\n").repeat(20_000)); // larger than buffers
    try (BufferedReader r = LogFiles.open(p)) {
      assertThat(r.readLine()).hasSize(100);
      Files.delete(p);
      assertThat(p).doesNotExist();
      assertThat(lines(r)).hasSize(19_999);
    }
  }

  @Test
  void aFileTruncatedWhileBeingReadEndsWithoutAnError() throws IOException {
    // logrotate's copytruncate: the lines moved to error.log.1, this file starts again
    Path p = dir.resolve("error.log");
    Files.writeString(p, "x".repeat(100).concat("\n").repeat(20_000));
    try (BufferedReader r = LogFiles.open(p)) {
      assertThat(r.readLine()).hasSize(100);
      try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
        f.setLength(0);
      }
      assertThat(lines(r)).hasSizeLessThan(19_999).allMatch(l -> l.length() <= 100);
    }
  }
}
