package dev.a2doctor.context;

import dev.a2doctor.match.Hit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Decides what {@code AH01276: Cannot serve directory DIR: No matching DirectoryIndex (LIST)
 * found, and server-generated directory index forbidden by Options directive} means here, from
 * the directory's files and the directives that govern it:
 *
 * <ul>
 *   <li>{@code htaccess-ignored}: DIR's .htaccess sets DirectoryIndex (or Options), but the
 *       governing {@code AllowOverride} does not let it: the edit allows it.
 *   <li>{@code index-named-otherwise}: DIR has a start page under another name
 *       ({@code home.html}, {@code index.php}): the edit adds it to the governing DirectoryIndex.
 *   <li>{@code no-index-file}: DIR has no start page: put one there, or, for a listing, the edit
 *       adds {@code Indexes} to the Options of DIR's own {@code <Directory>}.
 * </ul>
 */
final class DirectoryIndexForbidden implements Enricher {

  static final String HTACCESS = "htaccess-ignored";
  static final String OTHER_NAME = "index-named-otherwise";
  static final String NO_INDEX = "no-index-file";

  /**
   * Compiled when first used: every enricher is made when explain first asks for one, and a
   * static Pattern here would compile on explain's start (ExplainStartupTest).
   */
  private static final class StartPage {
    static final Pattern START_PAGE = Pattern.compile(
        "(?i)(index|default|home|start|welcome)\\.(html?|xhtml|shtml|php\\d?|cgi|pl|py)");
  }

  @Override
  public String name() {
    return "directory-index";
  }

  @Override
  public Set<String> provides() {
    return Set.of("where", "directive", "corrected", "file", "options");
  }

  @Override
  public Set<String> variants() {
    return Set.of(HTACCESS, OTHER_NAME, NO_INDEX);
  }

  @Override
  public Enrichment enrich(Hit hit, ServerContext ctx) {
    String dir = hit.captures().getOrDefault("dir", "");
    List<String> index = Arrays.stream(hit.captures().getOrDefault("index", "").split("[,\\s]+"))
        .filter(s -> !s.isEmpty()).toList();
    List<Note> evidence = new ArrayList<>();
    List<Note> unchecked = new ArrayList<>(ctx.contextNotes());
    Map<String, String> values = new LinkedHashMap<>();
    values.put("where", "the <Directory> section for " + dir);
    values.put("directive", "");
    values.put("corrected", "");
    values.put("file", "");
    values.put("options", "(no Options directive)");
    if (ctx.config().isEmpty() || dir.isEmpty()) {
      return new Enrichment(Optional.empty(), values, evidence, unchecked, Optional.empty());
    }
    ApacheConfig c = ctx.config().get();
    String path = dir.endsWith("/") && dir.length() > 1 ? dir.substring(0, dir.length() - 1)
        : dir;
    Optional<Directive> options = Sections.governing(c, "Options", path);
    Optional<Directive> dirIndex = Sections.governing(c, "DirectoryIndex", path);
    options.ifPresentOrElse(o -> {
      values.put("options", o.text().strip());
      evidence.add(Note.of("dirindex.options", path, o.text().strip(), o.where()));
    }, () -> evidence.add(Note.of("dirindex.no-options", path)));
    dirIndex.ifPresent(d -> evidence.add(Note.of("dirindex.directoryindex", d.text().strip(),
        d.where())));

    Path directory = localPath(ctx, path); // below --root when given
    String shownHtaccess = path + "/" + accessFileName(c);
    if (directory == null || !Files.isDirectory(directory)) {
      unchecked.add(Note.of("dirindex.cannot-see", path));
      return new Enrichment(Optional.empty(), values, evidence, unchecked, Optional.empty());
    }
    // 1. a .htaccess that would name the start page, ignored by AllowOverride
    Path htaccess = directory.resolve(accessFileName(c));
    Optional<String> wanted = htaccessDirectoryIndex(htaccess);
    if (wanted.isPresent()) {
      Optional<Directive> override = Sections.governing(c, "AllowOverride", path)
          .filter(d -> Sections.innermostDirectory(d) != null);
      boolean allowed = override.map(d -> d.args().stream().anyMatch(a ->
          a.equalsIgnoreCase("All") || a.equalsIgnoreCase("Indexes"))).orElse(false);
      if (!allowed) {
        evidence.add(Note.of("dirindex.htaccess", shownHtaccess, wanted.get()));
        evidence.add(override.map(d -> Note.of("dirindex.override", d.text().strip(), d.where()))
            .orElse(Note.of("dirindex.override-default")));
        Optional<Enrichment.Edit> edit = Optional.empty();
        if (override.isPresent() && !"/".equals(Sections.innermostDirectory(override.get()))
            && override.get().line() == override.get().lastLine()) {
          Directive d = override.get();
          String after = withOverride(d);
          values.put("where", d.file() + ":" + d.lastLine());
          values.put("directive", d.text().strip());
          values.put("corrected", after.strip());
          edit = Optional.of(new Enrichment.Edit(d.file().toString(), d.lastLine(), d.text(),
              after));
        } else {
          values.put("directive", "AllowOverride None");
          values.put("corrected", "<Directory " + path + "> AllowOverride Indexes </Directory>");
        }
        values.put("file", shownHtaccess);
        return new Enrichment(Optional.of(HTACCESS), values, evidence, unchecked, edit);
      }
    }
    // 2. a start page under a name the DirectoryIndex does not list
    Optional<String> other = startPage(directory, index);
    if (other.isPresent()) {
      values.put("file", other.get());
      evidence.add(Note.of("dirindex.start-page", path + "/" + other.get(),
          String.join(" ", index)));
      Optional<Enrichment.Edit> edit = Optional.empty();
      if (dirIndex.isPresent() && dirIndex.get().line() == dirIndex.get().lastLine()) {
        Directive d = dirIndex.get();
        String after = d.text().stripTrailing() + " " + other.get();
        values.put("where", d.file() + ":" + d.lastLine());
        values.put("directive", d.text().strip());
        values.put("corrected", after.strip());
        edit = Optional.of(new Enrichment.Edit(d.file().toString(), d.lastLine(), d.text(),
            after));
      } else {
        values.put("directive", "DirectoryIndex " + String.join(" ", index));
        values.put("corrected", "DirectoryIndex " + String.join(" ", index) + " " + other.get());
      }
      return new Enrichment(Optional.of(OTHER_NAME), values, evidence, unchecked, edit);
    }
    // 3. no start page: a listing, if wanted, for this directory only
    evidence.add(Note.of("dirindex.no-start-page", path, String.join(" ", index)));
    Optional<Enrichment.Edit> edit = Optional.empty();
    Optional<Directive> own = options.filter(o -> {
      String d = Sections.innermostDirectory(o);
      return d != null && !d.equals("/") && stripSlash(d).equals(path)
          && o.line() == o.lastLine();
    });
    if (own.isPresent()) {
      Directive o = own.get();
      String after = withIndexes(o.text());
      values.put("where", o.file() + ":" + o.lastLine());
      values.put("directive", o.text().strip());
      values.put("corrected", after.strip());
      if (!after.equals(o.text())) {
        edit = Optional.of(new Enrichment.Edit(o.file().toString(), o.lastLine(), o.text(),
            after));
      }
    } else {
      values.put("directive", options.map(o -> o.text().strip()).orElse("Options ..."));
      values.put("corrected", "<Directory " + path + "> Options +Indexes </Directory>");
      unchecked.add(Note.of("dirindex.no-own-directory", path));
    }
    return new Enrichment(Optional.of(NO_INDEX), values, evidence, unchecked, edit);
  }

