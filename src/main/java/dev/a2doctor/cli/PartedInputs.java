package dev.a2doctor.cli;

import dev.a2doctor.render.Safe;
import dev.a2doctor.report.Diagnoser;
import dev.a2doctor.report.Diagnosis;
import dev.a2doctor.report.PartedRun;
import dev.a2doctor.source.FileChunks;
import dev.a2doctor.source.IoErrors;
import dev.a2doctor.source.LogFiles;
import dev.a2doctor.source.LogReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Reads {@code diagnose}'s inputs on several cores ({@link PartedRun}): a plain file in parts of
 * {@link #PART_BYTES} read by turns, gzip files and stdin each in one pass, the diagnosis the one
 * a single pass over everything gives; with progress on stderr when it is a terminal.
 */
final class PartedInputs {

  private static final int LINES_PER_REPORT = 4096;
  /**
   * Bytes of a plain file in one part (DiagnoseCommand's hidden --part-size): small, since only a
   * few parts are read ahead, and each worker must be able to read its part through without
   * waiting (PartedRun reads 8 batches of 128 lines ahead).
   */
  static final long PART_BYTES = 1 << 17;

  private final Io io;
  private final int threads;
  private final long partBytes;
  private final boolean progress;
  private final long progressAfter;

  PartedInputs(Io io, int threads, long partBytes, boolean progress, long progressAfter) {
    this.io = io;
    this.threads = threads;
    this.partBytes = partBytes;
    this.progress = progress;
    this.progressAfter = progressAfter;
  }

  /**
   * Whether the inputs can be read this way: each named once (the same file twice would see its
   * own open events again), and there is something to gain (several cores, or progress).
   */
  boolean applies(List<String> names) {
    return (threads > 1 || progress) && new HashSet<>(names).size() == names.size();
  }

  /** Diagnoses every input; reports unreadable ones on stderr. Returns null on no error. */
  Diagnosis read(List<String> names, Diagnoser diagnoser, boolean[] inputError) {
    long total = 0;
    for (String name : names) {
      if (name.equals("-")) {
        total = -1;
        break;
      }
      try {
        total += Files.size(Path.of(name));
      } catch (IOException | RuntimeException e) {
        // reported when read
      }
    }
    try (Progress p = progress ? new Progress(io.err(), System::currentTimeMillis, total,
        progressAfter).start() : null) {
      List<PartedRun.Input> inputs = new ArrayList<>();
      for (String name : names) {
        inputs.add(new PartedRun.Input(name, pieces(name, p)));
      }
      PartedRun.Outcome o = new PartedRun(diagnoser, threads).run(inputs);
      if (p != null) {
        p.close(); // before any error message
      }
      for (PartedRun.Failure f : o.failures()) {
        long n = f.linesBefore();
        io.err().println("a2doctor: " + Safe.line(f.name()) + (n > 0 ? ":" + n : "")
            + ": cannot read: " + Safe.line(IoErrors.reason(f.error()))
            + (n > 0 ? " (the " + n + " lines before were diagnosed)" : ""));
      }
      inputError[0] = !o.failures().isEmpty();
      return o.diagnosis();
    }
  }

  private List<PartedRun.Piece> pieces(String name, Progress p) {
    FileChunks.BytesRead bytes = p == null ? n -> { } : p::bytes;
    if (!name.equals("-")) {
      Path path = Path.of(name);
      if (FileChunks.isPlain(path)) {
        try {
          long size = Files.size(path);
          List<PartedRun.Piece> pieces = new ArrayList<>();
          for (long from = 0; from < size; from += partBytes) {
            long start = from;
            long end = Math.min(size, from + partBytes);
            pieces.add(sink -> {
              Counted c = new Counted(sink, p);
              try {
                FileChunks.readStartingIn(path, start, end, size, (line, n) -> c.line(line),
                    bytes);
              } finally {
                c.flush();
              }
            });
          }
          if (!pieces.isEmpty()) {
            return pieces;
          }
        } catch (IOException e) {
          // read in one pass below, which says what is wrong
        }
      }
      return List.of(sink -> stream(LogFiles.open(path, bytes), sink, p));
    }
    return List.of(sink -> stream(LogFiles.reader(LogFiles.counting(io.stdin(), bytes)), sink,
        p));
  }

  private static void stream(LogReader r, PartedRun.LineSink sink, Progress p)
      throws IOException {
    Counted c = new Counted(sink, p);
    try (r) {
      String line;
      while ((line = r.readLine()) != null) {
        c.line(line);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      c.flush();
    }
  }

  /** Passes lines on and tells the progress line how many, in batches. */
  private static final class Counted {
    private final PartedRun.LineSink sink;
    private final Progress p;
    private int n;

    Counted(PartedRun.LineSink sink, Progress p) {
      this.sink = sink;
      this.p = p;
    }

    void line(String line) {
      sink.line(line);
      if (p != null && ++n == LINES_PER_REPORT) {
        flush();
      }
    }

    void flush() {
      if (p != null) {
        p.lines(n);
      }
      n = 0;
    }
  }
}
