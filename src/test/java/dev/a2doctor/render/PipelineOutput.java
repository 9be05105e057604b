package dev.a2doctor.render;

import dev.a2doctor.catalog.Severity;
import dev.a2doctor.context.ServerContext;
import dev.a2doctor.match.Matcher;
import dev.a2doctor.report.Diagnoser;
import dev.a2doctor.report.Diagnosis;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** Lines run through the whole pipeline and rendered both ways, every finding in full. */
public record PipelineOutput(Diagnosis diagnosis, String text, String json) {

  public static PipelineOutput of(Matcher matcher, String source, List<String> lines) {
    Diagnoser d = new Diagnoser(matcher, ServerContext.none("test"));
    long n = 0;
    for (String line : lines) {
      d.accept(line, source, ++n);
    }
    Diagnosis result = d.result();
    StringWriter text = new StringWriter();
    new TextRenderer(new PrintWriter(text), new Style(false), "en")
        .render(result, List.of("test"), Severity.INFO);
    StringWriter json = new StringWriter();
    new JsonRenderer(new PrintWriter(json), "en").render(result, List.of("test"));
    return new PipelineOutput(result, text.toString(), json.toString());
  }

  /** Fails unless the text is terminal-safe and the JSON is valid JSON Lines. */
  public PipelineOutput assertValid() {
    OutputChecks.assertTerminalSafe(text);
    OutputChecks.assertJsonLines(json);
    return this;
  }
}
