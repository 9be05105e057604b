package dev.a2doctor.source;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads what was written to a log file since the last run, across rotation. Given the
 * {@link LogCursor} of the last run it finds the file that was read then: the live file itself,
 * or a rotated sibling ({@code error.log.1}, {@code error.log.2.gz}, {@code error.log-20261124},
 * {@code error.log-20261124.gz}; see {@link Siblings}) recognised by its fingerprint, and by its
 * inode where the rotation renamed it. It reads that file from the offset, then every newer
 * file from the start, and the live file last. A file truncated in place (logrotate's
 * {@code copytruncate}) no longer carries the fingerprint, so its copy is found the same way.
 *
 * <p>When no file carries the fingerprint, continuity cannot be proven: the result says so in a
 * {@link Note#loud loud} note and the live file is read from its start; nothing is guessed.
 *
 * <p>Offsets and fingerprints count decompressed bytes. The incomplete last line of the live
 * file (being written right now) is left for the next run; that of a rotated file is final.
 */
public final class NewLines {

  /** Hears each line read, with the file it came from and its 1-based line number. */
  @FunctionalInterface
  public interface Sink {
    void line(String raw, Path file, long lineNumber);
  }

  /** Something the report must tell: a rotation followed ({@code loud == false}) or a gap. */
  public record Note(Path file, String text, boolean loud) {}

  /** What one read found: the cursor to save and the notes. */
  public record Result(LogCursor cursor, List<Note> notes, long lines) {
    public Result {
      notes = List.copyOf(notes);
    }
  }

  private NewLines() {}

  /**
   * Reads the lines of {@code live} written after {@code last} ({@code empty}: a file never
   * seen, read from the start) and returns where the next run starts.
   *
   * @throws IOException when the live file cannot be read; nothing is consumed then
   */
  public static Result read(Path live, Optional<LogCursor> last, Sink sink) throws IOException {
    Identity id = Identity.of(live);
    if (last.isEmpty()) {
      Position end = readFrom(live, 0, 0, true, sink);
      return new Result(cursor(live, id, end, newestRotated(live)), List.of(), end.line());
    }
    LogCursor c = last.get();
    List<Path> chain = new ArrayList<>();
    chain.add(live);
    chain.addAll(Siblings.of(live));
    long newest = newestRotated(chain);
    int k = -1;
    for (int i = 0; i < chain.size() && k < 0; i++) {
      if (i == 0 && c.fingerprintLength() == 0 && newest != c.newestRotated()) {
        continue; // empty last time, rotated since: same inode proves nothing
      }
      if (matches(chain.get(i), c)) {
        k = i;
      }
    }
    boolean sameInode = id.dev() == c.dev() && id.inode() == c.inode();
    List<Note> notes = new ArrayList<>();
    if (k == 0) {
      Position end = readFrom(live, c.offset(), c.line(), true, sink);
      return new Result(cursor(live, id, end, newest), notes, end.line() - c.line());
    }
    long lines = 0;
    if (k < 0) {
      notes.add(new Note(live, (sameInode
          ? "was truncated or rewritten in place (copytruncate?) and no rotated file holds "
              + "the content read last time"
          : "was replaced (rotated?) and no rotated file (" + live.getFileName()
              + ".1, .N.gz, -YYYYMMDD[.gz]) holds the file read last time")
          + ": lines written between the last run and the rotation may be MISSING from this "
          + "report; read " + live.getFileName() + " from its start", true));
    } else {
      notes.add(new Note(live, (sameInode ? "was truncated in place (copytruncate): read the "
          + "rest of its copy " : "was rotated: read the rest of ") + chain.get(k).getFileName()
          + (k > 1 ? ", " + (k - 1) + " newer rotated file" + (k > 2 ? "s" : "") : "")
          + " and " + live.getFileName() + " from its start", false));
      lines += readFrom(chain.get(k), c.offset(), c.line(), false, sink).line() - c.line();
      for (int i = k - 1; i >= 1; i--) {
        lines += readFrom(chain.get(i), 0, 0, false, sink).line();
      }
    }
    Position end = readFrom(live, 0, 0, true, sink);
    return new Result(cursor(live, id, end, newest), notes, lines + end.line());
  }

  /** Whether {@code p} is the file {@code c} was taken from. */
  private static boolean matches(Path p, LogCursor c) throws IOException {
    boolean gz = isGzip(p);
    if (c.fingerprintLength() == 0) {
      // nothing was read from it: only a renamed, uncompressed file can be proven the same
      if (gz) {
        return false;
      }
      Identity i = Identity.of(p);
      return i.dev() == c.dev() && i.inode() == c.inode();
    }
    try (InputStream in = open(p)) {
      byte[] head = in.readNBytes(c.fingerprintLength());
      if (head.length < c.fingerprintLength() || !sha256(head).equals(c.fingerprint())) {
        return false;
      }
      long want = c.offset() - head.length;
      return in.skip(want) == want || skipFully(in, want);
    }
  }

  private static boolean skipFully(InputStream in, long n) throws IOException {
    // InputStream.skip may stop early on compressed streams: count what really is there
    long left = n;
    byte[] buf = new byte[8192];
    while (left > 0) {
      int r = in.read(buf, 0, (int) Math.min(buf.length, left));
      if (r < 0) {
        return false;
      }
      left -= r;
    }
    return true;
  }

  private record Position(long offset, long line) {}

  /**
   * Reads {@code p} from byte {@code offset} (the line count there is {@code line}) to its end;
   * on the live file a last line without its newline is left for the next run.
   */
  private static Position readFrom(Path p, long offset, long line, boolean live, Sink sink)
      throws IOException {
    try (InputStream in = new BufferedInputStream(open(p), 1 << 16)) {
      long skipped = in.skip(offset);
      if (skipped < offset && !skipFully(in, offset - skipped)) {
        throw new IOException(p + ": shorter than the offset read last time");
      }
      ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
      long pos = offset;
      long n = line;
      int b;
      while ((b = in.read()) >= 0) {
        if (b != '\n') {
          buf.write(b);
          continue;
        }
        pos += buf.size() + 1;
        sink.line(decode(buf), p, ++n);
        buf.reset();
      }
      if (buf.size() > 0 && !live) {
        pos += buf.size();
        sink.line(decode(buf), p, ++n);
      }
      return new Position(pos, n);
    }
  }

  private static String decode(ByteArrayOutputStream buf) {
    String s = buf.toString(StandardCharsets.UTF_8);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  private static long newestRotated(Path live) throws IOException {
    List<Path> chain = new ArrayList<>();
    chain.add(live);
    chain.addAll(Siblings.of(live));
    return newestRotated(chain);
  }

  private static long newestRotated(List<Path> chain) throws IOException {
    return chain.size() < 2 ? 0 : Identity.of(chain.get(1)).inode();
  }

  private static LogCursor cursor(Path live, Identity id, Position end, long newest)
      throws IOException {
    int len = (int) Math.min(end.offset(), LogCursor.FINGERPRINT_BYTES);
    byte[] head;
    try (InputStream in = open(live)) {
      head = in.readNBytes(len);
    }
    return new LogCursor(id.dev(), id.inode(), sha256(head), head.length,
        head.length < len ? head.length : end.offset(), end.line(), newest);
  }

  private static InputStream open(Path p) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(p), 1 << 16);
    if (isGzip(p)) {
      return GzipCompressorInputStream.builder().setInputStream(in)
          .setDecompressConcatenated(true).get();
    }
    return in;
  }

  private static boolean isGzip(Path p) throws IOException {
    try (InputStream in = Files.newInputStream(p)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Device and inode of a file, as {@code stat} gives them. */
  record Identity(long dev, long inode) {
    static Identity of(Path p) throws IOException {
      Map<String, Object> a = Files.readAttributes(p, "unix:dev,ino");
      return new Identity(((Number) a.get("dev")).longValue(), ((Number) a.get("ino")).longValue());
    }
  }
}
