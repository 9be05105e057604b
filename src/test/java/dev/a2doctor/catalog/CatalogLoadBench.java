package dev.a2doctor.catalog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Issue 8's catalog load yardstick, not a test (speed is never asserted in tests): a catalog of
 * COUNT entries (copies of the real YAML files under new ids) read from YAML, which compiles
 * every regex to check it, and from its binary index ({@link CatalogIndex}, what a start-up
 * reads), which compiles none until a line needs one; then the cost of compiling them all.
 * Three loads each in one JVM (the first pays for class loading and the JIT).
 *
 * <p>Usage: {@code CatalogLoadBench [COUNT] [PATTERNS_DIR]}, from the repository; run by
 * {@code src/test/bench/catalog-scale.sh}.
 */
public final class CatalogLoadBench {

  private CatalogLoadBench() {}

  public static void main(String[] args) throws IOException {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    Path patterns = Path.of(args.length > 1 ? args[1] : "patterns");
    Path dir = copies(patterns, count);
    try {
      ByteArrayOutputStream index = new ByteArrayOutputStream();
      List<CatalogProblem> problems = new ArrayList<>();
      if (!CatalogIndex.write(dir, index, problems)) {
        throw new IllegalStateException("no index: " + problems);
      }
      long fingerprint = CatalogIndex.fingerprint(dir);
      ThreadMXBean mx = ManagementFactory.getThreadMXBean();
      for (String when : List.of("first", "second", "third")) {
        long t0 = System.nanoTime();
        long c0 = mx.getCurrentThreadCpuTime();
        Catalog yaml = new CatalogLoader().load(List.of(dir));
        long t1 = System.nanoTime();
        long c1 = mx.getCurrentThreadCpuTime();
        Catalog indexed = CatalogIndex.read(new ByteArrayInputStream(index.toByteArray()),
            fingerprint, rel -> dir.resolve(rel).toString()).orElseThrow();
        long t2 = System.nanoTime();
        long c2 = mx.getCurrentThreadCpuTime();
        int regexes = 0;
        for (Entry e : indexed.entries()) {
          regexes += e.match().compiled() == null ? 0 : 1;
        }
        long t3 = System.nanoTime();
        long c3 = mx.getCurrentThreadCpuTime();
        System.out.printf(Locale.ROOT, "%s load of %d entries: YAML %d ms (%d ms CPU), index %d ms"
                + " (%d ms CPU), then compiling its %d regexes %d ms (%d ms CPU)%n", when,
            yaml.size(), ms(t1 - t0), ms(c1 - c0), ms(t2 - t1), ms(c2 - c1), regexes,
            ms(t3 - t2), ms(c3 - c2));
      }
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }

  /** {@code count} copies of the real entry files under new ids, in a new directory. */
  private static Path copies(Path patterns, int count) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(patterns)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    Path dir = Files.createTempDirectory("a2doctor-load");
    for (int i = 0; i < count; i++) {
      Path f = files.get(i % files.size());
      String id = f.getFileName().toString().replace(".yaml", "");
      String copy = id + "-c" + i;
      Path area = dir.resolve(f.getParent().getFileName().toString());
      Files.createDirectories(area);
      Files.writeString(area.resolve(copy + ".yaml"),
          Files.readString(f).replaceFirst("(?m)^id: " + id + "$", "id: " + copy));
    }
    return dir;
  }
}
