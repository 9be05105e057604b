package dev.a2doctor.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.a2doctor.catalog.CatalogIndex;
import dev.a2doctor.catalog.CatalogLoader;
import dev.a2doctor.parse.LineParser;
import dev.a2doctor.parse.LogLine;
import dev.a2doctor.parse.ParseResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * One Matcher serves several worker threads at once, each with its own MatchCache: the regexes
 * compile on first use from whichever thread comes first (a catalog from the index), RE2/J's
 * patterns and the Aho-Corasick trie are shared, and every thread gets what one thread alone
 * gets.
 */
class MatcherThreadsTest {

  @Test
  void workersSharingOneMatcherEachGetWhatOneThreadGets() throws Exception {
    List<LogLine> lines = sampleLines();
    List<String> expected = answers(new Matcher(new CatalogLoader().loadBuiltin()), lines, false);
    // a fresh catalog from the index: nothing compiled yet when the workers start
    Matcher shared = new Matcher(CatalogIndex.builtin()
        .orElseGet(() -> new CatalogLoader().loadBuiltin()));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> workers = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        boolean cached = w % 2 == 0;
        workers.add(pool.submit(() -> answers(shared, lines, cached)));
      }
      for (Future<List<String>> f : workers) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** What matching says of each line, twice over the lines (so the cache answers the second). */
  private static List<String> answers(Matcher matcher, List<LogLine> lines, boolean cached) {
    MatchCache cache = new MatchCache(matcher);
    List<String> out = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      for (LogLine l : lines) {
        Optional<Hit> h = cached ? cache.match(l) : matcher.match(l);
        out.add(h.map(x -> x.entry().id() + " " + new java.util.TreeMap<>(x.captures()))
            .orElse("-"));
      }
    }
    return out;
  }

  /** Every parsed line of the captures under samples/. */
  static List<LogLine> sampleLines() throws IOException {
    LineParser parser = new LineParser();
    List<LogLine> lines = new ArrayList<>();
    for (String raw : dev.a2doctor.SampleLogs.lines()) {
      if (parser.parse(raw) instanceof ParseResult.Parsed p) {
        lines.add(p.line());
      }
    }
    return lines;
  }

}
