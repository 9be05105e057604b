package dev.a2doctor.cli;

import dev.a2doctor.catalog.Catalog;
import dev.a2doctor.catalog.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * {@code a2doctor explain LINE} without picocli: building picocli's model of even the small
 * {@link ExplainOnly} tree took longer than explain's own work, and picocli's Java 5 classes
 * cannot go into the AppCDS archive. This reads the plain forms of explain's argument list by
 * hand, for example
 *
 * <pre>
 * explain AH01630
 * explain --no-context --format json '[Wed Nov 25 02:19:56.910366 2026] [authz_core:error] ...'
 * explain --lang=ja --apache-config /etc/apache2/apache2.conf -- '[...] ...'
 * </pre>
 *
 * and runs the same {@link ExplainCommand} with the option values picocli would have given it.
 * Whatever it cannot read with certainty is left to picocli ({@link #run} returns
 * {@link #NOT_HANDLED}): help and version, unknown or repeated options, a value picocli would
 * convert or reject ({@code --format JSON}, {@code --fail-on loud}), anything starting with
 * {@code @} (picocli's argument files), {@code --log-format} (its errors are usage errors), and
 * a configuration file with keys (their defaults are picocli's). So usage errors and help read
 * exactly as picocli writes them; a test runs a table of argument lists both ways and compares.
 */
final class ExplainFastPath {

  /** What {@link #run} returns when the arguments are for picocli. */
  static final int NOT_HANDLED = -1;

  private ExplainFastPath() {}

  /** Runs {@code args} as {@code main} does: by hand when possible, else through picocli. */
  static int execute(Io io, String... args) {
    int code = run(io, args);
    return code != NOT_HANDLED ? code : A2doctor.commandLine(io, args).execute(args);
  }

  /**
   * Runs {@code a2doctor explain ...} without picocli and returns its exit code, or
   * {@link #NOT_HANDLED} (having done nothing) when picocli must read {@code args}.
   */
  static int run(Io io, String... args) {
    if (args.length < 2 || !"explain".equals(args[0]) || !configFileIsEmpty(io)) {
      return NOT_HANDLED;
    }
    A2doctor root = new A2doctor(io);
    ExplainCommand explain = new ExplainCommand(root);
    explain.catalogOptions = new CatalogOptions();
    explain.contextOptions = new ContextOptions();
    explain.output = new OutputOptions();
    // the defaults of the @Option annotations
    explain.output.format = OutputOptions.Format.text;
    explain.output.color = OutputOptions.Color.auto;
    explain.output.failOn = Severity.WARNING;
    if (!read(args, root, explain)) {
      return NOT_HANDLED;
    }
    try {
      return explain.call();
    } catch (Exception e) {
      // as the execution exception handler of A2doctor.configured
      io.err().println("a2doctor: internal error: " + dev.a2doctor.render.Safe.line(e.toString()));
      if (root.verbose) {
        e.printStackTrace(io.err());
      }
      return ExitCodes.INTERNAL;
    }
  }

  /** Sets the options and the argument from {@code args}; false when picocli must read them. */
  private static boolean read(String[] args, A2doctor root, ExplainCommand explain) {
    ContextOptions context = explain.contextOptions;
    OutputOptions output = explain.output;
    boolean options = true;
    boolean verbose = false;
    boolean format = false;
    boolean color = false;
    boolean failOn = false;
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (arg.startsWith("@")) {
        return false; // an argument file, even after --
      }
      if (!options || !arg.startsWith("-")) {
        if (explain.what != null) {
          return false; // a second argument: picocli's error
        }
        explain.what = arg;
        continue;
      }
      if (arg.equals("--")) {
        options = false;
        continue;
      }
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      if (name.equals("--verbose") || name.equals("--no-context")) {
        boolean seen = name.equals("--verbose") ? verbose : context.noContext;
        if (eq >= 0 || seen) {
          return false;
        }
        if (name.equals("--verbose")) {
          verbose = true;
        } else {
          context.noContext = true;
        }
        continue;
      }
      String value;
      if (eq >= 0) {
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        return false; // a missing value
      }
      if (value.isEmpty() || value.startsWith("-") || value.startsWith("@")) {
        return false;
      }
      switch (name) {
        case "--format" -> {
          if (format || !(value.equals("text") || value.equals("json"))) {
            return false;
          }
          format = true;
          output.format = OutputOptions.Format.valueOf(value);
        }
        case "--color" -> {
          if (color || !(value.equals("auto") || value.equals("always")
              || value.equals("never"))) {
            return false;
          }
          color = true;
          output.color = OutputOptions.Color.valueOf(value);
        }
        case "--lang" -> {
          if (output.lang != null) {
            return false;
          }
          output.lang = value;
        }
        case "--fail-on" -> {
          Severity s = Severity.parse(value);
          if (failOn || s == null) {
            return false;
          }
          failOn = true;
          output.failOn = s;
        }
        case "--apache-config", "--passwd", "--root" -> {
          Path path;
          try {
            path = Path.of(value);
          } catch (InvalidPathException e) {
            return false;
          }
          switch (name) {
            case "--apache-config" -> {
              if (context.apacheConfig != null) {
                return false;
              }
              context.apacheConfig = path;
            }
            case "--passwd" -> {
              if (context.passwd != null) {
                return false;
              }
              context.passwd = path;
            }
            default -> {
              if (context.root != null) {
                return false;
              }
              context.root = path;
            }
          }
        }
        case "--patterns" -> {
          try {
            explain.catalogOptions.patterns.add(Path.of(value));
          } catch (InvalidPathException e) {
            return false;
          }
        }
        default -> {
          return false; // help, version, --log-format, an unknown option
        }
      }
    }
    if (explain.what == null) {
      return false;
    }
    root.verbose = verbose;
    return true;
  }

  /**
   * The JVM system property the launcher sets on the run that records its start-up cache: then
   * {@code main} also {@link #rehearse}s explain, so that its classes are in the archive
   * whatever the first command was ({@code --version}, {@code diagnose}).
   */
  static final String REHEARSE = "a2doctor.cds.rehearse";

  /** The catalog entry whose first example the rehearsal explains. */
  private static final String REHEARSAL_ENTRY = "client-denied-by-server-configuration";

  /**
   * The {@link Io} of a run nobody sees (a rehearsal, {@link AotTraining}): nothing written,
   * nothing read, and no configuration file, whatever its keys, so that the forms taken by hand
   * are the ones that run.
   */
  static Io quietIo(Map<String, String> env) {
    PrintWriter sink = new PrintWriter(Writer.nullWriter());
    Map<String, String> quiet = new HashMap<>(env);
    quiet.remove(ConfigFile.ENV);
    return new Io(sink, sink, quiet, InputStream.nullInputStream(), false);
  }

  /**
   * Runs {@code explain} on a catalog example line (as text and as JSON, with the context as
   * configured) and on a code, writing nothing anywhere: only the classes it loads matter.
   * JSON's classes are archived too: jackson-core's generator, since JsonRenderer no longer goes
   * through the ObjectMapper (the archive is about 3.5 MB; 9.9 MB with the ObjectMapper's).
   */
  static void rehearse(Map<String, String> env) {
    Io io = quietIo(env);
    try {
      Catalog catalog = InstalledCatalog.load();
      String line = catalog.get(REHEARSAL_ENTRY)
          .or(() -> catalog.entries().stream().filter(e -> !e.examples().isEmpty()).findFirst())
          .filter(e -> !e.examples().isEmpty())
          .map(e -> e.examples().get(0).line())
          .orElse("AH01630");
      run(io, "explain", line);
      run(io, "explain", "--format", "json", line);
      run(io, "explain", "AH01630");
    } catch (RuntimeException e) {
      // only a rehearsal: the command the user ran has answered already
    }
  }

  /**
   * Whether the configuration file ({@link ConfigFile}) gives no option defaults: there is none,
   * or it has no keys (the installed one is all comments). Picocli applies any other.
   */
  private static boolean configFileIsEmpty(Io io) {
    String v = io.env(ConfigFile.ENV);
    if (v == null || v.isBlank()) {
      return true;
    }
    Path file = new java.io.File(v).toPath();
    if (!Files.isRegularFile(file)) {
      return true;
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException | IllegalArgumentException e) {
      return false; // picocli's tree reports it
    }
    return p.isEmpty();
  }
}
