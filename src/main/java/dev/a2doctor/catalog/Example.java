package dev.a2doctor.catalog;

import java.util.Map;

/**
 * A line an entry carries to test itself: an example it must match with {@code captures}, or a
 * near miss it must not match. {@code origin} says where the line came from: a sample file it
 * was captured in, or the source file whose format string it was composed from.
 */
public record Example(String line, String origin, Map<String, String> captures) {
  public Example {
    captures = captures == null ? Map.of() : Map.copyOf(captures);
  }
}
