package dev.a2doctor.match;

import dev.a2doctor.catalog.Entry;
import dev.a2doctor.parse.LogLine;
import java.util.Map;

/** A line explained by a catalog entry, with the values its regex captured. */
public record Hit(Entry entry, LogLine line, Map<String, String> captures) {
  public Hit {
    captures = Map.copyOf(captures);
  }
}
