package dev.a2doctor.catalog;

import dev.a2doctor.cache.CacheFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A note, in the user's cache directory ({@value #FILE}), that an installed catalog directory
 * held exactly the files the built-in index was made from when it was last checked: every
 * directory below it and every file in them with its inode, size, modification and change
 * times. While all of those are unchanged, {@link CatalogIndex#builtinFor(Path, Path)} trusts
 * the index without reading the 200+ YAML files for their checksum (an added or removed file
 * changes its directory's times, an edited one its own). Anything else (no note, another
 * directory or index, a damaged note) means checking the contents as before; a directory
 * changed in the last seconds is not noted, as a second change in the same clock tick could
 * leave the times as they were.
 */
final class IndexStamp {

  static final String FILE = "catalog.stamp";
  private static final String MAGIC = "a2doctor catalog stamp 1";
  private static final long SETTLE_MILLIS = 2_000;
  private static final String ATTRIBUTES = "unix:ino,dev,size,lastModifiedTime,ctime";

  private final Path file;
  private final Path dir;

  IndexStamp(Path cacheDir, Path dir) {
    this.file = cacheDir.resolve(FILE);
    this.dir = dir;
  }

  /** Whether the note says {@code dir} holds the files of the index {@code fingerprint}. */
  boolean holds(long fingerprint) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
      if (!in.readUTF().equals(MAGIC) || !in.readUTF().equals(dir.toString())
          || in.readLong() != fingerprint) {
        return false;
      }
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        Path p = Path.of(in.readUTF());
        long[] recorded = new long[in.readUnsignedByte()];
        for (int j = 0; j < recorded.length; j++) {
          recorded[j] = in.readLong();
        }
        if (!Arrays.equals(recorded, stat(p))) {
          return false;
        }
      }
      return in.readUTF().equals(MAGIC) && in.read() == -1;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Notes that {@code dir} holds the files of the index {@code fingerprint}, as checked from
   * their contents since {@code checkedSince} (milliseconds); quietly nothing when that cannot
   * be written or something changed too recently to be sure.
   */
  void note(long fingerprint, long checkedSince) {
    try {
      List<Path> paths;
      try (Stream<Path> s = Files.walk(dir)) {
        paths = s.sorted().toList();
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeUTF(MAGIC);
      out.writeUTF(dir.toString());
      out.writeLong(fingerprint);
      out.writeInt(paths.size());
      long settled = TimeUnit.MILLISECONDS.toNanos(checkedSince - SETTLE_MILLIS);
      for (Path p : paths) {
        long[] s = stat(p);
        if (s.length < 5 || s[3] > settled) {
          return;
        }
        out.writeUTF(p.toString());
        out.writeByte(s.length);
        for (long v : s) {
          out.writeLong(v);
        }
      }
      out.writeUTF(MAGIC);
      out.flush();
      CacheFiles.replace(file, ".catalog", bytes.toByteArray());
    } catch (IOException | RuntimeException e) {
      // checked from the contents again next time
    }
  }

  /** Inode, device, size, modification and change time (ns); negative when unreadable. */
  private static long[] stat(Path p) {
    return CacheFiles.stat(p, ATTRIBUTES);
  }

}
