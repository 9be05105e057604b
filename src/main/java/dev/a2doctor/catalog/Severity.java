package dev.a2doctor.catalog;

import java.util.Locale;

/** How much a finding matters to the server, most severe first. */
public enum Severity {
  CRITICAL, ERROR, WARNING, NOTICE, INFO;

  /** The catalog and JSON spelling: {@code error}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this is at least as severe as {@code threshold}. */
  public boolean atLeast(Severity threshold) {
    return ordinal() <= threshold.ordinal();
  }

  /** Reads {@code error} (any case); null when it is no severity. */
  public static Severity parse(String s) {
    for (Severity v : values()) {
      if (v.label().equalsIgnoreCase(s)) {
        return v;
      }
    }
    return null;
  }
}
