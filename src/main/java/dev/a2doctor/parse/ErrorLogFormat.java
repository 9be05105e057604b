package dev.a2doctor.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A site's {@code ErrorLogFormat}, compiled the way httpd's {@code server/core.c}
 * ({@code parse_errorlog_item}, {@code parse_errorlog_string}) reads it and matched the way
 * {@code server/log.c} ({@code do_errorlog_format}) writes it. For
 * {@code "[%{u}t] [%-m:%l] [pid %P:tid %T] %7F: %E: [client\ %a] %M% ,\ referer\ %{Referer}i"}
 * it reads
 *
 * <pre>
 * [Wed Nov 25 03:41:07.123456 2026] [authz_core:error] [pid 4242:tid 140] [client 127.0.0.1:50514] AH01630: client denied by server configuration: /srv/www/private
 * </pre>
 *
 * What httpd does and this mirrors: text between items is literal ({@code \ } escapes a space,
 * {@code \n \r \t} as in C); an unescaped space or {@code "% "} starts a new <em>field</em>; when
 * an item has no value (no request, no {@code tid}) httpd drops its whole field, back to that
 * field's start, unless the item has the {@code -} modifier, which writes {@code -} instead;
 * {@code %7F} (a level number) writes the field only for messages at that level or more
 * verbose; {@code %+x} (connection and request formats only) drops the whole line. The message
 * ({@code %M}) is always written.
 *
 * <p>The compiled line is one RE2/J pattern (linear time on any line, no backtracking): each
 * field an optional group, each item a capture restricted to what httpd can write for it.
 */
public final class ErrorLogFormat {

  /** httpd's log levels by number ({@code APLOG_EMERG} = 0 ... {@code APLOG_TRACE8} = 15). */
  static final List<String> LEVELS = List.of("emerg", "alert", "crit", "error", "warn",
      "notice", "info", "debug", "trace1", "trace2", "trace3", "trace4", "trace5", "trace6",
      "trace7", "trace8");
  private static final String ITEMS = "aAeEFiklLmnPtTvV";

  /** One parsed item: a literal, the message, or a {@code %x} handler with its modifiers. */
  record Item(char code, String arg, boolean fieldStart, boolean required, boolean hyphen,
      int minLevel) {
    static final char LITERAL = '\0';
    static final char MESSAGE = 'M';

    boolean literal() {
      return code == LITERAL;
    }

    /**
     * Whether httpd may leave this item's field out: gated by level, or without a value (the
     * time and pid always have one, and the level has one on message lines).
     */
    boolean mayDropField(boolean main) {
      if (code == LITERAL || code == MESSAGE) {
        return false;
      }
      boolean alwaysSet = code == 't' || code == 'P' || (main && code == 'l');
      return minLevel > 0 || (!hyphen && !required && !alwaysSet);
    }
  }

  /** Where each item's value lands in the pattern's groups. */
  private record Capture(Item item, int group) {}

  private final String source;
  private final List<Item> items;
  private final com.google.re2j.Pattern pattern;
  private final List<Capture> captures;

  private ErrorLogFormat(String source, List<Item> items, boolean main) {
    this.source = source;
    this.items = List.copyOf(items);
    List<Capture> caps = new ArrayList<>();
    this.pattern = com.google.re2j.Pattern.compile(regex(this.items, caps, main),
        com.google.re2j.Pattern.DOTALL);
    this.captures = List.copyOf(caps);
  }

  /**
   * Compiles the main format ({@code ErrorLogFormat "..."}), which must contain {@code %M}.
   *
   * @throws InvalidLogFormat with httpd's own wording for what is wrong
   */
  public static ErrorLogFormat compile(String format) {
    return new ErrorLogFormat(format, parse(format, true), true);
  }

  /**
   * Compiles a once-per-connection or once-per-request format ({@code ErrorLogFormat
   * connection "..."}, {@code ErrorLogFormat request "..."}): no {@code %M}, {@code %+x}
   * allowed.
   */
  public static ErrorLogFormat compileInfoLine(String format) {
    return new ErrorLogFormat(format, parse(format, false), false);
  }

  /** The format string as given. */
  public String source() {
    return source;
  }

