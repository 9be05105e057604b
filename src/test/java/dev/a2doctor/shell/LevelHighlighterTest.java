package dev.a2doctor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.jline.utils.AttributedStyle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LevelHighlighterTest {

  // prefixes as httpd 2.4's default ErrorLogFormat writes them (samples/*/error.log)
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "[Wed Nov 25 01:23:50.400553 2026] [wsgi:error] [pid 29882:tid 29882] x|1",
      "[Wed Nov 25 01:23:50.400553 2026] [core:crit] [pid 1] x|1",
      "[Wed Nov 25 01:23:50.400553 2026] [ssl:warn] [pid 1] x|3",
      "[Wed Nov 25 01:23:52.155225 2026] [mpm_prefork:notice] [pid 29858:tid 29858] x|6"})
  void colorsAPastedLineByItsLevel(String line, int color) {
    AttributedStyle s = LevelHighlighter.style(line);
    assertThat(s.getStyle() & 0xff00).isNotZero();
    assertThat(new org.jline.utils.AttributedString("x", s).toAnsi())
        .contains("3" + color);
  }

  @Test
  void leavesCommandsPlainAndEverythingPlainWithoutColour() {
    assertThat(LevelHighlighter.style("findings --severity error"))
        .isEqualTo(AttributedStyle.DEFAULT);
    String line = "[Wed Nov 25 01:23:50.400553 2026] [wsgi:error] [pid 1] x";
    assertThat(new LevelHighlighter(false).highlight(null, line).toAnsi()).isEqualTo(line);
    assertThat(new LevelHighlighter(true).highlight(null, line).toAnsi())
        .startsWith("\u001b[").contains(line);
  }
}
