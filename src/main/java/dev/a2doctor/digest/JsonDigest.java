package dev.a2doctor.digest;

import dev.a2doctor.render.JsonRenderer;
import dev.a2doctor.source.NewLines;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The report as JSON Lines: a {@code report} object, then {@code finding} objects as
 * {@code diagnose} writes them with {@code status} ({@code new}, {@code ongoing},
 * {@code resolved}), {@code count} (occurrences since the last run), {@code total} (since first
 * seen) and {@code file} (the log file given on the command line) added; then
 * {@code unrecognized}, {@code notice}, {@code error} and {@code expired_suppression} objects
 * and one {@code summary}, whose {@code new}, {@code ongoing} and {@code resolved} are the
 * subject's counts (findings at or above {@code fail_on}) and {@code below_fail_on} the number
 * of findings below it.
 */
final class JsonDigest {

  private JsonDigest() {}

  static String render(Digest d, String lang, boolean repeated) {
    StringWriter s = new StringWriter();
    JsonRenderer json = new JsonRenderer(new PrintWriter(s), lang);
    Map<String, Object> head = new LinkedHashMap<>();
    head.put("type", "report");
    head.put("host", d.host());
    head.put("run", d.run());
    head.put("scope", d.scope());
    head.put("subject", d.subject());
    head.put("fail_on", d.detail().label());
    head.put("repeated", repeated);
    json.write(head);
    for (Digest.Item i : d.items()) {
      Map<String, Object> o = new LinkedHashMap<>();
      if (i.finding() == null) {
        o.put("type", "finding");
        o.put("id", i.id());
        o.put("title", i.title());
        o.put("severity", i.severity().label());
      } else {
        o.putAll(json.finding(i.finding()));
      }
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : o.entrySet()) {
        if (e.getKey().equals("count")) {
          continue;
        }
        out.put(e.getKey(), e.getValue());
        if (e.getKey().equals("severity")) {
          out.put("status", i.status().label());
          out.put("count", i.count());
          out.put("total", i.total());
          out.put("file", i.source());
          out.put("vhost", i.vhost());
        }
      }
      out.put("first_seen", i.firstSeen());
      out.put("last_seen", i.lastSeen());
      json.write(out);
    }
    for (Digest.Template t : d.unexplained()) {
      Map<String, Object> o = json.unrecognized(t.unrecognized());
      o.put("file", t.source());
      json.write(o);
    }
    for (NewLines.Note n : d.notes()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("type", "notice");
      o.put("file", n.file().toString());
      o.put("text", n.text());
      o.put("continuity_proven", !n.loud());
      json.write(o);
    }
    for (String e : d.errors()) {
      json.write(new LinkedHashMap<>(Map.of("type", "error", "text", e)));
    }
    for (Suppressions.Rule r : d.expired()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("type", "expired_suppression");
      o.put("id", r.id());
      o.put("entry", r.index());
      o.put("until", r.until().toString());
      o.put("reason", r.reason());
      json.write(o);
    }
    Map<String, Object> sum = new LinkedHashMap<>();
    sum.put("type", "summary");
    sum.put("lines", d.lines());
    sum.put("new", d.count(Digest.Status.NEW));
    sum.put("ongoing", d.count(Digest.Status.ONGOING));
    sum.put("resolved", d.count(Digest.Status.RESOLVED));
    sum.put("below_fail_on", d.below().size());
    sum.put("unrecognized", d.unexplained().stream()
        .mapToLong(t -> t.unrecognized().count()).sum());
    sum.put("suppressed", d.suppressed());
    json.write(sum);
    return s.toString();
  }
}
