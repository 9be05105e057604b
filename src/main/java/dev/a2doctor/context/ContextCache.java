package dev.a2doctor.context;

import dev.a2doctor.cache.ByteCursor;
import dev.a2doctor.cache.CacheFiles;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The server context as last read, kept in {@code context.cache} in the user's cache directory
 * ({@code ${XDG_CACHE_HOME:-$HOME/.cache}/a2doctor}, beside the AppCDS archive), so that
 * {@code a2doctor explain} does not read the whole Apache configuration (with the OWASP CRS,
 * thousands of lines) on every start. Reading it lazily is not an option: the configured
 * ErrorLogFormat decides how the line is read, and the output prints the context's notes.
 *
 * <p>The file holds what decides the result, then the result ({@link CachedContext}):
 *
 * <ul>
 *   <li>the inputs: the cache format, a2doctor's jar (size and time), the working directory,
 *       the user, {@code --apache-config}, {@code --passwd} and {@code --root};
 *   <li>every path the reader looked at (each file read, each directory listed for a wildcard
 *       Include, each path tested and found missing, the user database) with its inode, device,
 *       size, modification and change times in nanoseconds, mode and owner, and each of their
 *       parent directories with its mode and owner (they decide what can be read);
 *   <li>every environment variable the configuration asked for, with its value or its absence.
 * </ul>
 *
 * <p>A start whose inputs, paths and variables are all as recorded loads the result; any
 * difference, or a cache file that cannot be read or decoded, means reading the configuration
 * as without a cache and writing the cache again (to a private temporary file, mode 0600,
 * renamed into place), and ends in a CRC-32 of what it holds. A cache that cannot be written is skipped. A configuration file changed
 * less than {@link #SETTLE_MILLIS} before it was read is not cached: a change within the same
 * clock tick could keep its time.
 */
final class ContextCache {

  static final String FILE = "context.cache";
  /** Files changed this recently are not trusted to show a later change in their times. */
  static final long SETTLE_MILLIS = 2_000;
  private static final String MAGIC = "a2doctor context cache 2";
  private static final String FULL = "unix:ino,dev,size,lastModifiedTime,ctime,mode,uid,gid";
  private static final String PERMISSIONS = "unix:mode,uid,gid";
  private static final byte WATCHED = 0;
  private static final byte PARENT = 1;

  private final Path dir;
  private final Function<String, String> environment;

  ContextCache(Path dir, Function<String, String> environment) {
    this.dir = dir;
    this.environment = environment;
  }

  /**
   * The context for these options: from the cache when nothing it came from changed, else
   * from {@code reader} (given the environment to use and the paths to watch), then cached.
   */
  ServerContext load(Path apacheConfig, Path passwd, Path root,
      BiFunction<Function<String, String>, Consumer<Path>, ServerContext> reader) {
    String inputs = inputs(apacheConfig, passwd, root);
    Path file = dir.resolve(FILE);
    ServerContext cached = read(file, inputs);
    if (cached != null) {
      return cached;
    }
    long started = System.currentTimeMillis();
    Recording recording = new Recording(environment);
    ServerContext context = reader.apply(recording, recording.watch);
    write(file, inputs, recording.watched, recording.asked, context, started);
    return context;
  }

  /**
   * The environment as the reader sees it, noting each variable asked for, and the paths it
   * watches (named classes, not lambdas: explain's start links none, ExplainStartupTest).
   */
  private static final class Recording implements Function<String, String> {
    private final Function<String, String> environment;
    final Map<String, String> asked = new LinkedHashMap<>();
    final Set<Path> watched = new LinkedHashSet<>();
    final Consumer<Path> watch = new Watch(watched);

    Recording(Function<String, String> environment) {
      this.environment = environment;
    }

    @Override
    public String apply(String name) {
      String v = environment.apply(name);
      asked.putIfAbsent(name, v);
      return v;
    }
  }

  /** Adds each watched path to a set. */
  private static final class Watch implements Consumer<Path> {
    private final Set<Path> paths;

    Watch(Set<Path> paths) {
      this.paths = paths;
    }

    @Override
    public void accept(Path p) {
      paths.add(p);
    }
  }

  /** The cached context when the cache is valid for these inputs, else null. */
  private ServerContext read(Path file, String inputs) {
    byte[] bytes;
    try {
      // java.io, not Files.readAllBytes: its channel and temporary direct buffer took about
      // 3 of the 7 ms of reading the 380 KB cache on explain's start
      try (java.io.FileInputStream in = new java.io.FileInputStream(file.toFile())) {
        bytes = in.readAllBytes();
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    if (bytes.length < 8 || checksum(bytes, bytes.length - 8) != tail(bytes)) {
      return null; // cut short or damaged
    }
    try {
      ByteCursor in = new ByteCursor(bytes, bytes.length - 8);
      if (!in.readString().equals(MAGIC) || !in.readString().equals(inputs)) {
        return null;
      }
      int paths = in.readInt();
      for (int i = 0; i < paths; i++) {
        byte kind = in.readByte();
        Path p = Path.of(in.readString());
        long[] recorded = new long[in.readByte()];
        for (int j = 0; j < recorded.length; j++) {
          recorded[j] = in.readLong();
        }
        if (!Arrays.equals(recorded, stat(p, kind == WATCHED ? FULL : PERMISSIONS))) {
          return null;
        }
      }
      int vars = in.readInt();
      for (int i = 0; i < vars; i++) {
        String name = in.readString();
        String value = in.readBoolean() ? in.readString() : null;
        if (!java.util.Objects.equals(value, environment.apply(name))) {
          return null;
        }
      }
      return CachedContext.read(in);
    } catch (IOException | RuntimeException e) {
      return null; // corrupt or from another version: read the configuration
    }
  }

  private void write(Path file, String inputs, Set<Path> watched, Map<String, String> asked,
      ServerContext context, long started) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
      DataOutputStream out = new DataOutputStream(bytes);
      ByteCursor.writeString(out, MAGIC);
      ByteCursor.writeString(out, inputs);
      Set<Path> parents = new LinkedHashSet<>();
      for (Path p : watched) {
        Path abs = p.toAbsolutePath();
        for (Path q = abs.getParent(); q != null; q = q.getParent()) {
          parents.add(q);
        }
      }
      out.writeInt(watched.size() + parents.size());
      for (Path p : watched) {
        long[] s = stat(p, FULL);
        if (s.length > 3 && s[3] > TimeUnit.MILLISECONDS.toNanos(started - SETTLE_MILLIS)) {
          return; // changed just now: a second change may not show in its times
        }
        writePath(out, WATCHED, p, s);
      }
      for (Path p : parents) {
        writePath(out, PARENT, p, stat(p, PERMISSIONS));
      }
      out.writeInt(asked.size());
      for (Map.Entry<String, String> e : asked.entrySet()) {
        ByteCursor.writeString(out, e.getKey());
        out.writeBoolean(e.getValue() != null);
        if (e.getValue() != null) {
          ByteCursor.writeString(out, e.getValue());
        }
      }
      CachedContext.write(context, out);
      out.flush();
      out.writeLong(checksum(bytes.toByteArray(), bytes.size()));
      out.flush();
      CacheFiles.replace(file, ".context", bytes.toByteArray());
    } catch (IOException | RuntimeException e) {
      // no cache this time: the context was read and is right
    }
  }

  /** CRC-32 of the first {@code n} bytes. */
  private static long checksum(byte[] b, int n) {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(b, 0, n);
    return crc.getValue();
  }

  private static long tail(byte[] b) {
    long v = 0;
    for (int i = b.length - 8; i < b.length; i++) {
      v = (v << 8) | (b[i] & 0xff);
    }
    return v;
  }

  private static void writePath(DataOutputStream out, byte kind, Path p, long[] s)
      throws IOException {
    out.writeByte(kind);
    ByteCursor.writeString(out, p.toString());
    out.writeByte(s.length);
    for (long v : s) {
      out.writeLong(v);
    }
  }

  /**
   * The attributes of {@code p} (following links) as numbers: times in nanoseconds; one
   * negative value for a path that does not exist or cannot be looked at.
   */
  static long[] stat(Path p, String attributes) {
    return CacheFiles.stat(p, attributes);
  }


  /** What decides the result besides the files: the jar, where and who, the options. */
  private static String inputs(Path apacheConfig, Path passwd, Path root) {
    List<String> parts = new ArrayList<>();
    parts.add(jar());
    parts.add(System.getProperty("user.dir", ""));
    parts.add(System.getProperty("user.name", ""));
    for (Path p : new Path[] {apacheConfig, passwd, root}) {
      parts.add(p == null ? "-" : "=" + p);
    }
    return String.join("\u0000", parts);
  }

  /** a2doctor's own code: the jar (or class directory) with its size and time. */
  private static String jar() {
    try {
      Path p = Path.of(ContextCache.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI());
      return p + " " + Arrays.toString(stat(p, "unix:size,lastModifiedTime,ino"));
    } catch (Exception e) {
      return "?";
    }
  }
}
