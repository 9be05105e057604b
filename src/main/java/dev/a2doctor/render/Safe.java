package dev.a2doctor.render;

/**
 * Makes log text safe for a terminal: C0 and C1 control characters and DEL (escape sequences
 * that could move the cursor, retitle the window or hide text) are shown as {@code \x1b}, the
 * line and paragraph separators U+2028/U+2029 with a backslash, u and four hex digits; tabs stay
 * readable as a space.
 */
public final class Safe {

  private Safe() {}

  public static String text(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean control = c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)
          || c == '\u2028' || c == '\u2029';
      if (!control || c == '\n') {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (c == '\t') {
        out.append(' ');
      } else {
        // U+2028 gets four hex digits after "\\u"; "\\x2028" would read as \x20 and "28"
        out.append(c > 0xff ? "\\u" : "\\x");
        hex(out, c, c > 0xff ? 4 : 2, false);
      }
    }
    return out == null ? s : out.toString();
  }

  /**
   * {@code c} in {@code digits} hex digits, as {@code %04x} (or {@code %04X} when {@code upper})
   * would write it: no java.util.Formatter on explain's start (ExplainStartupTest).
   */
  static StringBuilder hex(StringBuilder out, char c, int digits, boolean upper) {
    for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
      char d = Character.forDigit((c >> shift) & 0xf, 16);
      out.append(upper ? Character.toUpperCase(d) : d);
    }
    return out;
  }

  /** Like {@link #text}, and a newline too: for one-line fields such as a sample line. */
  public static String line(String s) {
    return text(s).replace("\n", "\\x0a");
  }
}
