package dev.a2doctor.context;

import dev.a2doctor.match.Hit;
import java.util.Set;

/** Turns a generic finding into one about this server, for the entries that name it in {@code context}. */
public interface Enricher {

  /** The name entries use in their {@code context} key. */
  String name();

  /** The placeholder names {@link #enrich} always fills. */
  Set<String> provides();

  /** The variant ids it can pick. */
  Set<String> variants();

  Enrichment enrich(Hit hit, ServerContext context);
}
