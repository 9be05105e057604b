package dev.a2doctor.cli;

import dev.a2doctor.context.ApacheConfig;
import dev.a2doctor.context.Directive;
import dev.a2doctor.context.ErrorLogs;
import dev.a2doctor.context.ServerContext;
import dev.a2doctor.render.JsonRenderer;
import dev.a2doctor.render.Safe;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code a2doctor context}: what a2doctor learned about this server, and where from. */
@Command(name = "context", mixinStandardHelpOptions = true,
    description = "Print what a2doctor reads about the server to make fixes concrete: the "
        + "configuration files, MPM, loaded modules, User/Group, virtual hosts with their "
        + "error logs and users, and the user database; each with the file:line it came from.",
    footer = {"%nExamples:",
        "  a2doctor context",
        "  a2doctor context --root ./copy-of-web01 --format json",
        "  a2doctor context --apache-config samples/wsgi-itk/etc/apache2/apache2.conf",
        ExitCodes.HELP})
final class ContextCommand implements Callable<Integer> {

  private final A2doctor root;

  @Mixin ContextOptions contextOptions;
  @Mixin OutputOptions output;

  ContextCommand(A2doctor root) {
    this.root = root;
  }

  @Override
  public Integer call() {
    Io io = root.io;
    ServerContext ctx = contextOptions.load(io);
    Map<String, Object> model = model(ctx);
    model.put("error_logs", errorLogs(contextOptions.parsers().errorLogs()));
    if (output.format == OutputOptions.Format.json) {
      model.put("type", "context");
      new JsonRenderer(io.out(), "en").write(model);
    } else {
      text(model, io.out());
    }
    io.out().flush();
    return ctx.config().isPresent() ? ExitCodes.OK : ExitCodes.INPUT;
  }

  static Map<String, Object> model(ServerContext ctx) {
    Map<String, Object> m = new LinkedHashMap<>();
    Optional<ApacheConfig> config = ctx.config();
    m.put("config", config.map(c -> c.mainFile().toString()).orElse(null));
    m.put("server_root", config.map(c -> c.serverRoot().toString()).orElse(null));
    m.put("files", config.map(c -> c.directives().stream().map(d -> d.file().toString())
        .distinct().count()).orElse(0L));
    m.put("mpm", config.flatMap(ApacheConfig::mpm)
        .map(d -> d.arg(0).replace("mpm_", "").replace("_module", "") + " (" + d.where() + ")")
        .orElse(null));
    m.put("itk", config.flatMap(c -> c.loadModule("mpm_itk_module")).map(Directive::where)
        .orElse(null));
    m.put("modules", config.map(c -> new TreeSet<>(c.modules().stream()
        .filter(n -> n.endsWith("_module")).map(n -> n.substring(0, n.length() - 7)).toList()))
        .orElse(new TreeSet<>()));
    for (String d : List.of("User", "Group")) {
      m.put(d.toLowerCase(java.util.Locale.ROOT), config.flatMap(c -> c.serverLevel(d))
          .map(x -> x.arg(0) + " (" + x.where() + ")").orElse(null));
    }
    List<Map<String, Object>> vhosts = new ArrayList<>();
    config.ifPresent(c -> {
      Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
      for (Directive d : c.directives()) {
        if (!d.inVirtualHost()) {
          continue;
        }
        String section = d.sections().stream()
            .filter(x -> x.regionMatches(true, 0, "VirtualHost", 0, 11)).findFirst().orElse("");
        Map<String, Object> v = byKey.computeIfAbsent(d.file() + "\u0000" + section
            + "\u0000" + d.serverName(), k -> {
              Map<String, Object> n = new LinkedHashMap<>();
              n.put("server_name", d.serverName());
              n.put("address", section.length() > 12 ? section.substring(12) : "");
              n.put("defined_at", d.file().toString());
              return n;
            });
        for (String name : List.of("ErrorLog", "LogLevel", "AssignUserID", "DocumentRoot",
            "WSGIDaemonProcess", "ErrorLogFormat")) {
          if (d.is(name) && !v.containsKey(name)) {
            v.put(name, String.join(" ", d.args()) + " (" + d.where() + ")");
          }
        }
      }
      vhosts.addAll(byKey.values());
    });
    m.put("virtual_hosts", vhosts);
    m.put("users", ctx.users().map(u -> u.path() + " (" + u.size() + " users)").orElse(null));
    m.put("notes", ctx.notes());
    return m;
  }

