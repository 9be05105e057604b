package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** With {@code --lang ja} the evidence and "not checked" sentences are Japanese too. */
class JapaneseEvidenceTest {

  @ParameterizedTest
  @ValueSource(strings = {"samples/wsgi-itk", "samples/wsgi-socketdir", "samples/rhel-httpd"})
  void noEvidenceSentenceIsEnglishInJapaneseOutput(String sample) throws Exception {
    Cli.Result r = sample.endsWith("rhel-httpd")
        ? Cli.run("diagnose", "--lang", "ja", "--format", "json", "--root", sample,
            sample + "/error.log")
        : Cli.run("diagnose", "--lang", "ja", "--format", "json",
            "--apache-config", sample + "/etc/apache2/apache2.conf",
            "--passwd", sample + "/etc/passwd", sample + "/error.log");
    List<String> sentences = new ArrayList<>();
    for (String line : r.out().split("\n")) {
      JsonNode n = new JsonMapper().readTree(line);
      if (n.has("context") && n.get("context").has("evidence")) {
        n.get("context").get("evidence").forEach(s -> sentences.add(s.asString()));
        n.get("context").get("unchecked").forEach(s -> sentences.add(s.asString()));
      }
    }
    assertThat(sentences).as(r.out()).isNotEmpty();
    for (String s : sentences) {
      // paths and directives stay as written; the sentence around them must be Japanese
      assertThat(s.codePoints().anyMatch(c -> c >= 0x3040)).as(s).isTrue();
    }
  }

  @org.junit.jupiter.api.Test
  void theContextNotesAtTheEndAreJapaneseToo() {
    String sample = "samples/wsgi-itk";
    Cli.Result text = Cli.run("diagnose", "--lang", "ja", "--no-context", sample + "/error.log");
    String last = text.out().strip().lines().reduce((a, b) -> b).orElseThrow();
    assertThat(last).startsWith("コンテキスト: ").contains("--no-context")
        .doesNotContain("were not read");
    Cli.Result json = Cli.run("diagnose", "--lang", "ja", "--format", "json", "--no-context",
        sample + "/error.log");
    assertThat(json.out()).contains("\"context_notes\":[\"--no-context: Apache の設定");
  }
}
