package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole-log golden files: each sample's expected output sits beside it and is compared byte for
 * byte. After an intended change, regenerate with
 * {@code mvn test -Dtest=GoldenSamplesTest -Da2doctor.golden.update=true} and review the diff.
 */
class GoldenSamplesTest {

  static Stream<Arguments> samples() {
    List<Arguments> cases = new ArrayList<>();
    for (String sample : List.of("samples/wsgi-itk", "samples/wsgi-socketdir")) {
      for (String format : List.of("text", "json")) {
        List<String> args = new ArrayList<>(List.of("diagnose", "--format", format,
            "--apache-config", sample + "/etc/apache2/apache2.conf",
            "--passwd", sample + "/etc/passwd", sample + "/error.log"));
        cases.add(Arguments.of(sample, format, args));
      }
      cases.add(Arguments.of(sample, "no-context",
          List.of("diagnose", "--no-context", sample + "/error.log")));
    }
    // Red Hat's layout, read below --root like a copy of another server's /etc
    for (String format : List.of("text", "json")) {
      cases.add(Arguments.of("samples/rhel-httpd", format, List.of("diagnose", "--format",
          format, "--root", "samples/rhel-httpd", "samples/rhel-httpd/error.log")));
    }
    cases.add(Arguments.of("samples/rhel-httpd", "no-context",
        List.of("diagnose", "--no-context", "samples/rhel-httpd/error.log")));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("samples")
  void outputIsExactlyTheGoldenFile(String sample, String variant, List<String> args)
      throws Exception {
    Cli.Result r = Cli.run(Map.of(), "", false, args.toArray(String[]::new));
    assertThat(r.err()).isEmpty();
    Path golden = Path.of(sample, "expected", "diagnose-" + variant
        + (variant.equals("json") ? ".jsonl" : ".txt"));
    if (Boolean.getBoolean("a2doctor.golden.update")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, r.out(), StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(golden)).as(golden + " is missing (see the class javadoc)").isTrue();
    byte[] expected = Files.readAllBytes(golden);
    assertThat(r.out().getBytes(StandardCharsets.UTF_8))
        .as("output differs from %s:%n%s", golden, r.out())
        .isEqualTo(expected);
  }
}
