package dev.a2doctor.match;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.a2doctor.catalog.Catalog;
import dev.a2doctor.catalog.CatalogLoader;
import dev.a2doctor.render.PipelineOutput;
import dev.a2doctor.source.LogFiles;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzzing of the matcher over the built-in catalog and of everything after it
 * (Jazzer): any bytes, read as a log, match without an exception, every capture is a piece of
 * the message, and the rendered text and JSON stay valid. Runs in its own JVM for a bounded
 * time (pom.xml, execution fuzz-matcher); inputs that once failed are kept under
 * src/test/resources/dev/a2doctor/match/MatcherFuzzTestInputs/ and replayed first, and by
 * {@link MatcherCorpusReplayTest} in the ordinary test run.
 */
class MatcherFuzzTest {

  private static final Catalog CATALOG = new CatalogLoader().loadBuiltin();
  private static final Matcher MATCHER = new Matcher(CATALOG);

  @FuzzTest(maxDuration = "4s")
  void matchesAndRendersAnyLog(byte[] data) throws IOException {
    check(data);
  }

  static void check(byte[] data) throws IOException {
    if (!CATALOG.problems().isEmpty()) {
      throw new AssertionError("built-in catalog: " + CATALOG.problems());
    }
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = LogFiles.reader(new ByteArrayInputStream(data))) {
      String raw;
      while ((raw = r.readLine()) != null) {
        lines.add(raw);
      }
    }
    MatcherInvariants.check(MATCHER, lines);
    PipelineOutput.of(MATCHER, "fuzz.log", lines).assertValid();
  }
}
