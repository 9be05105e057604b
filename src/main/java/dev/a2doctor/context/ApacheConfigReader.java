package dev.a2doctor.context;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads an Apache configuration the way httpd does for the parts a diagnosis needs: ServerRoot
 * (default: the main file's directory), {@code Include}/{@code IncludeOptional} with wildcards
 * and directories, {@code ${VAR}} from {@code Define} and from Debian's {@code envvars} next to
 * the main file, continuation lines, and the sections each directive sits in. Conditional
 * sections ({@code <IfModule>}, {@code <IfDefine>}) are read as if true.
 */
public final class ApacheConfigReader {

  private static final int MAX_DEPTH = 32;

  private final Function<String, String> environment;
  private final Map<String, String> vars = new HashMap<>();
  private final List<Directive> directives = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private final Deque<String> sections = new ArrayDeque<>();
  private final Deque<String> serverNames = new ArrayDeque<>();
  /** Per open section: whether its directives apply ({@code <IfModule>}/{@code <IfDefine>}). */
  private final Deque<Boolean> active = new ArrayDeque<>();
  /** Loaded modules by both names httpd accepts: {@code wsgi_module} and {@code mod_wsgi.c}. */
  private final java.util.Set<String> modules = new java.util.HashSet<>(STATIC_MODULES);
  private final Path root;
  private Path serverRoot;
  /** Told each path whose state decides what is read ({@link ContextCache} checks them). */
  private java.util.function.Consumer<Path> watcher;

  /** What Debian's httpd has compiled in ({@code apache2 -l}). */
  private static final List<String> STATIC_MODULES = List.of("core.c", "mod_so.c",
      "mod_watchdog.c", "http_core.c", "mod_log_config.c", "mod_logio.c", "mod_version.c",
      "mod_unixd.c", "core_module", "so_module", "watchdog_module", "http_module",
      "log_config_module", "logio_module", "version_module", "unixd_module");

  /** @param environment the process environment httpd would see (for {@code ${VAR}}) */
  public ApacheConfigReader(Function<String, String> environment) {
    this(environment, null);
  }

  /**
   * @param root when not null, every absolute path (includes, ServerRoot) is read below it: a
   *     copy of another server's /etc ({@code --root})
   */
  public ApacheConfigReader(Function<String, String> environment, Path root) {
    this.environment = environment;
    this.root = root;
  }

  /** Tells {@code w} every file read, directory listed and path tested, as it happens. */
  ApacheConfigReader watching(java.util.function.Consumer<Path> w) {
    this.watcher = w;
    return this;
  }

  private void watch(Path p) {
    if (watcher != null) {
      watcher.accept(p);
    }
  }

  /** {@code /etc/apache2/x} read below {@code --root DIR} is {@code DIR/etc/apache2/x}. */
  Path under(Path p) {
    if (root == null || !p.isAbsolute()) {
      return p;
    }
    return root.resolve(p.getRoot().relativize(p));
  }

  /** Reads {@code mainFile} and what it includes. Unreadable includes become problems. */
  public ApacheConfig read(Path mainFile) throws IOException {
    // paths stay as the user gave them (relative stays relative) so output is reproducible
    Path main = mainFile.normalize();
    watch(main);
    if (!Files.isReadable(main)) {
      throw new IOException(main + ": cannot read the Apache configuration");
    }
    serverRoot = main.getParent() == null ? Path.of("") : main.getParent();
    Path envvars = serverRoot.resolve("envvars");
    watch(envvars);
    // Debian's apache2ctl defines nothing by default; -D names are unknown here
    if (Files.isReadable(envvars)) {
      readEnvvars(envvars);
    }
    readFile(main, 0);
    return new ApacheConfig(main, serverRoot, directives, problems, modules);
  }

  /** Debian's envvars is shell; the {@code export NAME=value} lines are what httpd gets. */
  private void readEnvvars(Path file) throws IOException {
    for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String line = raw.strip();
      if (!line.startsWith("export ")) {
        continue;
      }
      String assignment = line.substring(7).strip();
      int eq = assignment.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String name = assignment.substring(0, eq);
      vars.put(name, expandShell(shellWord(assignment.substring(eq + 1))));
    }
  }

  private String expandShell(String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '$' && i + 1 < value.length()) {
        int start = i + 1;
        boolean braced = value.charAt(start) == '{';
        int j = braced ? start + 1 : start;
        while (j < value.length()
            && (Character.isLetterOrDigit(value.charAt(j)) || value.charAt(j) == '_')) {
          j++;
        }
        String name = value.substring(braced ? start + 1 : start, j);
        if (braced) {
          int close = value.indexOf('}', j);
          j = close < 0 ? value.length() : close + 1;
        }
        out.append(lookup(name, ""));
        i = j - 1;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private String lookup(String name, String otherwise) {
    String v = vars.get(name);
    if (v == null) {
      v = environment.apply(name);
    }
    return v == null ? otherwise : v;
  }

  private void readFile(Path file, int depth) {
    if (depth > MAX_DEPTH) {
      problems.add(file + ": Include nested more than " + MAX_DEPTH + " deep (a loop?)");
      return;
    }
    List<String> lines;
    watch(file);
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      problems.add(file + ": cannot read: " + e.getMessage());
      return;
    }
    for (int i = 0; i < lines.size(); i++) {
      int first = i;
      StringBuilder logical = new StringBuilder(lines.get(i).strip());
      while (logical.length() > 0 && logical.charAt(logical.length() - 1) == '\\'
          && i + 1 < lines.size()) {
        logical.setLength(logical.length() - 1);
        logical.append(' ').append(lines.get(++i).strip());
      }
      String text = logical.toString().strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      directive(text, file, first + 1, i + 1, lines.get(i), depth);
    }
  }

  private void directive(String text, Path file, int line, int lastLine, String physical,
      int depth) {
    if (text.startsWith("</")) {
      if (!sections.isEmpty()) {
        String closed = sections.pop();
        active.pop();
        if (closed.regionMatches(true, 0, "VirtualHost", 0, 11)) {
          serverNames.pop();
        }
      }
      return;
    }
    if (text.startsWith("<")) {
      String inner = text.substring(1, text.endsWith(">") ? text.length() - 1 : text.length());
      String section = expand(inner.strip());
      boolean outerActive = active.isEmpty() || active.peek();
      sections.push(section);
      active.push(outerActive && condition(section));
      if (section.regionMatches(true, 0, "VirtualHost", 0, 11)) {
        serverNames.push("");
      }
      return;
    }
    if (!active.isEmpty() && !active.peek()) {
      return; // inside a false <IfModule>/<IfDefine>: httpd does not see it
    }
    List<String> words = words(text);
    String name = words.get(0);
    List<String> args = new ArrayList<>();
    for (String w : words.subList(1, words.size())) {
      args.add(expand(w));
    }
    if (name.equalsIgnoreCase("Define") && !args.isEmpty()) {
      vars.put(args.get(0), args.size() > 1 ? args.get(1) : "");
    }
    if (name.equalsIgnoreCase("ServerRoot") && !args.isEmpty()) {
      serverRoot = under(Path.of(args.get(0)));
    }
    if (name.equalsIgnoreCase("LoadModule") && args.size() > 1) {
      modules.add(args.get(0));
      String so = Path.of(args.get(1)).getFileName().toString();
      if (so.endsWith(".so")) {
        modules.add(so.substring(0, so.length() - 3) + ".c");
      }
    }
    if (name.equalsIgnoreCase("ServerName") && !serverNames.isEmpty()
        && serverNames.peek().isEmpty() && !args.isEmpty()) {
      serverNames.pop();
      serverNames.push(args.get(0));
    }
    List<String> outer = new ArrayList<>(sections);
    java.util.Collections.reverse(outer);
    directives.add(new Directive(name, args, file, line, lastLine, physical, outer,
        serverNames.isEmpty() ? "" : serverNames.peek()));
    if ((name.equalsIgnoreCase("Include") || name.equalsIgnoreCase("IncludeOptional"))
        && !args.isEmpty()) {
      include(args.get(0), name.equalsIgnoreCase("IncludeOptional"), file, line, depth);
    }
  }

  /** {@code <IfModule [!]mod_x.c|x_module>} and {@code <IfDefine [!]NAME>}; other sections apply. */
  private boolean condition(String section) {
    List<String> w = words(section);
    if (w.size() < 2) {
      return true;
    }
    String arg = w.get(1);
    boolean negate = arg.startsWith("!");
    String name = negate ? arg.substring(1) : arg;
    boolean value;
    if (w.get(0).equalsIgnoreCase("IfModule")) {
      value = modules.contains(name);
    } else if (w.get(0).equalsIgnoreCase("IfDefine")) {
      value = vars.containsKey(name);
    } else {
      return true;
    }
    return negate != value;
  }

  /** The modules loaded so far, by both names ({@code wsgi_module}, {@code mod_wsgi.c}). */
  java.util.Set<String> modules() {
    return java.util.Set.copyOf(modules);
  }

  private void include(String pattern, boolean optional, Path from, int line, int depth) {
    Path p = Path.of(pattern);
    p = p.isAbsolute() ? under(p) : serverRoot.resolve(pattern);
    List<Path> files = expandGlob(p);
    if (files.isEmpty() && !optional && !hasWildcard(pattern)) {
      problems.add(from + ":" + line + ": Include " + pattern + ": no such file");
    }
    for (Path f : files) {
      readFile(f, depth + 1);
    }
  }

  /** httpd sorts wildcard matches and reads a directory's files recursively. */
  private List<Path> expandGlob(Path p) {
    List<Path> out = new ArrayList<>();
    Path parent = p.getParent();
    String last = p.getFileName() == null ? "" : p.getFileName().toString();
    List<Path> parents = parent != null && hasWildcard(parent.toString())
        ? expandGlob(parent) : parent == null ? List.of() : List.of(parent);
    for (Path dir : parents) {
      if (!hasWildcard(last)) {
        addPath(dir.resolve(last), out);
        continue;
      }
      watch(dir);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      List<Path> matches = new ArrayList<>();
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, last)) {
        for (Path m : ds) {
          matches.add(m);
        }
      } catch (IOException e) {
        problems.add(dir + ": cannot list: " + e.getMessage());
      }
      matches.sort(null);
      for (Path m : matches) {
        addPath(m, out);
      }
    }
    return out;
  }

  private void addPath(Path p, List<Path> out) {
    watch(p);
    if (Files.isDirectory(p)) {
      try (Stream<Path> s = Files.walk(p)) {
        s.peek(this::watch).filter(Files::isRegularFile).sorted().forEach(out::add);
      } catch (IOException e) {
        problems.add(p + ": cannot list: " + e.getMessage());
      }
    } else if (Files.exists(p)) {
      out.add(p);
    }
  }

  private static boolean hasWildcard(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
  }

  /** Replaces {@code ${VAR}}; an undefined variable stays as written, as httpd warns and does. */
  private String expand(String s) {
    if (s.indexOf("${") < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      int open = s.indexOf("${", i);
      int close = open < 0 ? -1 : s.indexOf('}', open);
      if (open < 0 || close < 0) {
        break;
      }
      out.append(s, i, open);
      String name = s.substring(open + 2, close);
      out.append(lookup(name, s.substring(open, close + 1)));
      i = close + 1;
    }
    out.append(s, i, s.length());
    return out.toString();
  }

  /** Splits on white space, keeping quoted words together (quotes removed). */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (c == '"' || c == '\'') {
        int end = text.indexOf(c, i + 1);
        end = end < 0 ? text.length() : end;
        out.add(text.substring(i + 1, end));
        i = end + 1;
      } else {
        int end = i;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
          end++;
        }
        out.add(text.substring(i, end));
        i = end;
      }
    }
    return out;
  }

  /**
   * The value of {@code NAME=value} as the shell reads it: a quoted word up to its closing
   * quote, an unquoted one up to white space (so {@code =/srv/www   # comment} is /srv/www).
   */
  static String shellWord(String s) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
      char c = s.charAt(i);
      if (c == '"' || c == '\'') {
        int end = s.indexOf(c, i + 1);
        end = end < 0 ? s.length() : end;
        out.append(s, i + 1, end);
        i = end + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
