package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code a2doctor shell} from the command line, with commands on standard input (a script). */
class ShellCommandTest {

  @Test
  void readsCommandsFromStandardInputWithoutPromptAndShowsWhatReadmeSays() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int section = readme.indexOf("### shell");
    String command = "printf 'findings --severity error\\nlines 1\\n' | a2doctor shell "
        + "--no-context samples/wsgi-itk/error.log";
    int shown = readme.indexOf(command, section);
    assertThat(shown).as("README's shell section shows the scripted example").isPositive();
    int open = readme.indexOf("```\n", readme.indexOf("```", shown) + 3) + 4;
    String expected = readme.substring(open, readme.indexOf("```", open));

    Cli.Result r = Cli.run(Map.of(), "findings --severity error\nlines 1\n", false,
        "shell", "--no-context", "samples/wsgi-itk/error.log");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo(expected).doesNotContain("a2doctor> ");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void helpHasExamples() {
    Cli.Result r = Cli.run("shell", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Examples:").contains("a2doctor shell /var/log/apache2/error.log")
        .contains("--history=FILE");
  }

  @Test
  void theShellIsOneOfTheCommandsAndNotNestedInItself() {
    assertThat(Cli.run("--help").err() + Cli.run("--help").out()).contains("shell");
    Cli.Result r = Cli.run(Map.of(), "shell\n", false, "shell", "--no-context");
    assertThat(r.out()).contains("Unknown command 'shell'");
  }
}
