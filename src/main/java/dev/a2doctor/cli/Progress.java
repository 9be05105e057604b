package dev.a2doctor.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * One status line on stderr while a long read goes on: bytes read (of how many, when known),
 * lines, lines per second and the time left, rewritten in place with {@code \r} a few times a
 * second and cleared at the end, so that nothing of it remains in the terminal. Only ever shown
 * on a terminal (see {@link DiagnoseCommand}); stdout is never touched.
 */
final class Progress implements AutoCloseable {

  static final long EVERY_MILLIS = 250;
  static final long AFTER_MILLIS = 1000;

  private final PrintWriter err;
  private final LongSupplier clock;
  private final long total;
  private final long after;
  private final long start;
  private final LongAdder bytes = new LongAdder();
  private final LongAdder lines = new LongAdder();
  private boolean shown;
  private boolean closed;
  private Thread ticker;

  /**
   * @param total bytes to read, or -1 when unknown (stdin)
   * @param after how long a read must have gone on before the line appears
   */
  Progress(PrintWriter err, LongSupplier clock, long total, long after) {
    this.err = err;
    this.clock = clock;
    this.total = total;
    this.after = after;
    this.start = clock.getAsLong();
  }

  void bytes(long n) {
    bytes.add(n);
  }

  void lines(long n) {
    lines.add(n);
  }

  /** Updates the line from a thread of its own until {@link #close}. */
  Progress start() {
    ticker = new Thread(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          Thread.sleep(EVERY_MILLIS);
          tick();
        }
      } catch (InterruptedException e) {
        // closed
      }
    }, "a2doctor-progress");
    ticker.setDaemon(true);
    ticker.start();
    return this;
  }

  /** Rewrites the line (once the read has gone on for {@code after}). */
  synchronized void tick() {
    long elapsed = clock.getAsLong() - start;
    if (closed || elapsed < after) {
      return;
    }
    err.print("\r" + text(elapsed) + "\u001b[K");
    err.flush();
    shown = true;
  }

  /** The status as shown. */
  String text(long elapsedMillis) {
    long b = bytes.sum();
    long n = lines.sum();
    double seconds = Math.max(elapsedMillis, 1) / 1000.0;
    StringBuilder s = new StringBuilder("a2doctor: read ").append(size(b));
    if (total > 0) {
      s.append(" of ").append(size(total))
          .append(String.format(Locale.ROOT, " (%d%%)", Math.min(100, b * 100 / total)));
    }
    s.append(String.format(Locale.ROOT, ", %,d lines, %,d lines/s", n, (long) (n / seconds)));
    if (total > 0 && b > 0) {
      long left = (long) ((total - Math.min(total, b)) / (b / seconds));
      s.append(String.format(Locale.ROOT, ", %d:%02d left", left / 60, left % 60));
    }
    return s.toString();
  }

  private static String size(long bytes) {
    if (bytes < 1 << 20) {
      return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
    if (bytes < 1L << 30) {
      return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
    }
    return String.format(Locale.ROOT, "%.2f GiB", bytes / (double) (1L << 30));
  }

  /** Stops updating and clears the line, if it was shown. */
  @Override
  public synchronized void close() {
    closed = true;
    if (ticker != null) {
      ticker.interrupt();
    }
    if (shown) {
      err.print("\r\u001b[K");
      err.flush();
      shown = false;
    }
  }
}
