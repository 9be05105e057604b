package dev.a2doctor.context;

import dev.a2doctor.match.Hit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides what {@code AH02454: FCGI: attempt to connect to Unix domain socket S (...) failed}
 * means, from the handler that names S ({@code SetHandler "proxy:unix:S|fcgi://localhost"},
 * {@code ProxyPassMatch ... unix:S|fcgi://...}) and the php-fpm pools' {@code listen}:
 *
 * <ul>
 *   <li>{@code socket-mismatch}: no pool listens on S, a pool listens on another socket: the
 *       edit points the handler at the pool's socket.
 *   <li>{@code fpm-not-running}: a pool listens on S, so php-fpm is not running (no such file) or
 *       died and left the socket behind (connection refused).
 *   <li>{@code socket-permission}: Apache's User may not connect: the edit sets the pool's
 *       {@code listen.owner} to it.
 * </ul>
 */
final class PhpFpmSocket implements Enricher {

  static final String MISMATCH = "socket-mismatch";
  static final String NOT_RUNNING = "fpm-not-running";
  static final String PERMISSION = "socket-permission";

  /**
   * Compiled when first used: every enricher is made when explain first asks for one, and a
   * static Pattern here would compile on explain's start (ExplainStartupTest).
   */
  private static final class Unix {
    static final Pattern UNIX = Pattern.compile("unix:([^|\\s\"]+)");
  }

  @Override
  public String name() {
    return "php-fpm-socket";
  }

  @Override
  public Set<String> provides() {
    return Set.of("where", "directive", "corrected", "listen", "pool", "service", "apache_user");
  }

  @Override
  public Set<String> variants() {
    return Set.of(MISMATCH, NOT_RUNNING, PERMISSION);
  }

  @Override
  public Enrichment enrich(Hit hit, ServerContext ctx) {
    String socket = hit.captures().getOrDefault("socket", "");
    int errno = hit.line().errno();
    List<Note> evidence = new ArrayList<>();
    List<Note> unchecked = new ArrayList<>(ctx.contextNotes());
    Map<String, String> values = new LinkedHashMap<>();
    values.put("where", "the SetHandler or ProxyPassMatch that names " + socket);
    values.put("directive", "SetHandler \"proxy:unix:" + socket + "|fcgi://localhost\"");
    values.put("corrected", values.get("directive"));
    values.put("listen", "(the pool's listen)");
    values.put("pool", "the php-fpm pool");
    values.put("service", "php-fpm");
    String apacheUser = ctx.config().flatMap(c -> c.serverLevel("User")).map(d -> d.arg(0))
        .orElse("");
    values.put("apache_user", apacheUser.isEmpty() ? "Apache's User" : apacheUser);
    if (ctx.config().isEmpty() || socket.isEmpty()) {
      return new Enrichment(Optional.empty(), values, evidence, unchecked, Optional.empty());
    }
    ApacheConfig c = ctx.config().get();
    Optional<Directive> handler = Optional.empty();
    for (Directive d : c.directives()) {
      if (!(d.is("SetHandler") || d.is("ProxyPass") || d.is("ProxyPassMatch")
          || d.is("ProxySet") || d.is("BalancerMember"))) {
        continue;
      }
      for (String a : d.args()) {
        Matcher m = Unix.UNIX.matcher(a);
        if (m.find() && m.group(1).equals(socket) && handler.isEmpty()) {
          handler = Optional.of(d);
        }
      }
    }
    handler.ifPresentOrElse(h -> {
      values.put("where", h.file() + ":" + h.lastLine());
      values.put("directive", h.text().strip());
      values.put("corrected", h.text().strip());
      evidence.add(Note.of("fpm.handler", socket, h.text().strip(), h.where()));
    }, () -> unchecked.add(Note.of("fpm.no-handler", socket, c.mainFile())));

    List<PhpFpmPool> pools = PhpFpmPool.find(ctx);
    if (pools.isEmpty()) {
      unchecked.add(Note.of("fpm.no-pools", ctx.file("/etc/php"), ctx.file("/etc/php-fpm.d")));
      return new Enrichment(Optional.empty(), values, evidence, unchecked, Optional.empty());
    }
    Optional<PhpFpmPool> same = pools.stream().filter(p -> p.listen().equals(socket)).findFirst();
    for (PhpFpmPool p : pools) {
      PhpFpmPool.Line l = p.settings().get("listen");
      if (l != null) {
        evidence.add(Note.of("fpm.pool-listen", p.name(), p.listen(), p.file() + ":" + l.number()));
      }
    }
    if (errno == 13 && same.isPresent()) {
      return permission(same.get(), apacheUser, values, evidence, unchecked);
    }
    if (same.isPresent()) {
      PhpFpmPool p = same.get();
      values.put("pool", p.name());
      values.put("listen", p.listen());
      values.put("service", p.service());
      evidence.add(Note.of(errno == 111 || errno == 11 ? "fpm.refused" : "fpm.missing",
          socket, p.service()));
      return new Enrichment(Optional.of(NOT_RUNNING), values, evidence, unchecked,
          Optional.empty());
    }
    Optional<PhpFpmPool> other = pools.stream().filter(p -> p.listen().startsWith("/"))
        .findFirst();
    if (other.isEmpty()) {
      unchecked.add(Note.of("fpm.no-unix-pool", socket));
      return new Enrichment(Optional.empty(), values, evidence, unchecked, Optional.empty());
    }
    PhpFpmPool p = other.get();
    values.put("pool", p.name());
    values.put("listen", p.listen());
    values.put("service", p.service());
    evidence.add(Note.of("fpm.no-pool-on-socket", socket));
    Optional<Enrichment.Edit> edit = Optional.empty();
    if (handler.isPresent() && handler.get().line() == handler.get().lastLine()
        && handler.get().text().contains(socket)) {
      Directive h = handler.get();
      String after = h.text().replace(socket, p.listen());
      values.put("corrected", after.strip());
      edit = Optional.of(new Enrichment.Edit(h.file().toString(), h.lastLine(), h.text(), after));
    } else {
      values.put("corrected", values.get("directive").replace(socket, p.listen()));
    }
    return new Enrichment(Optional.of(MISMATCH), values, evidence, unchecked, edit);
  }

  /** listen.owner (or its commented default) set to Apache's User. */
  private static Enrichment permission(PhpFpmPool p, String apacheUser,
      Map<String, String> values, List<Note> evidence, List<Note> unchecked) {
    values.put("pool", p.name());
    values.put("listen", p.listen());
    values.put("service", p.service());
    String owner = p.setting("listen.owner");
    String group = p.setting("listen.group");
    String mode = p.setting("listen.mode");
    evidence.add(Note.of("fpm.socket-owner", p.name(), owner.isEmpty() ? "(user)" : owner,
        group.isEmpty() ? "(group)" : group, mode.isEmpty() ? "0660" : mode));
    if (!p.setting("listen.acl_users").isEmpty() || !p.setting("listen.acl_groups").isEmpty()) {
      evidence.add(Note.of("fpm.acl", p.name()));
    }
    Optional<Enrichment.Edit> edit = Optional.empty();
    PhpFpmPool.Line line = p.settings().getOrDefault("listen.owner",
        p.commented().get("listen.owner"));
    if (apacheUser.isEmpty()) {
      unchecked.add(Note.of("fpm.no-apache-user"));
    } else if (owner.equals(apacheUser) || group.equals(apacheUser)) {
      evidence.add(Note.of("fpm.owner-ok", apacheUser));
      unchecked.add(Note.of("fpm.directory-permission", p.listen()));
    } else if (line != null) {
      String after = "listen.owner = " + apacheUser;
      values.put("where", p.file() + ":" + line.number());
      values.put("directive", line.text().strip());
      values.put("corrected", after);
      edit = Optional.of(new Enrichment.Edit(p.file().toString(), line.number(), line.text(),
          after));
    }
    if (edit.isEmpty()) {
      values.put("where", p.file().toString());
      values.put("directive", "listen.owner = " + (owner.isEmpty() ? "..." : owner));
      values.put("corrected", "listen.owner = " + values.get("apache_user"));
    }
    return new Enrichment(Optional.of(PERMISSION), values, evidence, unchecked, edit);
  }
}
