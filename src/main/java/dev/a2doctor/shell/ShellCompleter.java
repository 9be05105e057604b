package dev.a2doctor.shell;

import dev.a2doctor.catalog.Entry;
import dev.a2doctor.report.Finding;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.completer.FileNameCompleter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.shell.jline3.PicocliJLineCompleter;

/**
 * Tab completion: verbs, subcommands and options come from the command tree itself (picocli's
 * completer over the same specs the commands run with); what picocli cannot know comes from the
 * session: file paths, finding numbers (with their titles), catalog entry ids and AH/WSGI codes.
 */
final class ShellCompleter implements Completer {

  private final CommandSpec spec;
  private final Session session;
  private final Completer picocli;
  private final Completer files = new FileNameCompleter();

  ShellCompleter(CommandSpec spec, Session session) {
    this.spec = spec;
    this.session = session;
    this.picocli = new PicocliJLineCompleter(spec);
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    List<String> words = line.words();
    int index = line.wordIndex();
    if (index == 0 || line.word().startsWith("-") || LevelHighlighter.isLogLine(line.line())) {
      if (!LevelHighlighter.isLogLine(line.line())) {
        picocli.complete(reader, line, candidates);
      }
      return;
    }
    String verb = words.get(0);
    String previous = words.get(index - 1);
    CommandSpec sub = spec.subcommands().containsKey(verb)
        ? spec.subcommands().get(verb).getCommandSpec() : null;
    OptionSpec option = sub == null || !previous.startsWith("-") ? null
        : sub.findOption(previous);
    if (option != null && option.arity().max() > 0) {
      if (isPath(option.type())) {
        files.complete(reader, line, candidates);
      } else {
        picocli.complete(reader, line, candidates);
      }
      return;
    }
    switch (verb) {
      case "open", "diagnose" -> files.complete(reader, line, candidates);
      case "show", "lines" -> numbers(candidates);
      case "explain" -> ids(candidates, true);
      case "patterns" -> {
        if (index == 2 && words.get(1).equals("show")) {
          ids(candidates, false);
        } else if (index == 2 && words.get(1).equals("test")) {
          files.complete(reader, line, candidates);
        } else {
          picocli.complete(reader, line, candidates);
        }
      }
      default -> picocli.complete(reader, line, candidates);
    }
  }

  private void numbers(List<Candidate> candidates) {
    List<Finding> all = session.numbered();
    for (int i = 0; i < all.size(); i++) {
      String n = Integer.toString(i + 1);
      candidates.add(new Candidate(n, n, "findings", all.get(i).title(session.lang()), null,
          null, true, i));
    }
  }

  private void ids(List<Candidate> candidates, boolean codes) {
    Set<String> tags = new TreeSet<>();
    for (Entry e : session.catalog().entries()) {
      candidates.add(new Candidate(e.id(), e.id(), "entries", null, null, null, true));
      tags.addAll(e.match().tags());
    }
    if (codes) {
      for (String t : tags) {
        candidates.add(new Candidate(t, t, "codes", null, null, null, true));
      }
    }
  }

  private static boolean isPath(Class<?> type) {
    return type == Path.class || type == File.class;
  }
}
