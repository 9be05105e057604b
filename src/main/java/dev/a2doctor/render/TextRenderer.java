package dev.a2doctor.render;

import dev.a2doctor.catalog.Severity;
import dev.a2doctor.context.Enrichment;
import dev.a2doctor.report.Diagnosis;
import dev.a2doctor.report.Finding;
import dev.a2doctor.report.Unrecognized;
import java.io.PrintWriter;
import java.util.List;

/** Renders a diagnosis for a person at a terminal or reading a mail. */
public final class TextRenderer {

  private final PrintWriter out;
  private final Style style;
  private final String lang;
  private final Labels labels;

  public TextRenderer(PrintWriter out, Style style, String lang) {
    this.out = out;
    this.style = style;
    this.lang = lang;
    this.labels = Labels.of(lang);
  }

  /**
   * Renders findings at or above {@code detail} in full and the others (start/stop notices, an
   * application's own output) one line each, so a real problem is not buried.
   */
  public void render(Diagnosis d, List<String> contextNotes, Severity detail) {
    long findingLines = d.findings().stream().mapToLong(Finding::count).sum();
    out.printf(labels.summary() + "%n",
        d.findings().size(), labels.plural(d.findings().size()), findingLines,
        labels.plural(findingLines), d.lines(), labels.plural(d.lines()),
        d.unrecognizedLines());
    List<Finding> minor = new java.util.ArrayList<>();
    for (Finding f : d.findings()) {
      if (!f.severity().atLeast(detail)) {
        minor.add(f);
        continue;
      }
      out.println();
      finding(f);
    }
    if (!minor.isEmpty()) {
      out.println();
      out.println(style.bold(labels.alsoSeen().formatted(detail.label())));
      for (Finding f : minor) {
        out.printf("  %s %6dx  %s  %s%s%n", style.severity(f.severity(), 8), f.count(),
            Safe.line(f.title(lang)), style.dim("[" + f.entry().id() + "]"),
            f.folded() ? " " + labels.foldedMark() : "");
      }
    }
    if (!d.unrecognized().isEmpty()) {
      out.println();
      out.println(style.bold(labels.notExplained().formatted(d.unrecognizedLines(),
          labels.plural(d.unrecognizedLines()), d.unrecognized().size(),
          labels.plural(d.unrecognized().size()))));
      int shown = 0;
      for (Unrecognized u : d.unrecognized()) {
        if (shown++ == 10) {
          out.printf("  ... and %d more kinds (--format json lists them all)%n",
              d.unrecognized().size() - 10);
          break;
        }
        out.printf("  %6dx  %s%n", u.count(), Safe.line(u.template()));
      }
    }
    if (d.unparsed() > 0) {
      out.println();
      out.println(labels.unparsed().formatted(d.unparsed(), labels.plural(d.unparsed())));
    }
    if (!contextNotes.isEmpty() && !d.findings().isEmpty()) {
      out.println();
      out.println(style.dim(labels.context() + ": " + Safe.line(String.join("; ", contextNotes))));
    }
    out.flush();
  }

  /**
   * One finding in full. {@code explain} prints this on its start: concatenation rather than
   * printf, whose java.util.Formatter loads locale data and resource bundles (about 7 ms), and
   * no lambdas (ExplainStartupTest).
   */
  public void finding(Finding f) {
    out.println(style.severity(f.severity()) + "  " + style.bold(Safe.line(f.title(lang)))
        + "  " + style.dim("[" + f.entry().id() + "]"));
    String when = f.firstSeen().isEmpty() ? ""
        : f.firstSeen().equals(f.lastSeen()) ? ", " + Safe.line(f.firstSeen())
        : ", " + Safe.line(f.firstSeen()) + " .. " + Safe.line(f.lastSeen());
    out.println("  " + Labels.fill(labels.times(), f.count(), labels.plural(f.count())) + when
        + ", " + labels.firstAt() + " " + Safe.line(f.source()) + ":" + f.firstLine()
        + (f.vhost().isEmpty() ? "" : " (vhost " + Safe.line(f.vhost()) + ")"));
    if (f.folded()) {
      out.println("  " + Labels.fill(labels.folded(), f.foldedPast(),
          labels.plural(f.foldedPast())));
    }
    for (String line : f.sample().split("\n", -1)) {
      out.println("  > " + Safe.line(line)); // a multi-line event shows each line
    }
    block(labels.why(), f.explanation(lang));
    block(labels.fix(), f.fix(lang));
    Enrichment e = f.enrichment();
    if (!e.evidence().isEmpty()) {
      out.println("  " + style.bold(labels.evidence() + ":"));
      for (String s : e.evidence(lang)) {
        out.println("    - " + Safe.line(s));
      }
    }
    if (e.edit().isPresent()) {
      Enrichment.Edit edit = e.edit().get();
      out.println("  " + style.bold(labels.change() + ":") + " " + Safe.line(edit.file()) + ":"
          + edit.line());
      out.println("    - " + Safe.line(edit.before().strip()));
      for (String after : edit.afterLines()) {
        out.println("    + " + Safe.line(after.strip()));
      }
    }
    if (!e.unchecked().isEmpty() && !f.entry().context().isEmpty()) {
      out.println("  " + style.bold(labels.notChecked() + ":"));
      for (String s : e.unchecked(lang)) {
        out.println("    - " + Safe.line(s));
      }
    }
    if (!f.entry().references().isEmpty()) {
      out.println("  " + labels.see() + ": " + Safe.line(String.join(" ", f.entry().references())));
    }
  }

  private void block(String label, String text) {
    String[] lines = Safe.text(text).split("\n", -1);
    out.println("  " + style.bold(label + ":") + " " + lines[0]);
    for (int i = 1; i < lines.length; i++) {
      out.println(lines[i].isEmpty() ? "" : "       " + lines[i]);
    }
  }

  /** Whether a diagnosis should fail a run at {@code threshold}. */
  public static boolean fails(Diagnosis d, Severity threshold) {
    return d.findings().stream().anyMatch(f -> f.severity().atLeast(threshold));
  }
}
