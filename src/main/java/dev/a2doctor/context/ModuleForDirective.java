package dev.a2doctor.context;

import dev.a2doctor.match.Hit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names the module behind {@code Invalid command 'X', perhaps misspelled or defined by a module
 * not included in the server configuration} and how this server loads it:
 *
 * <ul>
 *   <li>{@code a2enmod}: Debian layout (ServerRoot has {@code mods-available/}) and
 *       {@code mods-available/NAME.load} exists: {@code a2enmod NAME}.
 *   <li>{@code install-module}: the module is packaged separately and not installed (Debian:
 *       no .load file; Red Hat: no modules/mod_x.so): install the package (on Red Hat its own
 *       conf.modules.d file loads it; on Debian a2enmod follows).
 *   <li>{@code loadmodule}: another layout (Red Hat's {@code /etc/httpd} with
 *       {@code conf.modules.d}): the {@code LoadModule} line to add (or to uncomment), as an
 *       edit of the file that loads the other modules.
 *   <li>{@code loaded-now}: the module is loaded in the configuration as it is now: the error
 *       is from before a change that Apache has not been restarted with.
 *   <li>{@code misspelled}: no module provides X; the closest known directive, if any.
 * </ul>
 */
final class ModuleForDirective implements Enricher {

  static final String A2ENMOD = "a2enmod";
  static final String INSTALL = "install-module";
  static final String LOADMODULE = "loadmodule";
  static final String LOADED_NOW = "loaded-now";
  static final String MISSPELLED = "misspelled";

  /** Modules Debian ships in their own package, not in apache2's mods-available. */
  private static final Map<String, String> DEBIAN_PACKAGES = Map.of(
      "wsgi", "libapache2-mod-wsgi-py3", "mpm_itk", "libapache2-mpm-itk",
      "security2", "libapache2-mod-security2", "php", "libapache2-mod-php");

  /** The same for Red Hat's httpd (modules outside the httpd package). */
  private static final Map<String, String> RHEL_PACKAGES = Map.of(
      "wsgi", "python3-mod_wsgi", "ssl", "mod_ssl", "security2", "mod_security",
      "php", "php", "proxy_html", "mod_proxy_html", "xml2enc", "mod_proxy_html",
      "ldap", "mod_ldap", "authnz_ldap", "mod_ldap", "session", "mod_session");

  // no field for DirectiveModules.builtin(): the registry of enrichers builds this one at every
  // start (explain too), and reading the table is worth it only for an entry that uses it

  @Override
  public String name() {
    return "module-for-directive";
  }

  @Override
  public Set<String> provides() {
    return Set.of("module", "command", "where", "load_line", "package", "suggestion",
        "service");
  }

  @Override
  public Set<String> variants() {
    return Set.of(A2ENMOD, INSTALL, LOADMODULE, LOADED_NOW, MISSPELLED);
  }

