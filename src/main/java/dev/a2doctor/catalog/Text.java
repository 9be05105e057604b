package dev.a2doctor.catalog;

import java.util.Map;
import java.util.TreeMap;

/** A text in several languages, {@code en} always present. */
public record Text(Map<String, String> byLang) {

  public Text {
    byLang = Map.copyOf(byLang);
  }

  /** The text in {@code lang}, falling back to English. */
  public String get(String lang) {
    String s = byLang.get(lang);
    return s != null ? s : byLang.getOrDefault("en", "");
  }

  public String en() {
    return get("en");
  }

  /** The languages, sorted, for stable output. */
  public Map<String, String> sorted() {
    return new TreeMap<>(byLang);
  }
}
