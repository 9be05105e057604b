package dev.a2doctor.cli;

import dev.a2doctor.catalog.Catalog;
import dev.a2doctor.catalog.Entry;
import dev.a2doctor.context.ServerContext;
import dev.a2doctor.match.Matcher;
import dev.a2doctor.parse.LineParser;
import dev.a2doctor.parse.LogLine;
import dev.a2doctor.parse.ParseResult;
import dev.a2doctor.parse.Tags;
import dev.a2doctor.render.JsonRenderer;
import dev.a2doctor.render.Safe;
import dev.a2doctor.render.TextRenderer;
import dev.a2doctor.report.Diagnoser;
import dev.a2doctor.report.Diagnosis;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code a2doctor explain LINE|ID|AHnnnnn}: one answer, fast. */
@Command(name = "explain",
    mixinStandardHelpOptions = true,
    description = "Explain one log line, a catalog entry id, or an AHnnnnn / WSGInnnn code.",
    footer = {"%nExamples:",
        "  a2doctor explain '[Thu Oct 11 15:04:38.059487 2018] [wsgi:error] [pid 15574] "
            + "(13)Permission denied: [client 153.194.19.27:55658] mod_wsgi (pid=15574): "
            + "Unable to connect to WSGI daemon process ...'",
        "  a2doctor explain AH01630",
        "  a2doctor explain wsgi-daemon-connect-denied",
        "%nThe server context is kept in ~/.cache/a2doctor/context.cache (a2doctor under",
        "XDG_CACHE_HOME when set) and used while every file, directory and variable it came",
        "from is unchanged; A2DOCTOR_CACHE=off reads the configuration every time.",
        ExitCodes.HELP})
final class ExplainCommand implements Callable<Integer> {

  private final A2doctor root;

  @Parameters(paramLabel = "LINE|ID|CODE", arity = "1",
      description = "A raw error-log line (quote it), an entry id or a tag.")
  String what;

  @Mixin CatalogOptions catalogOptions;
  @Mixin ContextOptions contextOptions;
  @Mixin OutputOptions output;

  ExplainCommand(A2doctor root) {
    this.root = root;
  }

  @Override
  public Integer call() {
    Io io = root.io;
    Catalog catalog = catalogOptions.load(io);
    String lang = output.lang(io);
    String arg = what.strip();
    Optional<Entry> byId = catalog.get(arg);
    if (byId.isPresent()) {
      PatternsCommand.show(byId.get(), io.out(), lang);
      return ExitCodes.OK;
    }
    if (Tags.isTag(arg)) {
      List<Entry> tagged = catalog.tagged(arg);
      if (tagged.isEmpty()) {
        io.out().println(arg + ": no catalog entry explains this code yet.");
        io.out().flush();
        return ExitCodes.FINDINGS;
      }
      for (Entry e : tagged) {
        PatternsCommand.show(e, io.out(), lang);
      }
      io.out().flush();
      return ExitCodes.OK;
    }
    contextOptions.cached = true;
    ServerContext context = contextOptions.load(io);
    // a matcher of the entries these lines could match: only those are decoded from the index
    Diagnoser diagnoser = new Diagnoser(new Matcher(catalog.candidatesFor(what)), context);
    diagnoser.parsingWith(contextOptions.parsers());
    String[] lines = what.split("\n");
    for (int i = 0; i < lines.length; i++) {
      diagnoser.accept(lines[i], "argument", i + 1);
    }
    Diagnosis d = diagnoser.result();
    if (d.findings().isEmpty()) {
      notExplained(lines[0], io.out());
      return ExitCodes.FINDINGS;
    }
    if (output.format == OutputOptions.Format.json) {
      new JsonRenderer(io.out(), lang).render(d, context.notes(lang));
    } else {
      TextRenderer t = new TextRenderer(io.out(), output.style(io), lang);
      for (int i = 0; i < d.findings().size(); i++) {
        if (i > 0) {
          io.out().println();
        }
        t.finding(d.findings().get(i));
      }
    }
    io.out().flush();
    return ExitCodes.OK;
  }

  private static void notExplained(String raw, PrintWriter out) {
    out.println("No catalog entry explains this line.");
    if (new LineParser().parse(raw) instanceof ParseResult.Parsed p) {
      LogLine l = p.line();
      // concatenation, not printf: java.util.Formatter loads locale data (ExplainStartupTest)
      out.println("  format " + l.format() + ", module '" + Safe.line(l.module()) + "', level '"
          + Safe.line(l.level()) + "', tag '" + Safe.line(l.tag()) + "', errno "
          + (l.hasErrno() ? l.errno() + " (" + Safe.line(l.errnoText()) + ")" : "-"));
      out.println("  message: " + Safe.line(l.message()));
    } else {
      out.println("  the line's prefix is broken: " + Safe.line(raw));
    }
    out.flush();
  }
}
