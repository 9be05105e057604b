package dev.a2doctor.bench;

import dev.a2doctor.context.ServerContext;
import dev.a2doctor.match.Matcher;
import dev.a2doctor.report.Diagnoser;
import dev.a2doctor.report.Diagnosis;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lines per second through the whole pipeline ({@link Diagnoser#accept} for every line of a
 * 10,000-line chunk of the synthetic log, then {@link Diagnoser#result}) with the real catalog
 * and no server context: parse, multi-line events, match, captures, grouping. No I/O and no
 * rendering, which the {@code diagnose} comparison with ripgrep includes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xms512m", "-Xmx512m"})
public class PipelineBenchmark {

  static final int LINES = 10_000;

  private Matcher matcher;
  private ServerContext context;
  private String[] lines;

  @Setup
  public void setUp() {
    List<String> generated = BenchData.generatedChunk(LINES);
    lines = generated.toArray(String[]::new);
    matcher = new Matcher(BenchData.realCatalog());
    context = ServerContext.none("benchmark: no server context");
  }

  /** One operation is one line: the score is lines per second. */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public Diagnosis diagnose() {
    Diagnoser d = new Diagnoser(matcher, context);
    for (int i = 0; i < lines.length; i++) {
      d.accept(lines[i], "bench.log", i + 1);
    }
    return d.result();
  }
}
