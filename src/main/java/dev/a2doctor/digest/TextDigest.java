package dev.a2doctor.digest;

import dev.a2doctor.context.Enrichment;
import dev.a2doctor.render.Safe;
import dev.a2doctor.report.Finding;
import dev.a2doctor.report.Unrecognized;
import dev.a2doctor.source.NewLines;
import java.util.List;

/**
 * The report as plain text for a mail (cron's MAILTO or the text part): no ANSI, prose wrapped
 * at 76 columns, log lines kept whole on one line each with control characters shown escaped.
 * The first line is the subject.
 */
final class TextDigest {

  static final int WIDTH = 76;

  private final StringBuilder out = new StringBuilder();
  private final String lang;

  private TextDigest(String lang) {
    this.lang = lang;
  }

  static String render(Digest d, String lang, boolean repeated) {
    return new TextDigest(lang).digest(d, repeated);
  }

  private String digest(Digest d, boolean repeated) {
    line(d.subject());
    if (repeated) {
      line("");
      wrap("REPEATED: run " + d.run() + " was interrupted before it could record that this "
          + "report was delivered; you may have received it already.", "");
    }
    line("");
    wrap("a2doctor report on " + d.host() + ", " + d.scope() + ": "
        + d.lines() + " line" + plural(d.lines()) + " read.", "");
    if (!d.gaps().isEmpty() || !d.errors().isEmpty()) {
      line("");
      line("!! THIS REPORT MAY BE INCOMPLETE");
      for (NewLines.Note n : d.gaps()) {
        wrap("!! " + Safe.line(n.file().toString()) + " " + n.text(), "   ");
      }
      for (String e : d.errors()) {
        wrap("!! " + Safe.line(e), "   ");
      }
    }
    for (Digest.Status s : Digest.Status.values()) {
      List<Digest.Item> items = d.items(s);
      if (items.isEmpty()) {
        continue;
      }
      line("");
      line("== " + s.name() + " (" + items.size() + ") ==");
      String source = null;
      for (Digest.Item i : items) {
        if (!i.source().equals(source)) {
          source = i.source();
          line("");
          line("--- " + Safe.line(source));
        }
        line("");
        item(d, i);
      }
    }
    List<Digest.Item> below = d.below();
    if (!below.isEmpty()) {
      line("");
      line("== BELOW " + d.detail().label().toUpperCase(java.util.Locale.ROOT) + " ("
          + below.size() + ", not counted above) ==");
      String source = null;
      for (Digest.Item i : below) {
        if (!i.source().equals(source)) {
          source = i.source();
          line("");
          line("--- " + Safe.line(source));
        }
        line(String.format("%-8s %-8s %6s  %s  [%s]",
            i.severity().label().toUpperCase(java.util.Locale.ROOT), i.status().label(),
            i.status() == Digest.Status.RESOLVED ? "" : i.count() + "x",
            Safe.line(i.finding() == null ? i.title() : i.finding().title(lang)), i.id()));
      }
    }
    if (!d.unexplained().isEmpty()) {
      line("");
      line("== NOT EXPLAINED (warn-or-worse lines no entry explains) ==");
      String source = null;
      for (Digest.Template t : d.unexplained()) {
        if (!t.source().equals(source)) {
          source = t.source();
          line("");
          line("--- " + Safe.line(source));
        }
        Unrecognized u = t.unrecognized();
        line(String.format("  %6dx  %s", u.count(), Safe.line(u.template())));
        line("           e.g. " + Safe.line(u.source()) + ":" + u.firstLine());
      }
    }
    List<NewLines.Note> quiet = d.notes().stream().filter(n -> !n.loud()).toList();
    if (!quiet.isEmpty() || d.suppressed() > 0 || !d.expired().isEmpty()) {
      line("");
      for (NewLines.Note n : quiet) {
        wrap("Rotation: " + Safe.line(n.file().toString()) + " " + n.text() + ".", "  ");
      }
      if (d.suppressed() > 0) {
        line("Suppressed: " + d.suppressed() + " occurrence" + plural(d.suppressed())
            + " hidden by suppressions.");
      }
      if (!d.expired().isEmpty()) {
        line("Expired suppressions (they hide nothing any more; renew or remove them):");
        for (Suppressions.Rule r : d.expired()) {
          wrap("  - " + Safe.line(r.id()) + " (entry " + r.index() + "), until " + r.until()
              + ": " + Safe.line(r.reason()), "    ");
        }
      }
    }
    return out.toString();
  }

