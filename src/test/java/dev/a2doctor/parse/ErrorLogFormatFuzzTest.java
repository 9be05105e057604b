package dev.a2doctor.parse;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the ErrorLogFormat compiler and the parser it makes (Jazzer): any
 * format string either compiles or is refused with an {@link InvalidLogFormat} that has a
 * message and a position inside the string; a compiled format parses any line without an
 * exception, into fields that are pieces of the line. Runs in its own JVM for a bounded time
 * (pom.xml, execution fuzz-error-log-format), like {@link LineParserFuzzTest}.
 */
class ErrorLogFormatFuzzTest {

  @FuzzTest(maxDuration = "4s")
  void compilesOrRefusesAnyFormatAndParsesAnyLine(FuzzedDataProvider data) {
    String format = data.consumeString(200);
    String line = data.consumeRemainingAsString();
    ErrorLogFormat f;
    try {
      f = ErrorLogFormat.compile(format);
    } catch (InvalidLogFormat e) {
      if (e.getMessage() == null || e.getMessage().isEmpty() || e.position() < 0
          || e.position() > format.length()) {
        throw new AssertionError("bad refusal of '" + format + "': " + e.getMessage(), e);
      }
      return;
    }
    ParseResult r = new FormatParser(f).parse(line);
    if (!r.raw().equals(line)) {
      throw new AssertionError("raw changed");
    }
    if (r instanceof ParseResult.Parsed p) {
      LogLine l = p.line();
      for (String field : new String[] {l.module(), l.level(), l.pid(), l.tid(), l.client(),
          l.message(), l.referer(), l.vhost(), l.errnoText()}) {
        if (!line.contains(field)) {
          throw new AssertionError("field '" + field + "' is not part of the line");
        }
      }
      for (String v : l.extra().values()) {
        if (!line.contains(v)) {
          throw new AssertionError("extra '" + v + "' is not part of the line");
        }
      }
    }
  }
}
