package dev.a2doctor.context;

import java.nio.file.Path;
import java.util.List;

/**
 * One configuration directive as httpd reads it, with where it was written.
 *
 * @param name as written ({@code WSGIDaemonProcess})
 * @param args the arguments after variable expansion, quotes removed
 * @param file the file it is in
 * @param line the 1-based line it starts on
 * @param lastLine the line it ends on (continuation lines end in a backslash)
 * @param text the physical text of {@code lastLine}, unexpanded, as an edit must reproduce it
 * @param sections the enclosing sections, outermost first ({@code VirtualHost *:80})
 * @param serverName the ServerName of the enclosing VirtualHost, empty outside one
 */
public record Directive(String name, List<String> args, Path file, int line, int lastLine,
    String text, List<String> sections, String serverName) {

  public Directive {
    args = List.copyOf(args);
    sections = List.copyOf(sections);
  }

  public boolean is(String directive) {
    return name.equalsIgnoreCase(directive);
  }

  public String arg(int i) {
    return i < args.size() ? args.get(i) : "";
  }

  public boolean inVirtualHost() {
    return sections.stream().anyMatch(s -> s.regionMatches(true, 0, "VirtualHost", 0, 11));
  }

  /** {@code /etc/apache2/sites-enabled/foo.conf:12}. */
  public String where() {
    return file + ":" + line;
  }
}
