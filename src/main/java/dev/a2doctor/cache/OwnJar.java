package dev.a2doctor.cache;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads files of a2doctor's own jar (the catalog index, the note texts) straight from the jar.
 * {@code getResourceAsStream} asks the platform class loader first, which opens the JDK's
 * module image to look there (about 6 ms of {@code explain}'s start), then reads the jar through
 * a URL connection. The jar is opened once, when first read, and stays open: each opening reads
 * its table of contents again (some 5,000 entries with the libraries, 3 to 4 ms on a cold JVM).
 */
public final class OwnJar {

  private OwnJar() {}

  /** The jar, opened when first asked for; null when a2doctor does not run from a jar file. */
  private static final class Jar {
    static final ZipFile OPEN = open();

    private static ZipFile open() {
      try {
        java.security.CodeSource cs = OwnJar.class.getProtectionDomain().getCodeSource();
        URL location = cs == null ? null : cs.getLocation();
        if (location == null || !"file".equals(location.getProtocol())) {
          return null;
        }
        Path jar = Path.of(location.toURI());
        return Files.isRegularFile(jar) ? new ZipFile(jar.toFile()) : null;
      } catch (URISyntaxException | IOException | RuntimeException e) {
        return null;
      }
    }
  }

  /**
   * The bytes of entry {@code name} of a2doctor's jar; null when a2doctor does not run from a
   * jar file (tests run from a directory of classes) or the jar has no such entry.
   */
  public static byte[] read(String name) throws IOException {
    ZipFile z = Jar.OPEN;
    ZipEntry e = z == null ? null : z.getEntry(name);
    if (e == null) {
      return null;
    }
    try (InputStream in = z.getInputStream(e)) {
      long size = e.getSize();
      if (size < 0 || size > Integer.MAX_VALUE - 8) {
        return in.readAllBytes();
      }
      // inflated straight into an array of its size, not in 8 KB pieces joined afterwards
      byte[] b = new byte[(int) size];
      if (in.readNBytes(b, 0, b.length) != b.length || in.read() >= 0) {
        throw new EOFException(name + ": not " + size + " bytes");
      }
      return b;
    }
  }

  /**
   * As {@link #read}, and when a2doctor does not run from a jar with that entry, the resource
   * {@code name} of the class path (a build's class directory); null when there is neither.
   */
  public static byte[] readOrResource(String name) throws IOException {
    byte[] own = read(name);
    if (own != null) {
      return own;
    }
    try (InputStream in = OwnJar.class.getClassLoader().getResourceAsStream(name)) {
      return in == null ? null : in.readAllBytes();
    }
  }
}
