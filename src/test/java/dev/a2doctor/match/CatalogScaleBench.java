package dev.a2doctor.match;

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

/**
 * Issue 8's catalog-scale yardstick, not a test (speed is never asserted in tests): the whole
 * pipeline (parse, match, group) over the first LINES lines of a log with 20 real entries, and
 * with the same 20 plus 1,980 decoys (copies of real entries under other ids, tags, literals and
 * modules, which the log never hits), alternately, ROUNDS times; prints throughput and the median
 * ratio. Loading 2,000 entries is timed by {@code CatalogLoadBench}; both are run by
 * {@code src/test/bench/catalog-scale.sh}.
 *
 * <p>Usage: {@code CatalogScaleBench LOG [LINES] [ROUNDS]}
 */
public final class CatalogScaleBench {

  private CatalogScaleBench() {}

  public static void main(String[] args) throws IOException {
    Path log = Path.of(args[0]);
    int lines = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;


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
}
