package dev.a2doctor.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.a2doctor.catalog.Catalog;
import dev.a2doctor.catalog.CatalogLoader;
import dev.a2doctor.catalog.CatalogProblem;
import dev.a2doctor.catalog.Entry;
import dev.a2doctor.catalog.Example;
import dev.a2doctor.context.Enrichers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every example of every built-in entry, run through the real matcher. */
class CatalogContractTest {

  private final Catalog catalog = new CatalogLoader().loadBuiltin();

  @Test
  void everyEntryLoads() {
    assertThat(catalog.problems()).as("catalog files that do not load").isEmpty();
  }

  @Test
  void everyExampleMatchesItsEntryAndOnlyIt() {
    List<CatalogProblem> failures =
        new CatalogCheck(Enrichers::info, List.of("en", "ja")).check(catalog.entries(), catalog);
    assertThat(failures)
        .as(() -> failures.stream().map(CatalogProblem::toString)
            .collect(Collectors.joining("\n", "\n", "\n")))
        .isEmpty();
  }

  @Test
  void everyCapturedOriginExists() {
    List<String> missing = new ArrayList<>();
    for (Entry e : catalog.entries()) {
      List<Example> all = new ArrayList<>(e.examples());
      all.addAll(e.nearMisses());
      for (Example x : all) {
        String origin = x.origin();
        if (origin.startsWith("samples/") && !Files.exists(Path.of(origin))) {
          missing.add(e.source() + ": " + origin);
        }
      }
    }
    assertThat(missing).as("examples whose origin sample file is not in the repository")
        .isEmpty();
  }

  @Test
  void everyCapturedExampleIsInItsSampleFile() throws Exception {
    List<String> notFound = new ArrayList<>();
    for (Entry e : catalog.entries()) {
      for (Example x : e.examples()) {
        Path p = Path.of(x.origin());
        if (x.origin().startsWith("samples/") && Files.isRegularFile(p)
            && !Files.readString(p).contains(x.line())) {
          notFound.add(e.source() + ": " + x.origin());
        }
      }
    }
    assertThat(notFound).as("example lines that are not verbatim in the sample they cite")
        .isEmpty();
  }

  /**
   * ../shared/scenarios.md lists the scenarios reproduced on a real Apache with a verified fix:
   * the floor of the catalog. Each must be claimed by an entry (key {@code scenarios}), and no
   * entry may claim a scenario that does not exist.
   */
  @Test
  void everyReproducedScenarioIsDiagnosed() throws Exception {
    Path scenarios = Path.of("../shared/scenarios.md");
    if (!Files.exists(scenarios)) {
      org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("CI") == null,
          "in CI ../shared/scenarios.md must be beside the clone");
      org.junit.jupiter.api.Assumptions.abort("no ../shared/scenarios.md beside this checkout");
    }
    java.util.Set<String> ids = new java.util.TreeSet<>();
    for (String line : Files.readAllLines(scenarios)) {
      if (line.startsWith("### ")) {
        ids.add(line.substring(4).strip());
      }
    }
    assertThat(ids).hasSizeGreaterThan(100);
    java.util.Set<String> claimed = new java.util.TreeSet<>();
    List<String> unknown = new ArrayList<>();
    for (Entry e : catalog.entries()) {
      for (String s : e.scenarios()) {
        claimed.add(s);
        if (!ids.contains(s)) {
          unknown.add(e.source() + ": " + s);
        }
      }
    }
    java.util.Set<String> missing = new java.util.TreeSet<>(ids);
    missing.removeAll(claimed);
    assertThat(missing).as("scenarios no entry diagnoses").isEmpty();
    assertThat(unknown).as("entries claiming scenarios that do not exist").isEmpty();
  }

  @Test
  void everyExampleIsRealOrSaysWhereItWasComposedFrom() {
    assertThat(catalog.entries()).allSatisfy(e -> assertThat(e.examples())
        .anySatisfy(x -> assertThat(x.origin()).matches("(samples/.+|composed from .+)")));
  }
}
