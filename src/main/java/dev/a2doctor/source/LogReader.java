package dev.a2doctor.source;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * Reads the lines of a log the way httpd wrote them and the way an editor numbers them: a line
 * ends at {@code \n} only ({@code \r\n} too, without the {@code \r}), so a carriage return
 * inside a line (a client can put one there) neither splits it nor shifts the line numbers
 * that findings point to.
 *
 * <p>When the input fails part-way (a truncated or corrupt {@code .gz}, an I/O error), every
 * line before the failure is returned first, the last one as far as it got, and only then does
 * {@link #readLine} throw the error. (Each layer of buffering below would otherwise drop what it
 * had decoded when the error came: measured here, 8 KiB of lines, about 50 of them.)
 *
 * <p>A line longer than {@link #MAX_LINE} characters is cut there and the rest of it skipped, so
 * that a file without newlines (a binary file given by mistake) cannot exhaust memory. httpd
 * itself writes at most 8 KiB per line.
 */
public final class LogReader extends BufferedReader {

  /** The longest line kept whole, in characters. */
  public static final int MAX_LINE = 4 << 20;

  private final Deferred deferred;
  private final char[] buf = new char[8192];
  private int pos;
  private int end;
  private boolean eof;

  LogReader(Reader in, Deferred deferred) {
    super(in, 1 << 16);
    this.deferred = deferred;
  }

  @Override
  public String readLine() throws IOException {
    StringBuilder sb = null;
    while (true) {
      if (pos >= end) {
        int n = eof ? -1 : super.read(buf, 0, buf.length);
        if (n < 0) {
          eof = true;
          if (sb != null) {
            return sb.toString();
          }
          deferred.rethrow();
          return null;
        }
        pos = 0;
        end = n;
      }
      int i = pos;
      while (i < end && buf[i] != '\n') {
        i++;
      }
      if (i < end) {
        String line = sb == null ? new String(buf, pos, i - pos)
            : append(sb, pos, i).toString();
        pos = i + 1;
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      }
      if (sb == null) {
        sb = new StringBuilder(2 * (end - pos));
      }
      append(sb, pos, end);
      pos = end;
    }
  }

  /** Appends buf[from, to) to the line, up to {@link #MAX_LINE} characters. */
  private StringBuilder append(StringBuilder sb, int from, int to) {
    return sb.append(buf, from, Math.max(0, Math.min(to - from, MAX_LINE - sb.length())));
  }

  @Override
  public int read() throws IOException {
    return pos < end ? buf[pos++] : super.read();
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (pos < end) {
      int n = Math.min(len, end - pos);
      System.arraycopy(buf, pos, cbuf, off, n);
      pos += n;
      return n;
    }
    return super.read(cbuf, off, len);
  }

  @Override
  public boolean ready() throws IOException {
    return pos < end || super.ready();
  }

  /** Turns a read error into an end of input, and keeps the error for {@link #rethrow}. */
  static final class Deferred extends FilterInputStream {
    private IOException failure;

    Deferred(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      if (failure != null) {
        return -1;
      }
      try {
        return super.read();
      } catch (IOException e) {
        failure = e;
        return -1;
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (failure != null) {
        return -1;
      }
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        failure = e;
        return -1;
      }
    }

    void rethrow() throws IOException {
      IOException f = failure;
      failure = null;
      if (f != null) {
        throw f;
      }
    }
  }
}