  /** Where the server's directory {@code path} is on this machine: under --root when given. */
  private static Path localPath(ServerContext ctx, String path) {
    try {
      return Path.of(path).isAbsolute() ? ctx.file(path) : Path.of(path);
    } catch (InvalidPathException e) {
      return null;
    }
  }

  private static String accessFileName(ApacheConfig c) {
    return c.serverLevel("AccessFileName").map(d -> d.arg(0)).orElse(".htaccess");
  }

  /** The DirectoryIndex (or Options Indexes) line of a .htaccess, if it has one. */
  private static Optional<String> htaccessDirectoryIndex(Path htaccess) {
    if (!Files.isRegularFile(htaccess)) {
      return Optional.empty();
    }
    try {
      for (String line : Files.readAllLines(htaccess, StandardCharsets.UTF_8)) {
        String t = line.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("directoryindex ")) {
          return Optional.of(t);
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** A file in {@code dir} that looks like a start page and is not in the index list. */
  private static Optional<String> startPage(Path dir, List<String> index) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
          .filter(n -> StartPage.START_PAGE.matcher(n).matches() && !index.contains(n))
          .sorted((a, b) -> rank(a) != rank(b) ? rank(a) - rank(b) : a.compareTo(b))
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** index.* before home.* before the rest. */
  private static int rank(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.startsWith("index.") ? 0 : n.startsWith("home.") ? 1 : 2;
  }

  /** The AllowOverride line letting a .htaccess set DirectoryIndex. */
  static String withOverride(Directive d) {
    String text = d.text();
    String indent = text.substring(0, text.length() - text.stripLeading().length());
    if (d.args().stream().anyMatch(a -> a.equalsIgnoreCase("None")) || d.args().isEmpty()) {
      return indent + "AllowOverride Indexes";
    }
    return text.stripTrailing() + " Indexes";
  }

  /** The Options line with directory listings on, keeping httpd's +/- rule. */
  static String withIndexes(String text) {
    String stripped = text.stripTrailing();
    List<String> words = ApacheConfigReader.words(stripped.strip());
    List<String> opts = words.subList(1, words.size());
    boolean relative = !opts.isEmpty()
        && opts.stream().allMatch(o -> o.startsWith("+") || o.startsWith("-"));
    if (relative) {
      for (String o : opts) {
        if (o.equalsIgnoreCase("-Indexes")) {
          int at = stripped.lastIndexOf(o);
          return stripped.substring(0, at) + "+Indexes" + stripped.substring(at + o.length());
        }
        if (o.equalsIgnoreCase("+Indexes")) {
          return text;
        }
      }
      return stripped + " +Indexes";
    }
    if (opts.stream().anyMatch(o -> o.equalsIgnoreCase("Indexes") || o.equalsIgnoreCase("All"))) {
      return text;
    }
    for (String o : opts) {
      if (o.equalsIgnoreCase("None")) {
        int at = stripped.lastIndexOf(o);
        return stripped.substring(0, at) + "Indexes" + stripped.substring(at + o.length());
      }
    }
    return stripped + " Indexes";
  }

  private static String stripSlash(String s) {
    return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
