package dev.a2doctor.report;

/**
 * Warn-or-worse lines that no entry explains, grouped by template (the message with numbers,
 * addresses, paths and hex masked).
 */
public record Unrecognized(String template, long count, String sample, String source,
    long firstLine) {

  Unrecognized plus(long more) {
    return new Unrecognized(template, count + more, sample, source, firstLine);
  }
}
