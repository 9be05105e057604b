package dev.a2doctor.digest;

import dev.a2doctor.render.Safe;
import dev.a2doctor.report.Finding;
import dev.a2doctor.report.Unrecognized;
import dev.a2doctor.source.NewLines;
import java.util.List;
import java.util.Locale;

/**
 * The report as Markdown (for a ticket or a chat message). Log text only ever appears in
 * indented code blocks or code spans, so nothing a client wrote can turn into a link or markup.
 */
final class MarkdownDigest {

  private final StringBuilder out = new StringBuilder();
  private final String lang;

  private MarkdownDigest(String lang) {
    this.lang = lang;
  }

  static String render(Digest d, String lang, boolean repeated) {
    return new MarkdownDigest(lang).digest(d, repeated);
  }

  /** A code span that no backtick in {@code s} can close early. */
  static String code(String s) {
    String t = Safe.line(s);
    String fence = "`";
    while (t.contains(fence)) {
      fence += "`";
    }
    return fence + (t.startsWith("`") || t.endsWith("`") ? " " + t + " " : t) + fence;
  }

  private String digest(Digest d, boolean repeated) {
    out.append("# ").append(d.subject().replace("[", "\\[").replace("]", "\\]")).append("\n\n");
    if (repeated) {
      out.append("> **Repeated:** run ").append(d.run()).append(" was interrupted before it "
          + "could record that this report was delivered; you may have received it already.\n\n");
    }
    out.append("a2doctor report on ").append(code(d.host()))
        .append(", ").append(d.scope()).append(": ").append(d.lines()).append(" line")
        .append(TextDigest.plural(d.lines())).append(" read.\n");
    if (!d.gaps().isEmpty() || !d.errors().isEmpty()) {
      out.append("\n**This report may be incomplete:**\n\n");
      for (NewLines.Note n : d.gaps()) {
        out.append("- ").append(code(n.file().toString())).append(' ').append(n.text())
            .append('\n');
      }
      for (String e : d.errors()) {
        out.append("- ").append(code(e)).append('\n');
      }
    }
    for (Digest.Status s : Digest.Status.values()) {
      List<Digest.Item> items = d.items(s);
      if (items.isEmpty()) {
        continue;
      }
      out.append("\n## ").append(s.name().charAt(0)).append(s.label().substring(1))
          .append(" (").append(items.size()).append(")\n");
      String source = null;
      for (Digest.Item i : items) {
        if (!i.source().equals(source)) {
          source = i.source();
          out.append("\n### ").append(code(source)).append('\n');
        }
        item(d, i);
      }
    }
    List<Digest.Item> below = d.below();
    if (!below.isEmpty()) {
      out.append("\n## Below ").append(d.detail().label()).append(" (").append(below.size())
          .append(", not counted above)\n");
      String source = null;
      for (Digest.Item i : below) {
        if (!i.source().equals(source)) {
          source = i.source();
          out.append("\n### ").append(code(source)).append("\n\n");
        }
        out.append("- ").append(i.severity().label().toUpperCase(Locale.ROOT)).append(' ')
            .append(i.status().label())
            .append(i.status() == Digest.Status.RESOLVED ? "" : " " + i.count() + "×")
            .append(' ').append(code(i.finding() == null ? i.title() : i.finding().title(lang)))
            .append(' ').append(code(i.id())).append('\n');
      }
    }
    if (!d.unexplained().isEmpty()) {
      out.append("\n## Not explained\n\n");
      for (Digest.Template t : d.unexplained()) {
        Unrecognized u = t.unrecognized();
        out.append("- ").append(u.count()).append("× ").append(code(u.template()))
            .append(" (").append(code(u.source() + ":" + u.firstLine())).append(")\n");
      }
    }
    boolean footer = false;
    for (NewLines.Note n : d.notes()) {
      if (!n.loud()) {
        out.append(footer ? "" : "\n").append("- Rotation: ").append(code(n.file().toString()))
            .append(' ').append(n.text()).append(".\n");
        footer = true;
      }
    }
    if (d.suppressed() > 0) {
      out.append(footer ? "" : "\n").append("- Suppressed: ").append(d.suppressed())
          .append(" occurrence").append(TextDigest.plural(d.suppressed()))
          .append(" hidden by suppressions.\n");
    }
    if (!d.expired().isEmpty()) {
      out.append("\n**Expired suppressions** (they hide nothing any more; renew or remove "
          + "them):\n\n");
      for (Suppressions.Rule r : d.expired()) {
        out.append("- ").append(code(r.id())).append(" (entry ").append(r.index())
            .append("), until ").append(r.until()).append(": ").append(code(r.reason()))
            .append('\n');
      }
    }
    return out.toString();
  }

  private void item(Digest d, Digest.Item i) {
    out.append("\n**").append(i.severity().label().toUpperCase(Locale.ROOT)).append("** ")
        .append(code(i.finding() == null ? i.title() : i.finding().title(lang))).append(' ')
        .append(code(i.id())).append("\n\n");
    String when = i.firstSeen().isEmpty() ? "" : ", first seen " + i.firstSeen();
    if (i.status() == Digest.Status.RESOLVED) {
      out.append("Not seen since ").append(i.lastSeen().isEmpty() ? "an earlier run"
          : i.lastSeen()).append(" (").append(i.total()).append(" time")
          .append(TextDigest.plural(i.total())).append(" in all").append(when).append(")")
          .append(i.vhost().isEmpty() ? "" : " (vhost " + code(i.vhost()) + ")").append(".\n");
      return;
    }
    Finding f = i.finding();
    out.append(i.count()).append(" time").append(TextDigest.plural(i.count()))
        .append(" ").append(d.scope());
    if (i.status() == Digest.Status.ONGOING) {
      out.append(", ").append(i.total()).append(" since first seen");
    }
    out.append(when).append(i.lastSeen().isEmpty() ? "" : ", last " + i.lastSeen())
        .append("; first at ").append(code(f.source() + ":" + f.firstLine()))
        .append(f.vhost().isEmpty() ? "" : " (vhost " + code(f.vhost()) + ")").append("\n\n");
    out.append("    ").append(Safe.line(f.sample())).append("\n\n");
    if (i.status() == Digest.Status.NEW) {
      out.append("Why:\n\n");
      indented(f.explanation(lang));
    }
    out.append("Fix:\n\n");
    indented(f.fix(lang));
  }

  /** Catalog text with server values filled in, as an indented code block: no markup. */
  private void indented(String text) {
    for (String l : Safe.text(text).split("\n", -1)) {
      out.append(l.isEmpty() ? "" : "    " + l).append('\n');
    }
    out.append('\n');
  }
}
