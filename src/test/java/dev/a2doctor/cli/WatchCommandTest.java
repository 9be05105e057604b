package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code a2doctor watch} run in-process on its own thread, with files and pipes the test writes
 * to, and a stop hook standing in for Ctrl-C. Waits are for output to appear, with a generous
 * deadline; no timing is asserted.
 */
class WatchCommandTest {

  /** Real lines: samples/scenarios/wsgi-uncaught-exception/error.log. */
  static final List<String> WSGI = read("samples/scenarios/wsgi-uncaught-exception/error.log");
  /** Real lines: samples/scenarios/proxy-backend-connection-refused/error.log. */
  static final List<String> PROXY =
      read("samples/scenarios/proxy-backend-connection-refused/error.log");

  @TempDir Path dir;

  private static List<String> read(String path) {
    try {
      return Files.readAllLines(Path.of(path));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A watch running on its own thread. */
  record Running(CompletableFuture<Integer> code, StringWriter out, StringWriter err,
      AtomicReference<Runnable> stop) {

    void await(String what, BooleanSupplier condition) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!condition.getAsBoolean()) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("timed out waiting for " + what + "; out:\n" + out
              + "\nerr:\n" + err);
        }
        Thread.sleep(10);
      }
    }

    void awaitOut(String text) throws InterruptedException {
      await("'" + text + "'", () -> out.toString().contains(text));
    }

    void awaitErr(String text) throws InterruptedException {
      await("'" + text + "'", () -> err.toString().contains(text));
    }

    /** Ctrl-C, once the command has installed its hook. */
    int interrupt() throws Exception {
      await("the stop hook", () -> stop.get() != null);
      stop.get().run();
      return code.get(30, TimeUnit.SECONDS);
    }
  }

  static Running start(InputStream stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    AtomicReference<Runnable> stop = new AtomicReference<>();
    Io io = new Io(new PrintWriter(out), new PrintWriter(err), Map.of(), stdin, false,
        stop::set);
    CompletableFuture<Integer> code =
        CompletableFuture.supplyAsync(() -> A2doctor.commandLine(io).execute(args));
    return new Running(code, out, err, stop);
  }

  private static void append(Path p, List<String> lines) throws IOException {
    Files.write(p, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  @Test
  void printsAFindingFromAPipeBeforeTheInputEnds() throws Exception {
    PipedOutputStream feed = new PipedOutputStream();
    Running w = start(new PipedInputStream(feed, 1 << 16), "watch", "--no-context",
        "--interval", "20");
    feed.write((String.join("\n", WSGI) + "\n").getBytes(StandardCharsets.UTF_8));
    feed.flush();
    w.awaitOut("[wsgi-python-keyerror]");
    assertThat(w.code()).isNotDone();
    assertThat(w.out().toString()).doesNotContain("stopped");
    feed.close();
    int code = w.code().get(30, TimeUnit.SECONDS);
    assertThat(code).isEqualTo(1);
    assertThat(w.out().toString()).contains("a2doctor: stopped; what was seen:",
        "4 findings (4 lines), 9 lines read");
  }

  @Test
  void closesATracebackAfterAQuietPeriodWithoutWaitingForMoreInput() throws Exception {
    PipedOutputStream feed = new PipedOutputStream();
    Running w = start(new PipedInputStream(feed, 1 << 16), "watch", "--no-context",
        "--interval", "20", "--format", "json");
    // the header and the traceback down to its last line, and then nothing more
    feed.write((String.join("\n", WSGI.subList(2, 8)) + "\n").getBytes(StandardCharsets.UTF_8));
    feed.flush();
    w.awaitOut("\"type\":\"event\"");
    assertThat(w.code()).isNotDone();
    List<String> events = w.out().toString().lines()
        .filter(l -> l.startsWith("{\"type\":\"event\"")).toList();
    assertThat(events).singleElement().satisfies(e -> assertThat(e)
        .contains("\"id\":\"wsgi-python-keyerror\"", "\"line\":1,",
            "Traceback (most recent call last):\\n", "\"last_line\":\"KeyError: 'HTTP_X_API_TOKEN'\""));
    feed.close();
    assertThat(w.code().get(30, TimeUnit.SECONDS)).isEqualTo(1);
  }

  @Test
  void showsANewKindInFullOnceAndCountsItsRepeatsInCompactLines() throws Exception {
    String line = PROXY.get(0);
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      in.append(line).append('\n');
    }
    Running w = start(new ByteArrayInputStream(in.toString().getBytes(StandardCharsets.UTF_8)),
        "watch", "--no-context", "-");
    assertThat(w.code().get(30, TimeUnit.SECONDS)).isEqualTo(1);
    String live = w.out().toString().split("a2doctor: stopped")[0];
    assertThat(count(live, "==> NEW ERROR at 2026-11-25T01:18:39.807749, -:1")).isEqualTo(1);
    assertThat(count(live, "  Fix: ")).isEqualTo(1);
    assertThat(live).containsPattern(
        "\n  ERROR {8}10x  Backend refused the proxy connection .*\\[proxy-connect-refused\\]  "
        + "last 2026-11-25T01:18:39.807749, -:10\n");
    assertThat(count(live, "x  Backend refused")).isEqualTo(1);
  }

  @Test
  void writesOneJsonEventPerMatchedLineAndTheFindingWhenItIsFirstSeen() throws Exception {
    String in = String.join("\n", WSGI) + "\n" + String.join("\n", PROXY) + "\n"
        + String.join("\n", WSGI) + "\n";
    Running w = start(new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)),
        "watch", "--no-context", "--format", "json", "--fail-on", "critical");
    assertThat(w.code().get(30, TimeUnit.SECONDS)).isEqualTo(0);
    List<String> lines = w.out().toString().lines().toList();
    List<String> events = lines.stream().filter(l -> l.startsWith("{\"type\":\"event\"")).toList();
    // the batch diagnosis of the same input counts the same matched lines
    Cli.Result batch = Cli.run(Map.of(), in, false, "diagnose", "--no-context", "--format",
        "json");
    long matched = batch.out().lines().filter(l -> l.startsWith("{\"type\":\"finding\""))
        .mapToLong(l -> Long.parseLong(l.replaceAll(".*?\"count\":(\\d+).*", "$1"))).sum();
    assertThat(events).hasSize((int) matched).hasSize(12);
    assertThat(events.get(0)).startsWith("{\"type\":\"event\",\"id\":\"server-started\","
        + "\"severity\":\"info\",\"source\":\"-\",\"line\":1,\"time\":\"2026-11-25T01:13:03.591396\","
        + "\"raw\":\"[Wed Nov 25 01:13:03.591396 2026] [mpm_prefork:notice]");
    assertThat(lines.get(0)).startsWith("{\"type\":\"finding\",\"id\":\"server-started\"");
    assertThat(lines.get(1)).isEqualTo(events.get(0));
    long liveFindings = lines.stream().takeWhile(l -> !l.contains("\"type\":\"unrecognized\""))
        .filter(l -> l.startsWith("{\"type\":\"finding\"")).count();
    // 6 kinds first seen live, then the 6 findings again in the closing diagnosis
    assertThat(liveFindings).isEqualTo(12);
    assertThat(lines.get(lines.size() - 1)).startsWith("{\"type\":\"summary\",\"lines\":22");
  }

  @Test
  void followsSeveralFilesFromTheirEndAndNamesTheFileOfEachFinding() throws Exception {
    Path a = dir.resolve("a.error.log");
    Path b = dir.resolve("b.error.log");
    append(a, PROXY);
    append(b, List.of());
    Running w = start(InputStream.nullInputStream(), "watch", "--no-context", "--interval", "20",
        a.toString(), b.toString());
    w.awaitErr("a2doctor: watching");
    append(b, PROXY.subList(0, 1));
    w.awaitOut("[proxy-connect-refused]");
    append(a, WSGI);
    w.awaitOut("[wsgi-python-keyerror]");
    int code = w.interrupt();
    assertThat(code).isEqualTo(1);
    String out = w.out().toString();
    assertThat(out).contains("==> NEW ERROR at 2026-11-25T01:18:39.807749, " + b + ":1",
        "==> NEW ERROR at 2026-11-25T01:13:05.208824, " + a + ":7",
        "first at " + b + ":1", "a2doctor: stopped; what was seen:");
    assertThat(out).doesNotContain(a + ":1\n");
  }

  @Test
  void readsAFileThatAppearsLaterAndSurvivesItsRotation() throws Exception {
    Path log = dir.resolve("error.log");
    Running w = start(InputStream.nullInputStream(), "watch", "--no-context", "--interval", "20",
        "--format", "json", log.toString());
    w.awaitErr(log + ": does not exist yet");
    append(log, PROXY.subList(0, 2));
    w.awaitOut("\"line\":2");
    Files.move(log, dir.resolve("error.log.1"));
    append(dir.resolve("error.log.1"), PROXY.subList(2, 3));
    append(log, PROXY.subList(3, 4));
    w.await("4 events", () -> count(w.out().toString(), "\"type\":\"event\"") == 4);
    assertThat(w.interrupt()).isEqualTo(1);
    assertThat(w.out().toString().lines().filter(l -> l.startsWith("{\"type\":\"event\""))
        .map(l -> l.replaceAll(".*\"line\":(\\d+),.*", "$1")))
        .containsExactly("1", "2", "3", "1");
    assertThat(w.err().toString()).contains(log + ": rotated; following the new file");
  }

  @Test
  void exitsZeroOnCtrlCWhenNothingReachedFailOn() throws Exception {
    Path log = dir.resolve("error.log");
    append(log, WSGI);
    Running w = start(InputStream.nullInputStream(), "watch", "--no-context", "--from-start",
        "--fail-on", "critical", log.toString());
    w.awaitOut("[wsgi-python-keyerror]");
    assertThat(w.interrupt()).isEqualTo(0);
    assertThat(w.out().toString()).contains("a2doctor: stopped; what was seen:",
        "4 findings (4 lines), 9 lines read");
  }

  @Test
  void refusesStandardInputTogetherWithFiles() {
    Cli.Result r = Cli.run("watch", "-", "error.log");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("'-' (standard input) cannot be followed together with files");
  }

  @Test
  void hasHelpWithExamples() {
    Cli.Result r = Cli.run("watch", "--help");
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).contains("--from-start", "--interval", "--apache-config", "--format",
        "tail -F /var/log/apache2/error.log | a2doctor watch", "Exit codes:");
  }

  @Test
  void readmeShowsARealEventAndValidCommandLines() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    String section = readme.substring(readme.indexOf("### watch"),
        readme.indexOf("## The catalog"));
    String json = section.substring(section.indexOf("```json\n") + 8);
    String shown = json.substring(0, json.indexOf("```")).strip().replace("\n ", "");
    Running w = start(new ByteArrayInputStream((PROXY.get(0) + "\n")
        .getBytes(StandardCharsets.UTF_8)), "watch", "--no-context", "--format", "json");
    assertThat(w.code().get(30, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(w.out().toString().lines()).contains(shown);

    String sh = section.substring(section.indexOf("```sh\n") + 6);
    List<String> commands = sh.substring(0, sh.indexOf("```")).lines()
        .map(l -> l.contains("a2doctor watch") ? l.substring(l.indexOf("a2doctor watch")) : "")
        .filter(l -> !l.isEmpty()).toList();
    assertThat(commands).hasSize(5);
    for (String c : commands) {
      String[] args = c.substring("a2doctor ".length()).split(" ");
      A2doctor.commandLine(new Io(new PrintWriter(new StringWriter()),
          new PrintWriter(new StringWriter()), Map.of(), InputStream.nullInputStream(), false))
          .parseArgs(args);
    }
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
