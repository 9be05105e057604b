package dev.a2doctor.context;

import java.util.List;
import java.util.Optional;

/**
 * Which directive governs a filesystem path, the way httpd merges sections: the most specific
 * {@code <Directory>} containing the path wins (a later one wins a tie), then the
 * {@code <VirtualHost>} whose DocumentRoot contains it, then the server level.
 */
final class Sections {

  private Sections() {}

  /** The directive called {@code name} that applies to {@code path}, if any. */
  static Optional<Directive> governing(ApacheConfig config, String name, String path) {
    Directive best = null;
    int bestScore = -1;
    for (Directive d : config.all(name)) {
      int score = score(config, d, path);
      if (score >= 0 && score >= bestScore) {
        best = d;
        bestScore = score;
      }
    }
    return Optional.ofNullable(best);
  }

  /** -1: does not apply; 0 server level; 1 the vhost serving path; 2+ a Directory by depth. */
  private static int score(ApacheConfig config, Directive d, String path) {
    String dir = innermostDirectory(d);
    if (dir != null) {
      return contains(dir, path) ? 2 + dir.length() : -1;
    }
    for (String s : d.sections()) {
      List<String> w = ApacheConfigReader.words(s);
      String kind = w.isEmpty() ? "" : w.get(0);
      if (!kind.equalsIgnoreCase("IfModule") && !kind.equalsIgnoreCase("IfDefine")
          && !kind.equalsIgnoreCase("VirtualHost") && !kind.equalsIgnoreCase("IfVersion")) {
        return -1; // <Location>, <Files>, <If>: not decided by the path alone
      }
    }
    if (!d.inVirtualHost()) {
      return 0;
    }
    boolean servesPath = config.directives().stream()
        .anyMatch(r -> r.is("DocumentRoot") && r.inVirtualHost()
            && vhost(r).equals(vhost(d)) && r.file().equals(d.file())
            && r.serverName().equals(d.serverName())
            && contains(r.arg(0), path));
    return servesPath ? 1 : -1;
  }

  private static String vhost(Directive d) {
    return d.sections().stream().filter(x -> x.regionMatches(true, 0, "VirtualHost", 0, 11))
        .findFirst().orElse("");
  }

  /** The path of the innermost {@code <Directory>} around d, or null. */
  static String innermostDirectory(Directive d) {
    for (int i = d.sections().size() - 1; i >= 0; i--) {
      List<String> w = ApacheConfigReader.words(d.sections().get(i));
      if (w.size() > 1 && w.get(0).equalsIgnoreCase("Directory")) {
        return w.get(1);
      }
    }
    return null;
  }

  static boolean contains(String dir, String path) {
    if (dir.equals("/")) {
      return path.startsWith("/");
    }
    String d = dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
    return path.equals(d) || path.startsWith(d + "/");
  }
}
