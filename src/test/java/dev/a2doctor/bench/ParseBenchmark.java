package dev.a2doctor.bench;

import dev.a2doctor.parse.LineParser;
import dev.a2doctor.parse.ParseResult;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Lines per second through {@link LineParser#parse}, over every captured line in samples/. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xms512m", "-Xmx512m"})
public class ParseBenchmark {

  private final LineParser parser = new LineParser();
  private String[] lines;
  private int next;

  @Setup
  public void setUp() {
    List<String> sample = BenchData.sampleLines();
    lines = sample.toArray(String[]::new);
  }

  /** One line per operation, the sample lines in turn. */
  @Benchmark
  public ParseResult parse() {
    String line = lines[next];
    next = next + 1 == lines.length ? 0 : next + 1;
    return parser.parse(line);
  }
}
