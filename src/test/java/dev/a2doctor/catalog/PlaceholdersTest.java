package dev.a2doctor.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

  @Test
  void findsNamesButNotApacheVariables() {
    assertThat(Placeholders.names("add socket-user={user} to {group} in ${APACHE_RUN_DIR}/x {}"))
        .containsExactly("user", "group");
  }

  @Test
  void fillsKnownNamesAndLeavesTheRest() {
    assertThat(Placeholders.fill("{a} {b} ${a} {", Map.of("a", "1")))
        .isEqualTo("1 {b} ${a} {");
  }
}
