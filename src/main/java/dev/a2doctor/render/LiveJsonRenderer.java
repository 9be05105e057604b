package dev.a2doctor.render;

import dev.a2doctor.report.Event;
import dev.a2doctor.report.Finding;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Live JSON Lines for machines ({@code a2doctor watch --format json}): one {@code event} object
 * per matched line, flushed at once, preceded by the {@code finding} object when the line is the
 * first of its kind. Counting {@code event} objects counts every matched line exactly once.
 */
public final class LiveJsonRenderer {

  private final PrintWriter out;
  private final JsonRenderer json;

  public LiveJsonRenderer(PrintWriter out, String lang) {
    this.out = out;
    this.json = new JsonRenderer(out, lang);
  }

  public void event(Event e) {
    Finding f = e.finding();
    if (e.first()) {
      json.write(json.finding(f));
    }
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("type", "event");
    o.put("id", f.entry().id());
    o.put("severity", f.entry().severity().label());
    o.put("source", e.source());
    o.put("line", e.lineNumber());
    o.put("time", e.time());
    o.put("raw", e.raw());
    o.put("captures", new TreeMap<>(e.captures()));
    o.put("count", f.count());
    o.put("first", e.first());
    json.write(o);
    out.flush();
  }
}
