package dev.a2doctor.cli;

import dev.a2doctor.catalog.Catalog;
import dev.a2doctor.catalog.CatalogLoader;
import dev.a2doctor.catalog.CatalogProblem;
import dev.a2doctor.catalog.Entry;
import dev.a2doctor.catalog.Variant;
import dev.a2doctor.context.Enrichers;
import dev.a2doctor.match.CatalogCheck;
import dev.a2doctor.render.Safe;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code a2doctor patterns list|show|test}: the catalog. */
@Command(name = "patterns",
    mixinStandardHelpOptions = true,
    description = "List, show and self-test the catalog of known errors.",
    subcommands = {PatternsCommand.ListCommand.class, PatternsCommand.ShowCommand.class,
        PatternsCommand.TestCommand.class, CoverageCommand.class},
    footer = {"%nExamples:",
        "  a2doctor patterns list",
        "  a2doctor patterns show wsgi-daemon-connect-denied",
        "  a2doctor patterns test                      # the built-in catalog",
        "  a2doctor patterns test my-patterns/         # site entries, checked with the built-in ones",
        "  a2doctor patterns coverage /var/log/apache2/error.log",
        ExitCodes.HELP})
final class PatternsCommand implements Runnable {

  private final A2doctor root;

  PatternsCommand(A2doctor root) {
    this.root = root;
  }

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(root.io.err());
  }

  /**
   * Prints one entry in full. {@code explain CODE} prints this on its start: concatenation, not
   * printf (java.util.Formatter loads locale data), and no lambdas (ExplainStartupTest).
   */
  static void show(Entry e, PrintWriter out, String lang) {
    out.println(e.severity().label().toUpperCase(java.util.Locale.ROOT) + "  [" + e.id() + "]  "
        + Safe.line(e.title().get(lang)));
    out.println("  source: " + Safe.line(e.source()));
    out.println("  matches: " + Safe.line(describe(e)));
    out.println("  Why: " + indent(e.explanation().get(lang)));
    out.println("  Fix: " + indent(e.fix().get(lang)));
    for (Variant v : e.variants().values()) {
      out.println("  When " + Safe.line(v.id()) + ":");
      out.println("    Why: " + indent(v.explanation().get(lang)));
      out.println("    Fix: " + indent(v.fix().get(lang)));
    }
    if (!e.references().isEmpty()) {
      out.println("  See: " + Safe.line(String.join(" ", e.references())));
    }
    for (dev.a2doctor.catalog.Example x : e.examples()) {
      out.println("  e.g. " + Safe.line(x.line()));
    }
    out.flush();
  }

  static String describe(Entry e) {
    List<String> parts = new ArrayList<>();
    if (!e.match().tags().isEmpty()) {
      parts.add(String.join("|", e.match().tags()));
    }
    if (e.match().literal() != null) {
      parts.add("\"" + e.match().literal() + "\"");
    }
    if (e.match().module() != null) {
      parts.add("module " + e.match().module());
    }
    if (!e.match().errno().isEmpty()) {
      parts.add("errno " + e.match().errno());
    }
    return String.join(", ", parts);
  }

  private static String indent(String s) {
    return Safe.text(s.strip()).replace("\n", "\n       ");
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List the catalog entries: id, severity, what they match, title.")
  static final class ListCommand implements Callable<Integer> {
    private final A2doctor root;

    @picocli.CommandLine.Mixin CatalogOptions catalogOptions;

    ListCommand(A2doctor root) {
      this.root = root;
    }

    @Override
    public Integer call() {
      Catalog c = catalogOptions.load(root.io);
      PrintWriter out = root.io.out();
      for (Entry e : c.entries()) {
        out.printf("%-48s %-8s %-28s %s  (%s)%n", e.id(), e.severity().label(),
            Safe.line(abbreviate(describe(e), 28)), Safe.line(e.title().en()),
            Safe.line(e.source()));
      }
      out.printf("%d entries%n", c.size());
      out.flush();
      return c.problems().isEmpty() ? ExitCodes.OK : ExitCodes.INPUT;
    }

    private static String abbreviate(String s, int n) {
      return s.length() <= n ? s : s.substring(0, n - 3) + "...";
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Show one entry in full.")
  static final class ShowCommand implements Callable<Integer> {
    private final A2doctor root;

    @picocli.CommandLine.Mixin CatalogOptions catalogOptions;

    @Parameters(paramLabel = "ID", description = "The entry id (see 'patterns list').")
    String id;

    ShowCommand(A2doctor root) {
      this.root = root;
    }

    @Override
    public Integer call() {
      Catalog c = catalogOptions.load(root.io);
      Optional<Entry> e = c.get(id);
      if (e.isEmpty()) {
        root.io.err().println("a2doctor: no entry '" + Safe.line(id)
            + "' (see 'a2doctor patterns list')");
        return ExitCodes.USAGE;
      }
      show(e.get(), root.io.out(), "en");
      return ExitCodes.OK;
    }
  }

  @Command(name = "test", mixinStandardHelpOptions = true,
      description = {"Run every entry's examples and near misses: each example must match its "
          + "entry and only it, with the captures it lists; no near miss may match; every "
          + "placeholder must be captured by an example.",
          "With FILEs or directories, checks those entries together with the built-in catalog "
              + "(an entry with a built-in id replaces it)."})
  static final class TestCommand implements Callable<Integer> {
    private final A2doctor root;

    @Parameters(paramLabel = "FILE", arity = "0..*",
        description = "Entry files or directories (default: the built-in catalog).")
    List<Path> files = new ArrayList<>();

    TestCommand(A2doctor root) {
      this.root = root;
    }

    @Override
    public Integer call() {
      PrintWriter out = root.io.out();
      CatalogLoader loader = new CatalogLoader();
      Catalog builtin = InstalledCatalog.load(loader); // the one the other commands use
      List<CatalogProblem> loadProblems = new ArrayList<>();
      Catalog all;
      List<Entry> checked;
      if (files.isEmpty()) {
        all = builtin;
        checked = builtin.entries();
        loadProblems.addAll(builtin.problems());
      } else {
        for (Path f : files) {
          if (!Files.exists(f)) {
            loadProblems.add(new CatalogProblem(f.toString(), 0, "", "no such file"));
          }
        }
        Catalog given = loader.load(files.stream().filter(Files::exists).toList());
        loadProblems.addAll(given.problems());
        Map<String, Entry> merged = new LinkedHashMap<>();
        builtin.entries().forEach(e -> merged.put(e.id(), e));
        for (Entry e : given.entries()) {
          if (builtin.get(e.id()).isPresent()) {
            out.println("NOTE " + Safe.line(e.source()) + ": key 'id': '" + e.id()
                + "' replaces the built-in entry " + builtin.get(e.id()).get().source());
          }
        }
        given.entries().forEach(e -> merged.put(e.id(), e));
        all = new Catalog(List.copyOf(merged.values()), List.of());
        checked = given.entries();
      }
      // the built-in catalog is held to both languages; a site's own entries need English
      List<CatalogProblem> failures = new CatalogCheck(Enrichers::info,
          files.isEmpty() ? List.of("en", "ja") : List.of("en")).check(checked, all);
      for (CatalogProblem p : loadProblems) {
        out.println("INVALID " + Safe.line(p.toString()));
      }
      for (CatalogProblem p : failures) {
        out.println("FAIL " + Safe.line(p.toString()));
      }
      long examples = checked.stream().mapToLong(e -> e.examples().size()).sum();
      long misses = checked.stream().mapToLong(e -> e.nearMisses().size()).sum();
      out.printf("%d entries, %d examples, %d near misses: %d invalid, %d failed%n",
          checked.size(), examples, misses, loadProblems.size(), failures.size());
      out.flush();
      if (!loadProblems.isEmpty()) {
        return ExitCodes.INPUT;
      }
      return failures.isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
  }
}
