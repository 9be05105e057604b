package dev.a2doctor.context;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A passwd-format user database, {@code foo:x:1001:1001::/home/foo:/usr/sbin/nologin} per line,
 * read from {@code /etc/passwd} or a copy given with {@code --passwd}.
 */
public final class UserDatabase {

  private final Path path;
  private final Map<Long, String> names = new HashMap<>();
  private final Map<String, Long> uids = new HashMap<>();

  private UserDatabase(Path path) {
    this.path = path;
  }

  /** Reads {@code path}; malformed lines are skipped, as getpwent(3) does. */
  public static UserDatabase read(Path path) throws IOException {
    UserDatabase db = new UserDatabase(path);
    List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    for (String line : lines) {
      String[] f = line.split(":", -1);
      if (f.length < 4 || f[0].isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        long uid = Long.parseLong(f[2]);
        db.names.putIfAbsent(uid, f[0]);
        db.uids.putIfAbsent(f[0], uid);
      } catch (NumberFormatException e) {
        // not a passwd line; skip like getpwent does
      }
    }
    return db;
  }

  /** A database read before ({@link ContextCache}): uid to first name, name to first uid. */
  static UserDatabase of(Path path, Map<Long, String> names, Map<String, Long> uids) {
    UserDatabase db = new UserDatabase(path);
    db.names.putAll(names);
    db.uids.putAll(uids);
    return db;
  }

  Map<Long, String> names() {
    return java.util.Collections.unmodifiableMap(names);
  }

  Map<String, Long> uids() {
    return java.util.Collections.unmodifiableMap(uids);
  }

  public Path path() {
    return path;
  }

  /** How many users it lists. */
  public int size() {
    return uids.size();
  }

  public Optional<String> name(long uid) {
    return Optional.ofNullable(names.get(uid));
  }

  public Optional<Long> uid(String name) {
    return Optional.ofNullable(uids.get(name));
  }
}
