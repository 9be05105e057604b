package dev.a2doctor.context;

import dev.a2doctor.match.Hit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the RewriteRule behind {@code AH00124: Request exceeded the limit of 10 internal
 * redirects}. The line names no path, so every RewriteRule is a suspect that is per-directory
 * (a {@code <Directory>} or a .htaccess below a DocumentRoot: there {@code [L]} ends only the
 * pass, and the rewritten URL comes back through the same rules), internal (no {@code [R]}, no
 * {@code http://} target, not {@code -}), without {@code [END]}, not guarded by a RewriteCond,
 * and whose pattern matches anything ({@code ^(.*)$}, {@code .*}, {@code ^}) so it matches its
 * own result. One suspect: variant {@code rule-loops} and an edit giving it {@code [END]}.
 */
final class RewriteLoop implements Enricher {

  static final String LOOPS = "rule-loops";

  private static final int MAX_HTACCESS = 200;
  private static final int MAX_DEPTH = 6;
  private static final int MAX_VISITED = 20_000;

  @Override
  public String name() {
    return "rewrite-loop";
  }

  @Override
  public Set<String> provides() {
    return Set.of("where", "directive", "corrected", "cond");
  }

  @Override
  public Set<String> variants() {
    return Set.of(LOOPS);
  }

  /** A RewriteRule line and the RewriteCond lines right before it. */
  record Rule(Path file, int line, String text, List<String> args, boolean guarded) {}

  @Override
  public Enrichment enrich(Hit hit, ServerContext ctx) {
    List<Note> evidence = new ArrayList<>();
    List<Note> unchecked = new ArrayList<>(ctx.contextNotes());
    Map<String, String> values = new LinkedHashMap<>();
    values.put("where", "the .htaccess or <Directory> with the RewriteRule");
    values.put("directive", "RewriteRule ^(.*)$ target/$1 [L]");
    values.put("corrected", "RewriteRule ^(.*)$ target/$1 [END]");
    values.put("cond", "RewriteCond %{REQUEST_URI} !^/target/");
    if (ctx.config().isEmpty()) {
      return new Enrichment(Optional.empty(), values, evidence, unchecked, Optional.empty());
    }
    ApacheConfig c = ctx.config().get();
    List<Rule> suspects = new ArrayList<>();
    // rules in <Directory> sections
    Directive previous = null;
    for (Directive d : c.directives()) {
      if (d.is("RewriteRule") && Sections.innermostDirectory(d) != null) {
        boolean guarded = previous != null && previous.is("RewriteCond")
            && previous.file().equals(d.file());
        Rule r = new Rule(d.file(), d.lastLine(), d.text(), d.args(), guarded);
        if (loops(r) && d.line() == d.lastLine()) {
          suspects.add(r);
        }
      }
      previous = d;
    }
    // rules in .htaccess files below the DocumentRoots
    int read = 0;
    Set<String> roots = new LinkedHashSet<>();
    c.all("DocumentRoot").forEach(d -> roots.add(d.arg(0)));
    String accessFile = c.serverLevel("AccessFileName").map(d -> d.arg(0)).orElse(".htaccess");
    for (String root : roots) {
      Path dir;
      try {
        dir = ctx.file(root);
      } catch (IllegalArgumentException e) { // InvalidPathException: a path no file system takes
        continue;
      }
      if (!Files.isDirectory(dir)) {
        unchecked.add(Note.of("rewrite.cannot-see", root));
        continue;
      }
      List<Path> found = new ArrayList<>();
      try (Stream<Path> s = Files.walk(dir, MAX_DEPTH)) {
        s.limit(MAX_VISITED) // a DocumentRoot with a node_modules tree is read in bounded time
            .filter(p -> p.getFileName() != null
                && p.getFileName().toString().equals(accessFile))
            .filter(Files::isRegularFile).sorted().limit(MAX_HTACCESS).forEach(found::add);
      } catch (IOException | java.io.UncheckedIOException e) {
        unchecked.add(Note.of("rewrite.cannot-see", root));
      }
      for (Path f : found) {
        read++;
        suspects.addAll(htaccessRules(f));
      }
    }
    evidence.add(Note.of("rewrite.searched", c.all("RewriteRule").size(), read));
    if (suspects.size() != 1) {
      for (Rule r : suspects) {
        evidence.add(Note.of("rewrite.suspect", r.text().strip(), r.file() + ":" + r.line()));
      }
      if (suspects.isEmpty()) {
        unchecked.add(Note.of("rewrite.none"));
      }
      return new Enrichment(Optional.empty(), values, evidence, unchecked, Optional.empty());
    }
    Rule r = suspects.get(0);
    String after = withEnd(r.text());
    values.put("where", r.file() + ":" + r.line());
    values.put("directive", r.text().strip());
    values.put("corrected", after.strip());
    values.put("cond", cond(r));
    evidence.add(Note.of("rewrite.loops", r.text().strip(), r.file() + ":" + r.line()));
    return new Enrichment(Optional.of(LOOPS), values, evidence, unchecked,
        Optional.of(new Enrichment.Edit(r.file().toString(), r.line(), r.text(), after)));
  }

  private static List<Rule> htaccessRules(Path f) {
    List<Rule> out = new ArrayList<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return out;
    }
    boolean condBefore = false;
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.get(i).strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      List<String> w = ApacheConfigReader.words(t);
      String name = w.get(0);
      if (name.equalsIgnoreCase("RewriteRule")) {
        Rule r = new Rule(f, i + 1, lines.get(i), w.subList(1, w.size()), condBefore);
        if (loops(r)) {
          out.add(r);
        }
      }
      condBefore = name.equalsIgnoreCase("RewriteCond");
    }
    return out;
  }

  /** Whether the rule can match its own result again and again. */
  static boolean loops(Rule r) {
    if (r.guarded() || r.args().size() < 2) {
      return false;
    }
    String pattern = r.args().get(0);
    String target = r.args().get(1);
    String flags = r.args().size() > 2 ? r.args().get(2).toUpperCase(Locale.ROOT) : "";
    boolean anything = pattern.equals("^(.*)$") || pattern.equals("(.*)")
        || pattern.equals("^(.*)") || pattern.equals(".*") || pattern.equals("^")
        || pattern.equals("^.*$") || pattern.equals("(.+)") || pattern.equals("^(.+)$");
    boolean internal = !target.equals("-") && !target.contains("://")
        && !flags.matches(".*[\\[,]R[\\],=].*") && !flags.contains("REDIRECT");
    return anything && internal && !flags.contains("END");
  }

  /** The rule with [END] instead of [L] (or with [END] added). */
  static String withEnd(String text) {
    String stripped = text.stripTrailing();
    int open = stripped.lastIndexOf('[');
    if (open >= 0 && stripped.endsWith("]")) {
      String flags = stripped.substring(open + 1, stripped.length() - 1);
      List<String> out = new ArrayList<>();
      for (String f : flags.split(",")) {
        if (!f.strip().equalsIgnoreCase("L") && !f.strip().equalsIgnoreCase("last")) {
          out.add(f.strip());
        }
      }
      out.add(0, "END");
      return stripped.substring(0, open) + "[" + String.join(",", out) + "]";
    }
    return stripped + " [END]";
  }

  /** The guard for a target path: {@code RewriteCond %{REQUEST_URI} !public/}. */
  private static String cond(Rule r) {
    String target = r.args().get(1);
    int dollar = target.indexOf('$');
    String prefix = dollar < 0 ? target : target.substring(0, dollar);
    return "RewriteCond %{REQUEST_URI} !" + (prefix.isEmpty() ? "^/target/" : prefix);
  }
}
