package dev.a2doctor.cli;

import java.util.Optional;

/**
 * A server named as {@code HOST}, {@code HOST:PORT}, {@code [IPV6]:PORT}, {@code [IPV6]} or a
 * bare IPv6 address (more than one colon: no port).
 */
record HostPort(String host, int port) {

  /** The host and port of {@code s}, {@code defaultPort} when it names none; empty if invalid. */
  static Optional<HostPort> parse(String s, int defaultPort) {
    String host = s;
    String port = null;
    if (s.startsWith("[")) {
      int end = s.indexOf(']');
      if (end < 0) {
        return Optional.empty();
      }
      host = s.substring(1, end);
      String rest = s.substring(end + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          return Optional.empty();
        }
        port = rest.substring(1);
      }
    } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
      host = s.substring(0, s.indexOf(':'));
      port = s.substring(s.indexOf(':') + 1);
    }
    if (host.isEmpty()) {
      return Optional.empty();
    }
    if (port == null) {
      return Optional.of(new HostPort(host, defaultPort));
    }
    if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    int p = Integer.parseInt(port);
    return p >= 1 && p <= 65535 ? Optional.of(new HostPort(host, p)) : Optional.empty();
  }
}
