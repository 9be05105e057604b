package dev.a2doctor.parse;

/** What the parser made of one line: a {@link Parsed} line, or an {@link Unparsed} value. */
public sealed interface ParseResult permits ParseResult.Parsed, ParseResult.Unparsed {

  /** The line as read. */
  String raw();

  /** A line whose fields were recognised. */
  record Parsed(LogLine line) implements ParseResult {
    @Override
    public String raw() {
      return line.raw();
    }
  }

  /**
   * A line that looked like it had a prefix but the prefix is broken (for example cut off by a
   * crash mid-write). It is counted and can be shown; it is never an exception.
   */
  record Unparsed(String raw, String reason) implements ParseResult {}
}
