package dev.a2doctor.cli;

import dev.a2doctor.catalog.Catalog;
import dev.a2doctor.context.ServerContext;
import dev.a2doctor.shell.Shell;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.utils.WriterOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code a2doctor shell [FILE...]}: the interactive troubleshooting shell. */
@Command(name = "shell",
    mixinStandardHelpOptions = true,
    description = {"An interactive shell over the same commands, plus open, findings, show N, "
        + "lines N and follow. Paste a log line at the prompt to explain it.",
        "Tab completes; history is kept in ~/.a2doctor_history; Ctrl-C cancels a command, "
            + "Ctrl-D or 'quit' leaves. When standard input is not a terminal it reads commands "
            + "line by line (no prompt), so it can be scripted."},
    footer = {"%nExamples:",
        "  a2doctor shell /var/log/apache2/error.log",
        "  a2doctor shell --no-context copied-from-web01.log",
        "  printf 'findings --severity error\\nshow 1\\n' | a2doctor shell error.log",
        "%nExit codes:",
        "  0  the shell ended (quit, Ctrl-D, end of input)",
        "  2  usage error",
        "  4  internal error (run with --verbose for the stack trace)"})
final class ShellCommand implements Callable<Integer> {

  /** JLine's own warnings are not for the user; a strong reference keeps the level set. */
  private static final Logger JLINE = Logger.getLogger("org.jline");

  private final A2doctor root;

  @Parameters(paramLabel = "FILE", arity = "0..*",
      description = "Log files to open first (plain or gzip).")
  List<Path> files = new ArrayList<>();

  @Option(names = "--history", paramLabel = "FILE",
      description = "History file (default: ~/.a2doctor_history). Only kept at a terminal.")
  Path history;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
      description = "auto (only on a terminal, never with NO_COLOR), always or never.")
  OutputOptions.Color color;

  @Option(names = "--lang", paramLabel = "LANG",
      description = "en or ja (default: from LC_ALL, LC_MESSAGES, LANG).")
  String lang;

  @Mixin ContextOptions contextOptions;
  @Mixin CatalogOptions catalogOptions;

  ShellCommand(A2doctor root) {
    this.root = root;
  }

  @Override
  public Integer call() throws IOException {
    Io io = root.io;
    JLINE.setLevel(Level.OFF);
    OutputOptions output = new OutputOptions();
    output.color = color;
    output.lang = lang;
    Catalog catalog = catalogOptions.load(io);
    ServerContext context = contextOptions.load(io);
    Path historyFile = history;
    if (historyFile == null && io.env("HOME") != null) {
      historyFile = Path.of(io.env("HOME"), ".a2doctor_history");
    }
    Shell.Setup setup = new Shell.Setup(catalog, context, contextArgs(),
        output.lang(io), output.style(io).color(), io.tty() ? historyFile : null, io.tty(),
        io.env());
    try (Terminal terminal = terminal(io)) {
      return new Shell(terminal, setup, A2doctor::commandLine)
          .parsingWith(contextOptions.parsers()).run(files);
    } finally {
      io.out().flush();
    }
  }

  /** The user's terminal; or, when input is not one, a dumb terminal over the injected streams. */
  private static Terminal terminal(Io io) throws IOException {
    if (io.tty()) {
      return TerminalBuilder.builder().system(true).name("a2doctor").build();
    }
    return new DumbTerminal("a2doctor", Terminal.TYPE_DUMB, io.stdin(),
        new WriterOutputStream(io.out(), StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }

  /** The context and catalog options as given, for the commands run inside the shell. */
  private List<String> contextArgs() {
    List<String> args = new ArrayList<>();
    if (contextOptions.noContext) {
      args.add("--no-context");
    }
    if (contextOptions.apacheConfig != null) {
      args.add("--apache-config");
      args.add(contextOptions.apacheConfig.toString());
    }
    if (contextOptions.passwd != null) {
      args.add("--passwd");
      args.add(contextOptions.passwd.toString());
    }
    if (contextOptions.logFormat != null) {
      args.add("--log-format");
      args.add(contextOptions.logFormat);
    }
    for (Path dir : catalogOptions.patterns) {
      args.add("--patterns");
      args.add(dir.toString());
    }
    return args;
  }
}
