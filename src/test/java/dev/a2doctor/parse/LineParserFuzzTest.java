package dev.a2doctor.parse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.a2doctor.source.LogFiles;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Coverage-guided fuzzing of the parser (Jazzer): any bytes, read the way a log file is read
 * (UTF-8 with replacement, split into lines), parse without an exception into fields that are
 * pieces of the line. Runs in its own JVM for a bounded time (pom.xml, execution
 * fuzz-line-parser); inputs that once failed are kept under
 * src/test/resources/dev/a2doctor/parse/LineParserFuzzTestInputs/ and replayed first, and by
 * {@link LineParserCorpusReplayTest} in the ordinary test run. The ErrorLogFormat compiler and
 * the parsers it makes have their own target, {@link ErrorLogFormatFuzzTest}.
 */
class LineParserFuzzTest {

  private final LineParser parser = new LineParser();

  @FuzzTest(maxDuration = "4s")
  void parsesAnyBytesIntoPiecesOfTheLine(byte[] data) throws IOException {
    try (BufferedReader r = LogFiles.reader(new ByteArrayInputStream(data))) {
      String raw;
      while ((raw = r.readLine()) != null) {
        ParserInvariants.check(parser, raw);
      }
    }
  }
}
