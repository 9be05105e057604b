package dev.a2doctor.cli;

import dev.a2doctor.catalog.Catalog;
import dev.a2doctor.catalog.CatalogIndex;
import dev.a2doctor.catalog.CatalogLoader;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The built-in catalog as installed. An installed a2doctor (the tarball, the Debian package)
 * keeps it as files an admin can read, in {@code share/a2doctor/patterns}; its launcher names
 * that directory in the system property {@value #PROPERTY}, and the built-in entries are loaded
 * from there. Without it (tests, {@code java -jar}) the copy inside the jar is used.
 */
final class InstalledCatalog {

  /** The JVM system property the launcher sets to the installed catalog directory. */
  static final String PROPERTY = "a2doctor.patterns";

  private InstalledCatalog() {}

  /** The built-in entries, problems included, without printing them. */
  static Catalog load(CatalogLoader loader) {
    Path dir = installed();
    return dir == null ? loader.loadBuiltin() : loader.load(List.of(dir));
  }

  /**
   * As {@link #load(CatalogLoader)}, from the index written at build time when it fits
   * ({@link CatalogIndex}): no YAML parser is loaded, which keeps {@code explain} fast.
   */
  static Catalog load() {
    return load((Path) null);
  }

  /**
   * As {@link #load()}; an installed catalog directory is checked against the index through a
   * note in {@code cacheDir} (the user's cache, null for none) instead of reading every file.
   */
  static Catalog load(Path cacheDir) {
    Path dir = installed();
    Optional<Catalog> indexed = dir == null ? CatalogIndex.builtin()
        : CatalogIndex.builtinFor(dir, cacheDir);
    return indexed.isPresent() ? indexed.get() : load(new CatalogLoader());
  }

  /** Where {@link #load} reads the catalog from, for people: a directory, or a jar. */
  static String origin() {
    Path dir = installed();
    if (dir != null) {
      return dir.toString();
    }
    URL url = InstalledCatalog.class.getClassLoader().getResource(CatalogLoader.BUILTIN);
    if (url == null) {
      return "nowhere (" + CatalogLoader.BUILTIN + " is missing from the class path)";
    }
    String s = url.toString();
    if (s.startsWith("jar:file:") && s.contains("!/")) {
      return "inside " + Path.of(URI.create(s.substring(4, s.indexOf("!/"))));
    }
    if (s.startsWith("file:")) {
      return Path.of(URI.create(s)).toString();
    }
    return s;
  }

  private static Path installed() {
    // set by the launcher (src/main/sh/a2doctor) from the install layout, never by users
    String dir = System.getProperty(PROPERTY);
    return dir == null || dir.isEmpty() ? null : Path.of(dir);
  }
}
