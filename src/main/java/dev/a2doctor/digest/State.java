package dev.a2doctor.digest;

import dev.a2doctor.source.LogCursor;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code a2doctor report} remembers between runs, kept in one JSON file.
 *
 * @param version the format version, {@link #VERSION}
 * @param run how many runs were committed; the run being made is {@code run + 1}
 * @param files per log file (absolute path): where the last run stopped
 * @param findings per finding key ({@link Memory#key}): what was seen so far
 * @param outbox the report of the last run when its delivery was not yet confirmed; the next
 *     run delivers it again, marked as a possible repeat, before anything else
 */
public record State(int version, long run, Map<String, LogCursor> files,
    Map<String, Memory> findings, Outbox outbox) {

  public static final int VERSION = 1;

  public State {
    files = new TreeMap<>(files == null ? Map.of() : files);
    findings = new TreeMap<>(findings == null ? Map.of() : findings);
  }

  static State empty() {
    return new State(VERSION, 0, Map.of(), Map.of(), null);
  }

  State withOutbox(Outbox o) {
    return new State(version, run, files, findings, o);
  }

  /**
   * One finding as remembered.
   *
   * @param source the log file it was seen in
   * @param firstSeen log time of its first occurrence ever (empty when the line had none)
   * @param lastRun the run that last saw it; it is resolved after {@code --resolve-after} runs
   *     without it
   * @param vhost the virtual host its lines were written for, empty when unknown (and in state
   *     files written before it was remembered)
   */
  public record Memory(String source, String id, String variant, String title, String severity,
      long total, String firstSeen, String lastSeen, long lastRun, String vhost) {

    public Memory {
      vhost = vhost == null ? "" : vhost;
    }

    static String key(String source, String id, String variant) {
      return source + " " + id + (variant.isEmpty() ? "" : " " + variant);
    }
  }

  /** A report that was made but whose delivery is not confirmed yet. */
  public record Outbox(long run, Message message, Message repeat) {}
}
