package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.a2doctor.catalog.CatalogLoader;
import dev.a2doctor.context.ServerContext;
import dev.a2doctor.match.Matcher;
import dev.a2doctor.render.LiveJsonRenderer;
import dev.a2doctor.render.LiveTextRenderer;
import dev.a2doctor.render.Style;
import dev.a2doctor.report.Diagnoser;
import dev.a2doctor.report.Diagnosis;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A watch that runs for days sees endless variety: paths, header names, process names. The live
 * pipeline as {@code watch} wires it (bounded diagnoser, live text and JSON renderers) is fed a
 * long stream in which nearly every line is a new kind of problem, and the heap retained after a
 * full GC must not grow between an early and a late point of the stream.
 */
class WatchMemoryTest {

  private static final Matcher MATCHER = new Matcher(new CatalogLoader().loadBuiltin());
  private static final long MB = 1 << 20;

  /**
   * Composed from the real line of samples/scenarios/auth-htpasswd-bad-credentials/error.log
   * with the user name varied (as a password-guessing attack does).
   */
  private static String unknownUser(String name) {
    return "[Wed Nov 25 01:12:51.531125 2026] [auth_basic:error] [pid 14085:tid 14094] [client "
        + "127.0.0.1:36408] AH01618: user " + name + " not found: /admin/";
  }

  /**
   * Composed from the real line of samples/scenarios/wsgi-uncaught-exception/error.log: the
   * traceback's source line (the application's own output, varied), the header name varied.
   */
  private static String sourceLine(String name) {
    return "[Wed Nov 25 01:13:05.261396 2026] [wsgi:error] [pid 14932:tid 14951] [remote "
        + "127.0.0.1:56468]     token = environ[\"HTTP_X_" + name + "\"]";
  }

  /** Real line: samples/scenarios/proxy-backend-connection-refused/error.log. */
  private static final String REFUSED = "[Wed Nov 25 01:18:39.807749 2026] [proxy:error] [pid "
      + "22799:tid 22803] (111)Connection refused: AH00957: http: attempt to connect to "
      + "127.0.0.1:18419 (127.0.0.1:18419) failed";

  /** A name made of letters g..z only, so the template masking keeps it distinct. */
  private static String name(long n) {
    StringBuilder s = new StringBuilder();
    do {
      s.append((char) ('g' + n % 20));
      n /= 20;
    } while (n > 0);
    return s.toString().toUpperCase(java.util.Locale.ROOT);
  }

  @Test
  void retainedHeapStaysFlatOverALongStreamOfEverNewKinds() {
    PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
    AtomicLong clock = new AtomicLong();
    LiveTextRenderer text = new LiveTextRenderer(nowhere, new Style(false), "en", clock::get);
    LiveJsonRenderer json = new LiveJsonRenderer(nowhere, "en");
    Diagnoser diagnoser = new Diagnoser(MATCHER, ServerContext.none("test"), e -> {
      text.event(e);
      json.event(e);
    }).boundedTo(WatchCommand.MAX_KINDS);
    AtomicLong line = new AtomicLong();
    Runnable step = () -> {
      long n = line.get();
      String name = name(n);
      diagnoser.accept(unknownUser(name.toLowerCase(java.util.Locale.ROOT)), "error.log",
          line.incrementAndGet());
      diagnoser.accept(sourceLine(name), "error.log", line.incrementAndGet());
      diagnoser.accept(REFUSED, "error.log", line.incrementAndGet());
      clock.addAndGet(50);
      if (n % 64 == 0) {
        diagnoser.tick(clock.get());
        text.tick();
      }
    };

    // past every bound (findings, templates, caches, the renderer's repeat state) first
    for (int i = 0; i < 4_200; i++) {
      step.run();
    }
    long early = retainedHeap();
    for (int i = 0; i < 6_000; i++) {
      step.run();
    }
    long late = retainedHeap();

    // measured: bounded, no growth; unbounded, the 6,000 more findings took 6 MB
    assertThat(late - early).as("heap growth in MB: %d -> %d", early / MB, late / MB)
        .isLessThan(2 * MB);
    Diagnosis d = diagnoser.result();
    assertThat(d.lines()).isEqualTo(3L * 10_200);
    assertThat(d.findings().size()).isLessThanOrEqualTo(WatchCommand.MAX_KINDS);
    assertThat(d.unrecognized().size()).isLessThanOrEqualTo(WatchCommand.MAX_KINDS);
    assertThat(diagnoser.agedOut()).isGreaterThan(8_000);
  }

  private static long retainedHeap() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
    }
    return least;
  }
}
