package dev.a2doctor.parse;

/** Recognises httpd's {@code AHnnnnn} and mod_wsgi 6's {@code WSGInnnn} message tags. */
public final class Tags {

  private Tags() {}

  /** The length of the tag that {@code s} starts with when a {@code ": "} follows it, else 0. */
  static int length(String s) {
    int n = tagAt(s);
    return n > 0 && s.startsWith(": ", n) ? n : 0;
  }

  /**
   * The length of the tag at {@code s[from]} when {@code ": "} follows it within {@code end},
   * else 0: {@link #length} of {@code s.substring(from, end)} without making it.
   */
  static int lengthAt(String s, int from, int end) {
    int n;
    if (s.startsWith("AH", from) && digits(s, from + 2, 5, end)) {
      n = 7;
    } else if (s.startsWith("WSGI", from) && digits(s, from + 4, 4, end)) {
      n = 8;
    } else {
      return 0;
    }
    return from + n + 2 <= end && s.startsWith(": ", from + n) ? n : 0;
  }

  /** Whether {@code s} is exactly a tag, {@code AH01630} or {@code WSGI0117}. */
  public static boolean isTag(String s) {
    return tagAt(s) == s.length() && !s.isEmpty();
  }

  private static int tagAt(String s) {
    if (s.startsWith("AH") && digits(s, 2, 5)) {
      return 7;
    }
    if (s.startsWith("WSGI") && digits(s, 4, 4)) {
      return 8;
    }
    return 0;
  }

  private static boolean digits(String s, int from, int count) {
    return digits(s, from, count, s.length());
  }

  private static boolean digits(String s, int from, int count, int end) {
    if (end < from + count) {
      return false;
    }
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
