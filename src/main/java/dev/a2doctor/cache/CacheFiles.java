package dev.a2doctor.cache;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the caches in the user's cache directory (the context cache, the installed catalog's
 * note) share: how a file's identity is read, and how a cache file is replaced so that a reader
 * never sees half of it.
 */
public final class CacheFiles {

  private CacheFiles() {}

  /**
   * The values of {@code attributes} ({@code unix:ino,size,...}, in that order; times in ns) of
   * {@code p}, following links; {@code {-1}} when it is missing, {@code {-2}} when access is
   * denied, {@code {-3}} on another error.
   */
  public static long[] stat(Path p, String attributes) {
    Map<String, Object> a;
    try {
      a = Files.readAttributes(p, attributes);
    } catch (NoSuchFileException e) {
      return new long[] {-1};
    } catch (AccessDeniedException e) {
      return new long[] {-2};
    } catch (IOException e) {
      return new long[] {-3};
    }
    String[] names = attributes.substring(attributes.indexOf(':') + 1).split(",");
    long[] out = new long[names.length];
    for (int i = 0; i < names.length; i++) {
      Object v = a.get(names[i]);
      out[i] = v instanceof FileTime t ? t.to(TimeUnit.NANOSECONDS)
          : v instanceof Number n ? n.longValue() : -4;
    }
    return out;
  }

  /**
   * Replaces {@code file} with {@code bytes} at once: written to a new file of mode 0600 beside
   * it, then renamed over it. Failing is not an error for a cache: false, and nothing is left.
   */
  public static boolean replace(Path file, String prefix, byte[] bytes) {
    Path tmp = null;
    try {
      Files.createDirectories(file.getParent());
      tmp = Files.createTempFile(file.getParent(), prefix, ".tmp"); // mode 0600
      Files.write(tmp, bytes);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      tmp = null;
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          // a stray temporary file in the cache directory
        }
      }
    }
  }
}
