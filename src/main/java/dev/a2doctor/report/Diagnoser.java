package dev.a2doctor.report;

import dev.a2doctor.catalog.Placeholders;
import dev.a2doctor.catalog.Severity;
import dev.a2doctor.catalog.Variant;
import dev.a2doctor.context.Enricher;
import dev.a2doctor.context.Enrichers;
import dev.a2doctor.context.Enrichment;
import dev.a2doctor.context.ServerContext;
import dev.a2doctor.match.Hit;
import dev.a2doctor.match.EventAssembler;
import dev.a2doctor.match.MatchedEvent;
import dev.a2doctor.match.MatchCache;
import dev.a2doctor.match.Matcher;
import dev.a2doctor.parse.LineParser;
import dev.a2doctor.parse.LogParser;
import dev.a2doctor.parse.LogLine;
import dev.a2doctor.parse.ParseResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The pipeline for one run: parse each line, assemble multi-line events (tracebacks, a config
 * error and its reason), match, enrich the hit with the server context, and group repeats. Feed
 * lines with {@link #accept}; a {@link Listener} hears each matched event as it is diagnosed
 * (live mode); {@link #result} gives the grouped diagnosis.
 *
 * <p>{@code a2doctor explain} runs all of this on its start, so it has no lambdas, method
 * references or streams: each links a class through java.lang.invoke (the first about 10 ms,
 * each further one about 0.35 ms); named classes and loops do the same (ExplainStartupTest).
 */
public final class Diagnoser {

  /** Hears every matched event, exactly once. */
  @FunctionalInterface
  public interface Listener {
    void onEvent(Event event);
  }

  private static final Set<String> WARN_OR_WORSE =
      Set.of("emerg", "alert", "crit", "error", "warn");
  private static final int ENRICHMENT_CACHE = 4096;

  private static final LogParser DEFAULT_PARSER = new LineParser();

  /** The parser for each source: the default formats unless told otherwise. */
  private Function<String, LogParser> parsers = new DefaultParsers();
  private final ServerContext context;
  private final Listener listener;
  private final LongSupplier clock;
  /** Groups kept per entry unless told otherwise ({@code --max-groups}). */
  public static final int DEFAULT_MAX_GROUPS = 100;
  /** Kinds of unexplained lines kept; past them, lines are counted under {@link #MORE_KINDS}. */
  static final int MAX_TEMPLATES = 1000;
  static final String MORE_KINDS = "(more kinds of lines, past the first " + MAX_TEMPLATES
      + ", counted together)";
  /** The key of an entry's folded finding: no group key has a second NUL right after the id. */
  private static final String FOLDED = "\u0000\u0000folded";
  private static final Listener NO_LISTENER = new NoListener();

  private final Matcher matcher;
  private final Map<String, Group> findings = new LinkedHashMap<>();
  /** How many groups each entry (by id) has, its folded finding aside. */
  private final Map<String, int[]> groupsOf = new HashMap<>();
  private int maxGroups = DEFAULT_MAX_GROUPS;
  private final Map<String, Unrecognized> unrecognized = new LinkedHashMap<>();
  private final Map<List<Object>, Enrichment> enrichments = new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<List<Object>, Enrichment> eldest) {
      // A cache: captures such as paths vary without end in a long watch.
      return size() > ENRICHMENT_CACHE;
    }
  };
  private final EventAssembler assembler;
  /**
   * The enrichment and group key of recent hits, by the identity of their entry and captures: a
   * {@link MatchCache} gives a repeated message the very captures map it gave before, so a repeat
   * costs two reference comparisons instead of hashing its captures and building its key again.
   * Direct-mapped; a slot taken by another hit just misses (the same result, computed).
   */
  private static final int KEYED = 1 << 12;
  private final Object[] keyedEntries = new Object[KEYED];
  private final Object[] keyedCaptures = new Object[KEYED];
  private final Enrichment[] keyedEnrichments = new Enrichment[KEYED];
  private final String[] keys = new String[KEYED];
  private final Map<String, List<String>> fixPlaceholders = new HashMap<>();
  /** Live mode's bound on findings and on unrecognized templates; none for a batch run. */
  private int maxKinds = Integer.MAX_VALUE;
  private long agedOut;
  private long lines;
  private long parsed;
  private long unparsed;
  private long unrecognizedLines;

  public Diagnoser(Matcher matcher, ServerContext context) {
    this(matcher, context, NO_LISTENER);
  }

  public Diagnoser(Matcher matcher, ServerContext context, Listener listener) {
    this(matcher, context, listener, new WallClock());
  }

  /** @param clock wall-clock milliseconds, for closing quiet multi-line events in live mode */
  public Diagnoser(Matcher matcher, ServerContext context, Listener listener, LongSupplier clock) {
    this.matcher = matcher;
    this.context = context;
    this.listener = listener;
    this.clock = clock;
    this.assembler = new EventAssembler(matcher, new Emit(this));
  }

  private static final class DefaultParsers implements Function<String, LogParser> {
    @Override
    public LogParser apply(String source) {
      return DEFAULT_PARSER;
    }
  }

  private static final class NoListener implements Listener {
    @Override
    public void onEvent(Event event) {}
  }

  private static final class WallClock implements LongSupplier {
    @Override
    public long getAsLong() {
      return System.currentTimeMillis();
    }
  }

  /** Where the assembler sends each event: {@link #emit}. */
  private static final class Emit implements java.util.function.Consumer<MatchedEvent> {
    private final Diagnoser diagnoser;

    Emit(Diagnoser diagnoser) {
      this.diagnoser = diagnoser;
    }

    @Override
    public void accept(MatchedEvent m) {
      diagnoser.emit(m);
    }
  }

  /**
   * Bounds memory for a watch that runs for days: at most {@code max} findings and at most
   * {@code max} unrecognized templates are kept; past that the one seen least recently is
   * dropped (aged out; if it comes back it is a new finding again). Batch runs keep everything.
   * Groups are then not folded ({@link #groupsPerEntry} 0): in a watch, a new kind of problem
   * hours later must show as new, not vanish into a folded count.
   */
  public Diagnoser boundedTo(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be positive: " + max);
    }
    this.maxKinds = max;
    this.maxGroups = 0;
    return this;
  }

  /**
   * Bounds memory for a batch run over logs of any size: each entry keeps at most {@code max}
   * groups (distinct values of what its fix names: a file and line, a path); the lines of further
   * groups are counted together in one folded finding of the entry. {@code 0}: no bound.
   * Default {@link #DEFAULT_MAX_GROUPS}; real logs rarely reach it, hostile or synthetic ones do.
   */
  public Diagnoser groupsPerEntry(int max) {
    if (max < 0) {
      throw new IllegalArgumentException("max must be 0 (no bound) or more: " + max);
    }
    this.maxGroups = max;
    return this;
  }

  /**
   * Chooses the parser per source (a log file written with a custom {@code ErrorLogFormat});
   * {@code parsers} is asked for every line, so it should be a cheap lookup.
   */
  public Diagnoser parsingWith(Function<String, LogParser> parsers) {
    this.parsers = java.util.Objects.requireNonNull(parsers);
    return this;
  }

  /** How many findings and templates were dropped by {@link #boundedTo}. */
  public long agedOut() {
    return agedOut;
  }

  /** Diagnoses one line read from {@code source} at 1-based {@code lineNumber}. */
  public void accept(String raw, String source, long lineNumber) {
    accept(parsers.apply(source).parse(raw), null, source, lineNumber);
  }

  /**
   * Diagnoses one line that another thread parsed with {@link #parser} and, where {@code hit}
   * is not null, matched with this Diagnoser's {@link #matcher} (a {@link PartedRun} worker).
   */
  void accept(ParseResult r, Optional<Hit> hit, String source, long lineNumber) {
    lines++;
    if (r instanceof ParseResult.Unparsed) {
      unparsed++;
      return;
    }
    LogLine line = ((ParseResult.Parsed) r).line();
    if (!worthMatching(line) && !assembler.inEvent(line, source)) {
      return;
    }
    parsed++;
    assembler.accept(line, source, lineNumber, clock.getAsLong(), hit);
  }

  /** The parser for lines of {@code source}; safe to use from other threads. */
  LogParser parser(String source) {
    return parsers.apply(source);
  }

  /** The catalog's matcher; safe to share between threads (each with its own cache). */
  Matcher matcher() {
    return matcher;
  }

  /** Whether a parsed line is worth matching ahead: not a blank line without a tag. */
  static boolean worthMatching(LogLine line) {
    return !(line.message().isBlank() && line.tag().isEmpty());
  }

  /**
   * Live mode calls this when no line arrived for a while: events still being assembled (a
   * traceback) that have been quiet for {@link EventAssembler#QUIET_MILLIS} are closed and
   * reported.
   */
  public void tick(long nowMillis) {
    assembler.tick(nowMillis);
  }

  private void emit(MatchedEvent m) {
    if (m.hit().isEmpty()) {
      LogLine line = m.describe();
      boolean serious = WARN_OR_WORSE.contains(line.level())
          || (line.format() == LogLine.Format.BARE && !line.tag().isEmpty());
      if (serious || m.multiLine()) {
        unrecognizedLines++;
        String t = Templates.of(line.module(), line.level(), line.tag(), line.message());
        if (unrecognized.size() >= MAX_TEMPLATES && !unrecognized.containsKey(t)) {
          t = MORE_KINDS; // a hostile log can make templates without end
        }
        Unrecognized u = unrecognized.get(t);
        u = u == null ? new Unrecognized(t, 1, m.raw(), m.source(), m.firstLine()) : u.plus(1);
        unrecognized.put(t, u);
        touch(unrecognized, t, u);
      }
      return;
    }
    Hit h = m.hit().get();
    int slot = slot(h);
    Enrichment e;
    String key;
    if (keyedEntries[slot] == h.entry() && keyedCaptures[slot] == h.captures()) {
      e = keyedEnrichments[slot]; // a repeat: the same entry and captures as a recent line
      key = keys[slot];
    } else {
      e = enrich(h);
      key = groupKey(h, e);
      keyedEntries[slot] = h.entry();
      keyedCaptures[slot] = h.captures();
      keyedEnrichments[slot] = e;
      keys[slot] = key;
    }
    String vhost = m.describe().vhost();
    if (!vhost.isEmpty()) {
      key = key + "\u0000@" + vhost;
    }
    Group g = findings.get(key);
    boolean folded = false;
    if (g == null && maxGroups > 0) {
      int[] groups = groupsOf.get(h.entry().id());
      if (groups == null) {
        groups = new int[1];
        groupsOf.put(h.entry().id(), groups);
      }
      if (groups[0] >= maxGroups) {
        key = h.entry().id() + FOLDED;
        g = findings.get(key);
        folded = true;
      } else {
        groups[0]++;
      }
    }
    boolean first = g == null;
    if (first) {
      g = new Group(new Finding(h.entry(), h.captures(), e, 1, m.firstTime(), m.lastTime(),
          m.source(), m.firstLine(), m.raw(), folded ? "" : vhost, folded ? maxGroups : 0));
      findings.put(key, g);
    } else {
      g.add(m.lastTime());
    }
    Group gone = touch(findings, key, g);
    if (gone != null) {
      groupAgedOut(gone);
    }
    if (listener != NO_LISTENER) {
      listener.onEvent(new Event(g.finding(), first, m.raw(), m.source(), m.firstLine(),
          m.firstTime(), h.captures()));
    }
  }

  /**
   * A finding as it grows: the first line's finding, and the count and times since (one object
   * changed per repeat, not a new Finding per line).
   */
  private static final class Group {
    final Finding first;
    long count = 1;
    String firstSeen;
    String lastSeen;

    Group(Finding first) {
      this.first = first;
      this.firstSeen = first.firstSeen();
      this.lastSeen = first.lastSeen();
    }

    void add(String time) {
      count++;
      if (firstSeen.isEmpty()) {
        firstSeen = time;
      }
      if (!time.isEmpty()) {
        lastSeen = time;
      }
    }

    Finding finding() {
      Finding f = first;
      return count == 1 ? f : new Finding(f.entry(), f.captures(), f.enrichment(), count,
          firstSeen, lastSeen, f.source(), f.firstLine(), f.sample(), f.vhost(), f.foldedPast());
    }
  }

  /**
   * Repeats are one finding when they would get the same fix: the same entry, variant and values
   * of the placeholders its fix uses (or of the entry's {@code group_by} captures). Cheaper than
   * filling in the fix for every line, and the same grouping.
   */
  private String groupKey(Hit h, Enrichment e) {
    String variant = e.variant().orElse("");
    List<String> names = h.entry().groupBy();
    if (names == null) {
      String k = h.entry().id() + "\u0000" + variant;
      names = fixPlaceholders.get(k);
      if (names == null) {
        Variant v = h.entry().variants().get(variant);
        names = List.copyOf(Placeholders.names((v == null ? h.entry().fix() : v.fix()).en()));
        fixPlaceholders.put(k, names);
      }
    }
    StringBuilder key = new StringBuilder(h.entry().id()).append('\u0000').append(variant);
    for (String n : names) {
      String value = h.captures().get(n);
      key.append('\u0000').append(value != null ? value : e.values().getOrDefault(n, ""));
    }
    return key.toString();
  }

  private static int slot(Hit h) {
    int x = System.identityHashCode(h.captures()) * 31 + System.identityHashCode(h.entry());
    return (x ^ (x >>> 15)) & (KEYED - 1);
  }

  /** A group aged out: its entry may start a group again. */
  private void groupAgedOut(Group evicted) {
    int[] groups = groupsOf.get(evicted.first.entry().id());
    if (groups != null && !evicted.first.folded()) {
      groups[0]--;
    }
  }

  /**
   * When bounded: marks {@code key} as seen most recently and drops the least recent, which it
   * returns (null when none was dropped).
   */
  private <V> V touch(Map<String, V> map, String key, V value) {
    if (maxKinds == Integer.MAX_VALUE) {
      return null;
    }
    map.remove(key);
    map.put(key, value);
    if (map.size() > maxKinds) {
      V gone = map.remove(map.keySet().iterator().next());
      agedOut++;
      return gone;
    }
    return null;
  }

  private Enrichment enrich(Hit h) {
    String name = h.entry().context();
    if (name.isEmpty()) {
      return Enrichment.nothing();
    }
    List<Object> key = List.of(h.entry().id(), h.captures());
    Enrichment e = enrichments.get(key);
    if (e == null) {
      Optional<Enricher> enricher = Enrichers.byName(name);
      e = enricher.isPresent() ? enricher.get().enrich(h, context) : Enrichment.nothing();
      enrichments.put(key, e);
    }
    return e;
  }

  /**
   * Closes the events still being assembled, then gives the findings most severe first, then
   * most frequent, then by id: a stable order.
   */
  public Diagnosis result() {
    assembler.closeAll();
    Map<String, Finding> f = new LinkedHashMap<>();
    for (Map.Entry<String, Group> g : findings.entrySet()) {
      f.put(g.getKey(), g.getValue().finding());
    }
    return ordered(f, unrecognized.values(), lines, parsed, unparsed, unrecognizedLines);
  }

  /**
   * The order of a diagnosis: findings most severe first, then most frequent, then by group key
   * (sorting on the stored key: filling in fix texts per comparison is far too slow); templates
   * most frequent first.
   */
  private static Diagnosis ordered(Map<String, Finding> findings,
      java.util.Collection<Unrecognized> unrecognized, long lines, long parsed, long unparsed,
      long unrecognizedLines) {
    List<Map.Entry<String, Finding>> sorted = new ArrayList<>(findings.entrySet());
    sorted.sort(new FindingOrder());
    List<Finding> f = new ArrayList<>(sorted.size());
    for (Map.Entry<String, Finding> x : sorted) {
      f.add(x.getValue());
    }
    List<Unrecognized> u = new ArrayList<>(unrecognized);
    u.sort(new TemplateOrder());
    return new Diagnosis(f, u, lines, parsed, unparsed, unrecognizedLines);
  }

  /** Findings by severity (most severe first), then count (highest first), then key. */
  private static final class FindingOrder implements Comparator<Map.Entry<String, Finding>> {
    @Override
    public int compare(Map.Entry<String, Finding> a, Map.Entry<String, Finding> b) {
      int c = a.getValue().severity().compareTo(b.getValue().severity());
      if (c == 0) {
        c = Long.compare(b.getValue().count(), a.getValue().count());
      }
      return c != 0 ? c : a.getKey().compareTo(b.getKey());
    }
  }

  /** Templates by count (highest first), then text. */
  private static final class TemplateOrder implements Comparator<Unrecognized> {
    @Override
    public int compare(Unrecognized a, Unrecognized b) {
      int c = Long.compare(b.count(), a.count());
      return c != 0 ? c : a.template().compareTo(b.template());
    }
  }

  /** Whether any finding is at or above {@code threshold}. */
  public static boolean anyAtLeast(Diagnosis d, Severity threshold) {
    for (Finding x : d.findings()) {
      if (x.severity().atLeast(threshold)) {
        return true;
      }
    }
    return false;
  }
}
