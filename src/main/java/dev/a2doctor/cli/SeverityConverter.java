package dev.a2doctor.cli;

import dev.a2doctor.catalog.Severity;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a severity name ({@code error}) for picocli options: --fail-on, --severity. */
public final class SeverityConverter implements ITypeConverter<Severity> {
  @Override
  public Severity convert(String value) {
    Severity s = Severity.parse(value);
    if (s == null) {
      throw new TypeConversionException(
          "'" + value + "' is not one of critical, error, warning, notice, info");
    }
    return s;
  }
}
