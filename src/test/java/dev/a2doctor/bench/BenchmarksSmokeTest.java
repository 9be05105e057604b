package dev.a2doctor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Collection;
import java.util.TreeMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The JMH benchmarks compile (JMH's generator runs at test-compile) and each runs: one short
 * measured iteration in this JVM, no warm-up. The numbers mean nothing here; the real run is
 * {@code java -jar target/benchmarks.jar} (README, Performance).
 */
class BenchmarksSmokeTest {

  @Test
  void everyBenchmarkRunsOneShortIteration() throws RunnerException {
    Options options = new OptionsBuilder()
        .include("dev\\.a2doctor\\.bench\\..*Benchmark")
        .forks(0)
        .warmupIterations(0)
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(50))
        .shouldFailOnError(true)
        .build();
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    // JMH keeps one run per machine through /tmp/jmh.lock; a real benchmark run elsewhere on
    // the machine must not fail this test, which measures nothing
    String ignoreLock = System.setProperty("jmh.ignoreLock", "true");
    Collection<RunResult> results;
    try {
      results = new Runner(options,
          OutputFormatFactory.createFormatInstance(quiet, VerboseMode.SILENT)).run();
    } finally {
      if (ignoreLock == null) {
        System.clearProperty("jmh.ignoreLock");
      } else {
        System.setProperty("jmh.ignoreLock", ignoreLock);
      }
    }

    Map<String, Double> scores = new TreeMap<>();
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark().replace("dev.a2doctor.bench.", "");
      String entries = r.getParams().getParam("entries");
      scores.put(name + (entries == null ? "" : " " + entries), r.getPrimaryResult().getScore());
    }
    assertThat(scores).containsOnlyKeys("MatchBenchmark.match 20", "MatchBenchmark.match 2000",
        "MatchBenchmark.match real", "ParseBenchmark.parse", "PipelineBenchmark.diagnose");
    assertThat(scores.values()).allSatisfy(s -> assertThat(s).isPositive());
  }
}
