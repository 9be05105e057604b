package dev.a2doctor.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.a2doctor.context.ServerContext;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A batch run keeps at most N groups per entry and counts the lines of further groups together,
 * so memory does not grow with the size of the log.
 */
class FoldingTest {

  static final long MB = 1 << 20;

  /** The real AH01630 line of samples/access-require/error.log. */
  static String denied() throws IOException {
    return Files.readAllLines(Path.of("samples/access-require/error.log")).stream()
        .filter(l -> l.contains("AH01630")).findFirst().orElseThrow();
  }

  /** The real line with its path varied (the path is what the entry's fix names). */
  static String deniedAt(String line, String path) {
    return line.replace("/tmp/a2d-acc-cap/srv/site/reports/index.html", path);
  }

  @Test
  void groupsPastTheBoundAreCountedTogetherInOneFindingOfTheEntry() throws IOException {
    String line = denied();
    Diagnoser d = new Diagnoser(DiagnoserTest.MATCHER, ServerContext.none("test"))
        .groupsPerEntry(2);
    long n = 0;
    for (int round = 0; round < 3; round++) {
      for (String p : List.of("/srv/a", "/srv/b", "/srv/c", "/srv/d", "/srv/e")) {
        d.accept(deniedAt(line, p), "error.log", ++n);
      }
    }
    List<Finding> findings = d.result().findings();
    assertThat(findings).hasSize(3);
    assertThat(findings).filteredOn(f -> !f.folded())
        .extracting(f -> f.captures().get("path")).containsExactlyInAnyOrder("/srv/a", "/srv/b");
    assertThat(findings).filteredOn(f -> !f.folded()).allSatisfy(
        f -> assertThat(f.count()).isEqualTo(3));
    assertThat(findings).filteredOn(Finding::folded).singleElement().satisfies(f -> {
      assertThat(f.count()).isEqualTo(9); // c, d and e, three times each
      assertThat(f.foldedPast()).isEqualTo(2);
      assertThat(f.firstLine()).isEqualTo(3);
      assertThat(f.sample()).contains("/srv/c");
      assertThat(f.fix("en")).contains("/srv/c");
    });
    assertThat(findings.stream().mapToLong(Finding::count).sum()).isEqualTo(n);
  }

  @Test
  void noBoundKeepsEveryGroup() throws IOException {
    String line = denied();
    Diagnoser d = new Diagnoser(DiagnoserTest.MATCHER, ServerContext.none("test"))
        .groupsPerEntry(0);
    for (int i = 0; i < 300; i++) {
      d.accept(deniedAt(line, "/srv/p" + i), "error.log", i + 1);
    }
    assertThat(d.result().findings()).hasSize(300).noneMatch(Finding::folded);
  }

  @Test
  void repeatsInterleavedAcrossMoreGroupsThanTheKeyCacheHoldsEachCountInTheirOwnGroup()
      throws IOException {
    // the Diagnoser reuses a recent hit's group key by the identity of its captures: with twice
    // as many groups as it has slots, interleaved, every slot is taken over again and again
    String line = denied();
    Diagnoser d = new Diagnoser(DiagnoserTest.MATCHER, ServerContext.none("test"))
        .groupsPerEntry(0);
    int groups = 8192;
    long n = 0;
    for (int round = 0; round < 4; round++) {
      for (int i = 0; i < groups; i++) {
        // group i comes i % 4 + 1 times in all
        if (round <= i % 4) {
          d.accept(deniedAt(line, "/srv/p" + i), "error.log", ++n);
        }
      }
    }
    List<Finding> findings = d.result().findings();
    assertThat(findings).hasSize(groups);
    assertThat(findings).allSatisfy(f -> {
      int i = Integer.parseInt(f.captures().get("path").substring("/srv/p".length()));
      assertThat(f.count()).as(f.captures().get("path")).isEqualTo(i % 4 + 1);
      assertThat(f.fix("en")).contains("/srv/p" + i + " ").doesNotContain("/srv/p" + i + "0");
    });
  }

  @Test
  void theDefaultBoundKeepsRetainedMemoryFlatOverEverNewGroups() throws IOException {
    String line = denied();
    Diagnoser d = new Diagnoser(DiagnoserTest.MATCHER, ServerContext.none("test"));
    long[] n = {0};
    Runnable batch = () -> {
      for (int i = 0; i < 10_000; i++) {
        n[0]++;
        d.accept(deniedAt(line, "/srv/site/page-" + n[0] + ".html"), "error.log", n[0]);
      }
    };
    batch.run(); // past the bound, the caches full
    long early = retainedHeap();
    for (int i = 0; i < 4; i++) {
      batch.run();
    }
    long late = retainedHeap();
    // measured: flat with the bound; without it (groupsPerEntry(0)) the 40,000 more groups
    // retained 34 MB
    assertThat(late - early).as("heap growth in MB: %d -> %d", early / MB, late / MB)
        .isLessThan(2 * MB);
    Diagnosis result = d.result();
    assertThat(result.findings()).hasSize(Diagnoser.DEFAULT_MAX_GROUPS + 1);
    assertThat(result.findings().stream().mapToLong(Finding::count).sum()).isEqualTo(n[0]);
  }

  private static long retainedHeap() {
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      least = Math.min(least,
          ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return least;
  }
}
