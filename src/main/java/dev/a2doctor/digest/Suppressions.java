package dev.a2doctor.digest;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Known, accepted findings kept out of reports until they expire, read from a YAML list:
 *
 * <pre>
 * - id: client-denied-by-server-configuration
 *   captures:                 # optional; RE2 regexes, each must be found in that capture
 *     path: ^/srv/www/admin/
 *   reason: the admin area is closed to the internet on purpose (ticket 4711)
 *   until: 2026-12-31         # last day it applies
 * </pre>
 *
 * <p>An expired suppression no longer hides anything and is listed in every report until it is
 * removed or renewed.
 */
public final class Suppressions {

  private static final YAMLMapper MAPPER = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  /** One suppression as written in the file. */
  record Raw(String id, Map<String, String> captures, String reason, String until) {}

  /** One suppression, checked. */
  public record Rule(String id, Map<String, Pattern> captures, String reason, LocalDate until,
      int index) {

    boolean matches(String findingId, Map<String, String> values) {
      if (!id.equals(findingId)) {
        return false;
      }
      for (Map.Entry<String, Pattern> c : captures.entrySet()) {
        String v = values.get(c.getKey());
        if (v == null || !c.getValue().matcher(v).find()) {
          return false;
        }
      }
      return true;
    }

    boolean expired(LocalDate today) {
      return today.isAfter(until);
    }
  }

  private final List<Rule> rules;

  private Suppressions(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  public static Suppressions none() {
    return new Suppressions(List.of());
  }

  /**
   * Reads a suppression file.
   *
   * @throws IOException naming the file and the entry when it cannot be read or is invalid
   */
  public static Suppressions load(Path file) throws IOException {
    Raw[] raw;
    try {
      raw = MAPPER.readValue(Files.readAllBytes(file), Raw[].class);
    } catch (JacksonException e) {
      String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
      throw new IOException(file + where + ": " + e.getOriginalMessage());
    }
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; raw != null && i < raw.length; i++) {
      Raw r = raw[i];
      String at = file + ": suppression " + (i + 1) + ": ";
      if (r == null || r.id() == null || r.id().isBlank()) {
        throw new IOException(at + "'id' is required");
      }
      if (r.reason() == null || r.reason().isBlank()) {
        throw new IOException(at + "'reason' is required (why it is accepted)");
      }
      if (r.until() == null) {
        throw new IOException(at + "'until' is required (YYYY-MM-DD, the last day it applies)");
      }
      LocalDate until;
      try {
        until = LocalDate.parse(r.until().strip());
      } catch (DateTimeParseException e) {
        throw new IOException(at + "'until' is not a date YYYY-MM-DD: " + r.until());
      }
      Map<String, Pattern> captures = new TreeMap<>();
      if (r.captures() != null) {
        for (Map.Entry<String, String> c : r.captures().entrySet()) {
          try {
            captures.put(c.getKey(), Pattern.compile(c.getValue()));
          } catch (PatternSyntaxException e) {
            throw new IOException(at + "capture '" + c.getKey() + "': invalid regex: "
                + e.getMessage());
          }
        }
      }
      rules.add(new Rule(r.id().strip(), captures, r.reason().strip(), until, i + 1));
    }
    return new Suppressions(rules);
  }

  /** The rule that hides a finding with these captures today, if any. */
  public java.util.Optional<Rule> suppressing(String id, Map<String, String> captures,
      LocalDate today) {
    return rules.stream().filter(r -> !r.expired(today) && r.matches(id, captures)).findFirst();
  }

  /** The rules past their date. */
  public List<Rule> expired(LocalDate today) {
    return rules.stream().filter(r -> r.expired(today)).toList();
  }
}
