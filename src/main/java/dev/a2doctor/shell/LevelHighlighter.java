package dev.a2doctor.shell;

import dev.a2doctor.parse.LineParser;
import dev.a2doctor.parse.ParseResult;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * Colours a log line pasted at the prompt by its level ({@code [wsgi:error]} red, {@code warn}
 * yellow, ...), so the admin sees what they pasted; commands stay plain. No colour when colour is
 * off ({@code NO_COLOR}, {@code --color never}, a dumb terminal).
 */
final class LevelHighlighter implements Highlighter {

  private final boolean color;

  LevelHighlighter(boolean color) {
    this.color = color;
  }

  @Override
  public AttributedString highlight(LineReader reader, String buffer) {
    return color ? new AttributedString(buffer, style(buffer)) : new AttributedString(buffer);
  }

  /** The style for a buffer: by level for a log line, default for anything else. */
  static AttributedStyle style(String buffer) {
    if (!isLogLine(buffer)) {
      return AttributedStyle.DEFAULT;
    }
    String firstLine = buffer.strip().lines().findFirst().orElse("");
    String level = new LineParser().parse(firstLine) instanceof ParseResult.Parsed p
        ? p.line().level() : "";
    return switch (level) {
      case "emerg", "alert", "crit" -> AttributedStyle.BOLD.foreground(AttributedStyle.RED);
      case "error" -> AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
      case "warn" -> AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
      case "notice" -> AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
      case "" -> AttributedStyle.DEFAULT;
      default -> AttributedStyle.DEFAULT.faint();
    };
  }

  /** Whether what was typed is a log line (every error-log prefix starts with a bracket). */
  static boolean isLogLine(String buffer) {
    return buffer.stripLeading().startsWith("[");
  }
}
