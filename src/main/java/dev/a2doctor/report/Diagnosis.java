package dev.a2doctor.report;

import java.util.List;

/** The result of reading some logs: findings, unexplained templates and counts. */
public record Diagnosis(List<Finding> findings, List<Unrecognized> unrecognized, long lines,
    long parsed, long unparsed, long unrecognizedLines) {

  public Diagnosis {
    findings = List.copyOf(findings);
    unrecognized = List.copyOf(unrecognized);
  }
}
