package dev.a2doctor.context;

import dev.a2doctor.source.IoErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
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
    return load(apacheConfig, passwd, root, environment, null);
  }

  /**
   * As {@link #load(Path, Path, Path)}, through the cache in {@code cacheDir} ({@link
   * ContextCache}): the same context, without reading the configuration again while none of
   * the files it came from changed. A null {@code cacheDir} reads it as {@link #load} does.
   */
  public ServerContext loadCached(Path apacheConfig, Path passwd, Path root, Path cacheDir) {
    if (cacheDir == null) {
      return load(apacheConfig, passwd, root);
    }
    return new ContextCache(cacheDir, environment).load(apacheConfig, passwd, root,
        new Reading(this, apacheConfig, passwd, root));
  }

  /**
   * {@link #load(Path, Path, Path, Function, Consumer)} for {@link ContextCache}: a named class,
   * not a lambda, as explain runs this on every start and its first lambda would start
   * java.lang.invoke (ExplainStartupTest).
   */
  private static final class Reading
      implements BiFunction<Function<String, String>, Consumer<Path>, ServerContext> {
    private final ContextLoader loader;
    private final Path apacheConfig;
    private final Path passwd;
    private final Path root;

    Reading(ContextLoader loader, Path apacheConfig, Path passwd, Path root) {
      this.loader = loader;
      this.apacheConfig = apacheConfig;
      this.passwd = passwd;
      this.root = root;
    }

    @Override
    public ServerContext apply(Function<String, String> env, Consumer<Path> watch) {
      return loader.load(apacheConfig, passwd, root, env, watch);
    }
  }

  /**
   * Where {@link #loadCached} keeps the context for this user: {@code
   * ${XDG_CACHE_HOME:-$HOME/.cache}/a2doctor} as for the launcher's AppCDS archive; null when
   * {@code A2DOCTOR_CACHE=off} or neither variable is set.
   */
  public static Path cacheDir(Function<String, String> env) {
    if ("off".equals(env.apply("A2DOCTOR_CACHE"))) {
      return null;
    }
    String xdg = env.apply("XDG_CACHE_HOME");
    String home = env.apply("HOME");
    try {
      if (xdg != null && !xdg.isEmpty()) {
        return Path.of(xdg, "a2doctor");
      }
      return home == null || home.isEmpty() ? null : Path.of(home, ".cache", "a2doctor");
    } catch (java.nio.file.InvalidPathException e) {
      return null;
    }
  }

  /**
   * @param env the environment as the reader sees it
   * @param watch when not null, told every path whose state decides what is read
   */
  ServerContext load(Path apacheConfig, Path passwd, Path root, Function<String, String> env,
      Consumer<Path> watch) {
    List<Note> notes = new ArrayList<>();
    Optional<ApacheConfig> config = Optional.empty();
    ApacheConfigReader reader = new ApacheConfigReader(env, root).watching(watch);
    Path main = apacheConfig;
    if (main == null) {
      for (Path candidate : DEFAULT_CONFIGS) {
        Path p = reader.under(candidate);
        if (watch != null) {
          watch.accept(p);
        }
        if (Files.isReadable(p)) {
          main = p;
          break;
        }
      }
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
    if (watch != null) {
      watch.accept(db);
    }
    try {
      users = Optional.of(UserDatabase.read(db));
    } catch (IOException e) {
      notes.add(Note.of("context.no-passwd", db, IoErrors.reason(e)));
    }
    return new ServerContext(config, users, notes, Optional.ofNullable(root));
  }
}
