package dev.a2doctor.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.a2doctor.parse.Tags;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads catalog entries strictly: an unknown or duplicate key, a missing required key, a bad
 * value or a regex that does not compile makes that file a {@link CatalogProblem} naming file,
 * line and key; the other files still load.
 */
public final class CatalogLoader {

  /** Where the built-in catalog lives on the class path. */
  public static final String BUILTIN = "a2doctor/patterns";

  private static final Set<String> LANGS = Set.of("en", "ja");

  private final YAMLMapper mapper = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  /** Loads the catalog that ships inside the jar (or target/classes in a build). */
  public Catalog loadBuiltin() {
    URL url = CatalogLoader.class.getClassLoader().getResource(BUILTIN);
    if (url == null) {
      return new Catalog(List.of(),
          List.of(new CatalogProblem(BUILTIN, 0, "", "the built-in catalog is missing")));
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs;
        try {
          fs = FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException e) {
          fs = FileSystems.newFileSystem(uri, Map.of());
        }
        return load(List.of(fs.getPath(BUILTIN)), "patterns");
      }
      return load(List.of(Path.of(uri)), "patterns");
    } catch (URISyntaxException | IOException e) {
      return new Catalog(List.of(), List.of(new CatalogProblem(url.toString(), 0, "",
          "cannot read the built-in catalog: " + e.getMessage())));
    }
  }

  /** Loads every {@code *.yaml} below the given files or directories, in path order. */
  public Catalog load(List<Path> roots) {
    return load(roots, null);
  }

  private Catalog load(List<Path> roots, String displayRoot) {
    List<Entry> entries = new ArrayList<>();
    List<CatalogProblem> problems = new ArrayList<>();
    for (Path root : roots) {
      List<Path> files;
      if (Files.isDirectory(root)) {
        try (Stream<Path> s = Files.walk(root)) {
          files = s.filter(p -> p.getFileName() != null
                  && p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p))
              .sorted((a, b) -> a.toString().compareTo(b.toString()))
              .toList();
        } catch (IOException e) {
          problems.add(new CatalogProblem(root.toString(), 0, "", "cannot list: " + e));
          continue;
        }
      } else {
        files = List.of(root);
      }
      for (Path f : files) {
        String shown = displayRoot == null ? f.toString()
            : displayRoot + "/" + root.relativize(f).toString().replace('\\', '/');
        loadFile(f, shown, entries, problems);
      }
    }
    return new Catalog(entries, problems);
  }

  private void loadFile(Path file, String shown, List<Entry> entries,
      List<CatalogProblem> problems) {
    String text;
    try {
      text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      problems.add(new CatalogProblem(shown, 0, "", "cannot read: " + e.getMessage()));
      return;
    }
    RawEntry raw;
    try {
      raw = mapper.readValue(text, RawEntry.class);
    } catch (JacksonException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      StringBuilder key = new StringBuilder();
      for (JacksonException.Reference r : e.getPath()) {
        if (r.getPropertyName() != null) {
          key.append(key.length() == 0 ? "" : ".").append(r.getPropertyName());
        } else if (r.getIndex() >= 0) {
          key.append('[').append(r.getIndex()).append(']');
        }
      }
      String original = String.valueOf(e.getOriginalMessage());
      if (original.startsWith("Duplicate") && original.indexOf('"') >= 0) {
        // "Duplicate Object property "severity"": the path stops at the parent
        int q = original.indexOf('"');
        int q2 = original.indexOf('"', q + 1);
        if (q2 > q) {
          key.append(key.length() == 0 ? "" : ".").append(original, q + 1, q2);
        }
      }
      int keyLine = new Validator(shown, text, problems).lineOf(key.toString());
      problems.add(new CatalogProblem(shown, keyLine > 0 ? keyLine : Math.max(line, 0),
          key.toString(), firstLine(e)));
      return;
    }
    if (raw == null) {
      problems.add(new CatalogProblem(shown, 1, "", "empty file"));
      return;
    }
    Validator v = new Validator(shown, text, problems);
    v.entry(raw, file).ifPresent(e -> {
      // found here rather than by Catalog, which does not know the line of the id
      Entry previous = entries.stream().filter(x -> x.id().equals(e.id())).findFirst()
          .orElse(null);
      if (previous == null) {
        entries.add(e);
      } else {
        problems.add(new CatalogProblem(shown, v.lineOf("id"), "id",
            "duplicate id '" + e.id() + "', also in " + previous.source()));
      }
    });
  }

  private static String firstLine(JacksonException e) {
    String m = e.getOriginalMessage();
    if (m == null) {
      m = String.valueOf(e.getMessage());
    }
    int nl = m.indexOf('\n');
    m = nl < 0 ? m : m.substring(0, nl);
    // "Unrecognized property "regx" (class ...RawMatch), not marked as ignorable" -> shorter
    int cls = m.indexOf(" (class ");
    if (m.startsWith("Unrecognized property")) {
      return "unknown key" + (cls > 0 ? "" : ": " + m);
    }
    if (m.startsWith("Duplicate Object property") || m.startsWith("Duplicate field")) {
      return "duplicate key";
    }
    return m;
  }

  /** Turns a bound {@link RawEntry} into an {@link Entry}, or records what is wrong. */
  private static final class Validator {
    private final String file;
    private final String text;
    private final List<CatalogProblem> problems;
    private final int before;

    Validator(String file, String text, List<CatalogProblem> problems) {
      this.file = file;
      this.text = text;
      this.problems = problems;
      this.before = problems.size();
    }

    java.util.Optional<Entry> entry(RawEntry r, Path path) {
      String name = path.getFileName().toString();
      String expectedId = name.substring(0, name.length() - ".yaml".length());
      Path parent = path.getParent();
      String area = parent == null || parent.getFileName() == null ? ""
          : parent.getFileName().toString();
      if (blank(r.id())) {
        problem("id", "required");
      } else if (!r.id().equals(expectedId)) {
        problem("id", "'" + r.id() + "' must equal the file name '" + expectedId + "'");
      } else if (!r.id().matches("[a-z0-9][a-z0-9-]*")) {
        problem("id", "use lower-case letters, digits and '-'");
      }
      Text title = text("title", r.title());
      Severity severity = null;
      if (blank(r.severity())) {
        problem("severity", "required");
      } else if ((severity = Severity.parse(r.severity())) == null) {
        problem("severity", "'" + r.severity()
            + "' is not one of critical, error, warning, notice, info");
      }
      Match match = match(r.match());
      Text explanation = text("explanation", r.explanation());
      Text fix = text("fix", r.fix());
      Map<String, Variant> variants = new TreeMap<>();
      if (r.variants() != null) {
        if (blank(r.context())) {
          problem("variants", "variants need a context enricher (key 'context')");
        }
        for (Map.Entry<String, RawVariant> v : r.variants().entrySet()) {
          RawVariant rv = v.getValue();
          if (rv == null) {
            problem("variants." + v.getKey(), "empty");
            continue;
          }
          variants.put(v.getKey(), new Variant(v.getKey(),
              text("variants." + v.getKey() + ".explanation", rv.explanation()),
              text("variants." + v.getKey() + ".fix", rv.fix())));
        }
      }
      if (r.references() == null) {
        problem("references", "required (an empty list is allowed)");
      }
      List<Example> examples = examples("examples", r.examples());
      List<Example> nearMisses = examples("near_misses", r.nearMisses());
      Entry.Escalation escalation = null;
      if (r.escalate() != null) {
        Severity to = Severity.parse(String.valueOf(r.escalate().severity()));
        if (r.escalate().count() == null || r.escalate().count() < 2) {
          problem("escalate.count", "required, at least 2");
        } else if (to == null) {
          problem("escalate.severity", "'" + r.escalate().severity()
              + "' is not one of critical, error, warning, notice, info");
        } else {
          escalation = new Entry.Escalation(r.escalate().count(), to);
        }
      }
      if (r.groupBy() != null && match != null) {
        for (String g : r.groupBy()) {
          if (!match.groups().contains(g)) {
            problem("group_by", "'" + g + "' is not a named group of match.regex");
          }
        }
      }
      if (problems.size() > before) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(new Entry(r.id(), area, title, severity, match,
          blank(r.context()) ? "" : r.context(), explanation, fix, variants,
          r.references() == null ? List.of() : r.references(), examples, nearMisses,
          r.scenarios() == null ? List.of() : r.scenarios(), Boolean.TRUE.equals(r.header()),
          escalation, r.groupBy(), file));
    }

    private Match match(RawMatch m) {
      if (m == null) {
        problem("match", "required");
        return null;
      }
      List<String> tags = m.tags() == null ? List.of() : m.tags();
      for (String t : tags) {
        if (t == null || !Tags.isTag(t)) {
          problem("match.tags", "'" + t + "' is not an AHnnnnn or WSGInnnn tag");
        }
      }
      boolean fallback = Boolean.TRUE.equals(m.fallback());
      if (fallback && (blank(m.module()) || !tags.isEmpty() || m.literal() != null)) {
        problem("match.fallback", "a fallback entry is keyed by 'module' alone");
      } else if (!fallback && tags.isEmpty() && blank(m.literal())) {
        problem("match", "needs 'tags' or 'literal' so the entry can be indexed");
      }
      if (m.literal() != null && m.literal().isEmpty()) {
        problem("match.literal", "empty");
      }
      List<Integer> errno = m.errno() == null ? List.of() : m.errno();
      Pattern compiled = null;
      List<String> groups = List.of();
      if (m.regex() != null) {
        try {
          compiled = Pattern.compile(m.regex());
          groups = List.copyOf(new TreeMap<>(compiled.namedGroups()).keySet());
        } catch (PatternSyntaxException e) {
          problem("match.regex", "invalid regex (RE2 syntax: no lookaround, no backreferences): "
              + e.getMessage());
        }
      }
      return new Match(tags, m.literal(), m.module(), errno, m.regex(), compiled, groups,
          fallback);
    }

    private Text text(String key, Map<String, String> byLang) {
      if (byLang == null) {
        problem(key, "required");
        return null;
      }
      for (Map.Entry<String, String> e : byLang.entrySet()) {
        if (!LANGS.contains(e.getKey())) {
          problem(key + "." + e.getKey(), "unknown language (en, ja)");
        } else if (blank(e.getValue())) {
          problem(key + "." + e.getKey(), "empty");
        }
      }
      if (!byLang.containsKey("en")) {
        problem(key + ".en", "required");
      }
      return new Text(new LinkedHashMap<>(byLang));
    }

    private List<Example> examples(String key, List<RawExample> raw) {
      List<Example> out = new ArrayList<>();
      if (raw == null) {
        return out;
      }
      for (int i = 0; i < raw.size(); i++) {
        RawExample x = raw.get(i);
        if (x == null || blank(x.line())) {
          problem(key + "[" + i + "].line", "required");
          continue;
        }
        if (blank(x.origin())) {
          problem(key + "[" + i + "].origin",
              "say where the line was captured, or which source it was composed from");
          continue;
        }
        out.add(new Example(x.line(), x.origin(), x.captures()));
      }
      return out;
    }

    private void problem(String key, String message) {
      problems.add(new CatalogProblem(file, lineOf(key), key, message));
    }

    /** The line where {@code key}'s last plain component first appears as a YAML key. */
    int lineOf(String key) {
      if (key.isEmpty()) {
        return 0;
      }
      String last = key.replaceAll("\\[\\d+\\]", "");
      int dot = last.lastIndexOf('.');
      last = dot < 0 ? last : last.substring(dot + 1);
      String[] lines = text.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        String t = lines[i].stripLeading();
        if (t.startsWith("- ")) {
          t = t.substring(2).stripLeading();
        }
        if (t.startsWith(last + ":")) {
          return i + 1;
        }
      }
      return 0;
    }

    private static boolean blank(String s) {
      return s == null || s.isBlank();
    }
  }

  record RawEntry(
      String id,
      Map<String, String> title,
      String severity,
      RawMatch match,
      String context,
      Map<String, String> explanation,
      Map<String, String> fix,
      Map<String, RawVariant> variants,
      List<String> references,
      List<RawExample> examples,
      @JsonProperty("near_misses") List<RawExample> nearMisses,
      List<String> scenarios,
      Boolean header,
      RawEscalation escalate,
      @JsonProperty("group_by") List<String> groupBy) {}

  record RawMatch(List<String> tags, String literal, String module, List<Integer> errno,
      String regex, Boolean fallback) {}

  record RawEscalation(Long count, String severity) {}

  record RawVariant(Map<String, String> explanation, Map<String, String> fix) {}

  record RawExample(String line, String origin, Map<String, String> captures) {}
}
