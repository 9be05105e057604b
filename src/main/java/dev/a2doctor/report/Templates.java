package dev.a2doctor.report;

/**
 * Masks the variable parts of a message so repeats of one kind group together:
 * {@code AH00128: File does not exist: /var/www/x.php} becomes
 * {@code AH00128: File does not exist: <path>}. One pass, linear in the length.
 */
final class Templates {

  private Templates() {}

  static String of(String module, String level, String tag, String message) {
    StringBuilder out = new StringBuilder();
    if (!module.isEmpty() || !level.isEmpty()) {
      out.append('[').append(module.isEmpty() ? "" : module + ":").append(level).append("] ");
    }
    if (!tag.isEmpty()) {
      out.append(tag).append(": ");
    }
    String m = message.length() > 300 ? message.substring(0, 300) : message;
    int i = 0;
    while (i < m.length()) {
      char c = m.charAt(i);
      if (c == '/' && (i == 0 || m.charAt(i - 1) == ' ' || m.charAt(i - 1) == '\''
          || m.charAt(i - 1) == '"' || m.charAt(i - 1) == '(')) {
        int j = i;
        while (j < m.length() && !isEnd(m.charAt(j))) {
          j++;
        }
        out.append("<path>");
        i = j;
      } else if (isHexOrDigit(c) && (i == 0 || !Character.isLetterOrDigit(m.charAt(i - 1)))) {
        int j = i;
        boolean digit = false;
        while (j < m.length() && (isHexOrDigit(m.charAt(j)) || m.charAt(j) == '.'
            || m.charAt(j) == ':' || m.charAt(j) == 'x')) {
          digit |= Character.isDigit(m.charAt(j));
          j++;
        }
        if (digit && (j == m.length() || !Character.isLetter(m.charAt(j)))) {
          out.append('#');
        } else {
          out.append(m, i, j);
        }
        i = j;
      } else {
        out.append(Character.isISOControl(c) ? ' ' : c);
        i++;
      }
    }
    return out.toString();
  }

  private static boolean isEnd(char c) {
    return c == ' ' || c == '\'' || c == '"' || c == ',' || c == ')';
  }

  private static boolean isHexOrDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