  private void item(Digest d, Digest.Item i) {
    line(String.format("%-8s %s  [%s]", i.severity().label().toUpperCase(java.util.Locale.ROOT),
        Safe.line(i.finding() == null ? i.title() : i.finding().title(lang)), i.id()));
    String when = i.firstSeen().isEmpty() ? "" : ", first seen " + i.firstSeen();
    if (i.status() == Digest.Status.RESOLVED) {
      wrap("  Not seen since " + (i.lastSeen().isEmpty() ? "an earlier run" : i.lastSeen())
          + " (" + i.total() + " time" + plural(i.total()) + " in all" + when + ")"
          + (i.vhost().isEmpty() ? "" : " (vhost " + Safe.line(i.vhost()) + ")") + ".", "  ");
      return;
    }
    Finding f = i.finding();
    wrap("  " + i.count() + " time" + plural(i.count()) + " " + d.scope()
        + (i.status() == Digest.Status.ONGOING ? ", " + i.total() + " since first seen" : "")
        + when + (i.lastSeen().isEmpty() || i.lastSeen().equals(i.firstSeen()) ? ""
            : ", last " + i.lastSeen()) + "; first at "
        + Safe.line(f.source()) + ":" + f.firstLine()
        + (f.vhost().isEmpty() ? "" : " (vhost " + Safe.line(f.vhost()) + ")"), "  ");
    line("  > " + Safe.line(f.sample()));
    if (i.status() == Digest.Status.NEW) {
      block("Why: ", f.explanation(lang));
    }
    block("Fix: ", f.fix(lang));
    Enrichment e = f.enrichment();
    if (e.edit().isPresent()) {
      Enrichment.Edit edit = e.edit().get();
      line("  Change: " + Safe.line(edit.file()) + ":" + edit.line());
      line("    - " + Safe.line(edit.before().strip()));
      edit.afterLines().forEach(after -> line("    + " + Safe.line(after.strip())));
    }
  }

  private static final java.util.regex.Pattern ITEM =
      java.util.regex.Pattern.compile("(\\s*)(- |\\d+\\. )(.*)");

  /**
   * A catalog text, reflowed for the mail width: prose paragraphs and list items ({@code - },
   * {@code 1. }) with their continuation lines are joined and wrapped with a hanging indent;
   * lines indented deeper (configuration to paste) are kept exactly.
   */
  private void block(String label, String text) {
    String pad = "       ";
    List<String[]> paras = new java.util.ArrayList<>(); // {first prefix, hanging prefix, text}
    String[] cur = null;
    for (String l : Safe.text(text).split("\n", -1)) {
      java.util.regex.Matcher m = ITEM.matcher(l);
      if (l.isBlank()) {
        cur = null;
        paras.add(new String[] {"", "", ""});
      } else if (m.matches()) {
        cur = new String[] {m.group(1) + m.group(2),
            m.group(1) + " ".repeat(m.group(2).length()), m.group(3)};
        paras.add(cur);
      } else if (cur != null && !cur[1].isEmpty() && l.startsWith(cur[1])
          && !l.startsWith(cur[1] + " ")) {
        cur[2] += " " + l.strip();
      } else if (cur != null && cur[1].isEmpty() && !l.startsWith(" ")) {
        cur[2] += " " + l;
      } else if (l.startsWith(" ")) {
        cur = null;
        paras.add(new String[] {l, null, null});
      } else {
        cur = new String[] {"", "", l};
        paras.add(cur);
      }
    }
    boolean first = true;
    for (String[] p : paras) {
      String lead = first ? "  " + label : pad;
      first = false;
      if (p[1] == null) {
        line(lead + p[0]);
      } else if (p[2].isEmpty()) {
        line("");
      } else {
        wrap(lead + p[0] + p[2], pad + p[1]);
      }
    }
  }

  /** Wraps at {@link #WIDTH} on spaces; a word longer than a line stays whole. */
  private void wrap(String text, String indent) {
    String rest = text;
    while (rest.length() > WIDTH) {
      int cut = rest.lastIndexOf(' ', WIDTH);
      if (cut <= indent.length()) {
        cut = rest.indexOf(' ', WIDTH);
        if (cut < 0) {
          break;
        }
      }
      line(rest.substring(0, cut).stripTrailing());
      rest = indent + rest.substring(cut + 1).stripLeading();
    }
    line(rest);
  }

  private void line(String s) {
    out.append(s).append('\n');
  }

  static String plural(long n) {
    return n == 1 ? "" : "s";
  }
}
