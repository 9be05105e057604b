package dev.a2doctor.cache;

import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the numbers and strings of a file a2doctor wrote itself (the catalog index, the context
 * cache) straight from its bytes, in {@code DataOutputStream}'s big-endian layout: a {@code
 * DataInputStream} over a byte array makes four synchronized calls per number and decodes every
 * string in a Java loop ({@code readUTF}), all of it interpreted on a cold JVM, where these files
 * are read. Strings are written by {@link #writeString} as a length and UTF-8.
 */
public final class ByteCursor {

  private final byte[] b;
  private final int end;
  private int at;

  /** Reads all of {@code b}. */
  public ByteCursor(byte[] b) {
    this(b, b.length);
  }

  /** Reads {@code b} up to {@code end} (a trailer past it is read by other means). */
  public ByteCursor(byte[] b, int end) {
    this.b = b;
    this.end = end;
  }

  /** A string as {@link #readString} reads it: its length in UTF-8 bytes, then those bytes. */
  public static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] u = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(u.length);
    out.write(u);
  }

  private void need(int n) throws EOFException {
    if (n < 0 || end - at < n) {
      throw new EOFException("cut short at byte " + at + " of " + end);
    }
  }

  public int readInt() throws EOFException {
    need(4);
    int v = (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8
        | (b[at + 3] & 0xff);
    at += 4;
    return v;
  }

  public long readLong() throws EOFException {
    long hi = readInt() & 0xffffffffL;
    return hi << 32 | (readInt() & 0xffffffffL);
  }

  public byte readByte() throws EOFException {
    need(1);
    return b[at++];
  }

  public boolean readBoolean() throws EOFException {
    return readByte() != 0;
  }

  /** A string {@link #writeString} wrote. */
  public String readString() throws EOFException {
    return utf8(readInt());
  }

  /** {@code writeUTF} of an ASCII text (a magic): a two-byte length, then the bytes. */
  public String readUTF() throws EOFException {
    need(2);
    int n = (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    at += 2;
    return utf8(n);
  }

  /** The next {@code n} bytes as UTF-8. */
  public String utf8(int n) throws EOFException {
    need(n);
    String s = new String(b, at, n, StandardCharsets.UTF_8);
    at += n;
    return s;
  }

  /** How many bytes were read. */
  public int position() {
    return at;
  }

  /** Whether every byte was read. */
  public boolean atEnd() {
    return at == end;
  }
}
