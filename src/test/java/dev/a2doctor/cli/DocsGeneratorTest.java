package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The man pages and completion scripts the build ships are generated from the same command line
 * as {@code --help}: every command and option of it appears in them.
 */
class DocsGeneratorTest {

  @TempDir static Path out;

  @BeforeAll
  static void generate() throws IOException {
    DocsGenerator.generate(out);
  }

  private static List<CommandLine> commands(CommandLine cl) {
    List<CommandLine> all = new ArrayList<>(List.of(cl));
    cl.getSubcommands().values().forEach(sub -> all.addAll(commands(sub)));
    return all;
  }

  @Test
  void everyCommandHasAManPageWithEveryOptionAndTheExamples() throws IOException {
    for (CommandLine cl : commands(DocsGenerator.commandLine())) {
      CommandSpec spec = cl.getCommandSpec();
      Path page = out.resolve("adoc/" + spec.qualifiedName("-") + ".adoc");
      assertThat(page).as(spec.qualifiedName()).exists();
      String adoc = Files.readString(page, StandardCharsets.UTF_8);
      for (OptionSpec o : spec.options()) {
        if (o.hidden()) {
          continue; // in neither --help nor the man page
        }
        assertThat(adoc).as(page + " documents " + o.longestName())
            .contains("*" + o.longestName() + "*");
      }
      for (String footer : spec.usageMessage().footer()) {
        for (String line : footer.replace("%n", "\n").split("\n")) {
          // an unindented "Heading:" line becomes a section of its own
          String expected = line.matches("[A-Z][^:]*:") ? "== " + line.replace(":", "")
              : line.strip();
          assertThat(adoc).as(page + " has the footer line").contains(expected);
        }
      }
    }
  }

  @Test
  void theTopPageDocumentsExitCodesAndFiles() throws IOException {
    String adoc = Files.readString(out.resolve("adoc/a2doctor.adoc"), StandardCharsets.UTF_8);
    assertThat(adoc).contains(":manmanual: A2doctor Manual", "= a2doctor(1)",
        "/etc/a2doctor/a2doctor.conf", "A2DOCTOR_OPTS", "== Exit codes\n");
  }

  @Test
  void theReportPageDocumentsStateMailSuppressionsAndTheConfigurationFile() throws IOException {
    String adoc = Files.readString(out.resolve("adoc/a2doctor-report.adoc"),
        StandardCharsets.UTF_8);
    assertThat(adoc).contains("== Cron\n", "== State file\n", "== Rotation\n", "== Mail\n",
        "== Auth file\n", "== Suppression file\n", "== Configuration file\n",
        "== Exit codes\n", "/var/lib/a2doctor/state.json", "fingerprint", "copytruncate",
        "user=", "password=", "until: ", "/etc/a2doctor/a2doctor.conf",
        "a2doctor.report.mail-to = ", "--smtp-ca");
  }

  @Test
  void bashCompletionCompletesCommandsAndOptions() throws Exception {
    Path script = out.resolve("completion/a2doctor");
    String shell = ". '" + script + "'\n"
        + "COMP_WORDS=(a2doctor dia); COMP_CWORD=1; _complete_a2doctor; echo \"${COMPREPLY[*]}\"\n"
        + "COMP_WORDS=(a2doctor diagnose --fail); COMP_CWORD=2; _complete_a2doctor;"
        + " echo \"${COMPREPLY[*]}\"\n"
        + "COMP_WORDS=(a2doctor diagnose --format ''); COMP_CWORD=3; _complete_a2doctor;"
        + " echo \"${COMPREPLY[*]}\"\n";
    // stderr is left out: outside of a real Tab press bash says "compopt: not currently
    // executing completion function"
    Process p = new ProcessBuilder("bash", "--norc", "--noprofile", "-c", shell)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String result = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(result).isZero();
    assertThat(result).isEqualTo("diagnose\n--fail-on\ntext json\n");
  }

  @Test
  void zshCompletionIsTheBashScriptUnderCompdefAnsweringTheFirstTab() throws IOException {
    String zsh = Files.readString(out.resolve("completion/_a2doctor"), StandardCharsets.UTF_8);
    String bash = Files.readString(out.resolve("completion/a2doctor"), StandardCharsets.UTF_8);
    assertThat(zsh).startsWith("#compdef a2doctor\n")
        .endsWith(bash + DocsGenerator.ZSH_FIRST_TAB);
  }
}
