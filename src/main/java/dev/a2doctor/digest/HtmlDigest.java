package dev.a2doctor.digest;

import dev.a2doctor.catalog.Severity;
import dev.a2doctor.context.Enrichment;
import dev.a2doctor.render.Safe;
import dev.a2doctor.report.Finding;
import dev.a2doctor.report.Unrecognized;
import dev.a2doctor.source.NewLines;
import java.util.List;
import java.util.Locale;

/**
 * The report as one HTML document for the html part of a mail: inline styles only (mail
 * clients drop {@code <style>} blocks and never load stylesheets), no scripts, no images, and
 * every piece of text escaped, since log lines carry whatever a client sent.
 */
final class HtmlDigest {

  private static final String BODY = "font-family:Arial,Helvetica,sans-serif;font-size:14px;"
      + "color:#222;line-height:1.4";
  private static final String PRE = "font-family:Menlo,Consolas,monospace;font-size:12px;"
      + "background:#f4f4f4;padding:6px;margin:4px 0;white-space:pre-wrap;word-break:break-all";
  private static final String WARN = "border:2px solid #b00;background:#fee;padding:8px;"
      + "margin:8px 0";

  private final StringBuilder out = new StringBuilder();
  private final String lang;

  private HtmlDigest(String lang) {
    this.lang = lang;
  }

  static String render(Digest d, String lang, boolean repeated) {
    return new HtmlDigest(lang).digest(d, repeated);
  }

