package dev.a2doctor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jline.terminal.Size;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;

/** The built-in pager, on a 5-row terminal fed keys. */
class PagerTest {

  static final String TEN = IntStream.rangeClosed(1, 10).mapToObj(i -> "line " + i)
      .collect(Collectors.joining("\n", "", "\n"));

  private static String page(String keys, boolean enabled, String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // keys typed in advance on a pipe that stays open, as a person's keyboard does
    PipedOutputStream keyboard = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(keyboard, 1024);
    keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
    keyboard.flush();
    try (ExternalTerminal t = new ExternalTerminal("test", "xterm", in, out,
        StandardCharsets.UTF_8)) {
      t.setSize(new Size(40, 5));
      new Pager(t, enabled).page(text);
      t.flush();
    }
    // the terminal translates newlines to CR LF and echoes the keys typed
    return out.toString(StandardCharsets.UTF_8).replace("\r", "");
  }

  @Test
  void showsAScreenThenWaitsSpaceShowsTheNextAndQStops() throws IOException {
    String out = page(" q", true, TEN);
    assertThat(out).contains("line 1\n").contains("line 8\n").doesNotContain("line 9")
        .contains("-- more");
  }

  @Test
  void spaceAgainShowsTheRest() throws IOException {
    String out = page("  ", true, TEN);
    assertThat(out).contains("line 9\n").contains("line 10\n");
  }

  @Test
  void enterShowsOneMoreLine() throws IOException {
    String out = page("\rq", true, TEN);
    assertThat(out).contains("line 5\n").doesNotContain("line 6");
  }

  @Test
  void outputThatFitsIsNotPaged() throws IOException {
    String out = page("", true, "line 1\nline 2\n");
    assertThat(out).endsWith("line 1\nline 2\n").doesNotContain("-- more");
  }

  @Test
  void neverPagesWhenDisabled() throws IOException {
    String out = page("", false, TEN);
    assertThat(out).isEqualTo(TEN).doesNotContain("-- more");
  }
}
