package dev.a2doctor.context;

import dev.a2doctor.cache.ByteCursor;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link ServerContext} as bytes for {@link ContextCache}: the configuration's directives
 * (name, arguments, file, lines, text, sections, ServerName), problems and modules, the user
 * database, the notes and {@code --root}. Every string is written once and referred to by
 * number afterwards (a configuration repeats its file names, section headers and directive
 * names), and so is each list of a directive's arguments or sections (the directives of one
 * section share its list), which keeps the file small and loading it quick. Written and read by hand: no
 * serialisation framework on explain's start-up path.
 */
final class CachedContext {

  private final List<String> read = new ArrayList<>();
  private final Map<String, Integer> written = new HashMap<>();
  private final Map<String, Path> paths = new HashMap<>();
  private final List<List<String>> readLists = new ArrayList<>();
  private final Map<List<String>, Integer> writtenLists = new HashMap<>();

  private CachedContext() {}

  static void write(ServerContext c, DataOutputStream out) throws IOException {
    CachedContext w = new CachedContext();
    out.writeBoolean(c.config().isPresent());
    if (c.config().isPresent()) {
      ApacheConfig a = c.config().get();
      w.string(out, a.mainFile().toString());
      w.string(out, a.serverRoot().toString());
      out.writeInt(a.directives().size());
      for (Directive d : a.directives()) {
        w.string(out, d.name());
        w.list(out, d.args());
        w.string(out, d.file().toString());
        out.writeInt(d.line());
        out.writeInt(d.lastLine());
        w.string(out, d.text());
        w.list(out, d.sections());
        w.string(out, d.serverName());
      }
      w.strings(out, a.problems());
      w.strings(out, List.copyOf(a.modules()));
    }
    out.writeBoolean(c.users().isPresent());
    if (c.users().isPresent()) {
      UserDatabase u = c.users().get();
      w.string(out, u.path().toString());
      out.writeInt(u.names().size());
      for (Map.Entry<Long, String> e : u.names().entrySet()) {
        out.writeLong(e.getKey());
        w.string(out, e.getValue());
      }
      out.writeInt(u.uids().size());
      for (Map.Entry<String, Long> e : u.uids().entrySet()) {
        w.string(out, e.getKey());
        out.writeLong(e.getValue());
      }
    }
    out.writeInt(c.contextNotes().size());
    for (Note n : c.contextNotes()) {
      w.string(out, n.key());
      w.strings(out, n.args());
    }
    out.writeBoolean(c.root().isPresent());
    if (c.root().isPresent()) {
      w.string(out, c.root().get().toString());
    }
  }

  static ServerContext read(ByteCursor in) throws IOException {
    CachedContext r = new CachedContext();
    Optional<ApacheConfig> config = Optional.empty();
    if (in.readBoolean()) {
      Path main = r.path(in);
      Path serverRoot = r.path(in);
      int n = in.readInt();
      List<Directive> directives = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        directives.add(new Directive(r.string(in), r.list(in), r.path(in), in.readInt(),
            in.readInt(), r.string(in), r.list(in), r.string(in)));
      }
      List<String> problems = r.strings(in);
      Set<String> modules = new HashSet<>(r.strings(in));
      config = Optional.of(new ApacheConfig(main, serverRoot, directives, problems, modules));
    }
    Optional<UserDatabase> users = Optional.empty();
    if (in.readBoolean()) {
      Path path = r.path(in);
      int n = in.readInt();
      Map<Long, String> names = new HashMap<>();
      for (int i = 0; i < n; i++) {
        names.put(in.readLong(), r.string(in));
      }
      n = in.readInt();
      Map<String, Long> uids = new HashMap<>();
      for (int i = 0; i < n; i++) {
        uids.put(r.string(in), in.readLong());
      }
      users = Optional.of(UserDatabase.of(path, names, uids));
    }
    int n = in.readInt();
    List<Note> notes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      notes.add(new Note(r.string(in), r.strings(in)));
    }
    Optional<Path> root = in.readBoolean() ? Optional.of(r.path(in)) : Optional.empty();
    if (!in.atEnd()) {
      throw new IOException("trailing bytes");
    }
    return new ServerContext(config, users, notes, root);
  }

  /**
   * Writes the number of {@code value} when it was written before and says so; else numbers it
   * and writes -1, after which the caller writes the value itself.
   */
  private static <T> boolean writtenBefore(Map<T, Integer> numbers, T value,
      DataOutputStream out) throws IOException {
    Integer known = numbers.get(value);
    if (known != null) {
      out.writeInt(known);
      return true;
    }
    numbers.put(value, numbers.size());
    out.writeInt(-1);
    return false;
  }

  /** A string: its number when written before, else -1 and the string. */
  private void string(DataOutputStream out, String s) throws IOException {
    if (!writtenBefore(written, s, out)) {
      ByteCursor.writeString(out, s);
    }
  }

  private void strings(DataOutputStream out, List<String> list) throws IOException {
    out.writeInt(list.size());
    for (String s : list) {
      string(out, s);
    }
  }

  private String string(ByteCursor in) throws IOException {
    int i = in.readInt();
    if (i == -1) {
      String s = in.readString();
      read.add(s);
      return s;
    }
    return read.get(i);
  }

  private List<String> strings(ByteCursor in) throws IOException {
    int n = in.readInt();
    if (n == 0) {
      return List.of();
    }
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      out[i] = string(in);
    }
    return List.of(out);
  }

  /** A list of strings: its number when written before, else -1 and the strings. */
  private void list(DataOutputStream out, List<String> list) throws IOException {
    if (!writtenBefore(writtenLists, list, out)) {
      strings(out, list);
    }
  }

  /** The same List object for each occurrence of a list (immutable: List.of). */
  private List<String> list(ByteCursor in) throws IOException {
    int i = in.readInt();
    if (i == -1) {
      List<String> list = strings(in);
      readLists.add(list);
      return list;
    }
    return readLists.get(i);
  }

  /** The same Path object for each occurrence of a file name. */
  private Path path(ByteCursor in) throws IOException {
    String s = string(in);
    Path p = paths.get(s);
    if (p == null) {
      p = Path.of(s);
      paths.put(s, p);
    }
    return p;
  }
}
