package dev.a2doctor.cli;

import picocli.CommandLine;

/** {@code a2doctor --version}: the version from the jar manifest. */
final class Version implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Version.class.getPackage().getImplementationVersion();
    return new String[] {"a2doctor " + (v == null ? "(development build)" : v)};
  }
}
