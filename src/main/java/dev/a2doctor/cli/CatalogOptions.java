package dev.a2doctor.cli;

import dev.a2doctor.catalog.Catalog;
import dev.a2doctor.catalog.CatalogLoader;
import dev.a2doctor.catalog.CatalogProblem;
import dev.a2doctor.catalog.Catalogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Which catalog a command uses: built-in plus site catalogs. */
final class CatalogOptions {

  @Option(names = "--patterns", paramLabel = "DIR",
      description = "A site catalog directory (repeatable; later ones win): entries in the "
          + "built-in format that add to the catalog or replace a built-in entry with the same "
          + "id. /etc/a2doctor/patterns.d is read too when it exists "
          + "(A2DOCTOR_PATTERNS_D relocates it; set it empty to skip).")
  List<Path> patterns = new ArrayList<>();

  /** The site directories in order: the system one (when present), then --patterns. */
  List<Path> siteDirs(Io io) {
    List<Path> dirs = new ArrayList<>();
    String system = io.env("A2DOCTOR_PATTERNS_D");
    Path systemDir = system == null ? Catalogs.SITE_DEFAULT
        : system.isEmpty() ? null : Path.of(system);
    if (systemDir != null && Files.isDirectory(systemDir)) {
      dirs.add(systemDir);
    }
    dirs.addAll(patterns);
    return dirs;
  }

  /** Loads the catalog and reports its broken entries on stderr; the rest still runs. */
  Catalog load(Io io) {
    List<Path> dirs = siteDirs(io);
    Catalog builtin = InstalledCatalog.load(
        dev.a2doctor.context.ContextLoader.cacheDir(io.environment()));
    // the YAML loader only when there are site entries to read (it is slow to start)
    Catalog c = dirs.isEmpty() ? builtin : Catalogs.load(builtin, new CatalogLoader(), dirs);
    for (CatalogProblem p : c.problems()) {
      io.err().println("a2doctor: " + dev.a2doctor.render.Safe.line(p.toString()));
    }
    return c;
  }
}
