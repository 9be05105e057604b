package dev.a2doctor.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A match compiles its regex once, on first use, and compares by its source. */
class MatchTest {

  private static Match match(String regex) {
    return new Match(List.of("AH00128"), null, null, List.of(), regex,
        regex == null ? List.of() : List.of("path"), false);
  }

  @Test
  void compilesItsRegexOnFirstUseAndKeepsIt() {
    Match m = match("File does not exist: (?P<path>.+)$");
    Pattern p = m.compiled();
    assertThat(p.pattern()).isEqualTo("File does not exist: (?P<path>.+)$");
    assertThat(m.compiled()).isSameAs(p);
  }

  @Test
  void hasNoCompiledRegexWithoutARegex() {
    assertThat(match(null).compiled()).isNull();
    assertThat(match(null).required()).isEmpty();
  }

  @Test
  void compilesOnceWhenManyThreadsAskFirst() throws Exception {
    for (int round = 0; round < 50; round++) {
      Match m = match("File does not exist: (?P<path>.+)$");
      Set<Pattern> seen = ConcurrentHashMap.newKeySet();
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      for (int t = 0; t < 4; t++) {
        pool.submit(() -> {
          start.await();
          seen.add(m.compiled());
          return null;
        });
      }
      start.countDown();
      pool.shutdown();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
      // Pattern compares by source: count instances, not equal values
      assertThat(seen.stream().map(System::identityHashCode).distinct()).hasSize(1);
    }
  }

  @Test
  void equalsTheSameMatchWhetherCompiledYetOrNot() {
    Match lazy = match("File does not exist: (?P<path>.+)$");
    Match eager = new Match(List.of("AH00128"), null, null, List.of(),
        "File does not exist: (?P<path>.+)$",
        Pattern.compile("File does not exist: (?P<path>.+)$"), List.of("path"), false);
    assertThat(lazy).isEqualTo(eager).hasSameHashCodeAs(eager);
    assertThat(lazy.required()).isEqualTo("File does not exist: ");
  }
}
