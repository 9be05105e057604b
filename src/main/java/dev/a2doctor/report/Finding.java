package dev.a2doctor.report;

import dev.a2doctor.catalog.Entry;
import dev.a2doctor.catalog.Placeholders;
import dev.a2doctor.catalog.Severity;
import dev.a2doctor.catalog.Text;
import dev.a2doctor.catalog.Variant;
import dev.a2doctor.context.Enrichment;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Repeats of one problem, grouped: the entry that explains them, what the server context said,
 * how often and when they happened, and the first line as a sample.
 *
 * @param source the input the first line came from ({@code error.log}, {@code -} for stdin)
 * @param firstLine its 1-based line number in that input
 * @param vhost the virtual host its lines were written for ({@code %v} of a custom
 *     ErrorLogFormat, or the one vhost whose ErrorLog the file is); empty when unknown. Lines of
 *     different vhosts are different findings.
 * @param foldedPast 0 for the lines of one group; N when this finding holds the lines of its
 *     entry past its first N groups ({@code --max-groups}, default
 *     {@link Diagnoser#DEFAULT_MAX_GROUPS}): lines of different groups counted together, so
 *     memory stays bounded; its captures, sample and fix are those of its first line
 */
public record Finding(Entry entry, Map<String, String> captures, Enrichment enrichment,
    long count, String firstSeen, String lastSeen, String source, long firstLine,
    String sample, String vhost, int foldedPast) {

  public Finding {
    captures = Map.copyOf(captures);
    vhost = java.util.Objects.requireNonNullElse(vhost, "");
  }

  /** A finding of one group. */
  public Finding(Entry entry, Map<String, String> captures, Enrichment enrichment, long count,
      String firstSeen, String lastSeen, String source, long firstLine, String sample,
      String vhost) {
    this(entry, captures, enrichment, count, firstSeen, lastSeen, source, firstLine, sample, vhost,
        0);
  }

  /** A finding whose lines name no vhost. */
  public Finding(Entry entry, Map<String, String> captures, Enrichment enrichment, long count,
      String firstSeen, String lastSeen, String source, long firstLine, String sample) {
    this(entry, captures, enrichment, count, firstSeen, lastSeen, source, firstLine, sample, "");
  }

  /** The severity for the server: the entry's, raised when a storm of it is a problem itself. */
  public Severity severity() {
    return entry.severityAt(count);
  }

  /** Whether this finding holds the lines of many groups (see {@code foldedPast}). */
  public boolean folded() {
    return foldedPast > 0;
  }

  /** The variant the context picked, if any. */
  public Optional<Variant> variant() {
    // no lambdas in this record: explain renders findings on its start (ExplainStartupTest)
    return enrichment.variant().isPresent()
        ? Optional.ofNullable(entry.variants().get(enrichment.variant().get()))
        : Optional.empty();
  }

  public String title(String lang) {
    return entry.title().get(lang);
  }

  public String explanation(String lang) {
    Optional<Variant> v = variant();
    return fill(v.isPresent() ? v.get().explanation() : entry.explanation(), lang);
  }

  public String fix(String lang) {
    Optional<Variant> v = variant();
    return fill(v.isPresent() ? v.get().fix() : entry.fix(), lang);
  }

  private String fill(Text text, String lang) {
    Map<String, String> values = new HashMap<>(enrichment.values());
    values.putAll(captures);
    return Placeholders.fill(text.get(lang), values).strip();
  }
}
