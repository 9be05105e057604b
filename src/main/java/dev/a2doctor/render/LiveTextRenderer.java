package dev.a2doctor.render;

import dev.a2doctor.catalog.Severity;
import dev.a2doctor.report.Event;
import dev.a2doctor.report.Finding;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Live text for a person watching a terminal ({@code a2doctor watch}). A new kind of problem is
 * printed in full under a banner (notice and info findings in one line); its repeats are counted, not reprinted: one compact line when
 * the count reaches 10, 100, 1000, ..., and otherwise at most one a minute while it repeats.
 *
 * <pre>
 * ==> NEW ERROR at 2026-11-25T01:13:05.208824, error.log:12
 * ERROR  The WSGI application raised an exception  [wsgi-uncaught-exception]
 *   ...
 *   ERROR        10x  The WSGI application raised an exception  [wsgi-uncaught-exception]  last 01:14:00, error.log:80
 * </pre>
 */
public final class LiveTextRenderer {

  static final long MINUTE = 60_000;
  /** Repeat state is kept for this many findings, the least recently seen dropped first. */
  static final int MAX_TRACKED = 4096;

  private final PrintWriter out;
  private final Style style;
  private final TextRenderer full;
  private final String lang;
  private final LongSupplier clock;
  private final Map<String, Repeats> repeats = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Repeats> eldest) {
      return size() > MAX_TRACKED;
    }
  };

  /** The last event of one finding and what was printed about it. */
  private static final class Repeats {
    Event last;
    long printedCount;
    long printedAt;
  }

  /** @param clock milliseconds, for the once-a-minute rule */
  public LiveTextRenderer(PrintWriter out, Style style, String lang, LongSupplier clock) {
    this.out = out;
    this.style = style;
    this.lang = lang;
    this.full = new TextRenderer(out, style, lang);
    this.clock = clock;
  }

  /** One matched event, as the diagnoser reports it. Flushes. */
  public void event(Event e) {
    Finding f = e.finding();
    String key = key(f);
    long now = clock.getAsLong();
    Repeats r = repeats.get(key);
    if (e.first() || r == null) {
      r = new Repeats();
      repeats.put(key, r);
      r.last = e;
      r.printedCount = f.count();
      r.printedAt = now;
      out.println();
      String where = (e.time().isEmpty() ? "" : " at " + e.time()) + ", "
          + Safe.line(e.source()) + ":" + e.lineNumber();
      String banner = style.bold("==> " + (e.first() ? "NEW " : "AGAIN ")
          + f.entry().severity().label().toUpperCase(java.util.Locale.ROOT)) + where;
      if (f.entry().severity().atLeast(Severity.WARNING)) {
        out.println(banner);
        full.finding(f);
      } else {
        // Start/stop notices and the like: one line, so real problems are not buried.
        out.println(banner + "  " + Safe.line(f.title(lang)) + "  "
            + style.dim("[" + f.entry().id() + "]"));
      }
      out.flush();
      return;
    }
    r.last = e;
    if (isPowerOfTen(f.count()) || now - r.printedAt >= MINUTE) {
      compact(r, now);
    }
    out.flush();
  }

  /** Called in quiet periods: repeats not yet shown for a minute get their compact line. */
  public void tick() {
    long now = clock.getAsLong();
    boolean any = false;
    for (Repeats r : repeats.values()) {
      if (r.last.finding().count() > r.printedCount && now - r.printedAt >= MINUTE) {
        compact(r, now);
        any = true;
      }
    }
    if (any) {
      out.flush();
    }
  }

  private void compact(Repeats r, long now) {
    Event e = r.last;
    Finding f = e.finding();
    out.printf("  %s %6dx  %s  %s  last %s%s:%d%n", style.severity(f.entry().severity(), 8),
        f.count(), Safe.line(f.title(lang)), style.dim("[" + f.entry().id() + "]"),
        e.time().isEmpty() ? "" : e.time() + ", ", Safe.line(e.source()), e.lineNumber());
    r.printedCount = f.count();
    r.printedAt = now;
  }

  private static String key(Finding f) {
    return f.entry().id() + "\u0000" + f.enrichment().variant().orElse("") + "\u0000"
        + f.fix("en");
  }

  static boolean isPowerOfTen(long n) {
    if (n < 10) {
      return false;
    }
    while (n % 10 == 0) {
      n /= 10;
    }
    return n == 1;
  }
}
