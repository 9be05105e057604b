package dev.a2doctor.cli;

import dev.a2doctor.catalog.Catalog;
import dev.a2doctor.catalog.CatalogLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine;

/**
 * {@code a2doctor --version}: the version, then what a bug report needs: the catalog (entry
 * count and where it was loaded from, then each site catalog directory), the file of option defaults and the Java runtime.
 *
 * <pre>
 * a2doctor 0.1.0
 * catalog: 214 entries from /usr/share/a2doctor/patterns
 * site catalog: 2 entries from /etc/a2doctor/patterns.d
 * config: /etc/a2doctor/a2doctor.conf
 * java: 17.0.15+6-Debian-1deb12u1
 * </pre>
 */
final class Version implements CommandLine.IVersionProvider {

  private final A2doctor root;

  Version(A2doctor root) {
    this.root = root;
  }

  /** The project version, from {@code a2doctor/version.properties} written by the build. */
  static String number() {
    try (InputStream in = Version.class.getClassLoader()
        .getResourceAsStream("a2doctor/version.properties")) {
      if (in == null) {
        return "(development build)";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "(development build)");
    } catch (IOException e) {
      return "(development build)";
    }
  }

  private static String count(Catalog c) {
    String problems = c.problems().isEmpty() ? ""
        : " (" + c.problems().size() + " problem" + (c.problems().size() == 1 ? "" : "s")
            + ": run a2doctor patterns test)";
    return c.size() + " entr" + (c.size() == 1 ? "y" : "ies") + problems;
  }

  @Override
  public String[] getVersion() {
    List<String> lines = new ArrayList<>();
    lines.add("a2doctor " + number());
    CatalogLoader loader = new CatalogLoader();
    lines.add("catalog: " + count(InstalledCatalog.load(loader)) + " from "
        + InstalledCatalog.origin());
    for (Path dir : new CatalogOptions().siteDirs(root.io)) {
      lines.add("site catalog: " + count(loader.load(List.of(dir))) + " from " + dir);
    }
    lines.add("config: " + ConfigFile.describe(root.io));
    lines.add("java: " + Runtime.version());
    // picocli formats version lines: keep a '%' in a path literal
    return lines.stream().map(l -> l.replace("%", "%%")).toArray(String[]::new);
  }
}
