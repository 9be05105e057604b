package dev.a2doctor.report;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Diagnoses inputs in parts on several cores and merges the parts so that the result is the
 * one a single {@link Diagnoser} reading everything in order gives. Each part (a whole input, or
 * a range of lines of a large file) gets a fresh Diagnoser; parts are merged in input order: a
 * finding's sample, first line and first time come from the earliest part, counts add up, the
 * last time is the latest part's. A part that ends inside a multi-line event (a traceback cut
 * in two) is not used: the part before it reads on through its lines instead, in sequence.
 * Events still open at the end of an input are closed after all inputs, as in one pass.
 */
public final class PartedRun {

  /** Hears one line of a part. */
  @FunctionalInterface
  public interface LineSink {
    void line(String line);
  }

  /** One range of an input's lines; may be read twice (again in sequence, see above). */
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

  /** The merged diagnosis, and the inputs that failed, in input order. */
  public record Outcome(Diagnosis diagnosis, List<Failure> failures) {}

  /** One piece read into its own Diagnoser. */
  private static final class Job {
    final String name;
    final Diagnoser diagnoser;
    long lines;
    IOException failure;

    Job(String name, Diagnoser diagnoser) {
      this.name = name;
      this.diagnoser = diagnoser;
    }

    Job read(Piece piece) {
      try {
        piece.read(line -> diagnoser.accept(line, name, ++lines));
      } catch (IOException e) {
        failure = e;
      }
      return this;
    }
  }

  private final Supplier<Diagnoser> fresh;
  private final int threads;
  private final Map<String, Finding> findings = new LinkedHashMap<>();
  private final Map<String, Unrecognized> unrecognized = new LinkedHashMap<>();
  private final List<Part> late = new ArrayList<>();
  private final List<Long> lateOffsets = new ArrayList<>();
  private long lines;
  private long parsed;
  private long unparsed;
  private long unrecognizedLines;

  /** @param fresh a new Diagnoser, set up the same way each time (catalog, context, parsers) */
  public PartedRun(Supplier<Diagnoser> fresh, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be positive: " + threads);
    }
    this.fresh = fresh;
    this.threads = threads;
  }

  /** Reads every input, at most {@code threads} pieces at a time, and merges them in order. */
  public Outcome run(List<Input> inputs) {
    List<Failure> failures = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "a2doctor-part");
      t.setDaemon(true);
      return t;
    });
    try {
      // pieces in order; a bounded window of them runs ahead of the merge
      List<String> names = new ArrayList<>();
      List<Piece> pieces = new ArrayList<>();
      List<Boolean> firstOfInput = new ArrayList<>();
      for (Input in : inputs) {
        for (int i = 0; i < in.pieces().size(); i++) {
          names.add(in.name());
          pieces.add(in.pieces().get(i));
          firstOfInput.add(i == 0);
        }
      }
      Deque<Future<Job>> running = new ArrayDeque<>();
      int next = 0;
      Job current = null; // the job of the input being merged, which may still read on
      long offset = 0; // lines of the current input before current's first line
      boolean skipRest = false;
      for (int i = 0; i < pieces.size(); i++) {
        while (next < pieces.size() && running.size() < threads + 1) {
          String name = names.get(next);
          Piece piece = pieces.get(next++);
          running.add(pool.submit(() -> new Job(name, fresh.get()).read(piece)));
        }
        Job job = await(running.poll());
        if (firstOfInput.get(i)) {
          if (current != null) {
            finish(current, offset, failures);
          }
          current = job;
          offset = 0;
          skipRest = false;
          continue;
        }
        if (skipRest) {
          continue; // the input failed before this piece
        }
        if (current.failure != null) {
          skipRest = true;
          continue;
        }
        if (current.diagnoser.assembling()) {
          // the previous part ends inside an event: read this piece on in sequence
          current.read(pieces.get(i));
          continue;
        }
        finish(current, offset, failures);
        offset += current.lines;
        current = job;
      }
      if (current != null) {
        finish(current, offset, failures);
      }
    } finally {
      pool.shutdownNow();
    }
    for (int i = 0; i < late.size(); i++) {
      Part p = late.get(i);
      long off = lateOffsets.get(i);
      p.lateFindings().forEach((k, f) -> addFinding(k, f, off));
      p.lateUnrecognized().forEach((k, u) -> addUnrecognized(k, u, off));
    }
    return new Outcome(result(), failures);
  }

  private static Job await(Future<Job> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Merges a finished part whose first line is line {@code offset + 1} of its input. */
  private void finish(Job job, long offset, List<Failure> failures) {
    Part p = job.diagnoser.part();
    p.findings().forEach((k, f) -> addFinding(k, f, offset));
    p.unrecognized().forEach((k, u) -> addUnrecognized(k, u, offset));
    lines += p.lines();
    parsed += p.parsed();
    unparsed += p.unparsed();
    unrecognizedLines += p.unrecognizedLines() + p.lateUnrecognizedLines();
    if (!p.lateFindings().isEmpty() || !p.lateUnrecognized().isEmpty()) {
      late.add(p);
      lateOffsets.add(offset);
    }
    if (job.failure != null) {
      failures.add(new Failure(job.name, offset + job.lines, job.failure));
    }
  }

  private void addFinding(String key, Finding later, long offset) {
    Finding earlier = findings.get(key);
    if (earlier == null) {
      findings.put(key, offset == 0 ? later : new Finding(later.entry(), later.captures(),
          later.enrichment(), later.count(), later.firstSeen(), later.lastSeen(),
          later.source(), later.firstLine() + offset, later.sample()));
      return;
    }
    findings.put(key, new Finding(earlier.entry(), earlier.captures(), earlier.enrichment(),
        earlier.count() + later.count(),
        earlier.firstSeen().isEmpty() ? later.firstSeen() : earlier.firstSeen(),
        later.lastSeen().isEmpty() ? earlier.lastSeen() : later.lastSeen(),
        earlier.source(), earlier.firstLine(), earlier.sample()));
  }

  private void addUnrecognized(String key, Unrecognized later, long offset) {
    Unrecognized earlier = unrecognized.get(key);
    if (earlier == null) {
      unrecognized.put(key, offset == 0 ? later : new Unrecognized(later.template(),
          later.count(), later.sample(), later.source(), later.firstLine() + offset));
    } else {
      unrecognized.put(key, earlier.plus(later.count()));
    }
  }

  /** The same order as {@link Diagnoser#result}. */
  private Diagnosis result() {
    return Diagnoser.ordered(findings, unrecognized.values(), lines, parsed, unparsed,
        unrecognizedLines);
  }
}
