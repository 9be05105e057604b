package dev.a2doctor.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EscalationTest {

  @TempDir Path dir;

  @Test
  void aStormOfAnInfoLineIsAWarning() throws IOException {
    Path f = dir.resolve("core").resolve("x.yaml");
    Files.createDirectories(f.getParent());
    Files.writeString(f, CatalogLoaderTest.GOOD.formatted("x").replace("severity: error",
        "severity: info\nescalate: {count: 100, severity: warning}"));
    Catalog c = new CatalogLoader().load(List.of(dir));
    assertThat(c.problems()).isEmpty();
    Entry e = c.get("x").orElseThrow();
    assertThat(e.severityAt(1)).isEqualTo(Severity.INFO);
    assertThat(e.severityAt(99)).isEqualTo(Severity.INFO);
    assertThat(e.severityAt(100)).isEqualTo(Severity.WARNING);
  }

  @Test
  void aBadEscalationIsReported() throws IOException {
    Path f = dir.resolve("core").resolve("x.yaml");
    Files.createDirectories(f.getParent());
    Files.writeString(f, CatalogLoaderTest.GOOD.formatted("x").replace("severity: error",
        "severity: info\nescalate: {count: 1, severity: loud}"));
    assertThat(new CatalogLoader().load(List.of(dir)).problems())
        .extracting(CatalogProblem::key).containsExactly("escalate.count");
  }
}
