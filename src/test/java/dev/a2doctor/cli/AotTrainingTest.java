package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.a2doctor.catalog.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quiet diagnosis that trains a Java 25 AOT cache (the launcher's recording run). */
class AotTrainingTest {

  @TempDir Path tmp;

  @Test
  void diagnosesEveryExampleLineOfTheCatalogManyTimesOver() {
    Catalog catalog = InstalledCatalog.load();
    List<String> lines = AotTraining.lines(catalog);
    long examples = catalog.entries().stream().mapToLong(e -> e.examples().size()).sum();
    assertThat(examples).isGreaterThan(200);
    assertThat(lines).hasSize((int) examples * AotTraining.ROUNDS);
    assertThat(lines.subList(0, (int) examples))
        .isEqualTo(lines.subList(lines.size() - (int) examples, lines.size()));
  }

  @Test
  void runsBothDiagnosesWithFindingsAndLeavesNothingBehind() throws Exception {
    // the examples are lines the catalog explains: both diagnoses find something (exit 1)
    int[] codes = AotTraining.run(Map.of(), tmp);
    assertThat(codes).containsExactly(ExitCodes.FINDINGS, ExitCodes.FINDINGS);
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).isEmpty();
    }
  }
}
