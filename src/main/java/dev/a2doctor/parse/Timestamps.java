package dev.a2doctor.parse;

/**
 * Reads the timestamps httpd writes, {@code Thu Oct 11 15:04:38.059487 2018} (2.4, {@code %{u}t}),
 * {@code Sun Dec 04 04:47:44 2005} (2.2, {@code %t}) and {@code 2018-10-11 15:04:38.059487}
 * ({@code %{cu}t}), into ISO-8601 local time.
 */
final class Timestamps {

  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

  private Timestamps() {}

  /** The ISO form of {@code text}, or null when it is not an httpd timestamp. */
  static String normalise(String text) {
    if (text.length() >= 19 && text.length() <= 32 && Character.isDigit(text.charAt(0))) {
      return compact(text);
    }
    String fast = fixedWidth(text);
    if (fast != null) {
      return fast;
    }
    // Www Mmm dd hh:mm:ss[.ffffff] yyyy
    String[] p = text.split(" ", -1);
    if (p.length != 5 || p[0].length() != 3 || p[1].length() != 3 || p[4].length() != 4) {
      return null;
    }
    int month = MONTHS.indexOf(p[1]);
    if (month < 0 || month % 3 != 0 || !allDigits(p[2]) || !allDigits(p[4])
        || p[2].isEmpty() || p[2].length() > 2) {
      return null;
    }
    String clock = p[3];
    if (clock.length() < 8 || clock.charAt(2) != ':' || clock.charAt(5) != ':'
        || !allDigits(clock.substring(0, 2) + clock.substring(3, 5) + clock.substring(6, 8))) {
      return null;
    }
    if (clock.length() > 8
        && (clock.length() == 9 || clock.charAt(8) != '.' || !allDigits(clock.substring(9)))) {
      return null;
    }
    String day = p[2].length() == 1 ? "0" + p[2] : p[2];
    int m = month / 3 + 1;
    return p[4] + "-" + (m < 10 ? "0" : "") + m + "-" + day + "T" + clock;
  }

  /**
   * The ISO form of {@code line[from, to)}, or null when it is not an httpd timestamp: the same
   * as {@code normalise(line.substring(from, to))}, without that copy in the common case.
   */
  static String normalise(String line, int from, int to) {
    String fast = fixedWidth(line, from, to);
    return fast != null ? fast : normalise(line.substring(from, to));
  }

  /**
   * The common case without splitting: {@code Www Mmm dd hh:mm:ss.ffffff yyyy} (31 characters)
   * or without fraction (24), giving what the general path gives; null means "ask it".
   */
  private static String fixedWidth(String text) {
    return fixedWidth(text, 0, text.length());
  }

  /** {@link #fixedWidth(String)} of {@code line[from, to)}. */
  private static String fixedWidth(String line, int from, int to) {
    int n = to - from;
    if ((n != 31 && n != 24) || line.charAt(from + 3) != ' ' || line.charAt(from + 7) != ' '
        || line.charAt(from + 10) != ' ' || line.charAt(to - 5) != ' ') {
      return null;
    }
    for (int i = 0; i < 3; i++) {
      if (line.charAt(from + i) == ' ') {
        return null;
      }
    }
    int month = month(line, from + 4);
    if (month < 0 || !digitsAt(line, from + 8, from + 10) || !digitsAt(line, from + 11, from + 13)
        || line.charAt(from + 13) != ':' || !digitsAt(line, from + 14, from + 16)
        || line.charAt(from + 16) != ':' || !digitsAt(line, from + 17, from + 19)
        || !digitsAt(line, to - 4, to)) {
      return null;
    }
    if (n == 31 && (line.charAt(from + 19) != '.' || !digitsAt(line, from + 20, from + 26))) {
      return null;
    }
    int m = month / 3 + 1;
    // bytes, not chars: every character here is a digit or one of "-T:.", and a String made
    // from Latin-1 bytes is one copy where one made from a char[] is a char[] and a compression
    byte[] iso = new byte[n - 5];
    for (int i = 0; i < 4; i++) {
      iso[i] = (byte) line.charAt(to - 4 + i);
    }
    iso[4] = '-';
    iso[5] = (byte) ('0' + m / 10);
    iso[6] = (byte) ('0' + m % 10);
    iso[7] = '-';
    iso[8] = (byte) line.charAt(from + 8);
    iso[9] = (byte) line.charAt(from + 9);
    iso[10] = 'T';
    for (int i = 11; i < iso.length; i++) {
      iso[i] = (byte) line.charAt(from + i);
    }
    return new String(iso, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /** The index in {@link #MONTHS} of the month name at {@code s[at]}, or -1. */
  private static int month(String s, int at) {
    for (int k = 0; k < MONTHS.length(); k += 3) {
      if (s.regionMatches(at, MONTHS, k, 3)) {
        return k;
      }
    }
    return -1;
  }

  private static boolean digitsAt(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static String compact(String text) {
    // yyyy-mm-dd hh:mm:ss[.ffffff]
    if (text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != ' '
        || text.charAt(13) != ':' || text.charAt(16) != ':') {
      return null;
    }
    String digits = text.substring(0, 4) + text.substring(5, 7) + text.substring(8, 10)
        + text.substring(11, 13) + text.substring(14, 16) + text.substring(17, 19);
    if (!allDigits(digits)) {
      return null;
    }
    if (text.length() > 19
        && (text.length() == 20 || text.charAt(19) != '.' || !allDigits(text.substring(20)))) {
      return null;
    }
    return text.substring(0, 10) + "T" + text.substring(11);
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
