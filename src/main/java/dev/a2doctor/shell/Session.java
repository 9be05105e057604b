package dev.a2doctor.shell;

import dev.a2doctor.catalog.Catalog;
import dev.a2doctor.context.ServerContext;
import dev.a2doctor.match.Matcher;
import dev.a2doctor.render.Style;
import dev.a2doctor.report.Diagnoser;
import dev.a2doctor.report.Diagnosis;
import dev.a2doctor.report.Event;
import dev.a2doctor.report.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the shell has open: the files, one diagnoser over all of them (kept alive, so that
 * {@code follow} adds to the same findings), and the raw lines behind each finding, so that
 * {@code lines N} can show them. Findings are numbered in the order {@code findings} lists them.
 */
final class Session {

  /** The raw lines kept per finding; more are counted, not kept. */
  static final int KEEP_LINES = 10_000;

  /** One raw line behind a finding, with where and when it was written. */
  record Line(String raw, String source, long lineNumber, String time) {}

  private final Catalog catalog;
  private final ServerContext context;
  private final List<String> contextArgs;
  private final String lang;
  private final Style style;
  private boolean quit;
  private List<OpenFile> files = List.of();
  private Diagnoser diagnoser;
  private final Map<String, List<Line>> lines = new LinkedHashMap<>();
  private Consumer<Event> live = e -> { };

  /**
   * @param contextArgs the context options the shell was started with, passed on to the
   *     command-line commands ({@code explain}, {@code diagnose}) so they read the same context
   */
  Session(Catalog catalog, ServerContext context, List<String> contextArgs, String lang,
      Style style) {
    this.style = style;
    this.catalog = catalog;
    this.context = context;
    this.contextArgs = List.copyOf(contextArgs);
    this.lang = lang;
    reset(List.of());
  }

  /** The parser per file (custom ErrorLogFormat), kept across {@link #reset}. */
  private java.util.function.Function<String, dev.a2doctor.parse.LogParser> parsers;

  void parsingWith(java.util.function.Function<String, dev.a2doctor.parse.LogParser> parsers) {
    this.parsers = parsers;
    diagnoser.parsingWith(parsers);
  }

  Catalog catalog() {
    return catalog;
  }

  ServerContext context() {
    return context;
  }

  List<String> contextArgs() {
    return contextArgs;
  }

  String lang() {
    return lang;
  }

  Style style() {
    return style;
  }

  boolean quit() {
    return quit;
  }

  void quit(boolean q) {
    quit = q;
  }

  List<OpenFile> files() {
    return files;
  }

  /** Records how far the open files were read. */
  void files(List<OpenFile> advanced) {
    files = List.copyOf(advanced);
  }

  /** Forgets everything read and starts over with {@code newFiles}. */
  void reset(List<OpenFile> newFiles) {
    files = List.copyOf(newFiles);
    lines.clear();
    diagnoser = new Diagnoser(new Matcher(catalog), context, this::heard);
    if (parsers != null) {
      diagnoser.parsingWith(parsers);
    }
  }

  Diagnoser diagnoser() {
    return diagnoser;
  }

  /** While {@code follow} runs, every event is also handed to {@code listener}. */
  void listen(Consumer<Event> listener) {
    live = listener;
  }

  private void heard(Event e) {
    List<Line> kept = lines.computeIfAbsent(key(e.finding()), k -> new ArrayList<>());
    if (kept.size() < KEEP_LINES) {
      kept.add(new Line(e.raw(), e.source(), e.lineNumber(), e.time()));
    }
    live.accept(e);
  }

  Diagnosis diagnosis() {
    return diagnoser.result();
  }

  /** The findings as {@code findings} numbers them (1-based: number N is index N-1). */
  List<Finding> numbered() {
    return diagnoser.result().findings();
  }

  /** Finding number {@code n}, or empty with the reason said on {@code out}. */
  java.util.Optional<Finding> finding(int n, java.io.PrintWriter out) {
    List<Finding> all = numbered();
    if (n >= 1 && n <= all.size()) {
      return java.util.Optional.of(all.get(n - 1));
    }
    out.println(all.isEmpty() ? "No findings: 'open FILE...' first."
        : "No finding " + n + ": 'findings' numbers them 1 to " + all.size() + ".");
    out.flush();
    return java.util.Optional.empty();
  }

  /** The raw lines kept for {@code f}, in input order. */
  List<Line> lines(Finding f) {
    return List.copyOf(lines.getOrDefault(key(f), List.of()));
  }

  /**
   * The same grouping key the diagnoser uses: entry, variant, and the fix as filled in or, for an
   * entry with {@code group_by}, those captures.
   */
  static String key(Finding f) {
    List<String> groupBy = f.entry().groupBy();
    return f.entry().id() + "\u0000" + f.enrichment().variant().orElse("") + "\u0000"
        + (groupBy == null ? f.fix("en")
            : String.join("\u0000", groupBy.stream()
                .map(g -> f.captures().getOrDefault(g, "")).toList()));
  }
}
