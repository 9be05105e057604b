package dev.a2doctor.render;

import dev.a2doctor.context.Enrichment;
import dev.a2doctor.report.Diagnosis;
import dev.a2doctor.report.Finding;
import dev.a2doctor.report.Unrecognized;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders JSON Lines, one object per line, in a stable key order: {@code finding} objects, then
 * {@code unrecognized}, then one closing {@code summary}. The schema is documented in README.md.
 *
 * <p>The objects are maps of strings, numbers, booleans, lists and maps, written straight to a
 * {@link JsonGenerator}: {@code explain --format json} prints one on its start, and Jackson's
 * ObjectMapper loaded some 500 classes (java.time support, serializer lookup) and linked about
 * 70 lambdas to do it. Any other value goes through the ObjectMapper, as before.
 */
public final class JsonRenderer {

  private static final JsonFactory FACTORY =
      JsonFactory.builder().characterEscapes(new TerminalEscapes()).build();

  /** For values the generator is not given directly; made when first needed. */
  private static final class Mapper {
    static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY).build();
  }

  private final PrintWriter out;
  private final String lang;

  public JsonRenderer(PrintWriter out, String lang) {
    this.out = out;
    this.lang = lang;
  }

  /**
   * Loads and sets up the JSON writer ahead of use; safe to call on any thread, any number of
   * times, and it writes nothing.
   */
  public static void warmUp() {
    json(Map.of("type", "summary", "lines", 0L, "notes", List.of("")));
  }

  public void render(Diagnosis d, List<String> contextNotes) {
    for (Finding f : d.findings()) {
      write(finding(f));
    }
    for (Unrecognized u : d.unrecognized()) {
      write(unrecognized(u));
    }
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", "summary");
    s.put("lines", d.lines());
    s.put("parsed", d.parsed());
    s.put("unparsed", d.unparsed());
    s.put("findings", d.findings().size());
    s.put("unrecognized", d.unrecognizedLines());
    s.put("context_notes", contextNotes);
    write(s);
    out.flush();
  }

  /** The object for one kind of line no entry explains. */
  public Map<String, Object> unrecognized(Unrecognized u) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("type", "unrecognized");
    o.put("template", u.template());
    o.put("count", u.count());
    o.put("sample", u.sample());
    o.put("source", u.source());
    o.put("first_line", u.firstLine());
    return o;
  }

  /** The object for one finding. */
  public Map<String, Object> finding(Finding f) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("type", "finding");
    o.put("id", f.entry().id());
    o.put("title", f.title(lang));
    o.put("severity", f.severity().label());
    o.put("count", f.count());
    o.put("first_seen", f.firstSeen());
    o.put("last_seen", f.lastSeen());
    o.put("source", f.source());
    o.put("first_line", f.firstLine());
    if (!f.vhost().isEmpty()) {
      o.put("vhost", f.vhost());
    }
    o.put("folded", f.folded());
    o.put("sample", f.sample());
    o.put("captures", new TreeMap<>(f.captures()));
    o.put("explanation", f.explanation(lang));
    o.put("fix", f.fix(lang));
    o.put("context", context(f));
    o.put("references", f.entry().references());
    return o;
  }

  private Map<String, Object> context(Finding f) {
    Map<String, Object> c = new LinkedHashMap<>();
    if (f.entry().context().isEmpty()) {
      return c;
    }
    Enrichment e = f.enrichment();
    c.put("enricher", f.entry().context());
    c.put("variant", e.variant().orElse(null));
    c.put("values", new TreeMap<>(e.values()));
    c.put("evidence", e.evidence(lang));
    c.put("unchecked", e.unchecked(lang));
    if (e.edit().isPresent()) {
      Enrichment.Edit edit = e.edit().get();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", edit.file());
      m.put("line", edit.line());
      m.put("before", edit.before());
      m.put("after", edit.after());
      c.put("edit", m);
    }
    return c;
  }

  public void write(Map<String, Object> o) {
    out.println(json(o));
  }

  /** {@code o} as one line of JSON, as ObjectMapper.writeValueAsString writes it. */
  static String json(Map<String, Object> o) {
    if (!plain(o)) {
      return Mapper.MAPPER.writeValueAsString(o);
    }
    StringWriter s = new StringWriter(256);
    try (JsonGenerator g = FACTORY.createGenerator(s)) {
      write(g, o);
    }
    return s.toString();
  }

  /** Whether {@code v} is made of values {@link #write(JsonGenerator, Object)} writes. */
  private static boolean plain(Object v) {
    if (v == null || v instanceof String || v instanceof Long || v instanceof Integer
        || v instanceof Boolean) {
      return true;
    }
    if (v instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof String) || !plain(e.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (v instanceof List<?> l) {
      for (Object x : l) {
        if (!plain(x)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static void write(JsonGenerator g, Object v) {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String x) {
      g.writeString(x);
    } else if (v instanceof Long x) {
      g.writeNumber(x.longValue());
    } else if (v instanceof Integer x) {
      g.writeNumber(x.intValue());
    } else if (v instanceof Boolean x) {
      g.writeBoolean(x.booleanValue());
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeName((String) e.getKey());
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else {
      g.writeStartArray();
      for (Object x : (List<?>) v) {
        write(g, x);
      }
      g.writeEndArray();
    }
  }

  /**
   * JSON escapes C0 controls; this also escapes DEL, the C1 controls (U+0080..U+009F, where a
   * terminal reads CSI and OSC) and U+2028/U+2029, so that JSON Lines shown in a terminal are
   * as safe as the text output. The JSON stays the same data.
   */
  private static final class TerminalEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii = standardAsciiEscapesForJSON();

    TerminalEscapes() {
      ascii[0x7f] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if ((ch >= 0x80 && ch < 0xa0) || ch == 0x2028 || ch == 0x2029) {
        // not String.format: java.util.Formatter loads locale data on explain's start
        return new SerializedString(
            Safe.hex(new StringBuilder("\\u"), (char) ch, 4, true).toString());
      }
      return null;
    }
  }
}

