package dev.a2doctor.report;

import dev.a2doctor.match.Hit;
import dev.a2doctor.match.MatchCache;
import dev.a2doctor.parse.LogParser;
import dev.a2doctor.parse.ParseResult;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Diagnoses inputs on several cores with the result of one pass: worker threads read the pieces
 * of the inputs (a whole input, or a range of a large file's lines), parse each line and match
 * it against the catalog, the costly part; the calling thread hands the lines, in input order,
 * to one {@link Diagnoser}, which assembles multi-line events and groups repeats exactly as if it
 * had read everything itself. A traceback cut by a piece's end is no special case: the Diagnoser
 * sees its lines in order.
 *
 * <p>Memory stays bounded whatever the input's size: at most {@code threads + 1} pieces are read
 * ahead, each at most {@link #AHEAD} batches of {@link #BATCH} lines ahead of the Diagnoser (a
 * piece that gets there waits), so pieces should be small (a large file in many parts).
 */
public final class PartedRun {

  /** Hears one line of a piece. */
  @FunctionalInterface
  public interface LineSink {
    void line(String line);
  }

  /** One range of an input's lines, read once. */
  @FunctionalInterface
  public interface Piece {
    void read(LineSink sink) throws IOException;
  }

  /** An input by name, in pieces that follow each other. */
  public record Input(String name, List<Piece> pieces) {
    public Input {
      pieces = List.copyOf(pieces);
    }
  }

  /** An input that could not be read to its end; {@code linesBefore} were diagnosed. */
  public record Failure(String name, long linesBefore, IOException error) {}

  /** The diagnosis, and the inputs that failed, in input order. */
  public record Outcome(Diagnosis diagnosis, List<Failure> failures) {}

  /** Lines handed from a worker to the Diagnoser at a time. */
  static final int BATCH = 128;
  /** Batches a piece may be read ahead of the Diagnoser. */
  static final int AHEAD = 8;

  /** Lines of a piece, parsed (and matched where worth it) by a worker. */
  private static final class Batch {
    final String[] raws = new String[BATCH];
    final ParseResult[] parsed = new ParseResult[BATCH];
    @SuppressWarnings("unchecked")
    final Optional<Hit>[] hits = new Optional[BATCH];
    int size;
    boolean last;
    IOException failure;
    RuntimeException bug;
  }

  /** A piece being read by a worker, its batches queued for the Diagnoser. */
  private final class Reading implements Runnable {
    final String name;
    final Piece piece;
    final BlockingQueue<Batch> batches = new ArrayBlockingQueue<>(AHEAD);
    Future<?> future;

    Reading(String name, Piece piece) {
      this.name = name;
      this.piece = piece;
    }

    @Override
    public void run() {
      LogParser parser = diagnoser.parser(name);
      MatchCache cache = caches.get();
      Batch[] batch = {new Batch()};
      try {
        // the read loop only collects lines; parsing and matching run per batch, in a method of
        // their own, so the JIT compiles the read loop small, once (it used to inline the whole
        // pipeline into it and compile that five times over: 1.4 s of C2 per million lines)
        piece.read(raw -> {
          Batch b = batch[0];
          b.raws[b.size++] = raw;
          if (b.size == BATCH) {
            hand(digest(b, parser, cache));
            batch[0] = new Batch();
          }
        });
      } catch (IOException e) {
        batch[0].failure = e;
      } catch (Stop e) {
        return; // the run ended without this piece
      } catch (RuntimeException e) {
        batch[0].bug = e;
      }
      Batch last = batch[0];
      last.last = true;
      try {
        if (last.bug == null) {
          digest(last, parser, cache);
        }
        hand(last);
      } catch (Stop e) {
        // the run ended without this piece
      } catch (RuntimeException e) {
        last.bug = e;
        hand(last);
      }
    }

    /** Parses the batch's lines, and matches those worth it. */
    private Batch digest(Batch b, LogParser parser, MatchCache cache) {
      for (int k = 0; k < b.size; k++) {
        ParseResult r = parser.parse(b.raws[k]);
        b.parsed[k] = r;
        b.hits[k] = r instanceof ParseResult.Parsed p && Diagnoser.worthMatching(p.line())
            ? cache.match(p.line()) : null;
        b.raws[k] = null;
      }
      return b;
    }

    private void hand(Batch b) {
      try {
        batches.put(b);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Stop();
      }
    }

    Batch next() {
      try {
        return batches.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  /** Unwinds a worker whose piece is no longer wanted. */
  private static final class Stop extends RuntimeException {
    Stop() {
      super(null, null, false, false);
    }
  }

  private final Diagnoser diagnoser;
  private final int threads;
  /** One cache per worker thread: it is small, and sharing one would need locking. */
  private final ThreadLocal<MatchCache> caches;

  /**
   * @param diagnoser the one Diagnoser every line goes to, set up as for one pass (catalog,
   *     context, parsers); its parsers and matcher are used by the workers too
   * @param threads worker threads
   */
  public PartedRun(Diagnoser diagnoser, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be positive: " + threads);
    }
    this.diagnoser = diagnoser;
    this.threads = threads;
    this.caches = ThreadLocal.withInitial(() -> new MatchCache(diagnoser.matcher()));
  }

  /** Reads every input, pieces in order, at most {@code threads + 1} ahead of the Diagnoser. */
  public Outcome run(List<Input> inputs) {
    List<Failure> failures = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<Piece> pieces = new ArrayList<>();
    for (Input in : inputs) {
      for (Piece p : in.pieces()) {
        names.add(in.name());
        pieces.add(p);
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "a2doctor-read");
      t.setDaemon(true);
      return t;
    });
    try {
      Deque<Reading> ahead = new ArrayDeque<>();
      int next = 0;
      String failed = null; // the input that failed, whose later pieces are not read
      String current = null;
      long lineNumber = 0;
      for (int i = 0; i < pieces.size(); i++) {
        // the pool runs pieces in order, so the one awaited below has a thread or had one
        while (next < pieces.size() && ahead.size() <= threads) {
          Reading r = new Reading(names.get(next), pieces.get(next++));
          r.future = pool.submit(r);
          ahead.add(r);
        }
        Reading r = ahead.poll();
        if (!r.name.equals(current)) {
          current = r.name;
          lineNumber = 0;
          failed = null;
        }
        if (r.name.equals(failed)) {
          r.future.cancel(true);
          continue;
        }
        for (Batch b = r.next(); ; b = r.next()) {
          if (b.bug != null) {
            throw b.bug; // a bug in parsing or matching: the batch may be half done
          }
          for (int k = 0; k < b.size; k++) {
            diagnoser.accept(b.parsed[k], b.hits[k], r.name, ++lineNumber);
          }
          if (b.failure != null) {
            failures.add(new Failure(r.name, lineNumber, b.failure));
            failed = r.name;
          }
          if (b.last) {
            break;
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return new Outcome(diagnoser.result(), failures);
  }
}
