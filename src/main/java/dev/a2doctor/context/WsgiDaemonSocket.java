package dev.a2doctor.context;

import dev.a2doctor.match.Hit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what {@code Unable to connect to WSGI daemon process 'G' on 'S' as user with uid=U}
 * means on this server. Two readings:
 *
 * <ul>
 *   <li>{@code per-vhost-user}: requests run as a per-vhost user (MPM-ITK, {@code AssignUserID},
 *       or U is not Apache's {@code User}); the socket belongs to {@code socket-user}, by default
 *       Apache's User, so U may not connect. Fix: {@code socket-user=<name of U>}.
 *   <li>{@code socket-dir}: requests run as Apache's User, which cannot traverse the directory
 *       the socket is in. Fix: {@code WSGISocketPrefix} in a traversable directory.
 * </ul>
 */
final class WsgiDaemonSocket implements Enricher {

  static final String PER_VHOST_USER = "per-vhost-user";
  static final String SOCKET_DIR = "socket-dir";

  @Override
  public String name() {
    return "wsgi-daemon-socket";
  }

  @Override
  public Set<String> provides() {
    return Set.of("user", "apache_user", "where", "directive", "corrected", "socket_dir",
        "prefix");
  }

  @Override
  public Set<String> variants() {
    return Set.of(PER_VHOST_USER, SOCKET_DIR);
  }

  @Override
  public Enrichment enrich(Hit hit, ServerContext ctx) {
    String group = hit.captures().getOrDefault("group", "");
    String socket = hit.captures().getOrDefault("socket", "");
    long uid = parseUid(hit.captures().getOrDefault("uid", ""));
    List<Note> evidence = new ArrayList<>();
    List<Note> unchecked = new ArrayList<>(ctx.contextNotes());
    Map<String, String> values = new LinkedHashMap<>();

    Optional<String> userName = uid < 0 ? Optional.empty()
        : ctx.users().flatMap(u -> u.name(uid));
    String user = userName.orElse("#" + uid);
    if (uid >= 0 && ctx.users().isPresent() && userName.isEmpty()) {
      unchecked.add(Note.of("wsgi.uid-unknown", uid, ctx.users().get().path()));
    } else if (userName.isPresent()) {
      evidence.add(Note.of("wsgi.uid-is-user", uid, user, ctx.users().get().path()));
    }
    values.put("user", user);
    Path socketDir = socket.isEmpty() ? null : LoggedPath.parent(socket);
    values.put("socket_dir", socketDir == null ? "the socket directory" : socketDir.toString());

    Optional<ApacheConfig> config = ctx.config();
    Optional<Directive> daemon = config.flatMap(c -> c.all("WSGIDaemonProcess").stream()
        .filter(d -> d.arg(0).equals(group)).findFirst());
    String apacheUser = config.flatMap(c -> c.serverLevel("User")).map(d -> d.arg(0))
        .orElse("");
    values.put("apache_user", apacheUser.isEmpty() ? "Apache's User" : apacheUser);
    Optional<Long> apacheUid = apacheUser.isEmpty() ? Optional.empty()
        : ctx.users().flatMap(u -> u.uid(apacheUser));

    boolean perVhost = false;
    if (config.isPresent()) {
      ApacheConfig c = config.get();
      Optional<Directive> itk = c.loadModule("mpm_itk_module");
      if (itk.isPresent()) {
        perVhost = true;
        evidence.add(Note.of("wsgi.itk-loaded", itk.get().where()));
      } else {
        evidence.add(Note.of("wsgi.itk-not-loaded", c.mainFile()));
      }
      Optional<Directive> assign = daemon.flatMap(d -> c.all("AssignUserID").stream()
          .filter(a -> a.serverName().equals(d.serverName()) && a.inVirtualHost()).findFirst());
      if (assign.isPresent()) {
        perVhost = true;
        evidence.add(Note.of("wsgi.assign-user-id", describeVhost(assign.get()),
            String.join(" ", assign.get().args()), assign.get().where()));
      }
      if (daemon.isPresent()) {
        evidence.add(Note.of("wsgi.daemon-defined", group, daemon.get().where()));
      } else {
        unchecked.add(Note.of("wsgi.daemon-missing", group, c.mainFile()));
      }
    }
    if (uid >= 0 && apacheUid.isPresent()) {
      if (apacheUid.get() != uid) {
        perVhost = true;
        evidence.add(Note.of("wsgi.uid-not-apache-user", uid, apacheUser, apacheUid.get()));
      } else {
        evidence.add(Note.of("wsgi.uid-is-apache-user", apacheUser, uid));
      }
    }

    String variant = perVhost ? PER_VHOST_USER : config.isPresent() ? SOCKET_DIR : null;
    Optional<Enrichment.Edit> edit = Optional.empty();
    String prefix = prefix(config);
    values.put("prefix", prefix);
    if (daemon.isPresent()) {
      Directive d = daemon.get();
      values.put("where", d.file() + ":" + d.lastLine());
      values.put("directive", d.text().strip());
      if (PER_VHOST_USER.equals(variant)) {
        String after = withSocketUser(d.text(), user);
        values.put("corrected", after.strip());
        if (after.equals(d.text().stripTrailing())) {
          evidence.add(Note.of("wsgi.socket-user-already", group, user));
        } else {
          edit = Optional.of(new Enrichment.Edit(d.file().toString(), d.lastLine(), d.text(),
              after));
        }
      } else {
        values.put("corrected", d.text().strip());
      }
    } else {
      values.put("where", "the file that defines WSGIDaemonProcess " + group);
      values.put("directive", "WSGIDaemonProcess " + group + " ...");
      values.put("corrected", "WSGIDaemonProcess " + group + " ... socket-user=" + user);
    }
    if (SOCKET_DIR.equals(variant)) {
      Optional<Directive> current = config.flatMap(c -> c.serverLevel("WSGISocketPrefix"));
      if (current.isPresent()) {
        Directive p = current.get();
        String after = leadingSpace(p.text()) + "WSGISocketPrefix " + prefix;
        values.put("where", p.file() + ":" + p.lastLine());
        values.put("directive", p.text().strip());
        values.put("corrected", after.strip());
        edit = Optional.of(new Enrichment.Edit(p.file().toString(), p.lastLine(), p.text(),
            after));
        evidence.add(Note.of("wsgi.socket-prefix", p.arg(0), p.where()));
      } else {
        values.put("where", "the server configuration, outside any <VirtualHost>");
        values.put("directive", "(no WSGISocketPrefix: the default is under the log directory)");
        values.put("corrected", "WSGISocketPrefix " + prefix);
      }
    }
    return new Enrichment(Optional.ofNullable(variant), values, evidence, unchecked, edit);
  }

  /**
   * Where to move the sockets: the runtime directory httpd itself uses, which its children
   * reach, written as the configuration writes it ({@code ${APACHE_RUN_DIR}/wsgi} on Debian).
   */
  private static String prefix(Optional<ApacheConfig> config) {
    return config.flatMap(c -> c.serverLevel("DefaultRuntimeDir"))
        .map(d -> {
          List<String> raw = ApacheConfigReader.words(d.text().strip());
          String dir = raw.size() > 1 && d.line() == d.lastLine() ? raw.get(1) : d.arg(0);
          return stripSlash(dir) + "/wsgi";
        })
        .orElse("/var/run/wsgi");
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /** Adds (or replaces) {@code socket-user=} on the directive's last physical line. */
  static String withSocketUser(String line, String user) {
    List<String> words = ApacheConfigReader.words(line.strip());
    int existing = -1;
    for (int i = 0; i < words.size(); i++) {
      if (words.get(i).startsWith("socket-user=")) {
        existing = i;
      }
    }
    String stripped = line.stripTrailing();
    if (existing < 0) {
      return stripped + " socket-user=" + user;
    }
    String old = words.get(existing);
    int at = stripped.lastIndexOf(old);
    return stripped.substring(0, at) + "socket-user=" + user
        + stripped.substring(at + old.length());
  }

  private static String leadingSpace(String s) {
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return s.substring(0, i);
  }

  private static String describeVhost(Directive d) {
    return d.serverName().isEmpty() ? "<" + d.sections().get(0) + ">" : d.serverName();
  }

  private static long parseUid(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
