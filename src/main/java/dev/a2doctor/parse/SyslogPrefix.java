package dev.a2doctor.parse;

/**
 * Recognises the prefix syslog and the journal put before a message, so that what Apache wrote
 * after it can be parsed: {@code Nov 25 01:02:03 web01 apachectl[1234]: AH00526: Syntax error
 * ...} (journalctl, when {@code systemctl start apache2} fails), and
 * {@code 2026-11-25T01:02:03.123456+00:00 web01 apache2[1234]: [core:error] [pid 1234] ...}
 * (rsyslog RFC 3339, {@code ErrorLog syslog:local1}). One pass, no regex.
 *
 * @param time ISO-8601: {@code --11-25T01:02:03} when the prefix has no year
 * @param rest what follows {@code program[pid]: }
 */
record SyslogPrefix(String time, String host, String program, String rest) {

  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

  /** The prefix of {@code line}, or null when it has none. */
  static SyslogPrefix of(String line) {
    int i;
    String time;
    if (line.length() > 16 && line.charAt(3) == ' ' && MONTHS.indexOf(line.substring(0, 3)) % 3 == 0
        && MONTHS.contains(line.substring(0, 3))) {
      // "Nov 25 01:02:03 " or "Nov  5 01:02:03 "
      String day = line.substring(4, 6).strip();
      String clock = line.substring(7, 15);
      if (line.charAt(6) != ' ' || line.charAt(15) != ' ' || day.isEmpty() || !digits(day)
          || !isClock(clock)) {
        return null;
      }
      int month = MONTHS.indexOf(line.substring(0, 3)) / 3 + 1;
      time = "--" + (month < 10 ? "0" : "") + month + "-" + (day.length() == 1 ? "0" : "") + day
          + "T" + clock;
      i = 16;
    } else if (line.length() > 20 && line.charAt(4) == '-' && line.charAt(7) == '-'
        && line.charAt(10) == 'T' && digits(line.substring(0, 4))) {
      int space = line.indexOf(' ');
      if (space < 19 || !isClock(line.substring(11, 19))
          || !digits(line.substring(5, 7) + line.substring(8, 10))
          || !isFractionAndZone(line.substring(19, space))) {
        return null;
      }
      time = line.substring(0, space);
      i = space + 1;
    } else {
      return null;
    }
    int hostEnd = line.indexOf(' ', i);
    if (hostEnd <= i) {
      return null;
    }
    String host = line.substring(i, hostEnd);
    int colon = line.indexOf(": ", hostEnd + 1);
    if (colon < 0) {
      return null;
    }
    String program = line.substring(hostEnd + 1, colon);
    int bracket = program.indexOf('[');
    if (bracket >= 0) {
      if (!program.endsWith("]") || !digits(program.substring(bracket + 1, program.length() - 1))) {
        return null;
      }
      program = program.substring(0, bracket);
    }
    if (program.isEmpty() || program.indexOf(' ') >= 0) {
      return null;
    }
    return new SyslogPrefix(time, host, program, line.substring(colon + 2));
  }

  /** RFC 3339's tail after the seconds: {@code .123456}, then {@code Z} or {@code +01:00}. */
  private static boolean isFractionAndZone(String s) {
    int i = 0;
    if (s.startsWith(".")) {
      i = 1;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
      }
      if (i == 1) {
        return false;
      }
    }
    String zone = s.substring(i);
    return zone.isEmpty() || zone.equals("Z")
        || (zone.length() == 6 && (zone.charAt(0) == '+' || zone.charAt(0) == '-')
            && zone.charAt(3) == ':' && digits(zone.substring(1, 3) + zone.substring(4, 6)));
  }

  private static boolean isClock(String s) {
    return s.length() == 8 && s.charAt(2) == ':' && s.charAt(5) == ':'
        && digits(s.substring(0, 2) + s.substring(3, 5) + s.substring(6, 8));
  }

  private static boolean digits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int k = 0; k < s.length(); k++) {
      if (s.charAt(k) < '0' || s.charAt(k) > '9') {
        return false;
      }
    }
    return true;
  }
}
