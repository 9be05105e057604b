package dev.a2doctor.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NoteTest {

  @Test
  void everyNoteHasAJapaneseText() {
    assertThat(Note.keys("ja")).containsExactlyInAnyOrderElementsOf(Note.keys("en"));
  }

  @Test
  void japaneseTextsAreNotEnglishSentences() {
    for (String key : Note.keys("ja")) {
      String ja = new Note(key, List.of()).text("ja");
      assertThat(ja).as(key).isNotEqualTo(new Note(key, List.of()).text("en"));
      assertThat(ja.codePoints().anyMatch(c -> c > 0x3000)).as(key + ": " + ja).isTrue();
    }
  }

  @Test
  void placeholdersAreFilledInBothLanguages() {
    Note n = Note.of("fpm.pool-listen", "www", "/run/php/php8.2-fpm.sock", "www.conf:41");
    assertThat(n.text("en")).isEqualTo(
        "php-fpm pool [www] listens on /run/php/php8.2-fpm.sock (www.conf:41)");
    assertThat(n.text("ja")).contains("[www]").contains("/run/php/php8.2-fpm.sock")
        .doesNotContain("{");
  }

  @Test
  void anUnknownLanguageFallsBackToEnglish() {
    assertThat(Note.of("context.no-context").text("de")).startsWith("--no-context:");
  }
}
