package dev.a2doctor.catalog;

/**
 * The longest text that every match of an RE2 regex must contain, found without compiling it, so
 * that a matcher can skip the regex on a message that lacks it ({@code message.contains} is far
 * cheaper than a run of RE2/J's NFA). For {@code client denied by server configuration:
 * (?P<path>.+)$} it is {@code client denied by server configuration: }.
 *
 * <p>Conservative: only runs of plain characters (and escaped punctuation) at the top level of
 * a regex without top-level alternation count; a character followed by a quantifier, anything
 * inside a group or a class, anchors and escapes such as {@code \d} end a run. A regex with
 * inline flags ({@code (?i)} and the like) or {@code \Q...\E} gives the empty string (nothing
 * known), and so does anything this reader is unsure of.
 */
final class RequiredLiteral {

  private RequiredLiteral() {}

  /** The required text of {@code regex}, or "" when none is known. */
  static String of(String regex) {
    try {
      return scan(regex);
    } catch (RuntimeException e) {
      return ""; // an unreadable regex: the loader reports it, nothing is required
    }
  }

  private static String scan(String re) {
    String best = "";
    StringBuilder run = new StringBuilder();
    int lastAtom = 0; // chars the last atom added to run (0: it added none)
    int i = 0;
    int n = re.length();
    while (i < n) {
      char c = re.charAt(i);
      switch (c) {
        case '|':
          return ""; // top-level alternation: no text is common to every match
        case ')':
          return ""; // unbalanced: unsure
        case '(':
          if (i + 1 < n && re.charAt(i + 1) == '?' && !groupWithoutFlags(re, i + 2)) {
            return ""; // inline flags such as (?i) may change how text matches
          }
          best = longer(best, run);
          run.setLength(0);
          lastAtom = 0;
          i = closingParen(re, i) + 1;
          break;
        case '[':
          best = longer(best, run);
          run.setLength(0);
          lastAtom = 0;
          i = closingBracket(re, i) + 1;
          break;
        case '*':
        case '+':
        case '?':
        case '{':
          // the atom before may be absent or repeated: it is not a fixed part of the run
          run.setLength(run.length() - lastAtom);
          best = longer(best, run);
          run.setLength(0);
          lastAtom = 0;
          i = c == '{' ? afterRepeat(re, i) : i + 1;
          break;
        case '.':
        case '^':
        case '$':
          best = longer(best, run);
          run.setLength(0);
          lastAtom = 0;
          i++;
          break;
        case '\\': {
          if (i + 1 >= n) {
            return "";
          }
          char e = re.charAt(i + 1);
          if (e == 'Q' || Character.isDigit(e)) {
            return ""; // \Q...\E quotes metacharacters, \123 is octal: unsure
          }
          if (e < 0x80 && !Character.isLetterOrDigit(e)) {
            run.append(e); // escaped punctuation stands for itself
            lastAtom = 1;
          } else {
            // \d, \s, \b, \pL, \x41, \n, ...: a class, an assertion or a code: ends the run
            best = longer(best, run);
            run.setLength(0);
            lastAtom = 0;
            if (e == 'p' || e == 'P' || e == 'x') {
              i = afterEscapeArgument(re, i + 2, e == 'x' ? 2 : 1) - 2;
            }
          }
          i += 2;
          break;
        }
        default: {
          int cp = re.codePointAt(i);
          int len = Character.charCount(cp);
          run.appendCodePoint(cp);
          lastAtom = len;
          i += len;
        }
      }
    }
    return longer(best, run);
  }

  private static String longer(String best, CharSequence run) {
    return run.length() > best.length() ? run.toString() : best;
  }

  /** Whether {@code (?} at {@code from} opens a plain group: {@code (?:}, {@code (?P<}, {@code (?<}. */
  private static boolean groupWithoutFlags(String re, int from) {
    return re.startsWith(":", from) || re.startsWith("P<", from)
        || (re.startsWith("<", from) && !re.startsWith("<=", from) && !re.startsWith("<!", from));
  }

  /** The index of the {@code )} that closes the group opened at {@code open}. */
  private static int closingParen(String re, int open) {
    int depth = 0;
    int i = open;
    while (i < re.length()) {
      char c = re.charAt(i);
      if (c == '\\') {
        if (i + 1 < re.length() && re.charAt(i + 1) == 'Q') {
          throw new IllegalArgumentException("\\Q in a group");
        }
        i += 2;
        continue;
      }
      if (c == '[') {
        i = closingBracket(re, i) + 1;
        continue;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
      i++;
    }
    throw new IllegalArgumentException("unclosed group");
  }

  /**
   * The index of the {@code ]} that closes the class opened at {@code open}: a {@code ]} first in
   * the class is a member, as are {@code [:alpha:]} and escaped characters.
   */
  private static int closingBracket(String re, int open) {
    int i = open + 1;
    if (i < re.length() && re.charAt(i) == '^') {
      i++;
    }
    if (i < re.length() && re.charAt(i) == ']') {
      i++;
    }
    while (i < re.length()) {
      char c = re.charAt(i);
      if (c == '\\') {
        if (i + 1 < re.length() && re.charAt(i + 1) == 'Q') {
          throw new IllegalArgumentException("\\Q in a class");
        }
        i += 2;
        continue;
      }
      if (c == '[' && i + 1 < re.length() && re.charAt(i + 1) == ':') {
        int end = re.indexOf(":]", i + 2);
        if (end >= 0) {
          i = end + 2;
          continue;
        }
      }
      if (c == ']') {
        return i;
      }
      i++;
    }
    throw new IllegalArgumentException("unclosed class");
  }

  /**
   * Past {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code open}; a {@code {} that starts no
   * repeat is a plain character, skipped here (left out of any run).
   */
  private static int afterRepeat(String re, int open) {
    int i = open + 1;
    int digits = i;
    while (i < re.length() && Character.isDigit(re.charAt(i))) {
      i++;
    }
    if (i == digits) {
      return open + 1;
    }
    if (i < re.length() && re.charAt(i) == ',') {
      i++;
      while (i < re.length() && Character.isDigit(re.charAt(i))) {
        i++;
      }
    }
    return i < re.length() && re.charAt(i) == '}' ? i + 1 : open + 1;
  }

  /**
   * Past the argument of {@code \p}, {@code \P} or {@code \x} at {@code from}: {@code {...}} or
   * {@code chars} characters (one letter, two hex digits).
   */
  private static int afterEscapeArgument(String re, int from, int chars) {
    if (from < re.length() && re.charAt(from) == '{') {
      int end = re.indexOf('}', from);
      if (end < 0) {
        throw new IllegalArgumentException("unclosed escape");
      }
      return end + 1;
    }
    return from + chars;
  }
}
