package dev.a2doctor.context;

import dev.a2doctor.source.IoErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds and reads the local server context: the Apache configuration ({@code --apache-config},
 * else {@code /etc/apache2/apache2.conf} or {@code /etc/httpd/conf/httpd.conf}) and the user
 * database ({@code --passwd}, else {@code /etc/passwd}). What is missing becomes a note, never a
 * failure: a diagnosis without context is still a diagnosis.
 */
public final class ContextLoader {

  static final List<Path> DEFAULT_CONFIGS =
      List.of(Path.of("/etc/apache2/apache2.conf"), Path.of("/etc/httpd/conf/httpd.conf"));
  static final Path DEFAULT_PASSWD = Path.of("/etc/passwd");

  private final Function<String, String> environment;

  public ContextLoader(Function<String, String> environment) {
    this.environment = environment;
  }

  /**
   * @param apacheConfig the main configuration file, or null for the defaults
   * @param passwd the user database, or null for the default
   */
  public ServerContext load(Path apacheConfig, Path passwd) {
    return load(apacheConfig, passwd, null);
  }

  /**
   * @param root when not null, the defaults and every absolute path are read below it (a copy
   *     of another server's /etc); explicitly given files are taken as they are
   */
  public ServerContext load(Path apacheConfig, Path passwd, Path root) {
    List<Note> notes = new ArrayList<>();
    Optional<ApacheConfig> config = Optional.empty();
    ApacheConfigReader reader = new ApacheConfigReader(environment, root);
    Path main = apacheConfig;
    if (main == null) {
      main = DEFAULT_CONFIGS.stream().map(reader::under).filter(Files::isReadable).findFirst()
          .orElse(null);
    }
    if (main == null) {
      notes.add(Note.of("context.no-config", DEFAULT_CONFIGS));
    } else {
      try {
        ApacheConfig c = reader.read(main);
        config = Optional.of(c);
        for (String p : c.problems()) {
          notes.add(Note.of("context.config-problem", p));
        }
      } catch (IOException e) {
        notes.add(Note.verbatim(e.getMessage()));
      }
    }
    Optional<UserDatabase> users = Optional.empty();
    Path db = passwd == null ? reader.under(DEFAULT_PASSWD) : passwd;
    try {
      users = Optional.of(UserDatabase.read(db));
    } catch (IOException e) {
      notes.add(Note.of("context.no-passwd", db, IoErrors.reason(e)));
    }
    return new ServerContext(config, users, notes, Optional.ofNullable(root));
  }
}
