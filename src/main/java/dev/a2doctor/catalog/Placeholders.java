package dev.a2doctor.catalog;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The {@code {name}} placeholders of catalog texts: finding them and filling them in. Apache's
 * {@code ${VAR}} and {@code %{VAR}} are left alone.
 */
public final class Placeholders {

  private Placeholders() {}

  /** The names used in {@code text}, in order of first use. */
  public static Set<String> names(String text) {
    Set<String> names = new LinkedHashSet<>();
    int i = 0;
    while ((i = text.indexOf('{', i)) >= 0) {
      int end = text.indexOf('}', i + 1);
      if (end < 0) {
        break;
      }
      String name = text.substring(i + 1, end);
      if (isName(name) && !apacheVariable(text, i)) {
        names.add(name);
      }
      i = end + 1;
    }
    return names;
  }

  /**
   * Replaces each {@code {name}} with its value; a name without a value stays as written, so an
   * admin sees what is still to be filled in.
   */
  public static String fill(String text, Map<String, String> values) {
    StringBuilder out = new StringBuilder(text.length() + 32);
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf('{', i);
      if (open < 0) {
        break;
      }
      int end = text.indexOf('}', open + 1);
      if (end < 0) {
        break;
      }
      String name = text.substring(open + 1, end);
      out.append(text, i, open);
      String value = isName(name) && !apacheVariable(text, open) ? values.get(name) : null;
      out.append(value != null ? value : text.substring(open, end + 1));
      i = end + 1;
    }
    out.append(text, i, text.length());
    return out.toString();
  }

  /**
   * {@code ${APACHE_RUN_DIR}} and {@code %{REQUEST_URI}} are Apache's own syntax, written for the
   * admin, not placeholders.
   */
  private static boolean apacheVariable(String text, int open) {
    return open > 0 && (text.charAt(open - 1) == '$' || text.charAt(open - 1) == '%');
  }

  private static boolean isName(String s) {
    if (s.isEmpty() || s.length() > 40) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
          || (i > 0 && c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }
}
