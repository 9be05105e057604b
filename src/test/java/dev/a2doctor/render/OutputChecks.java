package dev.a2doctor.render;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every output must be whatever the log held: text with no raw control character (a log
 * line must not act on the terminal), JSON Lines where every line is one JSON object.
 */
public final class OutputChecks {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private OutputChecks() {}

  /** The first raw control character in {@code text} other than a newline, or -1. */
  public static int rawControl(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\n') || c == 0x7f || (c >= 0x80 && c < 0xa0)
          || c == '\u2028' || c == '\u2029') {
        return i;
      }
    }
    return -1;
  }

  /** Fails when {@code text} carries a raw control character, showing where. */
  public static void assertTerminalSafe(String text) {
    int i = rawControl(text);
    if (i >= 0) {
      int from = Math.max(0, i - 40);
      throw new AssertionError(String.format("raw control character U+%04X at %d: ...%s...",
          (int) text.charAt(i), i, Safe.line(text.substring(from, Math.min(text.length(), i + 40)))));
    }
  }

  /** Parses JSON Lines output, failing on a line that is not exactly one JSON object. */
  public static List<JsonNode> assertJsonLines(String text) {
    List<JsonNode> out = new ArrayList<>();
    if (!text.isEmpty() && !text.endsWith("\n")) {
      throw new AssertionError("JSON Lines output does not end with a newline");
    }
    for (String line : text.split("\n")) {
      if (line.isEmpty() && text.isEmpty()) {
        continue;
      }
      JsonNode n;
      try {
        n = MAPPER.readTree(line);
      } catch (RuntimeException e) {
        throw new AssertionError("not JSON: " + Safe.line(line.length() > 200
            ? line.substring(0, 200) + "..." : line), e);
      }
      if (n == null || !n.isObject()) {
        throw new AssertionError("not a JSON object: " + Safe.line(line));
      }
      out.add(n);
    }
    return out;
  }
}
