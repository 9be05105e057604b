package dev.a2doctor.bench;

import dev.a2doctor.match.Hit;
import dev.a2doctor.match.Matcher;
import dev.a2doctor.parse.LogLine;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsed lines per second through {@link Matcher#match}: the lines of a 20,000-line chunk of the
 * synthetic log, against the real catalog and against catalogs of 20 and 2,000 entries that
 * explain the same lines ({@link BenchData#catalog}). Flat in catalog size means the 2000 score
 * stays near the 20 score (the target is at least 0.8 of it). The heap is fixed (as in every
 * benchmark here): with a growing heap, the bigger catalog's set-up left a bigger young
 * generation, fewer collections, and so a 2000 score well above the 20 one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xms512m", "-Xmx512m"})
public class MatchBenchmark {

  static final int LINES = 20_000;

  @Param({"real", "20", "2000"})
  public String entries;

  private Matcher matcher;
  private LogLine[] lines;
  private int next;

  @Setup
  public void setUp() {
    List<LogLine> parsed = BenchData.parsed(BenchData.generatedChunk(LINES));
    lines = parsed.toArray(LogLine[]::new);
    matcher = new Matcher(BenchData.catalog(entries, parsed));
  }

  /** One parsed line per operation, the chunk's lines in turn. */
  @Benchmark
  public Optional<Hit> match() {
    LogLine line = lines[next];
    next = next + 1 == lines.length ? 0 : next + 1;
    return matcher.match(line);
  }
}
