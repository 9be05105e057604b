package dev.a2doctor.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.a2doctor.catalog.Catalog;
import dev.a2doctor.catalog.CatalogLoader;
import dev.a2doctor.parse.LogLine;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cache answers exactly what the matcher answers, for each line, however full it gets. */
class MatchCacheTest {

  private static final Catalog CATALOG = new CatalogLoader().loadBuiltin();
  private final Matcher matcher = new Matcher(CATALOG);

  @Test
  void answersWhatTheMatcherAnswersForEveryCapturedLineTwice() throws IOException {
    MatchCache cache = new MatchCache(matcher);
    List<LogLine> lines = MatcherThreadsTest.sampleLines();
    for (int round = 0; round < 2; round++) {
      for (LogLine l : lines) {
        assertSameAnswer(cache.match(l), matcher.match(l), l);
      }
    }
  }

  @Test
  void tellsApartLinesWithTheSameMessageButAnotherTagModuleOrErrno() throws IOException {
    MatchCache cache = new MatchCache(matcher);
    for (LogLine l : MatcherThreadsTest.sampleLines()) {
      List<LogLine> variants = List.of(l,
          new LogLine(l.raw(), l.format(), l.time(), l.module(), l.level(), l.pid(), l.tid(),
              l.errno(), l.errnoText(), l.client(), "", l.message(), l.referer()),
          new LogLine(l.raw(), l.format(), l.time(), "other", l.level(), l.pid(), l.tid(),
              l.errno(), l.errnoText(), l.client(), l.tag(), l.message(), l.referer()),
          new LogLine(l.raw(), l.format(), l.time(), l.module(), l.level(), l.pid(), l.tid(),
              l.errno() == 13 ? 2 : 13, l.errnoText(), l.client(), l.tag(), l.message(),
              l.referer()));
      for (LogLine v : variants) {
        assertSameAnswer(cache.match(v), matcher.match(v), v);
      }
    }
  }

  @Test
  void keepsAnsweringRightBeyondItsSize() throws IOException {
    MatchCache cache = new MatchCache(matcher);
    List<LogLine> lines = MatcherThreadsTest.sampleLines();
    // more distinct messages than the cache holds, with the captured lines among them, twice
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < MatchCache.MAX + 100; i++) {
        LogLine l = lines.get(i % lines.size());
        LogLine v = i < lines.size() ? l
            : new LogLine(l.raw(), l.format(), l.time(), l.module(), l.level(), l.pid(), l.tid(),
                l.errno(), l.errnoText(), l.client(), l.tag(), l.message() + " #" + i,
                l.referer());
        assertSameAnswer(cache.match(v), matcher.match(v), v);
      }
    }
  }

  @Test
  void keepsAMessageFromItsSecondSightingOnSoThatOnceOnlyMessagesMakeNoGarbage()
      throws IOException {
    MatchCache cache = new MatchCache(matcher);
    LogLine l = MatcherThreadsTest.sampleLines().get(0);
    cache.match(l);
    assertThat(cache.misses()).as("first sighting: matched, not kept").isEqualTo(1);
    cache.match(l);
    assertThat(cache.misses()).as("second sighting: matched again, kept").isEqualTo(2);
    for (int i = 0; i < 5; i++) {
      assertSameAnswer(cache.match(l), matcher.match(l), l);
    }
    assertThat(cache.misses()).as("later sightings: from the cache").isEqualTo(2);
  }

  private static void assertSameAnswer(Optional<Hit> cached, Optional<Hit> fresh, LogLine l) {
    assertThat(cached.isPresent()).as(l.raw()).isEqualTo(fresh.isPresent());
    if (fresh.isPresent()) {
      assertThat(cached.get().entry()).as(l.raw()).isSameAs(fresh.get().entry());
      assertThat(cached.get().captures()).as(l.raw()).isEqualTo(fresh.get().captures());
      assertThat(cached.get().line()).as(l.raw()).isSameAs(l);
    }
  }

}
