package dev.a2doctor.context;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The Apache configuration as read from the main file and everything it includes: every
 * directive with its file and line, and what could not be read.
 */
public record ApacheConfig(Path mainFile, Path serverRoot, List<Directive> directives,
    List<String> problems, java.util.Set<String> modules) {

  public ApacheConfig {
    directives = List.copyOf(directives);
    problems = List.copyOf(problems);
    modules = java.util.Set.copyOf(modules);
  }

  /** Whether a module is loaded, by either name httpd accepts ({@code mod_ssl.c}, {@code ssl_module}). */
  public boolean hasModule(String name) {
    return modules.contains(name);
  }

  /** The MPM's LoadModule directive, if one is loaded. */
  public Optional<Directive> mpm() {
    return directives.stream()
        .filter(d -> d.is("LoadModule") && d.arg(0).startsWith("mpm_")
            && !d.arg(0).equals("mpm_itk_module"))
        .findFirst();
  }

  /** The {@code <VirtualHost>} sections, by their first directive's file order. */
  public List<String> virtualHosts() {
    return directives.stream().filter(Directive::inVirtualHost)
        .map(d -> d.sections().stream().filter(x -> x.regionMatches(true, 0, "VirtualHost", 0, 11))
            .findFirst().orElse("") + "\u0000" + d.serverName())
        .distinct().toList();
  }

  /** Every directive called {@code name} (case-insensitive, as httpd compares), in file order. */
  public List<Directive> all(String name) {
    // a loop, not a stream: the enrichers ask on explain's start (ExplainStartupTest)
    List<Directive> all = new java.util.ArrayList<>();
    for (Directive d : directives) {
      if (d.is(name)) {
        all.add(d);
      }
    }
    return java.util.Collections.unmodifiableList(all);
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
