package com.google.re2j;

/**
 * a2doctor's bridge into RE2/J (1.8): the leftmost match of a pattern with all its groups, in ONE
 * run of the matching machine. Through the public API, {@code Matcher.find()} runs once for the
 * whole match and the first {@code group(...)} runs again for the groups, which doubled the cost
 * of every line that an entry with captures explains (measured: 6.6 us -> 3.4 us per hit on the
 * synthetic benchmark log). It lives in RE2/J's package because {@code Pattern.re2()} and
 * {@code RE2.match} are package-private; it only calls them, exactly as {@code Matcher} does,
 * and is thread-safe as they are (RE2 keeps a lock-free pool of machines). A test compares it
 * with the public API on every catalog example.
 *
 * <p>Short inputs (program size x (length + 1) within {@link A2doctorBacktracker#MAX_BITS}) are
 * searched by {@link A2doctorBacktracker}, which finds the same spans without the NFA's copying
 * of capture arrays; longer ones by RE2/J's NFA, as before.
 */
public final class A2doctorSubmatches {

  private A2doctorSubmatches() {}

  /**
   * The leftmost-first match of {@code pattern} in {@code input}: {@code [start0, end0, start1,
   * end1, ...]} in char indices, group 0 the whole match and -1 for a group that took no part;
   * null when there is no match.
   */
  public static int[] find(Pattern pattern, CharSequence input) {
    int groups = pattern.groupCount();
    RE2 re2 = pattern.re2();
    if (A2doctorBacktracker.suits(re2, input.length())) {
      return A2doctorBacktracker.find(re2, input, groups);
    }
    return nfa(re2, input, groups);
  }

  /** {@link #find} by RE2/J's NFA whatever the input's length (what {@link #find} was before). */
  static int[] nfa(RE2 re2, CharSequence input, int groups) {
    int[] spans = new int[2 + 2 * groups];
    return re2.match(input, 0, input.length(), RE2.UNANCHORED, spans, 1 + groups)
        ? spans : null;
  }
}