  @Override
  public Enrichment enrich(Hit hit, ServerContext ctx) {
    String directive = hit.captures().getOrDefault("directive", "");
    List<Note> evidence = new ArrayList<>();
    List<Note> unchecked = new ArrayList<>(ctx.contextNotes());
    Map<String, String> values = new LinkedHashMap<>();
    DirectiveModules table = DirectiveModules.builtin();
    List<DirectiveModules.Module> providers = table.providers(directive);
    String suggestion = providers.isEmpty() ? table.closest(directive) : "";
    values.put("suggestion", suggestion.isEmpty() ? "(none close)" : suggestion);
    if (providers.isEmpty()) {
      values.put("module", "(none)");
      values.put("command", "");
      values.put("where", "");
      values.put("load_line", "");
      values.put("package", "");
      values.put("service", "apache2");
      evidence.add(suggestion.isEmpty() ? Note.of("module.unknown", directive)
          : Note.of("module.unknown-closest", directive, suggestion));
      return new Enrichment(Optional.of(MISSPELLED), values, evidence, unchecked,
          Optional.empty());
    }
    DirectiveModules.Module m = providers.stream().filter(p -> !p.isMpm()).findFirst()
        .orElse(providers.get(0));
    String debianName = m.name().startsWith("php") ? "php" : m.name();
    values.put("module", m.name());
    values.put("command", "a2enmod " + m.name());
    values.put("load_line", "LoadModule " + m.identifier() + " modules/" + m.so());
    values.put("where", "");
    values.put("package", "");
    values.put("service", "apache2");
    Set<String> names = new LinkedHashSet<>();
    providers.forEach(p -> names.add(p.name()));
    evidence.add(Note.of("module.provided-by", directive, String.join(", ", names),
        m.identifier()));
    if (ctx.config().isEmpty()) {
      return new Enrichment(Optional.empty(), values, evidence, unchecked, Optional.empty());
    }
    ApacheConfig c = ctx.config().get();
    Path modsAvailable = c.serverRoot().resolve("mods-available");
    values.put("service", Files.isDirectory(modsAvailable) ? "apache2" : "httpd");
    Optional<Directive> loaded = providers.stream()
        .flatMap(p -> c.loadModule(p.identifier()).stream()).findFirst();
    if (loaded.isPresent()) {
      values.put("where", loaded.get().where());
      evidence.add(Note.of("module.loaded-now", loaded.get().arg(0), loaded.get().where()));
      return new Enrichment(Optional.of(LOADED_NOW), values, evidence, unchecked,
          Optional.empty());
    }
    if (Files.isDirectory(modsAvailable)) {
      Path load = modsAvailable.resolve(m.name() + ".load");
      if (Files.isRegularFile(load)) {
        values.put("where", load.toString());
        evidence.add(Note.of("module.debian-available", load, m.name()));
        return new Enrichment(Optional.of(A2ENMOD), values, evidence, unchecked,
            Optional.empty());
      }
      String pkg = DEBIAN_PACKAGES.getOrDefault(debianName, "");
      values.put("package", pkg.isEmpty() ? "the package that provides mod_" + m.name() : pkg);
      values.put("command", "apt install " + values.get("package") + " && a2enmod " + m.name());
      values.put("where", load.toString());
      evidence.add(Note.of("module.debian-missing", load));
      return new Enrichment(Optional.of(INSTALL), values, evidence, unchecked, Optional.empty());
    }
    // Red Hat and source builds: LoadModule lines in the configuration itself
    String pkg = RHEL_PACKAGES.getOrDefault(debianName, "");
    values.put("package", pkg.isEmpty() ? "httpd" : pkg);
    values.put("service", "httpd");
    Path so = c.serverRoot().resolve("modules").resolve(m.so());
    if (!pkg.isEmpty() && !Files.exists(so)) {
      // its package brings its own conf.modules.d file with the LoadModule line
      values.put("command", "dnf install " + pkg);
      values.put("where", so.toString());
      evidence.add(Note.of("module.rhel-package", so, pkg));
      return new Enrichment(Optional.of(INSTALL), values, evidence, unchecked, Optional.empty());
    }
    Optional<Enrichment.Edit> edit = commentedLoadModule(c, m.identifier());
    if (edit.isPresent()) {
      evidence.add(Note.of("module.commented-out", m.identifier(),
          edit.get().file() + ":" + edit.get().line()));
    } else {
      // after the last LoadModule of the file that loads the first one (00-base.conf)
      List<Directive> all = c.all("LoadModule");
      Optional<Directive> last = all.isEmpty() ? Optional.empty()
          : all.stream().filter(d -> d.file().equals(all.get(0).file()))
              .reduce((a, b) -> b);
      if (last.isPresent()) {
        Directive d = last.get();
        String line = values.get("load_line");
        edit = Optional.of(new Enrichment.Edit(d.file().toString(), d.lastLine(), d.text(),
            d.text() + "\n" + leadingSpace(d.text()) + line));
        evidence.add(Note.of("module.rhel-add-after", d.where()));
      } else {
        unchecked.add(Note.of("module.no-loadmodule", c.mainFile()));
      }
    }
    edit.ifPresent(e -> values.put("where", e.file() + ":" + e.line()));
    if (values.get("where").isEmpty()) {
      values.put("where", c.mainFile().toString());
    }
    if (!Files.exists(so)) {
      unchecked.add(Note.of("module.so-installed", "modules/" + m.so(), values.get("package")));
    }
    return new Enrichment(Optional.of(LOADMODULE), values, evidence, unchecked, edit);
  }

  /** A {@code #LoadModule IDENT ...} line in a file of the configuration: uncommenting it. */
  private static Optional<Enrichment.Edit> commentedLoadModule(ApacheConfig c, String ident) {
    Pattern p = Pattern.compile("^(\\s*)#+\\s*(LoadModule\\s+" + Pattern.quote(ident)
        + "\\s+\\S.*)$");
    Set<Path> files = new LinkedHashSet<>();
    files.add(c.mainFile());
    c.directives().forEach(d -> files.add(d.file()));
    for (Path f : files) {
      List<String> lines;
      try {
        lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      } catch (IOException e) {
        continue;
      }
      for (int i = 0; i < lines.size(); i++) {
        java.util.regex.Matcher m = p.matcher(lines.get(i));
        if (m.matches()) {
          return Optional.of(new Enrichment.Edit(f.toString(), i + 1, lines.get(i),
              m.group(1) + m.group(2)));
        }
      }
    }
    return Optional.empty();
  }

  private static String leadingSpace(String s) {
    return s.substring(0, s.length() - s.stripLeading().length());
  }
}
