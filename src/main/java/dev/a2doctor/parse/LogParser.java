package dev.a2doctor.parse;

/**
 * Splits one error-log line into its fields. {@link LineParser} reads the formats httpd writes by
 * default; a site's own {@code ErrorLogFormat} gets a parser of its own.
 */
@FunctionalInterface
public interface LogParser {

  /** Parses one line (without its terminator). Never throws. */
  ParseResult parse(String raw);
}
