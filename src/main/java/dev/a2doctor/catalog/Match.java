package dev.a2doctor.catalog;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Objects;

/**
 * What an entry matches. A line is a candidate when it carries one of {@code tags} or its message
 * contains {@code literal}; it then matches when {@code module}, {@code errno} and {@code regex}
 * (where given) agree. The regex runs on RE2/J, in time linear in the message length.
 * A {@code fallback} entry is keyed by {@code module} alone and is tried only when no other entry
 * matches (an application's own output that mod_wsgi logs as {@code [wsgi:error]}).
 *
 * <p>The regex is compiled on first use ({@link #compiled}), once, safely from several threads:
 * a start-up that reads 2,000 entries and matches one line compiles only what that line tries.
 * Equal by value; the compiled regex counts by its source, {@link #regex}.
 */
public final class Match {

  private final List<String> tags;
  private final String literal;
  private final String module;
  private final List<Integer> errno;
  private final String regex;
  private final List<String> groups;
  private final boolean fallback;
  /** {@link #required}, worked out on first use (a start-up that matches one line needs few). */
  private volatile String required;
  private volatile Pattern compiled;
  /** The number of each of {@link #groups} in the compiled regex, once asked for. */
  private volatile int[] groupNumbers;

  /**
   * A match whose regex (when there is one) is compiled on first use; {@code groups} are the
   * regex's named groups, sorted.
   */
  public Match(List<String> tags, String literal, String module, List<Integer> errno,
      String regex, List<String> groups, boolean fallback) {
    this(tags, literal, module, errno, regex, null, groups, fallback);
  }

  /**
   * A match with its regex already compiled (the YAML loader compiles to check it); a null
   * {@code compiled} with a regex is compiled on first use.
   */
  public Match(List<String> tags, String literal, String module, List<Integer> errno,
      String regex, Pattern compiled, List<String> groups, boolean fallback) {
    this.tags = List.copyOf(tags);
    this.literal = literal;
    this.module = module;
    this.errno = List.copyOf(errno);
    this.regex = regex;
    this.groups = List.copyOf(groups);
    this.fallback = fallback;
    this.compiled = compiled;
  }

  public List<String> tags() {
    return tags;
  }

  public String literal() {
    return literal;
  }

  public String module() {
    return module;
  }

  public List<Integer> errno() {
    return errno;
  }

  public String regex() {
    return regex;
  }

  public List<String> groups() {
    return groups;
  }

  public boolean fallback() {
    return fallback;
  }

  /**
   * A text that every match of {@link #regex} contains (so a message without it cannot match);
   * empty when none is known. See {@link RequiredLiteral}.
   */
  public String required() {
    String r = required;
    if (r == null) {
      r = regex == null ? "" : RequiredLiteral.of(regex);
      required = r; // the same text whichever thread works it out first
    }
    return r;
  }

  /** The compiled regex, compiled on the first call; null when the entry has no regex. */
  public Pattern compiled() {
    Pattern p = compiled;
    if (p == null && regex != null) {
      synchronized (this) {
        p = compiled;
        if (p == null) {
          p = Pattern.compile(regex);
          compiled = p;
        }
      }
    }
    return p;
  }

  /**
   * The number of each of {@link #groups} in {@link #compiled}, in the same order (looked up
   * once, not per match).
   */
  public int[] groupNumbers() {
    int[] numbers = groupNumbers;
    if (numbers == null) {
      java.util.Map<String, Integer> named = compiled().namedGroups();
      numbers = new int[groups.size()];
      for (int i = 0; i < numbers.length; i++) {
        numbers[i] = named.get(groups.get(i));
      }
      groupNumbers = numbers; // the same array whichever thread builds it first
    }
    return numbers;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Match m && tags.equals(m.tags) && Objects.equals(literal, m.literal)
        && Objects.equals(module, m.module) && errno.equals(m.errno)
        && Objects.equals(regex, m.regex) && groups.equals(m.groups) && fallback == m.fallback;
  }

  @Override
  public int hashCode() {
    return Objects.hash(tags, literal, module, errno, regex, groups, fallback);
  }

  @Override
  public String toString() {
    return "Match[tags=" + tags + ", literal=" + literal + ", module=" + module + ", errno="
        + errno + ", regex=" + regex + ", groups=" + groups + ", fallback=" + fallback + "]";
  }
}
