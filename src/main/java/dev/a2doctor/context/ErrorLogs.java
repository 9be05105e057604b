package dev.a2doctor.context;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the server writes its error log and in which format, per virtual host, as httpd
 * decides it: a vhost without {@code ErrorLog} writes to the main server's, a vhost without
 * {@code ErrorLogFormat} uses the main server's format (server/core.c merge_core_server_configs;
 * {@code ErrorLogFormat connection|request} likewise). A relative path is relative to
 * ServerRoot ({@code ap_server_root_relative}); {@code |program ...} is a piped log (for
 * {@code rotatelogs} its file argument is taken as the log's name pattern); {@code syslog} and
 * {@code syslog:local1} go to syslog. Without any {@code ErrorLog} httpd writes
 * {@code logs/error_log}.
 *
 * <p>Vhosts are told apart as {@code context} shows them: by file, {@code <VirtualHost>} line
 * and ServerName.
 */
public final class ErrorLogs {

  /** How a target is written. */
  public enum Kind { FILE, PIPE, SYSLOG }

  /**
   * One place error lines go, with the vhosts that write there.
   *
   * @param target the ErrorLog argument after variable expansion ({@code /var/log/apache2/error.log},
   *     {@code syslog:local1}, {@code |/usr/bin/rotatelogs ...})
   * @param path for a file (or rotatelogs' base name) the path as a2doctor reads it (under
   *     {@code --root}, ServerRoot-relative resolved); null for syslog and other pipes
   * @param errorLog the directive, or null for httpd's built-in default
   * @param vhosts ServerNames writing here; the main server is {@code ""}
   * @param format the main {@code ErrorLogFormat} in force, or null for the default formats
   * @param infoFormats the {@code ErrorLogFormat connection|request} directives in force
   */
  public record Target(Kind kind, String target, Path path, Directive errorLog,
      List<String> vhosts, Directive format, List<Directive> infoFormats) {
    public Target {
      vhosts = List.copyOf(vhosts);
      infoFormats = List.copyOf(infoFormats);
    }

    /** The syslog facility of {@code syslog:local1}, {@code local7} (httpd's default) else. */
    public String facility() {
      int colon = target.indexOf(':');
      return kind == Kind.SYSLOG && colon > 0 ? target.substring(colon + 1) : "local7";
    }

    /** The single vhost writing here, or empty when several or only the main server do. */
    public String soleVhost() {
      return vhosts.size() == 1 ? vhosts.get(0) : "";
    }
  }

  private final List<Target> targets;

  private ErrorLogs(List<Target> targets) {
    this.targets = List.copyOf(targets);
  }

  /** No configuration: nothing known. */
  public static ErrorLogs none() {
    return new ErrorLogs(List.of());
  }

  /**
   * @param root {@code --root}, or null: absolute paths are read below it
   */
  public static ErrorLogs of(ApacheConfig config, Path root) {
    // one pass over the directives, with loops: explain reads the configuration of every
    // start this way (1,140 directives here), and a stream per directive cost 10 ms of it;
    // no lambda either (the first would start java.lang.invoke, ExplainStartupTest)
    Directive mainLog = null;
    Directive mainFormat = null;
    List<Directive> mainInfo = new ArrayList<>();
    // per vhost: its own ErrorLog and formats, in file order
    Map<String, VhostLogs> vhosts = new LinkedHashMap<>();
    VhostLogs current = null;
    Directive previous = null;
    for (Directive d : config.directives()) {
      int length = d.name().length();
      boolean named = length == 8 || length == 14; // ErrorLog, ErrorLogFormat
      if (!named && d.sections().isEmpty()) {
        continue; // most directives: no vhost to note
      }
      String section = virtualHost(d);
      boolean log = named && d.is("ErrorLog");
      boolean format = named && !log && d.is("ErrorLogFormat");
      if (section == null) {
        if (log) {
          mainLog = d; // the last one: the one httpd uses
        } else if (format && d.args().size() >= 2) {
          mainInfo.add(d);
        } else if (format) {
          mainFormat = d;
        }
        continue;
      }
      // the directives of one vhost follow each other: its key is made once for them
      if (previous == null || previous.file() != d.file()
          || !previous.serverName().equals(d.serverName())
          || !section.equals(virtualHost(previous))) {
        String key = d.file() + "\u0000" + section + "\u0000" + d.serverName();
        current = vhosts.get(key);
        if (current == null) {
          current = new VhostLogs(d.serverName());
          vhosts.put(key, current);
        }
      }
      previous = d;
      if (log) {
        current.log = d;
      } else if (format && d.args().size() >= 2) {
        current.info.add(d);
      } else if (format) {
        current.format = d;
      }
    }
    Map<String, Target> byTarget = new LinkedHashMap<>();
    String mainTarget = mainLog == null ? "logs/error_log" : String.join(" ", mainLog.args());
    byTarget.put(mainTarget, target(config, root, mainTarget, mainLog, List.of(""), mainFormat,
        mainInfo));
    for (VhostLogs v : vhosts.values()) {
      Directive log = v.log == null ? mainLog : v.log;
      String t = log == null ? mainTarget : String.join(" ", log.args());
      Directive format = v.format == null ? mainFormat : v.format;
      List<Directive> info = v.info.isEmpty() ? mainInfo : v.info;
      Target old = byTarget.get(t);
      if (old != null && sameFormat(old.format(), format)
          && argsOf(old.infoFormats()).equals(argsOf(info))) {
        List<String> names = new ArrayList<>(old.vhosts());
        names.add(v.name);
        byTarget.put(t, new Target(old.kind(), old.target(), old.path(), old.errorLog(), names,
            old.format(), old.infoFormats()));
      } else {
        // the same file with another format: a second target (lines are tried in order)
        String key = old == null ? t : t + "\u0000" + v.name;
        byTarget.put(key, target(config, root, t, log, List.of(v.name), format, info));
      }
    }
    return new ErrorLogs(new ArrayList<>(byTarget.values()));
  }

  /** The {@code VirtualHost} section a directive is in, or null (as Directive.inVirtualHost). */
  private static String virtualHost(Directive d) {
    List<String> sections = d.sections();
    for (int i = 0; i < sections.size(); i++) {
      String s = sections.get(i);
      if (s.regionMatches(true, 0, "VirtualHost", 0, 11)) {
        return s;
      }
    }
    return null;
  }

  /** The arguments of each directive. */
  private static List<List<String>> argsOf(List<Directive> directives) {
    List<List<String>> args = new ArrayList<>(directives.size());
    for (Directive d : directives) {
      args.add(d.args());
    }
    return args;
  }

  private static boolean sameFormat(Directive a, Directive b) {
    return a == null ? b == null : b != null && a.args().equals(b.args());
  }

  private static final class VhostLogs {
    final String name;
    Directive log;
    Directive format;
    final List<Directive> info = new ArrayList<>();

    VhostLogs(String name) {
      this.name = name;
    }
  }

  private static Target target(ApacheConfig config, Path root, String t, Directive log,
      List<String> vhosts, Directive format, List<Directive> info) {
    Kind kind = Kind.FILE;
    Path path = null;
    if (t.startsWith("syslog")) {
      kind = Kind.SYSLOG;
    } else if (t.startsWith("|")) {
      kind = Kind.PIPE;
      Optional<String> file = rotatelogsFile(t);
      path = file.isPresent() ? resolve(config, root, file.get()) : null;
    } else {
      path = resolve(config, root, t);
    }
    return new Target(kind, t, path, log, vhosts, format, info);
  }

  /** {@code |/usr/bin/rotatelogs -l /var/log/apache2/error.%Y-%m-%d 86400} -> its file. */
  private static Optional<String> rotatelogsFile(String pipe) {
    String[] words = pipe.substring(1).replace("$", " ").trim().split("\\s+");
    for (int i = 0; i + 1 < words.length; i++) {
      if (words[i].endsWith("rotatelogs")) {
        for (int j = i + 1; j < words.length; j++) {
          if (words[j].equals("-L") || words[j].equals("-p")) {
            j++; // options with a value
          } else if (!words[j].startsWith("-")) {
            return Optional.of(words[j]);
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Path resolve(ApacheConfig config, Path root, String p) {
    try {
      Path path = Path.of(p);
      if (path.isAbsolute()) {
        return root == null ? path : root.resolve(path.getRoot().relativize(path));
      }
      return config.serverRoot().resolve(path).normalize();
    } catch (InvalidPathException e) {
      return null;
    }
  }

  public List<Target> targets() {
    return targets;
  }

  /** The targets that write to syslog. */
  public List<Target> syslog() {
    List<Target> syslog = new ArrayList<>();
    for (Target t : targets) {
      if (t.kind() == Kind.SYSLOG) {
        syslog.add(t);
      }
    }
    return List.copyOf(syslog);
  }

  /**
   * The targets writing {@code file}: compared by real path, also when {@code file} is one of
   * its rotated copies ({@code error.log.1}, {@code error.log.2.gz}, {@code
   * error.log-20261125[.gz]}) or, for rotatelogs, a file its name pattern produces.
   */
  public List<Target> forFile(Path file) {
    Path real = real(file);
    if (real == null) {
      return List.of();
    }
    List<Target> found = new ArrayList<>();
    for (Target t : targets) {
      if (t.path() == null) {
        continue;
      }
      Path target = real(t.path());
      Path dir = target == null ? null : target.getParent();
      if (target == null || dir == null || real.getParent() == null
          || !dir.equals(real.getParent())) {
        continue;
      }
      String name = real.getFileName().toString();
      String base = target.getFileName().toString();
      if (name.equals(base) || Rotated.ROTATED.matcher(suffix(name, base)).matches()
          || (t.kind() == Kind.PIPE && strftime(base).matcher(name).matches())) {
        found.add(t);
      }
    }
    return found;
  }

  /** Compiled when first needed: explain's start rarely asks for a rotated copy. */
  private static final class Rotated {
    static final Pattern ROTATED =
        Pattern.compile("(?:\\.[0-9]{1,4}|-[0-9]{8}(?:[0-9]{2})?)(?:\\.gz)?|\\.gz");
  }

  private static String suffix(String name, String base) {
    return name.startsWith(base) ? name.substring(base.length()) : "\u0000";
  }

  /** rotatelogs' name pattern as a regex: each {@code %x} any run of non-slash characters. */
  private static Pattern strftime(String base) {
    StringBuilder re = new StringBuilder();
    for (String part : base.split("%.", -1)) {
      if (re.length() > 0) {
        re.append("[^/]+?");
      }
      re.append(Pattern.quote(part));
    }
    return Pattern.compile(re + "(?:\\.[0-9]+)?");
  }

  /** The real path, or the absolute normalised one when it does not exist (a copied config). */
  private static Path real(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException | SecurityException e) {
      Path abs = p.toAbsolutePath().normalize();
      Path parent = abs.getParent();
      if (parent != null && Files.isDirectory(parent)) {
        try {
          return parent.toRealPath().resolve(abs.getFileName());
        } catch (IOException x) {
          return abs;
        }
      }
      return abs;
    }
  }
}
