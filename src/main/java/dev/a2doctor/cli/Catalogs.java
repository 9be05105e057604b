package dev.a2doctor.cli;

import dev.a2doctor.catalog.Catalog;
import dev.a2doctor.catalog.CatalogLoader;
import dev.a2doctor.catalog.CatalogProblem;
import dev.a2doctor.render.Safe;
import java.io.PrintWriter;

/** Loads the built-in catalog for a command and reports its broken entries on stderr. */
final class Catalogs {

  private Catalogs() {}

  static Catalog builtin(PrintWriter err) {
    Catalog c = new CatalogLoader().loadBuiltin();
    for (CatalogProblem p : c.problems()) {
      err.println("a2doctor: " + Safe.line(p.toString()));
    }
    return c;
  }
}
