package dev.a2doctor.cli;

import dev.a2doctor.context.ContextLoader;
import dev.a2doctor.context.ErrorLogs;
import dev.a2doctor.context.LogParsers;
import dev.a2doctor.context.ServerContext;
import dev.a2doctor.parse.InvalidLogFormat;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The server-context options every command that reads logs shares. */
final class ContextOptions {

  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  @Option(names = "--apache-config", paramLabel = "FILE",
      description = "Main Apache configuration file (default: /etc/apache2/apache2.conf, "
          + "else /etc/httpd/conf/httpd.conf). Includes and Debian's envvars are followed.")
  Path apacheConfig;

  @Option(names = "--passwd", paramLabel = "FILE",
      description = "User database to resolve uids (default: /etc/passwd).")
  Path passwd;

  @Option(names = "--root", paramLabel = "DIR",
      description = "Read the default configuration, user database and every absolute path "
          + "they name below DIR: a copy of another server's /etc (for example --root "
          + "./web01, holding web01/etc/apache2 and web01/etc/passwd).")
  Path root;

  @Option(names = "--no-context",
      description = "Read no local configuration or user database (for a log copied from "
          + "another server); fixes stay generic and say what could not be checked.")
  boolean noContext;

  @Option(names = "--log-format", paramLabel = "FORMAT",
      description = "Read every input as written with this ErrorLogFormat (as in httpd's "
          + "configuration, for example '[%%{cu}t] [%%v] [%%-m:%%l] %%M'); lines that do not fit "
          + "are read in the default formats. Default: each file's format from the "
          + "configuration (by its ErrorLog, rotated copies included), every configured "
          + "format for other input.")
  String logFormat;

  /**
   * Whether {@link #load} goes through the context cache (ContextCache): explain sets it, as
   * the command whose whole run is about as long as reading a large configuration.
   */
  boolean cached;

  /** The parser per input, set by {@link #load}. */
  private LogParsers parsers = LogParsers.defaults();

  ServerContext load(Io io) {
    ServerContext ctx = loadContext(io);
    try {
      // no lambda on explain's path (ExplainStartupTest)
      ErrorLogs logs = ctx.config().isPresent() ? ErrorLogs.of(ctx.config().get(), root)
          : ErrorLogs.none();
      parsers = LogParsers.of(logs, logFormat);
    } catch (InvalidLogFormat e) {
      throw UsageError.of(spec, "--log-format: " + e.getMessage()
          + " (at character " + (e.position() + 1) + " of '" + logFormat + "')");
    }
    if (parsers.problems().isEmpty()) {
      return ctx;
    }
    List<dev.a2doctor.context.Note> notes = new ArrayList<>(ctx.contextNotes());
    for (String p : parsers.problems()) {
      notes.add(dev.a2doctor.context.Note.verbatim(p));
    }
    return new ServerContext(ctx.config(), ctx.users(), notes, ctx.root());
  }

  /**
   * Picocli's usage error, made in a class of its own: a {@code throw new ParameterException}
   * in {@link #load} would have the verifier load picocli's exception classes from the jar (not
   * archived: Java 5 class files) on every start of explain.
   */
  private static final class UsageError {
    static RuntimeException of(CommandSpec spec, String message) {
      return new ParameterException(spec.commandLine(), message);
    }
  }

  /** Which parser reads which input ({@code Diagnoser.parsingWith}); after {@link #load}. */
  LogParsers parsers() {
    return parsers;
  }

  private ServerContext loadContext(Io io) {
    if (noContext) {
      return ServerContext.none(dev.a2doctor.context.Note.of("context.no-context"));
    }
    if (cached) {
      java.util.function.Function<String, String> env = io.environment();
      return new ContextLoader(env).loadCached(apacheConfig, passwd, root,
          ContextLoader.cacheDir(env));
    }
    return new ContextLoader(io.environment()).load(apacheConfig, passwd, root);
  }
}
