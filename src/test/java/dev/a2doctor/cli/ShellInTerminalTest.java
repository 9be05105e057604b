package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the real program in a real terminal: {@code a2doctor shell} runs in a tmux pane (its own
 * tmux server), the test types commands, Tab and Ctrl-C with {@code send-keys} and reads the
 * screen with {@code capture-pane}. Every wait polls the screen with a deadline.
 */
class ShellInTerminalTest {

  static final Duration WAIT = Duration.ofSeconds(90);
  static final String PROMPT = "a2doctor> ";

  @TempDir Path dir;
  private final String socket = "a2d-shell-test-" + ProcessHandle.current().pid() + "-"
      + System.nanoTime();

  @AfterEach
  void killServer() throws Exception {
    tmux("kill-server");
  }

  @Test
  void typingTabCompletionPagingFollowAndCtrlCInARealTerminal() throws Exception {
    requireTmux();
    Path log = dir.resolve("error.log");
    Files.copy(Path.of("samples/wsgi-itk/error.log"), log);
    List<String> sample = Files.readAllLines(log);
    String denied = Files.readAllLines(
            Path.of("samples/scenarios/access-require-all-denied/error.log")).stream()
        .filter(l -> l.contains("AH01630")).findFirst().orElseThrow();
    Path home = Files.createDirectories(dir.resolve("home"));
    Path launch = dir.resolve("launch.sh");
    Files.writeString(launch, String.join("\n",
        "cd " + quote(Path.of("").toAbsolutePath().toString()),
        "export HOME=" + quote(home.toString()) + " NO_COLOR=1 TERM=screen",
        "exec " + quote(java()) + " -cp " + quote(classpath())
            + " dev.a2doctor.cli.Main shell --no-context " + quote(log.toString()),
        ""));
    tmux("-f", "/dev/null", "new-session", "-d", "-s", "a2d", "-x", "200", "-y", "50",
        "sh " + quote(launch.toString()));
    tmux("set-option", "-t", "a2d", "remain-on-exit", "on");

    awaitScreen(1, PROMPT);
    assertThat(screen()).contains("1 file open: 7 lines read, 4 findings");

    // Tab completes a verb, an option and its value
    keys("fin", "Tab");
    awaitScreen(1, PROMPT + "findings ");
    keys("--sev", "Tab");
    awaitScreen(1, PROMPT + "findings --severity ");
    keys("err", "Tab");
    awaitScreen(1, PROMPT + "findings --severity error");
    keys("Enter");
    awaitScreen(2, PROMPT);
    String afterFilter = screen().substring(screen().indexOf("findings --severity error"));
    assertThat(afterFilter).contains("  1  ERROR").doesNotContain("NOTICE");

    // a pasted log line is explained without a verb
    typeLiteral(denied);
    keys("Enter");
    awaitScreen(3, PROMPT);
    assertThat(screen()).contains("Client denied by server configuration");

    // long output is paged; q leaves the pager
    keys("patterns", "Enter");
    awaitScreen(1, "-- more (Space: page, Enter: line, q: quit) --");
    keys("q");
    awaitScreen(4, PROMPT);

    // follow is live until Ctrl-C, then the prompt is back
    keys("follow", "Enter");
    awaitScreen(1, "Following 1 file; Ctrl-C stops.");
    Files.writeString(log, sample.get(2) + "\n", StandardOpenOption.APPEND);
    awaitScreen(1, "ERROR    2x  mod_wsgi cannot connect to its daemon process socket");
    keys("C-c");
    awaitScreen(1, "follow stopped: 1 event");
    awaitScreen(5, PROMPT);

    // Ctrl-C at the prompt drops the line, not the shell
    keys("half typed", "C-c");
    awaitScreen(6, PROMPT);
    keys("context", "Enter");
    awaitScreen(1, "Not read: --no-context");

    // Ctrl-D on an empty line leaves ('quit' does too: ShellTest)
    keys("C-d");
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!tmux("display-message", "-p", "-t", "a2d", "#{pane_dead}").strip().equals("1")) {
      if (System.nanoTime() > deadline) {
        fail("the shell did not exit on Ctrl-D; the screen:\n" + screen());
      }
      Thread.sleep(50);
    }
    assertThat(Files.readString(home.resolve(".a2doctor_history")))
        .contains("findings --severity error").contains("follow").contains("context");
  }

  private static void requireTmux() {
    boolean found = List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .stream().anyMatch(d -> Files.isExecutable(Path.of(d, "tmux")));
    if (!found) {
      if (System.getenv("CI") != null) {
        fail("in CI this test must run, but tmux is not installed (.ci/setup-apache.sh)");
      }
      Assumptions.abort("tmux is not installed (sudo .ci/setup-apache.sh installs it)");
    }
  }

  /** The classpath the tests run with (surefire names it), which holds the main classes. */
  private static String classpath() {
    String cp = System.getProperty("surefire.test.class.path");
    return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\"'\"'") + "'";
  }

  private void keys(String... keys) throws Exception {
    List<String> args = new ArrayList<>(List.of("send-keys", "-t", "a2d", "--"));
    args.addAll(List.of(keys));
    tmux(args.toArray(String[]::new));
  }

  private void typeLiteral(String text) throws Exception {
    tmux("send-keys", "-t", "a2d", "-l", "--", text);
  }

  private String screen() throws Exception {
    return tmux("capture-pane", "-p", "-J", "-S", "-", "-t", "a2d");
  }

  /** Waits until {@code text} is on the screen (with its scrollback) at least {@code times}. */
  private void awaitScreen(int times, String text) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      String s = screen();
      int n = 0;
      for (int i = s.indexOf(text); i >= 0; i = s.indexOf(text, i + text.length())) {
        n++;
      }
      if (n >= times) {
        return;
      }
      if (System.nanoTime() > deadline) {
        fail("'" + text + "' not " + times + "x on the screen within " + WAIT + ":\n" + s);
      }
      Thread.sleep(50);
    }
  }

  private String tmux(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }
}
