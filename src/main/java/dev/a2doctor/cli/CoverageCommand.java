package dev.a2doctor.cli;

import dev.a2doctor.catalog.Catalog;
import dev.a2doctor.match.EventAssembler;
import dev.a2doctor.match.MatchedEvent;
import dev.a2doctor.match.Matcher;
import dev.a2doctor.parse.LineParser;
import dev.a2doctor.parse.LogLine;
import dev.a2doctor.parse.ParseResult;
import dev.a2doctor.render.Safe;
import dev.a2doctor.source.IoErrors;
import dev.a2doctor.source.LogFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code a2doctor patterns coverage FILE...}: how much of a real log the catalog explains. */
@Command(name = "coverage", mixinStandardHelpOptions = true,
    description = "Print the share of warn-or-worse events in the given logs that the catalog "
        + "explains, per module, most unexplained first. A multi-line event (a traceback) "
        + "counts once.",
    footer = {"%nExamples:",
        "  a2doctor patterns coverage /var/log/apache2/error.log /var/log/apache2/error.log.1",
        "  a2doctor patterns coverage --patterns ./my-patterns error.log",
        ExitCodes.HELP})
final class CoverageCommand implements Callable<Integer> {

  private static final Set<String> WARN_OR_WORSE =
      Set.of("emerg", "alert", "crit", "error", "warn");

  private final A2doctor root;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Log files, plain or gzip.")
  List<Path> files;

  @Mixin CatalogOptions catalogOptions;

  CoverageCommand(A2doctor root) {
    this.root = root;
  }

  @Override
  public Integer call() {
    Io io = root.io;
    Catalog catalog = catalogOptions.load(io);
    Map<String, long[]> byModule = new TreeMap<>(); // module -> {events, explained}
    EventAssembler assembler = new EventAssembler(new Matcher(catalog), e -> count(e, byModule));
    LineParser parser = new LineParser();
    boolean inputError = false;
    for (Path f : files) {
      try (BufferedReader r = LogFiles.open(f)) {
        String raw;
        long n = 0;
        while ((raw = r.readLine()) != null) {
          n++;
          if (parser.parse(raw) instanceof ParseResult.Parsed p) {
            assembler.accept(p.line(), f.toString(), n, 0);
          }
        }
      } catch (IOException e) {
        io.err().println("a2doctor: " + Safe.line(String.valueOf(f)) + ": cannot read: "
            + Safe.line(IoErrors.reason(e)));
        inputError = true;
      }
    }
    assembler.closeAll();
    print(byModule, io.out());
    if (inputError || !catalog.problems().isEmpty()) {
      return ExitCodes.INPUT;
    }
    return ExitCodes.OK;
  }

  private static void count(MatchedEvent e, Map<String, long[]> byModule) {
    LogLine l = e.describe();
    boolean serious = WARN_OR_WORSE.contains(l.level())
        || (l.format() == LogLine.Format.BARE && !l.tag().isEmpty()) || e.multiLine();
    if (!serious) {
      return;
    }
    String module = l.module().isEmpty() ? "(no module)" : l.module();
    long[] c = byModule.computeIfAbsent(module, k -> new long[2]);
    c[0]++;
    if (e.hit().isPresent()) {
      c[1]++;
    }
  }

  private static void print(Map<String, long[]> byModule, PrintWriter out) {
    long events = 0;
    long explained = 0;
    out.printf("%-24s %10s %10s %8s%n", "module", "events", "explained", "share");
    List<Map.Entry<String, long[]>> rows = byModule.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue()[0] - b.getValue()[1],
            a.getValue()[0] - a.getValue()[1]))
        .toList();
    for (Map.Entry<String, long[]> row : rows) {
      long[] c = row.getValue();
      events += c[0];
      explained += c[1];
      out.printf("%-24s %10d %10d %7.1f%%%n", Safe.line(row.getKey()), c[0], c[1],
          100.0 * c[1] / c[0]);
    }
    out.printf("%-24s %10d %10d %7.1f%%%n", "all", events, explained,
        events == 0 ? 100.0 : 100.0 * explained / events);
    out.flush();
  }
}
