package dev.a2doctor.cli;

import dev.a2doctor.catalog.Catalog;
import dev.a2doctor.catalog.CatalogLoader;
import dev.a2doctor.catalog.CatalogProblem;
import java.io.PrintWriter;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads the built-in catalog for a command and reports its broken entries on stderr.
 *
 * <p>An installed a2doctor (the tarball, the Debian package) keeps its catalog as files an admin
 * can read, in {@code share/a2doctor/patterns}; its launcher names that directory in the system
 * property {@value #PROPERTY}, and the catalog is loaded from there. Without it (tests, {@code
 * java -jar}) the copy inside the jar is used.
 */
final class Catalogs {

  /** The JVM system property the launcher sets to the installed catalog directory. */
  static final String PROPERTY = "a2doctor.patterns";

  private Catalogs() {}

  static Catalog builtin(PrintWriter err) {
    Catalog c = load();
    for (CatalogProblem p : c.problems()) {
      err.println("a2doctor: " + p);
    }
    return c;
  }

  /** The built-in catalog, problems included, without printing them. */
  static Catalog load() {
    Path dir = installed();
    return dir == null ? new CatalogLoader().loadBuiltin() : new CatalogLoader().load(List.of(dir));
  }

  /** Where {@link #load()} reads the catalog from, for people: a directory, or a jar. */
  static String origin() {
    Path dir = installed();
    if (dir != null) {
      return dir.toString();
    }
    URL url = Catalogs.class.getClassLoader().getResource(CatalogLoader.BUILTIN);
    if (url == null) {
      return "nowhere (" + CatalogLoader.BUILTIN + " is missing from the class path)";
    }
    String s = url.toString();
    if (s.startsWith("jar:file:") && s.contains("!/")) {
      return "inside " + Path.of(java.net.URI.create(s.substring(4, s.indexOf("!/"))));
    }
    if (s.startsWith("file:")) {
      return Path.of(java.net.URI.create(s)).toString();
    }
    return s;
  }

  private static Path installed() {
    // set by the launcher (src/main/sh/a2doctor) from the install layout, never by users
    String dir = System.getProperty(PROPERTY);
    return dir == null || dir.isEmpty() ? null : Path.of(dir);
  }
}
