package dev.a2doctor.render;

import dev.a2doctor.catalog.Severity;

/**
 * ANSI styling that is a no-op when colour is off (not a TTY, {@code NO_COLOR}, --color=never).
 * Padding by hand, not String.format: java.util.Formatter loads locale data and resource
 * bundles on explain's start (ExplainStartupTest).
 */
public record Style(boolean color) {

  public String severity(Severity s) {
    return severity(s, 0);
  }

  /** The severity label, padded to {@code width} before colouring so columns line up. */
  public String severity(Severity s, int width) {
    StringBuilder padded = new StringBuilder(s.label().toUpperCase(java.util.Locale.ROOT));
    while (padded.length() < width) {
      padded.append(' ');
    }
    String label = padded.toString();
    if (!color) {
      return label;
    }
    String code = switch (s) {
      case CRITICAL -> "1;97;41";
      case ERROR -> "1;31";
      case WARNING -> "1;33";
      case NOTICE -> "1;36";
      case INFO -> "2";
    };
    return "\u001b[" + code + "m" + label + "\u001b[0m";
  }

  public String bold(String s) {
    return color ? "\u001b[1m" + s + "\u001b[0m" : s;
  }

  public String dim(String s) {
    return color ? "\u001b[2m" + s + "\u001b[0m" : s;
  }
}