  /** Escapes text for HTML element content and attribute values; control characters shown. */
  static String esc(String s) {
    String t = Safe.text(s);
    StringBuilder b = new StringBuilder(t.length() + 16);
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private String digest(Digest d, boolean repeated) {
    out.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
        .append(esc(d.subject())).append("</title></head>\n<body style=\"").append(BODY)
        .append("\">\n");
    out.append("<h1 style=\"font-size:18px\">").append(esc(d.subject())).append("</h1>\n");
    if (repeated) {
      out.append("<p style=\"").append(WARN).append("\"><b>Repeated:</b> run ").append(d.run())
          .append(" was interrupted before it could record that this report was delivered; "
              + "you may have received it already.</p>\n");
    }
    out.append("<p>a2doctor report on ").append(esc(d.host()))
        .append(", ").append(esc(d.scope())).append(": ").append(d.lines()).append(" line")
        .append(TextDigest.plural(d.lines())).append(" read.</p>\n");
    if (!d.gaps().isEmpty() || !d.errors().isEmpty()) {
      out.append("<div style=\"").append(WARN).append("\"><b>This report may be incomplete</b>"
          + "<ul>\n");
      for (NewLines.Note n : d.gaps()) {
        out.append("<li><code>").append(esc(n.file().toString())).append("</code> ")
            .append(esc(n.text())).append("</li>\n");
      }
      for (String e : d.errors()) {
        out.append("<li>").append(esc(e)).append("</li>\n");
      }
      out.append("</ul></div>\n");
    }
    for (Digest.Status s : Digest.Status.values()) {
      List<Digest.Item> items = d.items(s);
      if (items.isEmpty()) {
        continue;
      }
      out.append("<h2 style=\"font-size:16px;border-bottom:1px solid #ccc\">")
          .append(s.name().charAt(0)).append(s.label().substring(1)).append(" (")
          .append(items.size()).append(")</h2>\n");
      String source = null;
      for (Digest.Item i : items) {
        if (!i.source().equals(source)) {
          source = i.source();
          out.append("<h3 style=\"font-size:14px\"><code>").append(esc(source))
              .append("</code></h3>\n");
        }
        item(d, i);
      }
    }
    List<Digest.Item> below = d.below();
    if (!below.isEmpty()) {
      out.append("<h2 style=\"font-size:16px;border-bottom:1px solid #ccc\">Below ")
          .append(d.detail().label()).append(" (").append(below.size())
          .append(", not counted above)</h2>\n");
      String source = null;
      for (Digest.Item i : below) {
        if (!i.source().equals(source)) {
          source = i.source();
          out.append("<h3 style=\"font-size:14px\"><code>").append(esc(source))
              .append("</code></h3>\n");
        }
        out.append("<div style=\"margin:2px 0;color:#555\">")
            .append(i.severity().label().toUpperCase(Locale.ROOT)).append(' ')
            .append(i.status().label())
            .append(i.status() == Digest.Status.RESOLVED ? "" : " " + i.count() + "&times;")
            .append(' ').append(esc(i.finding() == null ? i.title() : i.finding().title(lang)))
            .append(" <small>[").append(esc(i.id())).append("]</small></div>\n");
      }
    }
    if (!d.unexplained().isEmpty()) {
      out.append("<h2 style=\"font-size:16px;border-bottom:1px solid #ccc\">Not explained</h2>\n"
          + "<table style=\"border-collapse:collapse;font-size:12px\">\n");
      for (Digest.Template t : d.unexplained()) {
        Unrecognized u = t.unrecognized();
        out.append("<tr><td style=\"text-align:right;padding:2px 8px;vertical-align:top\">")
            .append(u.count()).append("&times;</td><td style=\"padding:2px 8px\"><code>")
            .append(esc(u.template())).append("</code><br><small>")
            .append(esc(u.source())).append(':').append(u.firstLine())
            .append("</small></td></tr>\n");
      }
      out.append("</table>\n");
    }
    for (NewLines.Note n : d.notes()) {
      if (!n.loud()) {
        out.append("<p><small>Rotation: <code>").append(esc(n.file().toString()))
            .append("</code> ").append(esc(n.text())).append(".</small></p>\n");
      }
    }
    if (d.suppressed() > 0) {
      out.append("<p><small>Suppressed: ").append(d.suppressed())
          .append(" occurrence").append(TextDigest.plural(d.suppressed()))
          .append(" hidden by suppressions.</small></p>\n");
    }
    if (!d.expired().isEmpty()) {
      out.append("<div style=\"").append(WARN).append("\"><b>Expired suppressions</b> "
          + "(they hide nothing any more; renew or remove them)<ul>\n");
      for (Suppressions.Rule r : d.expired()) {
        out.append("<li><code>").append(esc(r.id())).append("</code> (entry ")
            .append(r.index()).append("), until ").append(r.until()).append(": ")
            .append(esc(r.reason())).append("</li>\n");
      }
      out.append("</ul></div>\n");
    }
    out.append("</body></html>\n");
    return out.toString();
  }

  private void item(Digest d, Digest.Item i) {
    out.append("<div style=\"border-left:4px solid ").append(colour(i.severity()))
        .append(";padding:4px 10px;margin:10px 0\">\n<div><b style=\"color:")
        .append(colour(i.severity())).append("\">")
        .append(i.severity().label().toUpperCase(Locale.ROOT)).append("</b> <b>")
        .append(esc(i.finding() == null ? i.title() : i.finding().title(lang)))
        .append("</b> <small style=\"color:#666\">[").append(esc(i.id()))
        .append("]</small></div>\n");
    String when = i.firstSeen().isEmpty() ? "" : ", first seen " + i.firstSeen();
    if (i.status() == Digest.Status.RESOLVED) {
      out.append("<div>Not seen since ")
          .append(esc(i.lastSeen().isEmpty() ? "an earlier run" : i.lastSeen())).append(" (")
          .append(i.total()).append(" time").append(TextDigest.plural(i.total()))
          .append(" in all").append(esc(when)).append(")")
          .append(i.vhost().isEmpty() ? "" : " (vhost <code>" + esc(i.vhost()) + "</code>)")
          .append(".</div>\n</div>\n");
      return;
    }
    Finding f = i.finding();
    out.append("<div>").append(i.count()).append(" time").append(TextDigest.plural(i.count()))
        .append(" ").append(esc(d.scope()));
    if (i.status() == Digest.Status.ONGOING) {
      out.append(", ").append(i.total()).append(" since first seen");
    }
    out.append(esc(when)).append(i.lastSeen().isEmpty() ? "" : ", last " + esc(i.lastSeen()))
        .append("; first at <code>").append(esc(f.source())).append(':').append(f.firstLine())
        .append("</code>").append(f.vhost().isEmpty() ? "" : " (vhost <code>" + esc(f.vhost())
            + "</code>)").append("</div>\n");
    out.append("<pre style=\"").append(PRE).append("\">").append(esc(Safe.line(f.sample())))
        .append("</pre>\n");
    if (i.status() == Digest.Status.NEW) {
      out.append("<div><b>Why:</b></div><pre style=\"").append(PRE).append("\">")
          .append(esc(f.explanation(lang))).append("</pre>\n");
    }
    out.append("<div><b>Fix:</b></div><pre style=\"").append(PRE).append("\">")
        .append(esc(f.fix(lang))).append("</pre>\n");
    Enrichment e = f.enrichment();
    if (e.edit().isPresent()) {
      Enrichment.Edit edit = e.edit().get();
      out.append("<div><b>Change</b> <code>").append(esc(edit.file())).append(':')
          .append(edit.line()).append("</code></div><pre style=\"").append(PRE).append("\">")
          .append("- ").append(esc(edit.before().strip())).append("\n+ ")
          .append(esc(String.join("\n+ ", edit.afterLines().stream().map(String::strip)
              .toList()))).append("</pre>\n");
    }
    out.append("</div>\n");
  }

  private static String colour(Severity s) {
    return switch (s) {
      case CRITICAL -> "#900";
      case ERROR -> "#c00";
      case WARNING -> "#b60";
      case NOTICE -> "#06a";
      case INFO -> "#666";
    };
  }
}
