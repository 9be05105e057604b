package dev.a2doctor.cli;

import dev.a2doctor.catalog.Severity;
import dev.a2doctor.render.Style;
import java.util.Locale;
import picocli.CommandLine.Option;

/** Output options shared by the commands that print findings. */
final class OutputOptions {

  enum Format { text, json }

  enum Color { auto, always, never }

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text or json (JSON Lines, one object per line). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
      description = "auto (only on a terminal, never with NO_COLOR), always or never.")
  Color color;

  @Option(names = "--lang", paramLabel = "LANG",
      description = "en or ja (default: from LC_ALL, LC_MESSAGES, LANG).")
  String lang;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "warning",
      converter = SeverityConverter.class,
      description = "Exit 1 when a finding is at or above this severity: critical, error, "
          + "warning, notice, info. Default: ${DEFAULT-VALUE}.")
  Severity failOn;

  Style style(Io io) {
    boolean on = switch (color) {
      case always -> true;
      case never -> false;
      case auto -> io.tty() && io.env("NO_COLOR") == null && !"dumb".equals(io.env("TERM"));
    };
    return new Style(on);
  }

  String lang(Io io) {
    if (lang != null) {
      return lang.toLowerCase(Locale.ROOT).startsWith("ja") ? "ja" : "en";
    }
    for (String var : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
      String v = io.env(var);
      if (v != null && !v.isEmpty()) {
        return v.startsWith("ja") ? "ja" : "en";
      }
    }
    return "en";
  }
}
