package dev.a2doctor.bench;

import dev.a2doctor.catalog.Catalog;
import dev.a2doctor.catalog.CatalogIndex;
import dev.a2doctor.catalog.CatalogLoader;
import dev.a2doctor.catalog.Entry;
import dev.a2doctor.catalog.Match;
import dev.a2doctor.match.Hit;
import dev.a2doctor.match.Matcher;
import dev.a2doctor.parse.LineParser;
import dev.a2doctor.parse.LogLine;
import dev.a2doctor.parse.ParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The inputs of the benchmarks, built outside the measured code: real lines from
 * {@code samples/}, a chunk of the shared synthetic log ({@code bench/gen_log.py}, the same
 * generator the ripgrep comparison uses), the real catalog and synthetic catalogs of a given size.
 * Paths are relative to the repository, where {@code java -jar target/benchmarks.jar} is run;
 * {@code -Da2doctor.repo=DIR} points elsewhere.
 */
final class BenchData {

  private BenchData() {}

  static Path repo() {
    return Path.of(System.getProperty("a2doctor.repo", "."));
  }

  /** Every line of every captured log under samples/, in path order. */
  static List<String> sampleLines() {
    Path samples = repo().resolve("samples");
    List<String> lines = new ArrayList<>();
    try (Stream<Path> s = Files.walk(samples)) {
      for (Path f : s.filter(p -> p.getFileName().toString().endsWith(".log")).sorted()
          .toList()) {
        lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + samples.toAbsolutePath(), e);
    }
    if (lines.isEmpty()) {
      throw new IllegalStateException("no *.log under " + samples.toAbsolutePath());
    }
    return lines;
  }

  /** {@code n} lines of the synthetic log, made by {@code python3 bench/gen_log.py n}. */
  static List<String> generatedLines(int n) {
    Path script = repo().resolve("bench/gen_log.py");
    try {
      Path out = Files.createTempFile("a2doctor-bench", ".log");
      try {
        Process p = new ProcessBuilder("python3", script.toString(), Integer.toString(n),
            out.toString()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
          throw new IllegalStateException("python3 " + script + " failed: " + said);
        }
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        if (lines.size() != n) {
          throw new IllegalStateException(script + " wrote " + lines.size() + " lines, not " + n);
        }
        return lines;
      } finally {
        Files.deleteIfExists(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static List<LogLine> parsed(List<String> raw) {
    LineParser parser = new LineParser();
    List<LogLine> out = new ArrayList<>();
    for (String r : raw) {
      if (parser.parse(r) instanceof ParseResult.Parsed p) {
        out.add(p.line());
      }
    }
    return out;
  }

  /** The built-in catalog, from its build-time index when there is one (faster to set up). */
  static Catalog realCatalog() {
    return Built.CATALOG;
  }

  /** The synthetic chunk every benchmark reads: the first {@code n} of 20,000 lines. */
  static List<String> generatedChunk(int n) {
    return Built.CHUNK.subList(0, n);
  }

  /** Made once per JVM (several benchmarks run in one JVM in the smoke test), never changed. */
  private static final class Built {
    static final Catalog CATALOG = load();
    static final List<String> CHUNK = List.copyOf(generatedLines(20_000));

    private static Catalog load() {
      Catalog c = CatalogIndex.builtin().orElseGet(() -> new CatalogLoader().loadBuiltin());
      if (!c.problems().isEmpty()) {
        throw new IllegalStateException("built-in catalog has problems: " + c.problems());
      }
      return c;
    }
  }

  /**
   * A catalog of {@code size} entries for the lines {@code lines}: {@code "real"} is the
   * built-in catalog; a number is the 20 real entries that explain most of these lines,
   * followed by synthetic copies of real entries (distinct ids, tags and literals, same regexes,
   * modules and errno) that no line matches. So every size explains the same lines with the
   * same entries, and only the index has more to look through.
   */
  static List<Entry> catalog(String size, List<LogLine> lines) {
    Catalog real = realCatalog();
    if ("real".equals(size)) {
      return real.entries();
    }
    int n = Integer.parseInt(size);
    Matcher all = new Matcher(real);
    Map<String, Integer> hits = new HashMap<>();
    for (LogLine l : lines) {
      Optional<Hit> h = all.match(l);
      h.ifPresent(x -> hits.merge(x.entry().id(), 1, Integer::sum));
    }
    List<Entry> out = new ArrayList<>(real.entries().stream()
        .filter(e -> hits.containsKey(e.id()))
        .sorted(Comparator.<Entry>comparingInt(e -> -hits.get(e.id())).thenComparing(Entry::id))
        .limit(Math.min(20, n))
        .toList());
    List<Entry> templates = real.entries().stream().filter(e -> !e.match().fallback()).toList();
    int tag = 20000; // httpd's AH tags end near AH10500: these are nobody's
    for (int k = 0; out.size() < n; k++) {
      Entry t = templates.get(k % templates.size());
      List<String> tags = new ArrayList<>();
      for (int i = 0; i < t.match().tags().size(); i++) {
        tags.add(String.format("AH%05d", tag++));
      }
      Match m = t.match();
      Match copy = new Match(tags, m.literal() == null ? null : m.literal() + " (copy " + k + ")",
          m.module(), m.errno(), m.regex(),
          m.regex() == null ? null : com.google.re2j.Pattern.compile(m.regex()), m.groups(),
          false);
      out.add(new Entry(t.id() + "-copy-" + k, t.area(), t.title(), t.severity(), copy,
          t.context(), t.explanation(), t.fix(), t.variants(), t.references(), t.examples(),
          t.nearMisses(), t.scenarios(), t.header(), t.escalate(), t.groupBy(), t.source()));
    }
    return out;
  }
}
