package dev.a2doctor.cli;

import dev.a2doctor.catalog.Catalog;
import dev.a2doctor.catalog.Severity;
import dev.a2doctor.context.ServerContext;
import dev.a2doctor.match.Matcher;
import dev.a2doctor.render.DiffRenderer;
import dev.a2doctor.render.JsonRenderer;
import dev.a2doctor.render.Safe;
import dev.a2doctor.render.TextRenderer;
import dev.a2doctor.report.Diagnoser;
import dev.a2doctor.report.Diagnosis;
import dev.a2doctor.source.IoErrors;
import dev.a2doctor.source.LogFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code a2doctor diagnose [FILE...]}: what went wrong, grouped, with fixes. */
@Command(name = "diagnose",
    mixinStandardHelpOptions = true,
    description = "Diagnose error logs: every warn-or-worse line explained, repeats grouped into "
        + "findings with count, first and last seen, and the fix for this server.",
    footer = {"%nExamples:",
        "  a2doctor diagnose /var/log/apache2/error.log /var/log/apache2/error.log.2.gz",
        "  a2doctor diagnose --no-context copied-from-web01.log",
        "  tail -n 5000 /var/log/httpd/error_log | a2doctor diagnose --format json",
        "  a2doctor diagnose --fix-format diff error.log > fix.patch && patch -p0 -d / < fix.patch",
        "  a2doctor diagnose --apache-config samples/wsgi-itk/etc/apache2/apache2.conf \\",
        "      --passwd samples/wsgi-itk/etc/passwd samples/wsgi-itk/error.log",
        "  a2doctor diagnose --threads 1 --progress never big-error.log",
        ExitCodes.HELP})
final class DiagnoseCommand implements Callable<Integer> {

  private final A2doctor root;

  @Parameters(paramLabel = "FILE", arity = "0..*",
      description = "Log files, plain or gzip (by content). '-' or none: standard input.")
  List<String> files = new ArrayList<>();

  @Option(names = "--all",
      description = "Show notice and info findings (start/stop notices, applications' own "
          + "output) in full too; by default they are listed one line each.")
  boolean all;

  @Mixin CatalogOptions catalogOptions;
  enum FixFormat { text, diff }

  @Option(names = "--fix-format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (the fixes inside the report) or diff: only the concrete changes to "
          + "the configuration, as one unified diff to review and apply with 'patch -p0' "
          + "(relative paths) or 'patch -p0 -d /' (absolute). a2doctor never edits files.")
  FixFormat fixFormat;

  @Mixin ContextOptions contextOptions;
  @Mixin OutputOptions output;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
      description = "Threads that parse and match lines (default 0: one per core), while one "
          + "more groups them in order. A plain file is read in parts by turns; gzip files and "
          + "standard input are read in one pass each. The output is the same for any N.")
  int threads;

  enum ProgressWhen { auto, always, never }

  @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
      description = "auto (on stderr when it is a terminal, once a read takes over a second), "
          + "always (on stderr, also when redirected) or never. Bytes, lines, lines per second "
          + "and time left, on one line that is cleared at the end; stdout is never touched.")
  ProgressWhen progress;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--max-groups", paramLabel = "N",
      defaultValue = "" + Diagnoser.DEFAULT_MAX_GROUPS,
      description = "Groups kept per catalog entry (default ${DEFAULT-VALUE}; 0: no bound). "
          + "Lines of one entry that would get different fixes (another file and line, another "
          + "path) are different groups; past N, an entry's further lines are counted together "
          + "in one finding marked folded, so memory stays bounded on logs of any size.")
  int maxGroups;

  /** Bytes of a file in one part read on a core; tests make it small. */
  @Option(names = "--part-size", hidden = true, defaultValue = "" + PartedInputs.PART_BYTES)
  long partSize;

  DiagnoseCommand(A2doctor root) {
    this.root = root;
  }

  @Override
  public Integer call() {
    Io io = root.io;
    Catalog catalog = catalogOptions.load(io);
    ServerContext context = contextOptions.load(io);
    if (maxGroups < 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--max-groups must be 0 (no bound) or more: " + maxGroups);
    }
    Diagnoser diagnoser = new Diagnoser(new Matcher(catalog), context)
        .parsingWith(contextOptions.parsers()).groupsPerEntry(maxGroups);
    boolean inputError = false;
    List<String> inputs = files.isEmpty() ? List.of("-") : files;
    if (threads < 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--threads must be 0 (all cores) or more: " + threads);
    }
    if (threads == 0) {
      threads = Runtime.getRuntime().availableProcessors();
    }
    boolean showProgress = progress == ProgressWhen.always
        || (progress == ProgressWhen.auto && io.errTty());
    PartedInputs parted = new PartedInputs(io, threads, partSize, showProgress,
        progress == ProgressWhen.always ? 0 : Progress.AFTER_MILLIS);
    if (output.format == OutputOptions.Format.json && fixFormat != FixFormat.diff) {
      // Jackson's classes take about 0.1 s to load and set up: on another thread, while the
      // logs are read, rather than after (this thread touches JsonRenderer only at the end)
      Thread warm = new Thread(JsonRenderer::warmUp, "a2doctor-json-warm-up");
      warm.setDaemon(true);
      warm.start();
    }
    Diagnosis d;
    if (parted.applies(inputs)) {
      boolean[] failed = {false};
      d = parted.read(inputs, diagnoser, failed);
      inputError = failed[0];
    } else {
      for (String name : inputs) {
        inputError |= !read(name, diagnoser, io);
      }
      d = diagnoser.result();
    }
    String lang = output.lang(io);
    if (fixFormat == FixFormat.diff) {
      new DiffRenderer(io.out(), io.err()).render(d);
    } else if (output.format == OutputOptions.Format.json) {
      new JsonRenderer(io.out(), lang).render(d, context.notes(lang));
    } else {
      new TextRenderer(io.out(), output.style(io), lang).render(d, context.notes(lang),
          all ? Severity.INFO : Severity.WARNING);
    }
    io.out().flush();
    if (inputError || !catalog.problems().isEmpty()) {
      return ExitCodes.INPUT;
    }
    return TextRenderer.fails(d, output.failOn) ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  /** Reads one input; on failure says so with the path and keeps what was read. */
  private static boolean read(String name, Diagnoser diagnoser, Io io) {
    long n = 0;
    try (BufferedReader r = name.equals("-") ? LogFiles.reader(io.stdin())
        : LogFiles.open(Path.of(name))) {
      String line;
      while ((line = r.readLine()) != null) {
        diagnoser.accept(line, name, ++n);
      }
      return true;
    } catch (IOException | java.io.UncheckedIOException e) {
      IOException cause = e instanceof java.io.UncheckedIOException u ? u.getCause()
          : (IOException) e;
      io.err().println("a2doctor: " + Safe.line(name) + (n > 0 ? ":" + n : "") + ": cannot read: "
          + Safe.line(IoErrors.reason(cause))
          + (n > 0 ? " (the " + n + " lines before were diagnosed)" : ""));
    }
    return false;
  }
}
