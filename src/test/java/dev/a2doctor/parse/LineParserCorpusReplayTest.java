package dev.a2doctor.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Replays the parser's fuzz corpus in the ordinary test run, without Jazzer. */
class LineParserCorpusReplayTest {

  static List<Path> corpus() {
    return CorpusFiles.of(LineParserFuzzTest.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void parsesEveryCorpusInput(Path input) throws IOException {
    new LineParserFuzzTest().parsesAnyBytesIntoPiecesOfTheLine(Files.readAllBytes(input));
  }
}
