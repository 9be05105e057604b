package dev.a2doctor.shell;

import dev.a2doctor.catalog.Catalog;
import dev.a2doctor.cli.Io;
import dev.a2doctor.context.ServerContext;
import dev.a2doctor.render.Style;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import picocli.CommandLine;

/**
 * The interactive shell: reads a line, runs it through the same command tree as the command
 * line (plus the shell's verbs), pages what it printed, and keeps the open files between
 * commands. A pasted log line is explained without a verb. Ctrl-C cancels the running command
 * (or {@code follow}) and returns to the prompt; Ctrl-D or {@code quit} leaves.
 *
 * <p>On a dumb terminal or when input is not a terminal it reads commands line by line and
 * prints no prompt, so it can be scripted.
 */
public final class Shell {

  /**
   * What the shell is started with.
   *
   * @param contextArgs the context options given to the shell, passed on to the command-line
   *     commands run inside it ({@code --no-context}, {@code --apache-config FILE})
   * @param history the history file, null for none (a script's commands are not history)
   * @param terminal whether a person is at a terminal: prompt, banner and paging
   * @param color whether output may be coloured
   */
  public record Setup(Catalog catalog, ServerContext context, List<String> contextArgs,
      String lang, boolean color, Path history, boolean terminal, Map<String, String> env) {

    public Setup {
      contextArgs = List.copyOf(contextArgs);
      env = Map.copyOf(env);
    }
  }

  static final String PROMPT = "a2doctor> ";
  private static final Set<String> CONTEXT_OPTIONS =
      Set.of("--apache-config", "--passwd", "--no-context", "--patterns", "--log-format");
  private static final Set<String> PATTERNS_OWN =
      Set.of("list", "show", "test", "-h", "--help", "-V", "--version");

  private final Terminal terminal;
  private final Setup setup;
  private final Function<Io, CommandLine> tree;
  private final Session session;
  private final Pager pager;
  private final CommandLine specs;
  private volatile Running running;

  /** A command being run on its worker thread, for Ctrl-C to cancel. */
  private record Running(Thread worker, CompletableFuture<Integer> done,
      java.util.concurrent.atomic.AtomicLong cancelledAt) {}

  /**
   * @param tree builds the command line's command tree writing to the given {@link Io}: the
   *     shell adds its verbs to it, so commands, options and help are the command line's own
   */
  public Shell(Terminal terminal, Setup setup, Function<Io, CommandLine> tree) {
    this.terminal = terminal;
    this.setup = setup;
    this.tree = tree;
    this.session = new Session(setup.catalog(), setup.context(), setup.contextArgs(),
        setup.lang(), new Style(setup.color()));
    this.pager = new Pager(terminal, setup.terminal() && !isDumb(terminal));
    this.specs = commands(new PrintWriter(new StringWriter()));
    terminal.handle(Terminal.Signal.INT, signal -> cancel());
  }

  /** Reads each file with its own parser (custom ErrorLogFormat); the default formats else. */
  public Shell parsingWith(
      java.util.function.Function<String, dev.a2doctor.parse.LogParser> parsers) {
    session.parsingWith(parsers);
    return this;
  }

  /** Opens {@code files} (as {@code open} would), then reads commands until quit or end. */
  public int run(List<Path> files) {
    LineReaderBuilder b = LineReaderBuilder.builder().terminal(terminal).appName("a2doctor")
        .parser(new ShellParser())
        .completer(completer())
        .highlighter(new LevelHighlighter(setup.color()))
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
    if (setup.history() != null) {
      b.variable(LineReader.HISTORY_FILE, setup.history());
    } else {
      b.variable(LineReader.DISABLE_HISTORY, true);
    }
    LineReader reader = b.build();
    PrintWriter out = terminal.writer();
    if (setup.terminal()) {
      out.println("a2doctor shell: 'help' lists the commands, Tab completes, a pasted log line "
          + "is explained; Ctrl-C cancels, Ctrl-D or 'quit' leaves.");
      out.flush();
    }
    if (!files.isEmpty()) {
      List<String> open = new ArrayList<>(List.of("open"));
      files.forEach(f -> open.add(f.toString()));
      execute(open, false);
    }
    String prompt = setup.terminal() ? PROMPT : "";
    while (!session.quit()) {
      String line;
      try {
        line = reader.readLine(prompt);
      } catch (UserInterruptException e) {
        continue;
      } catch (EndOfFileException e) {
        break;
      }
      ParsedLine parsed = reader.getParsedLine();
      dispatch(line, parsed == null ? List.of(line) : parsed.words());
    }
    try {
      reader.getHistory().save();
    } catch (java.io.IOException e) {
      out.println("a2doctor: " + setup.history() + ": cannot save history: " + e.getMessage());
    }
    out.flush();
    return 0;
  }

