package dev.a2doctor.digest;

import dev.a2doctor.catalog.Severity;
import dev.a2doctor.report.Event;
import dev.a2doctor.report.Finding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts the events of one run per log file and finding, with suppressions applied, and merges
 * them with what earlier runs remembered: new, ongoing or resolved.
 */
final class Tally {

  /** Occurrences of one finding in one log file during this run. */
  private static final class Seen {
    String source;
    Finding first;
    long visible;
    long hidden;
    String firstSeen = "";
    String lastSeen = "";
  }

  private final Suppressions suppressions;
  private final LocalDate today;
  private final Map<String, Seen> seen = new LinkedHashMap<>();
  private final Set<String> sourcesRead = new HashSet<>();
  private long suppressed;

  Tally(Suppressions suppressions, LocalDate today) {
    this.suppressions = suppressions;
    this.today = today;
  }

  /** A file whose new lines were all read: its findings may be resolved. */
  void read(String source) {
    sourcesRead.add(source);
  }

  /** One matched event from log file {@code source} (the live name, not the rotated one). */
  void event(String source, Event e) {
    Finding f = e.finding();
    String variant = f.enrichment().variant().orElse("");
    String key = State.Memory.key(source, f.entry().id(), variant)
        + (f.vhost().isEmpty() ? "" : " @" + f.vhost()); // per vhost of a shared log
    Seen s = seen.computeIfAbsent(key, k -> new Seen());
    // the latest merge: same first line and sample, severity raised by a storm
    s.first = f;
    s.source = source;
    if (!e.time().isEmpty()) {
      s.firstSeen = s.firstSeen.isEmpty() ? e.time() : s.firstSeen;
      s.lastSeen = e.time();
    }
    if (suppressions.suppressing(f.entry().id(), e.captures(), today).isPresent()) {
      s.hidden++;
      suppressed++;
    } else {
      s.visible++;
    }
  }

  long suppressed() {
    return suppressed;
  }

  /**
   * Adds what {@code part} counted (the events of one file, kept apart until the file was read
   * to its end), as if its events had come here in the same order.
   */
  void absorb(Tally part) {
    part.seen.forEach((key, p) -> {
      Seen s = seen.get(key);
      if (s == null) {
        seen.put(key, p);
        return;
      }
      s.first = p.first;
      s.source = p.source;
      s.visible += p.visible;
      s.hidden += p.hidden;
      s.firstSeen = s.firstSeen.isEmpty() ? p.firstSeen : s.firstSeen;
      s.lastSeen = p.lastSeen.isEmpty() ? s.lastSeen : p.lastSeen;
    });
    sourcesRead.addAll(part.sourcesRead);
    suppressed += part.suppressed;
  }

  /** The items of this run and the memory for the next one. */
  record Merged(List<Digest.Item> items, Map<String, State.Memory> memory) {}

  Merged merge(Map<String, State.Memory> before, long run, int resolveAfter) {
    Map<String, State.Memory> after = new TreeMap<>(before);
    List<Digest.Item> items = new ArrayList<>();
    for (Map.Entry<String, Seen> e : seen.entrySet()) {
      Seen s = e.getValue();
      Finding f = s.first;
      String source = s.source;
      State.Memory old = before.get(e.getKey());
      long total = (old == null ? 0 : old.total()) + s.visible + s.hidden;
      String firstSeen = old == null || old.firstSeen().isEmpty() ? s.firstSeen
          : old.firstSeen();
      String lastSeen = s.lastSeen.isEmpty() && old != null ? old.lastSeen() : s.lastSeen;
      after.put(e.getKey(), new State.Memory(source, f.entry().id(),
          f.enrichment().variant().orElse(""), f.title("en"), f.severity().label(),
          total, firstSeen, lastSeen, run, f.vhost()));
      if (s.visible > 0) {
        Digest.Status status = old == null ? Digest.Status.NEW : Digest.Status.ONGOING;
        items.add(new Digest.Item(status, source, f.entry().id(), f.severity(),
            f.title("en"), s.visible, total, firstSeen, lastSeen, f, f.vhost()));
      }
    }
    for (Map.Entry<String, State.Memory> e : before.entrySet()) {
      State.Memory m = e.getValue();
      if (seen.containsKey(e.getKey()) || !sourcesRead.contains(m.source())
          || run - m.lastRun() < resolveAfter) {
        continue;
      }
      Severity sev = Severity.parse(m.severity());
      items.add(new Digest.Item(Digest.Status.RESOLVED, m.source(), m.id(),
          sev == null ? Severity.INFO : sev, m.title(), 0, m.total(), m.firstSeen(),
          m.lastSeen(), null, m.vhost()));
      after.remove(e.getKey());
    }
    return new Merged(items, after);
  }
}