  private static void text(Map<String, Object> m, PrintWriter out) {
    out.printf("Configuration: %s (ServerRoot %s, %s files)%n", show(m.get("config")),
        show(m.get("server_root")), m.get("files"));
    out.printf("MPM:           %s%s%n", show(m.get("mpm")),
        m.get("itk") == null ? "" : ", with MPM-ITK (" + m.get("itk") + ")");
    out.printf("User/Group:    %s / %s%n", show(m.get("user")), show(m.get("group")));
    out.printf("Modules:       %s%n", String.join(" ", (TreeSet<?>) m.get("modules") == null
        ? List.of() : ((TreeSet<?>) m.get("modules")).stream().map(Object::toString).toList()));
    out.printf("Users:         %s%n", show(m.get("users")));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> vhosts = (List<Map<String, Object>>) m.get("virtual_hosts");
    out.printf("Virtual hosts: %d%n", vhosts.size());
    for (Map<String, Object> v : vhosts) {
      out.printf("  %s  %s  (%s)%n", Safe.line(String.valueOf(v.get("server_name"))),
          Safe.line(String.valueOf(v.get("address"))), Safe.line(String.valueOf(v.get("defined_at"))));
      for (Map.Entry<String, Object> e : v.entrySet()) {
        if (Character.isUpperCase(e.getKey().charAt(0))) {
          out.printf("    %-18s %s%n", e.getKey(), Safe.line(String.valueOf(e.getValue())));
        }
      }
    }
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> logs = (List<Map<String, Object>>) m.get("error_logs");
    if (logs != null) {
      out.printf("Error logs:    %d%n", logs.size());
      for (Map<String, Object> l : logs) {
        out.printf("  %s  (%s)%n", Safe.line(String.valueOf(l.get("target"))),
            Safe.line(String.valueOf(l.get("defined_at"))));
        out.printf("    %-18s %s%n", "written by", Safe.line(String.join(", ",
            ((List<?>) l.get("vhosts")).stream().map(Object::toString).toList())));
        out.printf("    %-18s %s%n", "format", Safe.line(String.valueOf(l.get("format"))));
      }
    }
    @SuppressWarnings("unchecked")
    List<String> notes = (List<String>) m.get("notes");
    for (String n : notes) {
      out.println("Not read: " + Safe.line(n));
    }
  }

  /** Each place the error log goes, who writes it and in which format (inherited or own). */
  static List<Map<String, Object>> errorLogs(ErrorLogs logs) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ErrorLogs.Target t : logs.targets()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("target", t.target());
      m.put("kind", t.kind().name().toLowerCase(java.util.Locale.ROOT));
      m.put("path", t.path() == null ? null : t.path().toString());
      m.put("defined_at", t.errorLog() == null ? "httpd's default" : t.errorLog().where());
      m.put("vhosts", t.vhosts().stream().map(v -> v.isEmpty() ? "(main server)" : v).toList());
      m.put("format", t.format() == null ? "default"
          : t.format().arg(0) + " (" + t.format().where() + ")");
      m.put("info_formats", t.infoFormats().stream()
          .map(d -> d.arg(0) + " " + d.arg(1) + " (" + d.where() + ")").toList());
      out.add(m);
    }
    return out;
  }

  private static String show(Object o) {
    return o == null ? "(unknown)" : Safe.line(o.toString());
  }
}
