package dev.a2doctor.match;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Measures what each line costs and keeps the worst. A line is timed once; one that looks slow
 * is timed twice more and its fastest run counts, so a GC pause or a busy neighbour on a shared
 * machine is not taken for a slow line. Not a benchmark: it tells linear from blown-up.
 */
public final class LineCost {

  /** The worst line: its name, length and milliseconds. */
  public record Worst(String name, int length, double millis) {
    @Override
    public String toString() {
      return String.format("%.2f ms for '%s' (%d chars)", millis, name, length);
    }
  }

  private LineCost() {}

  /**
   * Runs {@code work} on every line and returns the worst, after an untimed warm-up on up to 200
   * of the lines cut to 8 KiB (so the JIT has compiled the code that is being timed).
   */
  public static Worst worst(Map<String, String> lines, Consumer<String> work, double suspectMs) {
    lines.values().stream().limit(200)
        .forEach(l -> work.accept(l.length() > 8192 ? l.substring(0, 8192) : l));
    Worst worst = new Worst("", 0, 0);
    for (Map.Entry<String, String> e : lines.entrySet()) {
      double ms = time(work, e.getValue());
      for (int i = 0; i < 2 && ms > suspectMs; i++) {
        ms = Math.min(ms, time(work, e.getValue()));
      }
      if (ms > worst.millis()) {
        worst = new Worst(e.getKey(), e.getValue().length(), ms);
      }
    }
    return worst;
  }

  private static double time(Consumer<String> work, String line) {
    long t0 = System.nanoTime();
    work.accept(line);
    return (System.nanoTime() - t0) / 1e6;
  }
}
