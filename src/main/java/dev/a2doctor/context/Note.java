package dev.a2doctor.context;

import dev.a2doctor.cache.OwnJar;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * One sentence of evidence (or of what was not checked) in any language a2doctor speaks: a key
 * into {@code notes_LANG.properties} and the values for its {@code {0}}, {@code {1}}, ...
 * (paths, directive text, user names: never translated). A note with an empty key is text that
 * came from elsewhere (an I/O error from the system) and is shown as it is.
 */
public record Note(String key, List<String> args) {

  /** The English texts, loaded with this class. */
  private static final Properties EN = load("en");

  /** The Japanese texts, loaded when first asked for: explain in English never reads them. */
  private static final class Ja {
    static final Properties TEXTS = load("ja");
  }

  /** The texts of {@code lang}: English for a language without its own. */
  private static Properties texts(String lang) {
    return "ja".equals(lang) ? Ja.TEXTS : EN;
  }

  public Note {
    args = List.copyOf(args);
  }

  public static Note of(String key, Object... args) {
    List<String> a = new ArrayList<>();
    for (Object o : args) {
      a.add(String.valueOf(o));
    }
    if (!EN.containsKey(key)) {
      throw new IllegalArgumentException("no text for note " + key);
    }
    return new Note(key, a);
  }

  /** Text that is not a2doctor's own sentence (a system error), shown as it is in every language. */
  public static Note verbatim(String text) {
    return new Note("", List.of(text));
  }

  /** The sentence in {@code lang} (English when there is no translation). */
  public String text(String lang) {
    if (key.isEmpty()) {
      return args.isEmpty() ? "" : args.get(0);
    }
    String pattern = texts(lang).getProperty(key);
    if (pattern == null) {
      pattern = EN.getProperty(key);
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      int open = pattern.indexOf('{', i);
      int close = open < 0 ? -1 : pattern.indexOf('}', open);
      if (open < 0 || close < 0) {
        break;
      }
      out.append(pattern, i, open);
      String n = pattern.substring(open + 1, close);
      int index = allDigits(n) ? Integer.parseInt(n) : -1;
      out.append(index >= 0 && index < args.size() ? args.get(index) : pattern.substring(open, close + 1));
      i = close + 1;
    }
    out.append(pattern, i, pattern.length());
    return out.toString();
  }

  /** Whether {@code s} is a non-empty run of digits ({@link Character#isDigit}). */
  private static boolean allDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The sentence of each note in {@code lang}. A loop, not a stream: explain renders notes on
   * its start, where a stream's lambdas link through java.lang.invoke (ExplainStartupTest).
   */
  public static List<String> texts(List<Note> notes, String lang) {
    List<String> texts = new ArrayList<>(notes.size());
    for (Note n : notes) {
      texts.add(n.text(lang));
    }
    return java.util.Collections.unmodifiableList(texts);
  }

  /** The keys with a text in {@code lang}, for the test that every note is translated. */
  static java.util.Set<String> keys(String lang) {
    return texts(lang).stringPropertyNames();
  }

  private static Properties load(String lang) {
    String name = "notes_" + lang + ".properties";
    try {
      // from a2doctor's own jar when it is one: getResourceAsStream would open the JDK's
      // module image first (explain reads the English texts on its start)
      byte[] bytes = OwnJar.readOrResource("dev/a2doctor/context/" + name);
      if (bytes == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(new java.io.ByteArrayInputStream(bytes),
          StandardCharsets.UTF_8));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
