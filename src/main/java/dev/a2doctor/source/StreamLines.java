package dev.a2doctor.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Lines of a stream that blocks (stdin from {@code tail -F | a2doctor watch}), read on a daemon
 * thread so the reader of this queue can wake up in quiet periods (to close multi-line events,
 * to hear Ctrl-C) instead of waiting in {@code read}. A full queue holds the reading thread back.
 */
public final class StreamLines {

  private static final Object END = new Object();

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(4096);
  private boolean ended;

  private StreamLines() {}

  /** Starts reading {@code reader} on its own daemon thread. */
  public static StreamLines start(BufferedReader reader, String name) {
    StreamLines s = new StreamLines();
    Thread t = new Thread(() -> s.pump(reader), "a2doctor-read-" + name);
    t.setDaemon(true);
    t.start();
    return s;
  }

  private void pump(BufferedReader reader) {
    try {
      try {
        String line;
        while ((line = reader.readLine()) != null) {
          queue.put(line);
        }
        queue.put(END);
      } catch (IOException | UncheckedIOException e) {
        queue.put(e instanceof UncheckedIOException u ? u.getCause() : e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The next line, or null when none came within {@code timeoutMillis} or the input has ended
   * ({@link #ended}).
   *
   * @throws IOException when reading failed; the input has ended then too
   */
  public String poll(long timeoutMillis) throws IOException, InterruptedException {
    if (ended) {
      return null;
    }
    Object o = queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    if (o == END) {
      ended = true;
      return null;
    }
    if (o instanceof IOException e) {
      ended = true;
      throw e;
    }
    return (String) o;
  }

  public boolean ended() {
    return ended;
  }
}
