package dev.a2doctor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The yardsticks of {@code src/test/bench/jvm-floor.sh} ({@code JvmFloor}, {@code MatchFloor})
 * still compile against a2doctor's classes and count what they claim to: every line once,
 * however the log is cut between threads, and each distinct message once. They measure
 * nothing here (speed is never a unit test); a wrong count would make their figures wrong.
 */
class FloorProgramsTest {

  @TempDir static Path dir;
  static Path log;
  static long lines;

  @BeforeAll
  static void compileAndMakeALog() throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int code = javac.run(null, null, null, "-d", dir.toString(),
        "-cp", System.getProperty("java.class.path"),
        "src/test/bench/JvmFloor.java", "src/test/bench/MatchFloor.java");
    assertThat(code).as("javac").isZero();
    // every captured line of samples/, each many times over (repeats are what the floors skip)
    List<String> sample = BenchData.sampleLines();
    List<String> all = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      all.addAll(sample);
    }
    log = dir.resolve("repeated.log");
    Files.write(log, all, StandardCharsets.UTF_8);
    lines = all.size();
  }

  /** {@code main} of {@code program} in a child JVM; what it prints. */
  private static String run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", dir + File.pathSeparator + System.getProperty("java.class.path")));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out.strip();
  }

  /** The message of a line as MatchFloor keys it: after the third ] and the client field. */
  private static String message(String line) {
    int p = 0;
    for (int brackets = 0; brackets < 3 && p < line.length(); p++) {
      if (line.charAt(p) == ']') {
        brackets++;
      }
    }
    if (line.startsWith(" [cl", p)) {
      p = line.indexOf(']', p);
    }
    return line.substring(p);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7})
  void matchFloorCountsEveryLineOnceWhereverTheThreadsCutTheLog(int threads) throws Exception {
    Matcher m = Pattern.compile("(\\d+) lines, (\\d+) distinct messages matched \\((\\d+) "
        + "explained\\)").matcher(run("MatchFloor", log.toString(), Integer.toString(threads)));
    assertThat(m.matches()).as(m.toString()).isTrue();
    assertThat(Long.parseLong(m.group(1))).isEqualTo(lines);
    Set<String> distinct = new HashSet<>();
    for (String l : Files.readAllLines(log)) {
      distinct.add(message(l));
    }
    long matched = Long.parseLong(m.group(2));
    // each thread matches a message once: one that is in several parts, once in each
    assertThat(matched).isBetween((long) distinct.size(), (long) distinct.size() * threads);
    if (threads == 1) {
      assertThat(matched).isEqualTo(distinct.size());
    }
    assertThat(Long.parseLong(m.group(3))).isPositive().isLessThanOrEqualTo(matched);
  }

  @Test
  void parseOnlyMatchesNothing() throws Exception {
    assertThat(run("MatchFloor", log.toString(), "2", "parse-only"))
        .startsWith(lines + " lines, ").endsWith("(0 explained)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"bytes", "strings"})
  void jvmFloorCountsEveryLine(String mode) throws Exception {
    assertThat(run("JvmFloor", mode, log.toString())).startsWith(lines + " lines, ");
  }
}
