package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** README.md is checked, not trusted: its commands and its sample output are the real ones. */
class ReadmeTest {

  private final String readme = read("README.md");

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private List<String> codeBlocksAfter(String heading) {
    int start = readme.indexOf(heading);
    assertThat(start).as("README has '%s'", heading).isNotNegative();
    List<String> blocks = new ArrayList<>();
    int i = start;
    int next = readme.indexOf("\n## ", start + heading.length());
    while (true) {
      int open = readme.indexOf("```", i);
      if (open < 0 || (next > 0 && open > next)) {
        return blocks;
      }
      int body = readme.indexOf('\n', open) + 1;
      int close = readme.indexOf("```", body);
      blocks.add(readme.substring(body, close));
      i = close + 3;
    }
  }

  @Test
  void ciRunsExactlyTheReadmeTestCommand() {
    List<String> quickStart = codeBlocksAfter("## Quick start");
    String testCommand = quickStart.get(1).strip();
    assertThat(testCommand).isEqualTo("mvn -B test");
    List<String> ciCommands = read(".ci/run").lines()
        .filter(l -> l.startsWith("mvn ")).toList();
    assertThat(ciCommands).containsExactly(testCommand);
  }

  @Test
  void theQuickStartDiagnosesABundledSample() {
    String main = codeBlocksAfter("## Quick start").get(0).strip();
    assertThat(main).startsWith("mvn -B -q package -DskipTests && target/a2doctor diagnose ")
        .contains("samples/wsgi-itk/error.log");
  }

  @Test
  void theSampleOutputShownIsWhatTheProgramPrints() {
    String shown = codeBlocksAfter("## What it says").get(0);
    assertThat(shown).isEqualTo(read("samples/wsgi-itk/expected/diagnose-text.txt"));
  }
}