  /** Runs one line the user typed. */
  void dispatch(String line, List<String> typed) {
    if (line.isBlank()) {
      return;
    }
    if (LevelHighlighter.isLogLine(line)) {
      execute(withContext(List.of("explain", line.strip())), false);
      return;
    }
    List<String> words = typed.stream().filter(w -> !w.isEmpty()).toList();
    if (words.isEmpty()) {
      return;
    }
    String verb = words.get(0);
    if (verb.equals("help") && words.size() == 1) {
      StringWriter buf = new StringWriter();
      help(new PrintWriter(buf));
      pager.page(buf.toString());
      return;
    }
    if (verb.equals("patterns") && (words.size() == 1 || !PATTERNS_OWN.contains(words.get(1)))) {
      StringWriter buf = new StringWriter();
      PatternsSearch.search(session.catalog(), String.join(" ", words.subList(1, words.size())),
          session.style(), session.lang(), new PrintWriter(buf));
      pager.page(buf.toString());
      return;
    }
    if (!specs.getSubcommands().containsKey(verb)) {
      PrintWriter out = terminal.writer();
      out.println("Unknown command '" + verb + "': 'help' lists the commands; a log line "
          + "starts with '['.");
      out.flush();
      return;
    }
    execute(withContext(words), verb.equals("follow"));
  }

  /**
   * The shell's context options, language and colour go to a command that takes them, unless
   * the user gave them: a command in the shell reads the same server context as the shell.
   */
  private List<String> withContext(List<String> words) {
    CommandLine sub = specs.getSubcommands().get(words.get(0));
    if (sub == null) {
      return words;
    }
    CommandLine.Model.CommandSpec spec = sub.getCommandSpec();
    List<String> given = words.stream().map(w -> w.split("=", 2)[0]).toList();
    List<String> args = new ArrayList<>(words.subList(0, 1));
    if (spec.findOption("--no-context") != null
        && given.stream().noneMatch(CONTEXT_OPTIONS::contains)) {
      args.addAll(setup.contextArgs());
    }
    if (spec.findOption("--lang") != null && !given.contains("--lang")) {
      args.addAll(List.of("--lang", setup.lang()));
    }
    if (spec.findOption("--color") != null && !given.contains("--color")) {
      args.addAll(List.of("--color", setup.color() ? "always" : "never"));
    }
    args.addAll(words.subList(1, words.size()));
    return args;
  }

