package dev.a2doctor.shell;

import dev.a2doctor.report.Diagnoser;
import dev.a2doctor.source.LogFiles;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.CancellationException;

/**
 * Reads an open file into a diagnoser from where it was left: all of a gzip file once; a plain
 * file from its byte offset to its current end, so that {@code follow} reads only what was
 * appended. A file that shrank or was replaced (logrotate) is read again from its start.
 * Reading stops with {@link CancellationException} when the thread is interrupted (Ctrl-C).
 */
final class Reading {

  private Reading() {}

  /** Opens {@code path}: reads it all (a last line without newline too). */
  static OpenFile open(Path path, Diagnoser diagnoser) throws IOException {
    boolean gzip;
    try (InputStream in = Files.newInputStream(path)) {
      gzip = in.read() == 0x1f && in.read() == 0x8b;
    }
    if (gzip) {
      long n = 0;
      try (BufferedReader r = LogFiles.open(path)) {
        String line;
        while ((line = r.readLine()) != null) {
          diagnoser.accept(line, path.toString(), ++n);
          checkCancel(n);
        }
      }
      return new OpenFile(path, 0, n, null, true);
    }
    return more(new OpenFile(path, 0, 0, key(path), false), diagnoser, true);
  }

  /**
   * Reads what was appended to {@code f} since it was last read. Only complete lines, unless
   * {@code partial}: a line being written is read once its newline arrives.
   */
  static OpenFile more(OpenFile f, Diagnoser diagnoser, boolean partial) throws IOException {
    if (f.compressed()) {
      return f;
    }
    Object key = key(f.path());
    long size = Files.size(f.path());
    OpenFile from = f;
    if (size < f.offset() || (f.fileKey() != null && !f.fileKey().equals(key))) {
      from = f.advance(0, 0, key);
    }
    if (size == from.offset()) {
      return from.advance(from.offset(), from.lines(), key);
    }
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    long offset = from.offset();
    long n = from.lines();
    long consumed = offset;
    ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    ByteBuffer buf = ByteBuffer.allocate(1 << 16);
    try (FileChannel ch = FileChannel.open(f.path(), StandardOpenOption.READ)) {
      ch.position(offset);
      long left = size - offset;
      while (left > 0) {
        buf.clear();
        if (left < buf.capacity()) {
          buf.limit((int) left);
        }
        int got = ch.read(buf);
        if (got <= 0) {
          break;
        }
        left -= got;
        for (int i = 0; i < got; i++) {
          byte b = buf.get(i);
          consumed++;
          if (b == '\n') {
            diagnoser.accept(decode(utf8, line), f.path().toString(), ++n);
            line.reset();
            offset = consumed;
            checkCancel(n);
          } else {
            line.write(b);
          }
        }
      }
    }
    if (partial && line.size() > 0) {
      diagnoser.accept(decode(utf8, line), f.path().toString(), ++n);
      offset = consumed;
    }
    return from.advance(offset, n, key);
  }

  private static String decode(CharsetDecoder utf8, ByteArrayOutputStream line)
      throws IOException {
    byte[] b = line.toByteArray();
    int len = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
    return utf8.decode(ByteBuffer.wrap(b, 0, len)).toString();
  }

  private static void checkCancel(long n) {
    if (n % 1024 == 0 && Thread.currentThread().isInterrupted()) {
      throw new CancellationException("interrupted at line " + n);
    }
  }

  private static Object key(Path p) throws IOException {
    return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
  }
}
