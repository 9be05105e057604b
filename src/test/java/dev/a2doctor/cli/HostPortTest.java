package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@code report --smtp} accepts. */
class HostPortTest {

  @ParameterizedTest
  @CsvSource({
      "localhost:25, localhost, 25",
      "mail.example.org:587, mail.example.org, 587",
      "mail.example.org, mail.example.org, 25",
      "192.0.2.7:2525, 192.0.2.7, 2525",
      "[::1]:25, ::1, 25",
      "[2001:db8::25]:587, 2001:db8::25, 587",
      "[::1], ::1, 25",
      "::1, ::1, 25",
      "2001:db8::25, 2001:db8::25, 25"})
  void hostAndPort(String given, String host, int port) {
    assertThat(HostPort.parse(given, 25)).contains(new HostPort(host, port));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ":25", "host:", "host:x", "host:0", "host:65536", "[::1", "[::1]x",
      "[::1]:", "[]:25", "host:123456"})
  void refused(String given) {
    assertThat(HostPort.parse(given, 25)).isEmpty();
  }
}
