package dev.a2doctor.match;

import dev.a2doctor.catalog.Catalog;
import dev.a2doctor.catalog.CatalogLoader;
import dev.a2doctor.catalog.Entry;
import dev.a2doctor.catalog.Match;
import dev.a2doctor.context.ServerContext;
import dev.a2doctor.report.Diagnoser;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Issue 8's catalog-scale yardstick, not a test (speed is never asserted in tests): the whole
 * pipeline (parse, match, group) over the first LINES lines of a log with 20 real entries, and
 * with the same 20 plus 1,980 decoys (copies of real entries under other ids, tags, literals and
 * modules, which the log never hits), alternately, ROUNDS times; prints throughput and the median
 * ratio. Also times loading 2,000 entries from YAML. Run by {@code src/test/bench/catalog-scale.sh}.
 *
 * <p>Usage: {@code CatalogScaleBench LOG [LINES] [ROUNDS] [PATTERNS_DIR]}
 */
public final class CatalogScaleBench {

  private CatalogScaleBench() {}

  public static void main(String[] args) throws IOException {
    Path log = Path.of(args[0]);
    int lines = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    Path patterns = Path.of(args.length > 3 ? args[3] : "patterns");

    loadTime(patterns, 2000);

    List<String> input = new ArrayList<>(lines);
    try (BufferedReader r = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
      String l;
      while (input.size() < lines && (l = r.readLine()) != null) {
        input.add(l);
      }
    }
    List<Entry> real = new CatalogLoader().loadBuiltin().entries();
    List<Entry> small = real.subList(0, 20);
    List<Entry> large = new ArrayList<>(small);
    for (int i = 0; large.size() < 2000; i++) {
      large.add(decoy(real.get(i % real.size()), i));
    }
    // warm up both, then alternate
    run(small, input);
    run(large, input);
    double[] ratios = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      double a = run(small, input);
      double b = run(large, input);
      ratios[r] = b / a;
      System.out.printf(Locale.ROOT, "round %d: 20 entries %,.0f lines/s, 2000 entries %,.0f"
          + " lines/s, ratio %.2f%n", r + 1, a, b, ratios[r]);
    }
    Arrays.sort(ratios);
    System.out.printf(Locale.ROOT, "median throughput ratio 2000/20 entries over %d rounds of"
        + " %,d lines: %.2fx (target >= 0.8x)%n", rounds, input.size(), ratios[rounds / 2]);
  }

  /** Lines per second through parse, match and group. */
  private static double run(List<Entry> entries, List<String> input) {
    long t0 = System.nanoTime();
    Diagnoser d = new Diagnoser(new Matcher(entries), ServerContext.none("bench"), e -> { },
        () -> 0L);
    long n = 0;
    for (String line : input) {
      d.accept(line, "bench.log", ++n);
    }
    d.result();
    return input.size() / ((System.nanoTime() - t0) / 1e9);
  }

  /** A copy of {@code e} that no line of a real log reaches. */
  private static Entry decoy(Entry e, int i) {
    Match m = e.match();
    List<String> tags = m.tags().stream().map(t -> "AH8" + String.format("%04d", i % 10000))
        .toList();
    String literal = m.literal() == null ? null : m.literal() + " decoy" + i;
    String module = m.fallback() || m.module() != null ? "decoy" + i : null;
    Match dm = new Match(tags, literal, module, m.errno(), m.regex(), m.compiled(), m.groups(),
        m.fallback());
    return new Entry(e.id() + "-decoy" + i, e.area(), e.title(), e.severity(), dm, e.context(),
        e.explanation(), e.fix(), e.variants(), e.references(), e.examples(), e.nearMisses(),
        e.scenarios(), e.header(), e.escalate(), e.groupBy(), e.source());
  }

  /** Writes {@code count} entries as YAML (copies of the real files) and times loading them. */
  private static void loadTime(Path patterns, int count) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(patterns)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    Path dir = Files.createTempDirectory("a2doctor-scale");
    try {
      for (int i = 0; i < count; i++) {
        Path f = files.get(i % files.size());
        String id = f.getFileName().toString().replace(".yaml", "");
        String copy = id + "-c" + i;
        Path area = dir.resolve(f.getParent().getFileName().toString());
        Files.createDirectories(area);
        Files.writeString(area.resolve(copy + ".yaml"),
            Files.readString(f).replaceFirst("(?m)^id: " + id + "$", "id: " + copy));
      }
      java.lang.management.ThreadMXBean mx =
          java.lang.management.ManagementFactory.getThreadMXBean();
      for (String when : List.of("first", "second", "third")) {
        long t0 = System.nanoTime();
        long cpu0 = mx.getCurrentThreadCpuTime();
        Catalog c = new CatalogLoader().load(List.of(dir));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long cpuMs = (mx.getCurrentThreadCpuTime() - cpu0) / 1_000_000;
        System.out.printf(Locale.ROOT, "loading %d entries from YAML (%s load in this JVM): %d ms"
            + " wall, %d ms CPU of this thread, %d problems%n", c.size(), when, ms, cpuMs,
            c.problems().size());
      }
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
      }
    }
  }
}
