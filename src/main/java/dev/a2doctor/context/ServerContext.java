package dev.a2doctor.context;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a2doctor knows about the server the log came from: its configuration and user database
 * when they could be read, and a sentence for each thing it could not check.
 */
public record ServerContext(Optional<ApacheConfig> config, Optional<UserDatabase> users,
    List<Note> contextNotes, Optional<Path> root) {

  public ServerContext {
    contextNotes = List.copyOf(contextNotes);
  }

  public ServerContext(Optional<ApacheConfig> config, Optional<UserDatabase> users,
      List<Note> contextNotes) {
    this(config, users, contextNotes, Optional.empty());
  }

  /** A file of this server: {@code /etc/php} is {@code DIR/etc/php} with {@code --root DIR}. */
  public Path file(String absolute) {
    Path p = Path.of(absolute);
    return root.isPresent() ? root.get().resolve(p.getRoot().relativize(p)) : p;
  }

  /** No local knowledge: {@code --no-context}, for a log copied from another server. */
  public static ServerContext none(String why) {
    return none(Note.verbatim(why));
  }

  public static ServerContext none(Note why) {
    return new ServerContext(Optional.empty(), Optional.empty(), List.of(why));
  }

  /** What could not be read, in English. */
  public List<String> notes() {
    return notes("en");
  }

  /** What could not be read, in {@code lang} (English where a text has no translation). */
  public List<String> notes(String lang) {
    return Note.texts(contextNotes, lang);
  }
}
