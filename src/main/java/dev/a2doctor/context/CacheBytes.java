package dev.a2doctor.context;

import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the numbers and strings of a cache file ({@link ContextCache}) straight from its bytes:
 * a {@code DataInputStream} over a byte array makes four synchronized calls per number and
 * decodes every string in a Java loop ({@code readUTF}), all of it interpreted on a cold JVM.
 * Strings are written by {@link #writeString} as a length and UTF-8.
 */
final class CacheBytes {

  private final byte[] b;
  private final int end;
  private int at;

  CacheBytes(byte[] b, int end) {
    this.b = b;
    this.end = end;
  }

  static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] u = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(u.length);
    out.write(u);
  }

  private void need(int n) throws EOFException {
    if (n < 0 || end - at < n) {
      throw new EOFException();
    }
  }

  int readInt() throws EOFException {
    need(4);
    int v = (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8
        | (b[at + 3] & 0xff);
    at += 4;
    return v;
  }

  long readLong() throws EOFException {
    long hi = readInt() & 0xffffffffL;
    return hi << 32 | (readInt() & 0xffffffffL);
  }

  byte readByte() throws EOFException {
    need(1);
    return b[at++];
  }

  boolean readBoolean() throws EOFException {
    return readByte() != 0;
  }

  String readString() throws EOFException {
    int n = readInt();
    need(n);
    String s = new String(b, at, n, StandardCharsets.UTF_8);
    at += n;
    return s;
  }

  /** Whether every byte was read. */
  boolean atEnd() {
    return at == end;
  }
}
