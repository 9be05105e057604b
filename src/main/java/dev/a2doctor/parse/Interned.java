package dev.a2doctor.parse;

/**
 * One shared copy of the short fields that repeat from line to line (module, level, pid, tid):
 * a log has a few dozen of each, and a new String per field and line was a tenth of what
 * diagnose allocated. Later steps also gain: a canonical copy keeps its hash, and equal copies
 * compare by reference first.
 *
 * <p>A direct-mapped table with no lock: a slot holds the last text that hashed to it, and a
 * lookup checks the text itself, so a collision or a race only costs a new copy (a String is
 * safely shared between threads without synchronisation). Memory is bounded by the table,
 * whatever a log holds.
 */
final class Interned {

  private static final int SLOTS = 1 << 10;
  /** Longer texts are copied as they are: these fields are short. */
  private static final int LONGEST = 24;
  private static final String[] TABLE = new String[SLOTS];

  private Interned() {}

  /** {@code s.substring(from, to)}, or an equal String handed out before. */
  static String of(String s, int from, int to) {
    int n = to - from;
    if (n > LONGEST || n <= 0) {
      return s.substring(from, to);
    }
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + s.charAt(i);
    }
    int slot = (h ^ (h >>> 10)) & (SLOTS - 1);
    String t = TABLE[slot];
    if (t != null && t.length() == n && s.regionMatches(from, t, 0, n)) {
      return t;
    }
    t = s.substring(from, to);
    TABLE[slot] = t;
    return t;
  }
}
