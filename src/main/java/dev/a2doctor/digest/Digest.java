package dev.a2doctor.digest;

import dev.a2doctor.catalog.Severity;
import dev.a2doctor.report.Finding;
import dev.a2doctor.report.Unrecognized;
import dev.a2doctor.source.NewLines;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What one report run has to say: findings since the last run, each new (never seen before),
 * ongoing (seen before, still happening) or resolved (not seen for some runs); the templates no
 * entry explains; and anything that makes the report incomplete (a rotation whose old file was
 * not found, an unreadable file, an expired suppression).
 *
 * @param host the host name for the subject line, already reduced to safe characters
 * @param scope what was read: {@code since the last run} or {@code in the last 24h}
 * @param notes rotations followed and continuity gaps, per file
 * @param errors files that could not be read ({@code file: problem})
 * @param suppressed occurrences hidden by suppressions
 * @param lines lines read in this run
 * @param detail {@code --fail-on}: findings below it are not counted in the subject and are
 *     listed one line each after the others
 */
public record Digest(String host, long run, String scope, List<Item> items,
    List<Template> unexplained, List<NewLines.Note> notes, List<String> errors,
    List<Suppressions.Rule> expired, long suppressed, long lines, Severity detail) {

  /** Where a finding stands. */
  public enum Status {
    NEW, ONGOING, RESOLVED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One finding in one log file.
   *
   * @param count occurrences since the last run (0 for resolved findings)
   * @param total occurrences since it was first seen, this run included
   * @param finding the grouped finding with its fix; {@code null} for a resolved one
   */
  public record Item(Status status, String source, String id, Severity severity, String title,
      long count, long total, String firstSeen, String lastSeen, Finding finding, String vhost) {}

  /** Lines of one template that no entry explains, in one log file, since the last run. */
  public record Template(String source, Unrecognized unrecognized) {}

  public Digest {
    items = items.stream().sorted(Comparator.comparing(Item::status)
        .thenComparing(Item::source)
        .thenComparing(Item::severity)
        .thenComparing(Comparator.comparingLong(Item::count).reversed())
        .thenComparing(Item::id)).toList();
    unexplained = List.copyOf(unexplained);
    notes = List.copyOf(notes);
    errors = List.copyOf(errors);
    expired = List.copyOf(expired);
    host = safeHost(host);
  }

  /**
   * How many findings with status {@code s} are at or above {@link #detail} ({@code --fail-on}):
   * the numbers in the subject. Findings below it are listed, not counted ({@link #below}).
   */
  public long count(Status s) {
    return items(s).size();
  }

  /** The findings with status {@code s} at or above {@link #detail}, each shown in full. */
  public List<Item> items(Status s) {
    return items.stream().filter(i -> i.status() == s && full(i)).toList();
  }

  /**
   * The findings below {@link #detail} ({@code --fail-on}), any status, by log file: listed one
   * line each after the others, counted nowhere, and alone never worth a report.
   */
  public List<Item> below() {
    return items.stream().filter(i -> !full(i))
        .sorted(Comparator.comparing(Item::source).thenComparing(Item::status)).toList();
  }

  /** Whether an item is shown in full (at or above {@link #detail}) or as one line. */
  public boolean full(Item i) {
    return i.severity().atLeast(detail);
  }

  /** Notes that say the report may be incomplete. */
  public List<NewLines.Note> gaps() {
    return notes.stream().filter(NewLines.Note::loud).toList();
  }

  /**
   * The subject line, e.g. {@code [a2doctor] web01: 2 new, 5 ongoing}: built from counts and the
   * host name only, so nothing a client writes into a log can reach a mail header. It counts
   * what {@link #worthReporting} looks at: findings at or above {@code --fail-on}.
   */
  public String subject() {
    StringBuilder s = new StringBuilder("[a2doctor] ").append(host).append(": ")
        .append(count(Status.NEW)).append(" new, ").append(count(Status.ONGOING))
        .append(" ongoing");
    if (count(Status.RESOLVED) > 0) {
      s.append(", ").append(count(Status.RESOLVED)).append(" resolved");
    }
    long warnings = gaps().size() + errors.size() + expired.size();
    if (warnings > 0) {
      s.append(", ").append(warnings).append(" warning").append(warnings == 1 ? "" : "s");
    }
    return s.toString();
  }

  /**
   * Whether this run has something to say at {@code failOn}: a finding at or above it that
   * happened since the last run or was resolved, unexplained warn-or-worse lines (when
   * {@code failOn} is warning or lower), or a warning about the report itself.
   */
  public boolean worthReporting(Severity failOn) {
    return items.stream().anyMatch(i -> i.severity().atLeast(failOn))
        || (!unexplained.isEmpty() && Severity.WARNING.atLeast(failOn))
        || !gaps().isEmpty() || !errors.isEmpty() || !expired.isEmpty();
  }

  /** Whether a finding at or above {@code failOn} happened since the last run. */
  public boolean fails(Severity failOn) {
    return items.stream().anyMatch(i -> i.status() != Status.RESOLVED && i.count() > 0
        && i.severity().atLeast(failOn));
  }

  /** Letters, digits, dot, dash and underscore; anything else becomes '?'. */
  static String safeHost(String h) {
    if (h == null || h.isBlank()) {
      return "localhost";
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < h.length() && b.length() < 64; i++) {
      char c = h.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '-' || c == '_';
      b.append(ok ? c : '?');
    }
    return b.toString();
  }
}
