package dev.a2doctor.cli;

import dev.a2doctor.context.ContextLoader;
import dev.a2doctor.context.ServerContext;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The server-context options every command that reads logs shares. */
final class ContextOptions {

  @Option(names = "--apache-config", paramLabel = "FILE",
      description = "Main Apache configuration file (default: /etc/apache2/apache2.conf, "
          + "else /etc/httpd/conf/httpd.conf). Includes and Debian's envvars are followed.")
  Path apacheConfig;

  @Option(names = "--passwd", paramLabel = "FILE",
      description = "User database to resolve uids (default: /etc/passwd).")
  Path passwd;

  @Option(names = "--root", paramLabel = "DIR",
      description = "Read the default configuration, user database and every absolute path "
          + "they name below DIR: a copy of another server's /etc (for example --root "
          + "./web01, holding web01/etc/apache2 and web01/etc/passwd).")
  Path root;

  @Option(names = "--no-context",
      description = "Read no local configuration or user database (for a log copied from "
          + "another server); fixes stay generic and say what could not be checked.")
  boolean noContext;

  ServerContext load(Io io) {
    if (noContext) {
      return ServerContext.none(dev.a2doctor.context.Note.of("context.no-context"));
    }
    return new ContextLoader(io::env).load(apacheConfig, passwd, root);
  }
}
