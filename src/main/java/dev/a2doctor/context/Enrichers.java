package dev.a2doctor.context;

import dev.a2doctor.match.CatalogCheck;
import java.util.List;
import java.util.Optional;

/** The enrichers catalog entries can name. */
public final class Enrichers {

  private static final List<Enricher> ALL = List.of(new WsgiDaemonSocket(), new RequireForPath(),
      new ModuleForDirective(), new DirectoryIndexForbidden(), new PhpFpmSocket(),
      new RewriteLoop());

  private Enrichers() {}

  public static Optional<Enricher> byName(String name) {
    // a loop, not a stream: explain asks on its start (ExplainStartupTest)
    for (Enricher e : ALL) {
      if (e.name().equals(name)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** For {@link CatalogCheck}: what an enricher provides, by name. */
  public static Optional<CatalogCheck.EnricherInfo> info(String name) {
    return byName(name).map(e -> new CatalogCheck.EnricherInfo(e.provides(), e.variants()));
  }
}
