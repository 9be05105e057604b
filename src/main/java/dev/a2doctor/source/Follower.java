package dev.a2doctor.source;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Follows one log file like {@code tail -F}, losing no line across rotation. Call {@link #poll}
 * periodically from one thread; it hands every new complete line to the sink.
 *
 * <p>How each rotation style is survived:
 * <ul>
 *   <li>rename + create (logrotate's default): the renamed file stays open and is drained to
 *       its end before the new file is read, and it is still read for a while after that
 *       ({@code lingerPolls} quiet polls), because httpd keeps writing to it until its graceful
 *       restart has finished;
 *   <li>copytruncate: the file shrinks, or (when it regrew past the offset before this poll)
 *       the bytes just before the offset change. Both are detected; the lines that were written
 *       after the last poll but before the copy are read from the copy, {@code FILE.1}, when its
 *       bytes before the offset are the ones already read. Then the file is read from its start;
 *   <li>delete + create: the deleted file stays open (its inode cannot be reused while it is
 *       open, the trap that makes logtail2 read from a stale offset) and is drained as above;
 *   <li>a file that does not exist yet is read from its start once it appears.
 * </ul>
 * Files are compared by {@link BasicFileAttributes#fileKey()} (device and inode on Linux).
 * A generation that appears and is rotated away again between two polls cannot be seen.
 */
public final class Follower implements Closeable {

  /** Receives lines in file order. {@code lineNumber} is 1-based within one generation. */
  @FunctionalInterface
  public interface Sink {
    void line(String text, long lineNumber);
  }

  private static final int TAIL = 64;
  private static final int CHUNK = 1 << 16;

  private final Path path;
  private final int lingerPolls;
  private final Consumer<String> notice;
  private final List<Generation> retired = new ArrayList<>();
  private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
  private Generation current;
  private boolean startAtEnd;
  private boolean reportedMissing;

  /**
   * @param fromStart read what the file holds now; otherwise start at its end
   * @param lingerPolls how many quiet polls a rotated-away file is still read
   * @param notice hears what happened to the file (rotated, missing), for the user
   */
  public Follower(Path path, boolean fromStart, int lingerPolls, Consumer<String> notice) {
    this.path = Objects.requireNonNull(path);
    this.startAtEnd = !fromStart;
    this.lingerPolls = lingerPolls;
    this.notice = notice;
  }

  public Path path() {
    return path;
  }

  /** Reads what was written since the last poll, old generations first. */
  public void poll(Sink sink) throws IOException {
    for (Iterator<Generation> it = retired.iterator(); it.hasNext(); ) {
      Generation g = it.next();
      if (g.read(sink, false) == 0 && ++g.quietPolls >= lingerPolls) {
        g.finish(sink);
        g.close();
        it.remove();
      }
    }
    if (current != null) {
      current.read(sink, true);
    }
    Object key = keyOf(path);
    if (key == null) {
      if (current == null && !reportedMissing) {
        notice.accept(path + ": does not exist yet; waiting for it");
        reportedMissing = true;
      }
      startAtEnd = false;
      return;
    }
    if (current != null && key.equals(current.key)) {
      return;
    }
    if (current != null) {
      // A new file at the path: drain the old one to its end first, then keep it open.
      current.read(sink, false);
      notice.accept(path + ": rotated; following the new file");
      retired.add(current);
      current = null;
    }
    open(key, sink);
  }

  private void open(Object key, Sink sink) throws IOException {
    FileChannel ch;
    try {
      ch = FileChannel.open(path, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      return;
    }
    if (!key.equals(keyOf(path))) {
      // Replaced between the check and the open: try again on the next poll.
      ch.close();
      return;
    }
    Generation g = new Generation(ch, key);
    if (startAtEnd) {
      g.skipToEnd();
      startAtEnd = false;
    }
    if (reportedMissing) {
      notice.accept(path + ": appeared; following it");
      reportedMissing = false;
    }
    current = g;
    g.read(sink, true);
  }

  private static Object keyOf(Path p) throws IOException {
    try {
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
      return a.fileKey() != null ? a.fileKey() : Files.getAttribute(p, "unix:ino");
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  @Override
  public void close() throws IOException {
    for (Generation g : retired) {
      g.close();
    }
    retired.clear();
    if (current != null) {
      current.close();
      current = null;
    }
  }

  /** One file (inode) being read: the offset, a partial last line, and its last bytes. */
  private final class Generation {
    final FileChannel channel;
    final Object key;
    long position;
    long lineNumber;
    int quietPolls;
    /** The bytes of a line not yet ended by a newline. */
    byte[] partial = new byte[0];
    /** The last bytes read, up to {@link #TAIL}, ending at {@link #position}. */
    byte[] tail = new byte[0];

    Generation(FileChannel channel, Object key) {
      this.channel = channel;
      this.key = key;
    }

    /** Starts at the end, counting the lines before so line numbers stay true. */
    void skipToEnd() throws IOException {
      long size = channel.size();
      long lines = 0;
      ByteBuffer b = ByteBuffer.allocate(CHUNK);
      long pos = 0;
      int lastByte = '\n';
      while (pos < size) {
        b.clear();
        int n = channel.read(b, pos);
        if (n <= 0) {
          break;
        }
        for (int i = 0; i < n; i++) {
          if (b.get(i) == '\n') {
            lines++;
          }
        }
        lastByte = b.get(n - 1);
        pos += n;
      }
      // Start after the last complete line: a line being written now is read whole.
      long end = pos;
      if (lastByte != '\n') {
        end = lastLineStart(pos);
      }
      position = end;
      lineNumber = lines;
      tail = bytesBefore(channel, position);
    }

    private long lastLineStart(long end) throws IOException {
      long p = end;
      ByteBuffer one = ByteBuffer.allocate(1);
      while (p > 0) {
        one.clear();
        channel.read(one, p - 1);
        if (one.get(0) == '\n') {
          return p;
        }
        p--;
      }
      return 0;
    }

    /**
     * Reads everything up to the current end. When {@code detectTruncation} (the file still
     * at the path), a shrink or changed bytes before the offset mean copytruncate.
     *
     * @return the number of bytes read
     */
    long read(Sink sink, boolean detectTruncation) throws IOException {
      long total = 0;
      while (true) {
        if (detectTruncation && truncated()) {
          recoverFromCopy(sink);
          continue;
        }
        buffer.clear();
        int n = channel.read(buffer, position);
        if (n <= 0) {
          return total;
        }
        byte[] chunk = new byte[n];
        buffer.flip();
        buffer.get(chunk);
        if (detectTruncation && position > 0 && truncated()) {
          // The file was truncated under the read: those bytes are the new content's, read
          // again from the start after the recovery.
          recoverFromCopy(sink);
          continue;
        }
        consume(chunk, sink);
        total += n;
        quietPolls = 0;
      }
    }

    private boolean truncated() throws IOException {
      if (channel.size() < position) {
        return true;
      }
      return position > 0 && !java.util.Arrays.equals(tail, bytesBefore(channel, position));
    }

    /** After copytruncate: the unread rest from the copy, if it is one, then from the start. */
    private void recoverFromCopy(Sink sink) throws IOException {
      Path copy = path.resolveSibling(path.getFileName() + ".1");
      boolean recovered = false;
      try (FileChannel c = FileChannel.open(copy, StandardOpenOption.READ)) {
        if (c.size() >= position && java.util.Arrays.equals(tail, bytesBefore(c, position))) {
          long pos = position;
          ByteBuffer b = ByteBuffer.allocate(CHUNK);
          while (true) {
            b.clear();
            int n = c.read(b, pos);
            if (n <= 0) {
              break;
            }
            byte[] chunk = new byte[n];
            b.flip();
            b.get(chunk);
            consume(chunk, sink);
            pos += n;
          }
          recovered = true;
        }
      } catch (NoSuchFileException e) {
        // no copy: nothing to recover from
      }
      finish(sink);
      notice.accept(path + ": truncated (copytruncate); "
          + (recovered ? "the unread lines were read from " + copy.getFileName()
              : "lines written just before the truncation may be missing")
          + "; reading it from the start");
      position = 0;
      lineNumber = 0;
      tail = new byte[0];
    }

    private void consume(byte[] chunk, Sink sink) {
      int start = 0;
      for (int i = 0; i < chunk.length; i++) {
        if (chunk[i] == '\n') {
          emit(partial, chunk, start, i, sink);
          partial = new byte[0];
          start = i + 1;
        }
      }
      if (start < chunk.length) {
        byte[] p = new byte[partial.length + chunk.length - start];
        System.arraycopy(partial, 0, p, 0, partial.length);
        System.arraycopy(chunk, start, p, partial.length, chunk.length - start);
        partial = p;
      }
      position += chunk.length;
      int keep = Math.min(TAIL, chunk.length);
      byte[] t = new byte[Math.min(TAIL, tail.length + keep)];
      int fromOld = t.length - keep;
      System.arraycopy(tail, tail.length - fromOld, t, 0, fromOld);
      System.arraycopy(chunk, chunk.length - keep, t, fromOld, keep);
      tail = t;
    }

    private void emit(byte[] head, byte[] chunk, int from, int to, Sink sink) {
      byte[] line = new byte[head.length + to - from];
      System.arraycopy(head, 0, line, 0, head.length);
      System.arraycopy(chunk, from, line, head.length, to - from);
      int len = line.length;
      if (len > 0 && line[len - 1] == '\r') {
        len--;
      }
      sink.line(new String(line, 0, len, java.nio.charset.StandardCharsets.UTF_8), ++lineNumber);
    }

    /** A last line without its newline, when this generation is done with. */
    void finish(Sink sink) {
      if (partial.length > 0) {
        emit(partial, new byte[0], 0, 0, sink);
        partial = new byte[0];
      }
    }

    void close() throws IOException {
      channel.close();
    }
  }

  private static byte[] bytesBefore(FileChannel c, long position) throws IOException {
    int n = (int) Math.min(TAIL, position);
    ByteBuffer b = ByteBuffer.allocate(n);
    long from = position - n;
    while (b.hasRemaining()) {
      int r = c.read(b, from + b.position());
      if (r <= 0) {
        return new byte[0];
      }
    }
    return b.array();
  }
}
