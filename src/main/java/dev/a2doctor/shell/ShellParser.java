package dev.a2doctor.shell;

import java.util.List;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

/**
 * Splits commands into words like a shell (quotes, backslashes), but leaves a pasted log line
 * whole: its quotes and apostrophes are the log's, not the user's.
 */
final class ShellParser extends DefaultParser {

  ShellParser() {
    setEofOnUnclosedQuote(false);
    setEofOnEscapedNewLine(false);
  }

  @Override
  public ParsedLine parse(String line, int cursor, ParseContext context) {
    if (LevelHighlighter.isLogLine(line)) {
      return new Whole(line, cursor);
    }
    return super.parse(line, cursor, context);
  }

  /** A log line as one word. */
  private record Whole(String line, int cursor) implements ParsedLine {
    @Override
    public String word() {
      return line;
    }

    @Override
    public int wordCursor() {
      return cursor;
    }

    @Override
    public int wordIndex() {
      return 0;
    }

    @Override
    public List<String> words() {
      return List.of(line);
    }
  }
}
