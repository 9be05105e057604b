package dev.a2doctor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level command: {@code a2doctor <subcommand>}. */
@Command(name = "a2doctor",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Reads Apache httpd error logs and answers every error line with what is wrong "
        + "and the concrete fix for this server.",
    subcommands = {DiagnoseCommand.class, ExplainCommand.class, PatternsCommand.class,
        ContextCommand.class,
        ReportCommand.class,
        ShellCommand.class,
        WatchCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"%nExamples:",
        "  a2doctor diagnose /var/log/apache2/error.log /var/log/apache2/error.log.2.gz",
        "  tail -n 1000 /var/log/apache2/error.log | a2doctor diagnose --format json",
        "  a2doctor watch /var/log/apache2/error.log",
        "  a2doctor explain AH01630",
        "  a2doctor patterns test",
        "%nFiles and environment:",
        "  /etc/a2doctor/a2doctor.conf  defaults for options, one per line: an option's name",
        "      without dashes for every command (fail-on = error), or qualified by the command",
        "      (a2doctor.diagnose.format = json); the command line wins",
        "  A2DOCTOR_CONFIG  another file of defaults instead",
        "  A2DOCTOR_OPTS    options for the Java VM, e.g. -Xmx512m",
        "  A2DOCTOR_CDS     off: do not keep the start-up cache (an AOT cache on Java 25+,",
        "      a class-data archive before)",
        "      (kept in ~/.cache/a2doctor, or in a2doctor under XDG_CACHE_HOME when set)",
        "  A2DOCTOR_CACHE   off: read the server configuration (explain) and the installed",
        "      catalog's files every time instead of trusting what was noted there",
        "  /usr/share/a2doctor/patterns  the catalog (--version says which one is used)",
        ExitCodes.HELP})
public final class A2doctor implements Runnable {

  final Io io;

  @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
      description = "Print stack traces of internal errors.")
  boolean verbose;

  A2doctor(Io io) {
    this.io = io;
  }

  @Override
  public void run() {
    new CommandLine(this).usage(io.err());
  }

  /** The command line {@code main} runs; tests call it with string writers. */
  public static CommandLine commandLine(Io io) {
    return Trees.full(io);
  }

  /**
   * The command line for {@code args}: {@code a2doctor explain ...} and {@code a2doctor diagnose
   * ...} get a tree with only that command ({@link ExplainOnly}, {@link DiagnoseOnly}), which
   * picocli builds in a fraction of the time, unless the config file has keys only the full tree
   * knows; everything else gets {@link #commandLine(Io)}.
   */
  public static CommandLine commandLine(Io io, String... args) {
    return Trees.forArgs(io, args);
  }

  /**
   * Builds the trees. A class of its own: explain's fast path ({@link ExplainFastPath}) makes an
   * A2doctor without picocli, and verifying these methods in A2doctor would load picocli's
   * classes from the jar (not archived: Java 5 class files), opening the jar's class loader.
   */
  private static final class Trees {

    static CommandLine full(Io io) {
      A2doctor root = new A2doctor(io);
      return configured(new CommandLine(root, new Factory(root)), root, io);
    }

    static CommandLine forArgs(Io io, String... args) {
      if (args.length > 0 && ("explain".equals(args[0]) || "diagnose".equals(args[0]))) {
        A2doctor root = new A2doctor(io);
        Object top = "explain".equals(args[0]) ? new ExplainOnly(root) : new DiagnoseOnly(root);
        CommandLine cl = new CommandLine(top, new Factory(root));
        if (ConfigFile.knowsAllKeys(cl, io)) {
          return configured(cl, root, io);
        }
      }
      return full(io);
    }

    private static CommandLine configured(CommandLine cl, A2doctor root, Io io) {
      cl.setOut(io.out());
      cl.setErr(io.err());
      cl.setCaseInsensitiveEnumValuesAllowed(true);
      cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
        io.err().println("a2doctor: internal error: "
            + dev.a2doctor.render.Safe.line(e.toString()));
        if (root.verbose) {
          e.printStackTrace(io.err());
        }
        return ExitCodes.INTERNAL;
      });
      cl.setColorScheme(CommandLine.Help.defaultColorScheme(
          io.tty() && io.env("NO_COLOR") == null ? CommandLine.Help.Ansi.ON
              : CommandLine.Help.Ansi.OFF));
      ConfigFile.apply(cl, io);
      return cl;
    }
  }

  /** Gives every command the root, so it can reach {@link Io}. */
  private record Factory(A2doctor root) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      if (cls == A2doctor.class) {
        return cls.cast(root);
      }
      try {
        return cls.getDeclaredConstructor(A2doctor.class).newInstance(root);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(cls);
      }
    }
  }
}
