package dev.a2doctor.context;

import dev.a2doctor.parse.ErrorLogFormat;
import dev.a2doctor.parse.FormatParser;
import dev.a2doctor.parse.InvalidLogFormat;
import dev.a2doctor.parse.LineParser;
import dev.a2doctor.parse.LogLine;
import dev.a2doctor.parse.LogParser;
import dev.a2doctor.parse.ParseResult;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The parser for each input, by what the configuration says about it: a file that is (or is a
 * rotated copy of) a configured {@code ErrorLog} is read with that log's {@code ErrorLogFormat},
 * and its lines are labelled with the vhost when a single vhost writes it; any other input
 * (standard input, the syslog file, a copied log) is tried against every configured format,
 * then the default formats. {@code --log-format} overrides all of it. Lines that do not fit a
 * custom format always fall back to the default formats (startup lines, a format changed
 * mid-log).
 */
public final class LogParsers implements Function<String, LogParser> {

  private static final LogParser DEFAULT = new LineParser();

  private final ErrorLogs logs;
  private final LogParser override;
  private final Map<Directive, FormatParser> compiled = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();
  /** Parts of one file are read on several threads at once (PartedRun). */
  private final Map<String, LogParser> bySource = new java.util.concurrent.ConcurrentHashMap<>();
  private final LogParser anySource;

  private LogParsers(ErrorLogs logs, LogParser override) {
    this.logs = logs;
    this.override = override;
    for (ErrorLogs.Target t : logs.targets()) {
      compile(t);
      infoFormats(t); // reports what httpd would refuse once, up front
    }
    // every configured format once, with the connection/request formats that go with it
    Map<String, List<ErrorLogFormat>> distinct = new LinkedHashMap<>();
    for (ErrorLogs.Target t : logs.targets()) {
      FormatParser p = compiled.get(t.format());
      if (p != null) {
        List<ErrorLogFormat> formats = distinct.get(p.format().source());
        if (formats == null) {
          formats = new ArrayList<>();
          distinct.put(p.format().source(), formats);
        }
        formats.addAll(infoFormats(t));
      }
    }
    LogParser chain = DEFAULT;
    List<String> sources = new ArrayList<>(distinct.keySet());
    for (int i = sources.size() - 1; i >= 0; i--) {
      chain = new FormatParser(ErrorLogFormat.compile(sources.get(i)),
          distinct.get(sources.get(i)), chain);
    }
    this.anySource = chain;
  }

  /** From the configuration; {@code --log-format} (null when not given) wins. */
  public static LogParsers of(ErrorLogs logs, String logFormat) {
    LogParser override = logFormat == null ? null
        : new FormatParser(ErrorLogFormat.compile(logFormat)); // InvalidLogFormat: usage error
    return new LogParsers(logs, override);
  }

  /** Default formats only (no configuration, no {@code --log-format}). */
  public static LogParsers defaults() {
    return new LogParsers(ErrorLogs.none(), null);
  }

  /** {@code file:line: ErrorLogFormat ...: problem} for each format httpd would refuse. */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  public ErrorLogs errorLogs() {
    return logs;
  }

  @Override
  public LogParser apply(String source) {
    if (override != null) {
      return override;
    }
    LogParser p = bySource.get(source); // asked per line: no lambda made on the way
    if (p != null) {
      return p;
    }
    // not computeIfAbsent(source, this::choose): explain's start links no lambda
    // (ExplainStartupTest); two threads may both choose, and the first one's parser is kept
    p = choose(source);
    LogParser before = bySource.putIfAbsent(source, p);
    return before != null ? before : p;
  }

  private LogParser choose(String source) {
    if (source.equals("-")) {
      return anySource;
    }
    List<ErrorLogs.Target> targets;
    try {
      targets = logs.forFile(Path.of(source));
    } catch (InvalidPathException e) {
      return anySource;
    }
    if (targets.isEmpty()) {
      return anySource;
    }
    LogParser chain = DEFAULT;
    for (int i = targets.size() - 1; i >= 0; i--) {
      FormatParser p = compiled.get(targets.get(i).format());
      if (p != null) {
        chain = new FormatParser(p.format(), infoFormats(targets.get(i)), chain);
      }
    }
    String vhost = targets.size() == 1 ? targets.get(0).soleVhost() : "";
    return vhost.isEmpty() ? chain : labelled(chain, vhost);
  }

  /** Lines of a file only one vhost writes carry that vhost. */
  private static LogParser labelled(LogParser p, String vhost) {
    return new Labelled(p, vhost);
  }

  private static final class Labelled implements LogParser {
    private final LogParser p;
    private final String vhost;

    Labelled(LogParser p, String vhost) {
      this.p = p;
      this.vhost = vhost;
    }

    @Override
    public ParseResult parse(String raw) {
      ParseResult r = p.parse(raw);
      if (r instanceof ParseResult.Parsed parsed && parsed.line().vhost().isEmpty()) {
        LogLine l = parsed.line();
        return new ParseResult.Parsed(new LogLine(l.raw(), l.format(), l.time(), l.module(),
            l.level(), l.pid(), l.tid(), l.errno(), l.errnoText(), l.client(), l.tag(),
            l.message(), l.referer(), vhost, l.extra()));
      }
      return r;
    }
  }

  private FormatParser compile(ErrorLogs.Target t) {
    Directive d = t.format();
    if (d == null) {
      return null;
    }
    if (compiled.containsKey(d)) {
      return compiled.get(d);
    }
    FormatParser p = null;
    try {
      p = new FormatParser(ErrorLogFormat.compile(d.arg(0)));
    } catch (InvalidLogFormat e) {
      problems.add(d.where() + ": ErrorLogFormat: " + e.getMessage()
          + " (at character " + (e.position() + 1) + "); the default formats are read instead");
    }
    compiled.put(d, p);
    return p;
  }

  private List<ErrorLogFormat> infoFormats(ErrorLogs.Target t) {
    List<ErrorLogFormat> out = new ArrayList<>();
    for (Directive d : t.infoFormats()) {
      try {
        out.add(ErrorLogFormat.compileInfoLine(d.arg(1)));
      } catch (InvalidLogFormat e) {
        String problem = d.where() + ": ErrorLogFormat " + d.arg(0) + ": " + e.getMessage();
        if (!problems.contains(problem)) {
          problems.add(problem);
        }
      }
    }
    return out;
  }
}
