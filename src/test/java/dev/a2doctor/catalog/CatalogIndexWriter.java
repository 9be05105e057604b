package dev.a2doctor.catalog;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Build step (pom.xml, process-test-classes): {@code CatalogIndexWriter CLASSES_DIR} writes the
 * {@link CatalogIndex} of {@code CLASSES_DIR/a2doctor/patterns} to
 * {@code CLASSES_DIR/a2doctor/catalog.idx}, or removes a stale one when the catalog has problems
 * (a2doctor then reads the YAML, which reports them; the catalog tests fail on them).
 */
public final class CatalogIndexWriter {

  private CatalogIndexWriter() {}

  public static void main(String[] args) throws IOException {
    Path classes = Path.of(args[0]);
    Path dir = classes.resolve(CatalogLoader.BUILTIN);
    Path target = classes.resolve(CatalogIndex.RESOURCE);
    Files.deleteIfExists(target);
    List<CatalogProblem> problems = new ArrayList<>();
    Path tmp = target.resolveSibling("catalog.idx.tmp");
    boolean ok;
    try (OutputStream out = Files.newOutputStream(tmp)) {
      ok = CatalogIndex.write(dir, out, problems);
    }
    if (ok) {
      Files.move(tmp, target);
    } else {
      Files.deleteIfExists(tmp);
      System.err.println("catalog index not written, " + problems.size() + " problem(s):");
      problems.forEach(p -> System.err.println("  " + p));
    }
  }
}
