package dev.a2doctor.catalog;

/**
 * Something wrong with a catalog file, located for the person who has to fix it:
 * {@code patterns/wsgi/x.yaml:12: key 'regx': unknown key}.
 *
 * @param line 1-based, 0 when the problem has no line
 * @param key the offending key path, empty when none
 */
public record CatalogProblem(String file, int line, String key, String message) {

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(file);
    if (line > 0) {
      b.append(':').append(line);
    }
    b.append(": ");
    if (!key.isEmpty()) {
      b.append("key '").append(key).append("': ");
    }
    return b.append(message).toString();
  }
}
