package dev.a2doctor.match;

import dev.a2doctor.parse.CorpusFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Replays the matcher's fuzz corpus in the ordinary test run, without Jazzer. */
class MatcherCorpusReplayTest {

  static List<Path> corpus() {
    return CorpusFiles.of(MatcherFuzzTest.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void matchesAndRendersEveryCorpusInput(Path input) throws IOException {
    MatcherFuzzTest.check(Files.readAllBytes(input));
  }
}
