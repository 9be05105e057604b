package dev.a2doctor.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog a run uses: the built-in entries, then each site catalog directory in order, a
 * site entry replacing a built-in (or earlier site) entry with the same id. A broken site file is
 * a problem of its own; it never takes the other entries down.
 */
public final class Catalogs {

  /** Where a packaged install keeps the site's own entries. */
  public static final Path SITE_DEFAULT = Path.of("/etc/a2doctor/patterns.d");

  private Catalogs() {}

  /**
   * @param siteDirs site catalog directories, in order of precedence (later wins); missing
   *     directories given explicitly are problems, the default one may be absent
   */
  public static Catalog load(CatalogLoader loader, List<Path> siteDirs) {
    return load(loader.loadBuiltin(), loader, siteDirs);
  }

  /** As {@link #load(CatalogLoader, List)}, over built-in entries loaded elsewhere. */
  public static Catalog load(Catalog builtin, CatalogLoader loader, List<Path> siteDirs) {
    Map<String, Entry> merged = new LinkedHashMap<>();
    builtin.entries().forEach(e -> merged.put(e.id(), e));
    List<CatalogProblem> problems = new ArrayList<>(builtin.problems());
    for (Path dir : siteDirs) {
      if (!Files.isDirectory(dir)) {
        problems.add(new CatalogProblem(dir.toString(), 0, "", "no such directory"));
        continue;
      }
      Catalog site = loader.load(List.of(dir));
      problems.addAll(site.problems());
      site.entries().forEach(e -> merged.put(e.id(), e));
    }
    return new Catalog(List.copyOf(merged.values()), problems);
  }
}
