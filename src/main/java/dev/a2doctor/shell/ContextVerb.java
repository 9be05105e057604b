package dev.a2doctor.shell;

import dev.a2doctor.context.ApacheConfig;
import dev.a2doctor.context.Directive;
import dev.a2doctor.context.ServerContext;
import dev.a2doctor.render.Safe;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code context}: what the shell knows about the server its fixes are for. */
@Command(name = "context", mixinStandardHelpOptions = true,
    description = "Show the server context the fixes use: the Apache configuration read, the "
        + "MPM it loads, the user database, and what could not be checked.",
    footer = {"%nStart the shell with --apache-config FILE, --passwd FILE or --no-context to "
        + "change it."})
final class ContextVerb implements Callable<Integer> {

  private final Session session;

  @Spec CommandSpec spec;

  ContextVerb(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ServerContext c = session.context();
    if (c.config().isPresent()) {
      ApacheConfig a = c.config().get();
      long files = a.directives().stream().map(Directive::file).distinct().count();
      out.printf("Apache configuration: %s (%d directives in %d file%s)%n",
          Safe.line(a.mainFile().toString()), a.directives().size(), files,
          files == 1 ? "" : "s");
      out.println("  ServerRoot: " + Safe.line(String.valueOf(a.serverRoot())));
      a.serverLevel("User").ifPresent(d ->
          out.println("  User: " + Safe.line(d.arg(0)) + " (" + Safe.line(d.where()) + ")"));
      List<Directive> mpms = a.all("LoadModule").stream()
          .filter(d -> d.arg(0).startsWith("mpm_") && d.arg(0).endsWith("_module")).toList();
      if (mpms.isEmpty()) {
        out.println("  MPM: no LoadModule mpm_*_module (compiled in, or not configured)");
      }
      for (Directive d : mpms) {
        String name = d.arg(0).substring(4, d.arg(0).length() - 7);
        out.println("  MPM: " + Safe.line(name) + " (LoadModule " + Safe.line(d.arg(0)) + " at "
            + Safe.line(d.where()) + ")");
      }
      long vhosts = a.directives().stream().filter(d -> !d.serverName().isEmpty())
          .map(Directive::serverName).distinct().count();
      out.println("  Virtual hosts with a ServerName: " + vhosts);
    } else {
      out.println("Apache configuration: not read");
    }
    out.println("User database: " + c.users().map(u -> Safe.line(u.path().toString()))
        .orElse("not read"));
    if (!c.notes().isEmpty()) {
      out.println("Not checked:");
      c.notes().forEach(n -> out.println("  - " + Safe.line(n)));
    }
    out.flush();
    return 0;
  }
}