  /**
   * Runs a command on a worker thread so that Ctrl-C can return to the prompt even when the
   * command does not notice the interrupt; what it printed is paged, unless it is {@code live}
   * (follow), which writes straight to the terminal.
   */
  private void execute(List<String> args, boolean live) {
    StringWriter buf = new StringWriter();
    PrintWriter target = live ? terminal.writer() : new PrintWriter(buf);
    CommandLine cl = commands(target);
    CompletableFuture<Integer> done = new CompletableFuture<>();
    Thread worker = new Thread(() -> {
      try {
        done.complete(cl.execute(args.toArray(String[]::new)));
      } catch (Throwable t) {
        done.completeExceptionally(t);
      }
    }, "a2doctor-command");
    worker.setDaemon(true);
    Running r = new Running(worker, done, new java.util.concurrent.atomic.AtomicLong());
    running = r;
    worker.start();
    boolean cancelled = false;
    try {
      while (true) {
        try {
          done.get(50, TimeUnit.MILLISECONDS);
          break;
        } catch (TimeoutException e) {
          long at = r.cancelledAt().get();
          // give a cancelled command a moment to say how it stopped, then leave it behind
          if (at != 0 && System.nanoTime() - at > TimeUnit.SECONDS.toNanos(2)) {
            break;
          }
        }
      }
    } catch (ExecutionException e) {
      target.println("a2doctor: internal error: " + e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      running = null;
      cancelled = r.cancelledAt().get() != 0;
    }
    target.flush();
    PrintWriter out = terminal.writer();
    if (cancelled && !live) {
      out.println("^C: cancelled");
    } else if (!live) {
      pager.page(buf.toString());
    }
    out.flush();
  }

  /** Ctrl-C outside the line editor: interrupt the running command. */
  void cancel() {
    Running r = running;
    if (r != null && r.cancelledAt().compareAndSet(0, System.nanoTime())) {
      r.worker().interrupt();
    }
  }

  /** The command line's tree with the shell's verbs added, all writing to {@code out}. */
  CommandLine commands(PrintWriter out) {
    Io io = new Io(out, out, setup.env(), InputStream.nullInputStream(), setup.terminal());
    CommandLine cl = tree.apply(io);
    if (cl.getSubcommands().containsKey("shell")) {
      cl.getCommandSpec().removeSubcommand("shell");
    }
    cl.addSubcommand(new OpenVerb(session));
    cl.addSubcommand(new FindingsVerb(session));
    cl.addSubcommand(new ShowVerb(session));
    cl.addSubcommand(new LinesVerb(session));
    cl.addSubcommand(new FollowVerb(session, terminal.writer()));
    cl.addSubcommand(new QuitVerb(session));
    cl.setOut(out);
    cl.setErr(out);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(cl.getExecutionExceptionHandler());
    cl.setColorScheme(cl.getColorScheme());
    return cl;
  }

  private void help(PrintWriter out) {
    CommandLine cl = commands(out);
    out.println("Commands ('help COMMAND' or 'COMMAND --help' for its options and examples):");
    List<String> shellFirst = List.of("open", "findings", "show", "lines", "explain",
        "patterns", "follow", "context", "diagnose", "help", "quit");
    List<String> names = new ArrayList<>(shellFirst);
    cl.getSubcommands().forEach((name, sub) -> {
      if (!names.contains(name) && sub.getCommandName().equals(name)) {
        names.add(name);
      }
    });
    for (String name : names) {
      CommandLine sub = cl.getSubcommands().get(name);
      if (sub == null) {
        continue;
      }
      String[] d = sub.getCommandSpec().usageMessage().description();
      String first = d.length == 0 ? "" : d[0];
      int dot = first.indexOf(". ");
      first = dot > 0 ? first.substring(0, dot + 1) : first;
      if (name.equals("help")) {
        first = "'help COMMAND': the options and examples of a command.";
      }
      if (name.equals("patterns")) {
        first = "Search the catalog: 'patterns TEXT'; 'patterns list|show|test' as on the "
            + "command line.";
      }
      out.printf("  %-10s %s%n", name, CommandLine.Help.Ansi.OFF.string(first));
    }
    out.println("Paste a log line (or several) to explain it. Tab completes commands, options, "
        + "files, finding numbers, entry ids and AH codes.");
    out.println("Ctrl-C cancels a command or follow; Ctrl-D or 'quit' leaves.");
    out.flush();
  }

  private static boolean isDumb(Terminal t) {
    return t.getType() == null || t.getType().startsWith(Terminal.TYPE_DUMB);
  }

  /** The completer the line reader uses. */
  org.jline.reader.Completer completer() {
    return new ShellCompleter(specs.getCommandSpec(), session);
  }

  /** For tests: the session's state. */
  Session session() {
    return session;
  }
}
