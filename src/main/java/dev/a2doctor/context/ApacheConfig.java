package dev.a2doctor.context;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The Apache configuration as read from the main file and everything it includes: every
 * directive with its file and line, and what could not be read.
 */
public record ApacheConfig(Path mainFile, Path serverRoot, List<Directive> directives,
    List<String> problems) {

  public ApacheConfig {
    directives = List.copyOf(directives);
    problems = List.copyOf(problems);
  }

  /** Every directive called {@code name} (case-insensitive, as httpd compares), in file order. */
  public List<Directive> all(String name) {
    return directives.stream().filter(d -> d.is(name)).toList();
  }

  /** The last server-level directive called {@code name}: the one httpd uses. */
  public Optional<Directive> serverLevel(String name) {
    Directive found = null;
    for (Directive d : directives) {
      if (d.is(name) && !d.inVirtualHost()) {
        found = d;
      }
    }
    return Optional.ofNullable(found);
  }

  /** The LoadModule directive for {@code module} ({@code mpm_itk_module}), if any. */
  public Optional<Directive> loadModule(String module) {
    return directives.stream()
        .filter(d -> d.is("LoadModule") && d.arg(0).equals(module))
        .findFirst();
  }
}
