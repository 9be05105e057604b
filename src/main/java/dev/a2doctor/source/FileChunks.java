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
 * A plain log file read in parts, so that several cores can read one file: {@link #split} picks
 * part boundaries at line starts, {@link #read} gives the lines of one part straight from the
 * file's bytes, decoded exactly as {@link LogReader} decodes them (UTF-8 with replacement, split
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
   * Up to {@code parts} byte ranges that cover the file, each at least {@code minBytes} long
   * (but the last), each starting at the beginning of a line; where it can, at a line that opens
   * with {@code [} (an httpd prefix), since continuation lines (a reason after AH00526, a bare
   * traceback) rarely do. Returns the boundaries: part i is {@code [b[i], b[i+1])}.
   */
  public static long[] split(Path path, int parts, long minBytes) throws IOException {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = ch.size();
      List<Long> bounds = new ArrayList<>();
      bounds.add(0L);
      int n = (int) Math.max(1, Math.min(parts, size / Math.max(1, minBytes)));
      ByteBuffer buf = ByteBuffer.allocate(68 << 10);
      for (int i = 1; i < n; i++) {
        long target = Math.max(size * i / n, bounds.get(bounds.size() - 1) + 1);
        long start = lineStart(ch, target, buf);
        if (start > bounds.get(bounds.size() - 1) && start < size) {
          bounds.add(start);
        }
      }
      bounds.add(size);
      return bounds.stream().mapToLong(Long::longValue).toArray();
    }
  }

  /**
   * The first line start at or after {@code from} where no multi-line event is likely open: the
   * line opens with '[' (an httpd prefix) and is not indented, and the line before neither is
   * indented nor opens a Python traceback. Falls back to the first line start; {@link Long#MAX_VALUE} when there
   * is none within 64 KiB. (A wrong guess costs time, not correctness: see PartedRun.)
   */
  private static long lineStart(FileChannel ch, long from, ByteBuffer buf) throws IOException {
    long base = Math.max(0, from - 4096);
    buf.clear();
    int n = Math.max(0, ch.read(buf, base));
    byte[] b = buf.array();
    long firstStart = -1;
    int prev = -1;
    for (int i = 0; i < n; i++) {
      boolean start = i == 0 ? base == 0 : b[i - 1] == '\n';
      if (!start) {
        continue;
      }
      if (base + i >= from) {
        if (firstStart < 0) {
          firstStart = base + i;
        }
        if (b[i] == '[' && prev >= 0 && !look(b, i, n, false) && !look(b, prev, n, true)) {
          return base + i;
        }
      }
      prev = i;
    }
    return firstStart < 0 ? Long.MAX_VALUE : firstStart;
  }

  /**
   * Whether the line at {@code b[s]} is indented (a traceback's frame or code), or with
   * {@code orOpens} also whether it opens a traceback.
   */
  private static boolean look(byte[] b, int s, int n, boolean orOpens) {
    if (s < n && (b[s] == ' ' || b[s] == '\t')) {
      return true;
    }
    int end = Math.min(n, s + 512);
    for (int i = s; i < end && b[i] != '\n'; i++) {
      if (b[i] == ']' && i + 2 < end && b[i + 1] == ' ' && (b[i + 2] == ' ' || b[i + 2] == '\t')) {
        return true; // "[client x]   File ...": an indented message
      }
      if (orOpens && b[i] == 'T' && startsWith(b, i, end, TRACEBACK)) {
        return true;
      }
    }
    return false;
  }

  private static final byte[] TRACEBACK =
      "Traceback (most recent call last):".getBytes(StandardCharsets.US_ASCII);

  private static boolean startsWith(byte[] b, int at, int end, byte[] prefix) {
    if (at + prefix.length > end) {
      return false;
    }
    for (int k = 0; k < prefix.length; k++) {
      if (b[at + k] != prefix[k]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads the lines of {@code [from, to)} of {@code path} ({@code from} at a line start) into
   * {@code sink}; returns how many there were.
   */
  public static long read(Path path, long from, long to, LineSink sink, BytesRead bytes)
      throws IOException {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      byte[] block = new byte[BLOCK];
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
  }

  /**
   * Reads the lines of {@code path} that start in {@code [from, to)} ({@code to} at most the
   * file's size when the parts were planned): consecutive ranges give each line exactly once, in
   * order, whatever bytes the cuts fall on, and need no pass over the file beforehand. Returns
   * how many lines there were.
   */
  public static long readStartingIn(Path path, long from, long to, long size, LineSink sink,
      BytesRead bytes) throws IOException {
    long a;
    long b;
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      a = nextLineStart(ch, from, size);
      b = nextLineStart(ch, to, size);
    }
    return a < b ? read(path, a, b, sink, bytes) : 0;
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
