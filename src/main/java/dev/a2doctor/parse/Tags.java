package dev.a2doctor.parse;

/** Recognises httpd's {@code AHnnnnn} and mod_wsgi 6's {@code WSGInnnn} message tags. */
public final class Tags {

  private Tags() {}

  /** The length of the tag that {@code s} starts with when a {@code ": "} follows it, else 0. */
  static int length(String s) {
    int n = tagAt(s);
    return n > 0 && s.startsWith(": ", n) ? n : 0;
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
    if (s.length() < from + count) {
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
