package dev.a2doctor.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain log file read in parts, so that several cores can read one file: {@link #readStartingIn}
 * gives the lines that start in a byte range, cut anywhere, straight from the file's bytes, decoded exactly as {@link LogReader} decodes them (UTF-8 with replacement, split
 * at {@code \n} only, one trailing {@code \r} dropped, lines cut at {@link LogReader#MAX_LINE}).
 * Gzip files cannot be entered in the middle: {@link #isPlain} tells them apart by content.
 */
public final class FileChunks {

  /** Receives the lines of a part, numbered from 1 within the part. */
  @FunctionalInterface
  public interface LineSink {
    void line(String line, long number);
  }

  /** Hears how many more bytes were read (for progress). */
  @FunctionalInterface
  public interface BytesRead {
    void add(long bytes);
  }

  private static final int BLOCK = 1 << 20;
  /**
   * One block per reading thread, used again for each part: a new 1 MiB array per part of
   * 128 KiB was 1.4 GB of garbage per million lines, allocated straight into the old generation.
   */
  private static final ThreadLocal<byte[]> BLOCKS = ThreadLocal.withInitial(() -> new byte[BLOCK]);
  /** Bytes kept of an overlong line: enough for {@link LogReader#MAX_LINE} characters. */
  private static final int MAX_LINE_BYTES = 4 * LogReader.MAX_LINE;

  private FileChunks() {}

  /** Whether {@code path} is a regular file that does not start with the gzip magic bytes. */
  public static boolean isPlain(Path path) {
    if (!Files.isRegularFile(path)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(path)) {
      return !(in.read() == 0x1f && in.read() == 0x8b);
    } catch (IOException e) {
      return false; // the sequential reader reports it with the usual message
    }
  }

  /**
   * Reads the lines of {@code [from, to)} of the file ({@code from} at a line start) into
   * {@code sink}; returns how many there were.
   */
  private static long read(FileChannel ch, long from, long to, LineSink sink, BytesRead bytes)
      throws IOException {
    byte[] block = BLOCKS.get();
    ByteBuffer bb = ByteBuffer.wrap(block);
    long pos = from;
    long count = 0;
    byte[] longLine = null; // an overlong line's first bytes
    int longLength = 0;
    while (pos < to) {
      bb.clear();
      bb.limit((int) Math.min(BLOCK, to - pos));
      int n = Math.max(0, ch.read(bb, pos));
      boolean end = n < bb.limit() || pos + n >= to; // the range's end, or the file shrank
      int lineStart = 0;
      for (int i = 0; i < n; i++) {
        if (block[i] != '\n') {
          continue;
        }
        if (longLine != null) {
          longLength = append(longLine, longLength, block, lineStart, i);
          sink.line(decode(longLine, 0, longLength), ++count);
          longLine = null;
        } else {
          sink.line(decode(block, lineStart, i), ++count);
        }
        lineStart = i + 1;
      }
      int consumed;
      if (longLine != null || (lineStart == 0 && n == BLOCK)) {
        // no line end in a whole block: keep what fits of the line, read on
        if (longLine == null) {
          longLine = new byte[MAX_LINE_BYTES];
          longLength = 0;
        }
        longLength = append(longLine, longLength, block, lineStart, n);
        consumed = n;
      } else if (end) {
        if (lineStart < n) {
          sink.line(decode(block, lineStart, n), ++count); // the last line, without newline
        }
        consumed = n;
      } else {
        consumed = lineStart; // read the partial line again with the next block
      }
      bytes.add(consumed);
      pos += consumed;
      if (end) {
        break;
      }
    }
    if (longLine != null) {
      sink.line(decode(longLine, 0, longLength), ++count);
    }
    return count;
  }

  /**
   * Reads the lines of {@code path} that start in {@code [from, to)} ({@code to} at most the
   * file's size when the parts were planned): consecutive ranges give each line exactly once, in
   * order, whatever bytes the cuts fall on, and need no pass over the file beforehand. Returns
   * how many lines there were.
   */
  public static long readStartingIn(Path path, long from, long to, long size, LineSink sink,
      BytesRead bytes) throws IOException {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      long a = nextLineStart(ch, from, size);
      long b = nextLineStart(ch, to, size);
      return a < b ? read(ch, a, b, sink, bytes) : 0;
    }
  }

  /** The first line start at or after {@code pos}; {@code size} when there is none before. */
  static long nextLineStart(FileChannel ch, long pos, long size) throws IOException {
    if (pos <= 0 || pos >= size) {
      return Math.min(Math.max(pos, 0), size);
    }
    ByteBuffer buf = ByteBuffer.allocate(8192);
    for (long at = pos - 1; at < size; ) { // a line starts at pos when the byte before is \n
      buf.clear();
      buf.limit((int) Math.min(buf.capacity(), size - at));
      int n = ch.read(buf, at);
      if (n <= 0) {
        break; // the file shrank
      }
      byte[] b = buf.array();
      for (int i = 0; i < n; i++) {
        if (b[i] == '\n') {
          return at + i + 1;
        }
      }
      at += n;
    }
    return size;
  }

  private static int append(byte[] line, int length, byte[] src, int from, int to) {
    int k = Math.min(to - from, line.length - length);
    System.arraycopy(src, from, line, length, k);
    return length + k;
  }

  private static String decode(byte[] b, int from, int to) {
    String s = new String(b, from, to - from, StandardCharsets.UTF_8);
    if (s.length() > LogReader.MAX_LINE) {
      s = s.substring(0, LogReader.MAX_LINE);
    }
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }
}