  List<Item> items() {
    return items;
  }

  /**
   * The fields of {@code line} by item, or null when the line was not written with this format.
   * Keys: the item letter with its argument as written ({@code t}, {@code {u}t}, {@code
   * {Referer}i}, {@code M}); values as written ({@code -} for an absent {@code %-x}).
   */
  Map<String, String> fields(String line) {
    com.google.re2j.Matcher m = pattern.matcher(line);
    if (!m.matches()) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Capture c : captures) {
      String v = m.group(c.group());
      if (v != null) {
        out.putIfAbsent(key(c.item()), v);
      }
    }
    return out;
  }

  static String key(Item i) {
    return (i.arg() == null ? "" : "{" + i.arg() + "}") + i.code();
  }

  // ---- compiling, as parse_errorlog_string does ----

  private static List<Item> parse(String format, boolean main) {
    List<Item> items = new ArrayList<>();
    int[] pos = {0};
    boolean seenMessage = false;
    while (pos[0] < format.length()) {
      int at = pos[0];
      Item item = item(format, pos, false);
      if (item.code() == Item.MESSAGE) {
        if (!main) {
          throw new InvalidLogFormat(
              "%M cannot be used in once-per-request or once-per-connection formats", at);
        }
        seenMessage = true;
      }
      if (main && item.required()) {
        throw new InvalidLogFormat("The '+' flag cannot be used in the main error log format",
            at);
      }
      if (!main && item.minLevel() > 0) {
        throw new InvalidLogFormat("The loglevel cannot be used as a condition in "
            + "once-per-request or once-per-connection formats", at);
      }
      if (item.minLevel() > 15) {
        throw new InvalidLogFormat("The specified loglevel modifier is out of range", at);
      }
      items.add(item);
    }
    if (main && !seenMessage) {
      throw new InvalidLogFormat("main ErrorLogFormat must contain message format string '%M'",
          format.length());
    }
    return items;
  }

  /** One item from {@code pos[0]}, advancing it ({@code parse_errorlog_item}). */
  private static Item item(String s, int[] pos, boolean fieldStart) {
    int i = pos[0];
    if (s.charAt(i) != '%') {
      return literal(s, pos, fieldStart || s.charAt(i) == ' ');
    }
    int start = i;
    i++;
    if (i < s.length() && s.charAt(i) == ' ') {
      pos[0] = i + 1; // "% " is a field separator that writes nothing
      if (pos[0] >= s.length()) {
        // httpd's loop ends here with an empty item, which writes nothing
        return new Item(Item.LITERAL, "", true, false, false, 0);
      }
      return item(s, pos, true);
    }
    if (i < s.length() && s.charAt(i) == '%') {
      pos[0] = i + 1;
      return new Item(Item.LITERAL, "%", fieldStart, false, false, 0);
    }
    String arg = null;
    boolean required = false;
    boolean hyphen = false;
    int minLevel = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '{') {
        int close = s.indexOf('}', i + 1);
        arg = close < 0 ? s.substring(i + 1) : s.substring(i + 1, close);
        i = close < 0 ? s.length() : close + 1;
      } else if (c == '+') {
        required = true;
        i++;
      } else if (c == '-') {
        hyphen = true;
        i++;
      } else if (c >= '0' && c <= '9') {
        int n = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
          n = Math.min(n * 10 + (s.charAt(i) - '0'), 1000);
          i++;
        }
        minLevel = n;
      } else if (c == 'M' || ITEMS.indexOf(c) >= 0) {
        pos[0] = i + 1;
        return new Item(c, arg, fieldStart, required, hyphen, minLevel);
      } else {
        throw new InvalidLogFormat("Unrecognized error log format directive %" + c, i);
      }
    }
    throw new InvalidLogFormat(
        "Ran off end of error log format parsing args to some directive", start);
  }

  /** Literal text up to {@code %} or a non-leading space ({@code parse_errorlog_misc_string}). */
  private static Item literal(String s, int[] pos, boolean fieldStart) {
    StringBuilder d = new StringBuilder();
    int i = pos[0];
    boolean atStart = true;
    while (i < s.length() && s.charAt(i) != '%' && (s.charAt(i) != ' ' || atStart)) {
      char c = s.charAt(i);
      if (c != '\\') {
        if (c != ' ') {
          atStart = false;
        }
        d.append(c);
        i++;
      } else {
        i++;
        if (i >= s.length()) {
          d.append('\\');
        } else {
          char e = s.charAt(i++);
          d.append(e == 'r' ? '\r' : e == 'n' ? '\n' : e == 't' ? '\t' : e);
        }
      }
    }
    pos[0] = i;
    return new Item(Item.LITERAL, d.toString(), fieldStart, false, false, 0);
  }

  // ---- the pattern ----

  private static String regex(List<Item> items, List<Capture> caps, boolean main) {
    // split into fields: a field starts at the first item and at every field separator
    List<List<Item>> fields = new ArrayList<>();
    for (Item it : items) {
      if (fields.isEmpty() || it.fieldStart()) {
        fields.add(new ArrayList<>());
      }
      fields.get(fields.size() - 1).add(it);
    }
    StringBuilder re = new StringBuilder();
    int[] group = {0};
    for (List<Item> field : fields) {
      int m = indexOfMessage(field);
      if (m < 0) {
        part(re, field, caps, group, main);
      } else {
        // the message is written even when the field before it was dropped
        part(re, field.subList(0, m), caps, group, main);
        group[0]++;
        caps.add(new Capture(field.get(m), group[0]));
        re.append("(.*?)");
        part(re, field.subList(m + 1, field.size()), caps, group, main);
      }
    }
    return re.toString();
  }

  private static int indexOfMessage(List<Item> field) {
    for (int k = 0; k < field.size(); k++) {
      if (field.get(k).code() == Item.MESSAGE) {
        return k;
      }
    }
    return -1;
  }

  private static void part(StringBuilder re, List<Item> part, List<Capture> caps, int[] group,
      boolean main) {
    if (part.isEmpty()) {
      return;
    }
    boolean optional = part.stream().anyMatch(i -> i.mayDropField(main))
        || part.stream().allMatch(i -> i.literal() && i.arg().isEmpty());
    re.append(optional ? "(?:" : "");
    for (Item it : part) {
      if (it.literal()) {
        re.append(com.google.re2j.Pattern.quote(it.arg()));
      } else {
        group[0]++;
        caps.add(new Capture(it, group[0]));
        String value = value(it);
        re.append('(').append(value).append(it.hyphen() ? "|-" : "").append(')');
      }
    }
    re.append(optional ? ")?" : "");
  }

  /** What httpd can write for an item: never empty (an empty value drops the field). */
  private static String value(Item it) {
    String arg = it.arg();
    return switch (it.code()) {
      case 't' -> time(arg);
      case 'l' -> String.join("|", LEVELS);
      case 'P', 'k' -> "[0-9]+";
      case 'T' -> "[0-9]+|0x[0-9a-fA-F]+";
      case 'm' -> "[A-Za-z0-9_.\\-]+";
      case 'F' -> "[^\\s()]+\\([0-9]+\\)";
      case 'E' -> "\\((?:-?[0-9]+|EAI -?[0-9]+|OS -?[0-9]+|os 0x[0-9a-f]+)\\)[^\\n]*?";
      case 'a', 'A', 'L', 'v', 'V' -> "\\S+?";
      default -> ".+?"; // i, e, n: escaped request data, spaces included
    };
  }

  private static String time(String arg) {
    if (arg != null && arg.indexOf('%') >= 0) {
      return ".+?"; // strftime
    }
    boolean usec = arg != null && arg.indexOf('u') >= 0;
    boolean compact = arg != null && arg.indexOf('c') >= 0;
    boolean zone = arg != null && arg.indexOf('z') >= 0;
    String clock = "[0-9]{2}:[0-9]{2}:[0-9]{2}" + (usec ? "\\.[0-9]{6}" : "");
    String t = compact ? "[0-9]{4}-[0-9]{2}-[0-9]{2} " + clock
        : "[A-Z][a-z]{2} [A-Z][a-z]{2} [0-9]{2} " + clock + " [0-9]{4}";
    return t + (zone ? " [+-][0-9]{4}" : "");
  }
}
