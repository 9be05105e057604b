package dev.a2doctor.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens log input for reading lines: plain files, gzip files (by content, not by name; several
 * gzip members in a row as logrotate's delaycompress leaves them), and stdin. Bytes that are not
 * UTF-8 are replaced, never fatal: logs carry whatever clients sent.
 */
public final class LogFiles {

  private LogFiles() {}

  /**
   * Opens {@code path}, decompressing when it starts with the gzip magic bytes. Uses the JDK's
   * gzip stream, which hands over what it inflated before it reports a truncated or corrupt
   * member, and reads concatenated members; Commons Compress filled its whole buffer first and
   * dropped up to 8 KiB of good lines with the error.
   */
  public static LogReader open(Path path) throws IOException {
    return open(path, n -> { });
  }

  /** {@link #open(Path)}, telling {@code bytes} how many bytes of the file were read. */
  public static LogReader open(Path path, FileChunks.BytesRead bytes) throws IOException {
    InputStream in = new BufferedInputStream(counting(Files.newInputStream(path), bytes), 1 << 16);
    try {
      in.mark(2);
      int b1 = in.read();
      int b2 = in.read();
      in.reset();
      if (b1 == 0x1f && b2 == 0x8b) {
        in = new GZIPInputStream(in, 1 << 16);
      }
      return reader(in);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** {@code in}, telling {@code bytes} how many bytes were read from it. */
  public static InputStream counting(InputStream in, FileChunks.BytesRead bytes) {
    return new java.io.FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          bytes.add(1);
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
          bytes.add(n);
        }
        return n;
      }
    };
  }

  /**
   * Reads lines from a stream (stdin) as UTF-8 with replacement, split at {@code \n} only; an
   * error part-way comes after the lines before it (see {@link LogReader}).
   */
  public static LogReader reader(InputStream in) {
    LogReader.Deferred deferred = new LogReader.Deferred(in);
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    return new LogReader(new InputStreamReader(deferred, decoder), deferred);
  }
}
