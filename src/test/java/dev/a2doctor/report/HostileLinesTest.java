package dev.a2doctor.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.a2doctor.catalog.CatalogLoader;
import dev.a2doctor.context.ServerContext;
import dev.a2doctor.match.LineCost;
import dev.a2doctor.match.Matcher;
import dev.a2doctor.render.OutputChecks;
import dev.a2doctor.render.PipelineOutput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lines an attacker can put in an error log (URLs, headers, ModSecurity data, PHP messages):
 * control bytes, escape sequences, huge lines, lines of repeated prefix fragments. None may
 * throw, stall, or reach the output raw.
 */
class HostileLinesTest {

  private static final Matcher MATCHER = new Matcher(new CatalogLoader().loadBuiltin());

  /** Real lines, written by httpd 2.4 in samples/scenarios (access-require-all-denied, ...). */
  static final String DENIED = "[Wed Nov 25 01:12:16.293472 2026] [authz_core:error]"
      + " [pid 12438:tid 12442] [client 127.0.0.1:40970] AH01630: client denied by server"
      + " configuration: /tmp/helper-b1-acc2/site/";
  static final String PREFIX = "[Wed Nov 25 01:12:16.293472 2026]";
  static final String PHP = "[Wed Nov 25 01:23:14.716501 2026] [proxy_fcgi:error]"
      + " [pid 27400:tid 27407] [client 127.0.0.1:38444] AH01071: Got error 'PHP message: PHP"
      + " Fatal error:  Uncaught Error: Call to undefined function load_order() in"
      + " /tmp/helper-b2-fpm/htdocs/order.php:4\\nStack trace:\\n#0 {main}\\n  thrown in"
      + " /tmp/helper-b2-fpm/htdocs/order.php on line 4'";

  static final int MIB = 1 << 20;

  /** The table: name and line. Lines up to 8 KiB (httpd's own limit) and 1 MiB lines. */
  static Map<String, String> hostile() {
    Map<String, String> t = new LinkedHashMap<>();
    String controls = controlChars();
    t.put("every C0/C1 control and DEL in the path", DENIED + controls);
    t.put("NUL in a captured path", DENIED + "\0x"); // Path.of threw on it (enrichers)
    t.put("NUL in the prefix", DENIED.replace("[pid ", "[pid \0").replace("authz", "au\0thz"));
    t.put("terminal title and clear screen", DENIED + "\u001b]0;pwned\u0007\u001b[2J\u001b[H");
    t.put("C1 CSI and OSC 52 clipboard write", DENIED + "\u009b31m\u001b]52;c;cm0gLXJmIH4K\u0007");
    t.put("line and paragraph separators", DENIED + "\u2028\u2029x");
    t.put("bare CR inside", DENIED.replace("[client", "\r[client") + "\rAH01630: fake");
    t.put("replacement chars from invalid UTF-8", DENIED + "\ufffd\ufffd(\ufffd");
    t.put("lone surrogates", DENIED + "\ud800x\udfff");
    t.put("escape in a PHP message", PHP.replace("load_order", "\u001b[8mload_order"));
    t.put("[pid x100k", PREFIX + " [core:error] " + "[pid ".repeat(100_000));
    t.put("(13 x100k", PREFIX + " [core:error] [pid 1] " + "(13".repeat(100_000));
    t.put("(13 x100k bare", "(13".repeat(100_000));
    t.put("(13)x x100k", PREFIX + " [core:error] [pid 1] " + "(13)x".repeat(100_000));
    t.put("[client x100k", PREFIX + " [core:error] [pid 1] " + "[client ".repeat(100_000));
    t.put("[ x1M", "[".repeat(MIB));
    t.put("timestamps x30k", (PREFIX + " ").repeat(30_000));
    t.put("levels x100k", PREFIX + " " + "[core:error] ".repeat(100_000));
    t.put(", referer: x100k", DENIED + ", referer: ".repeat(100_000));
    t.put("AH01630: x100k", PREFIX + " [core:error] " + "AH01630: ".repeat(100_000));
    t.put("mod_wsgi.c( x100k", PREFIX + " [wsgi:debug] [pid 1] " + "mod_wsgi.c(".repeat(100_000));
    t.put("1 MiB message", DENIED + "x".repeat(MIB));
    t.put("1 MiB of spaces", PREFIX + " [core:error]" + " ".repeat(MIB));
    t.put("1 MiB random printable", DENIED + random(MIB, 7));
    t.put("1 MiB of NUL", "\0".repeat(MIB));
    t.put("1 MiB PHP message", PHP + " in /x.php on line 1".repeat(MIB / 20));
    return t;
  }

  static Stream<Arguments> table() {
    return hostile().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void aHostileLineThrowsNothingAndRendersSafely(String name, String line) {
    // twice, so repeats are grouped; the 1 MiB lines once, to keep the suite quick
    List<String> lines = line.length() <= 8192 ? List.of(line, line) : List.of(line);
    PipelineOutput out = PipelineOutput.of(MATCHER, "hostile\u001b[2J.log", lines).assertValid();
    assertThat(out.diagnosis().lines()).isEqualTo(lines.size());
    OutputChecks.assertTerminalSafe(out.json());
  }

  @Test
  void escapeSequencesInAMatchedLineAreShownEscaped() {
    String line = DENIED.replace("site/", "site/\u001b]0;pwned\u0007");
    PipelineOutput out = PipelineOutput.of(MATCHER, "error.log", List.of(line)).assertValid();
    assertThat(out.diagnosis().findings()).hasSize(1);
    assertThat(out.text()).contains("site/\\x1b]0;pwned\\x07").doesNotContain("\u001b");
    assertThat(out.json()).contains("site/\\u001B]0;pwned\\u0007");
  }

  /**
   * Each line costs time linear in its length. Bounds are generous for a noisy shared 2-core
   * machine and tell linear from quadratic, not fast from slow: a line up to 8 KiB (the most
   * httpd writes) must take under 100 ms, a 1 MiB line under 2 s (a quadratic scan of 1 MiB
   * is ~10^12 steps, hours). See {@link LineCost} for how a line is timed.
   */
  @Test
  void everyHostileLineCostsTimeLinearInItsLength() {
    LineCost.Worst small = LineCost.worst(eightKibShapes(), HostileLinesTest::diagnose, 25);
    LineCost.Worst big = LineCost.worst(hostile(), HostileLinesTest::diagnose, 1000);
    System.out.printf("HostileLinesTest: worst line up to 8 KiB %s; worst line %s%n", small, big);
    assertThat(small.millis()).as(small.toString()).isLessThan(100);
    assertThat(big.millis()).as(big.toString()).isLessThan(2000);
  }

  private static void diagnose(String line) {
    new Diagnoser(MATCHER, ServerContext.none("test")).accept(line, "x", 1);
  }

  /** The same shapes cut to 8 KiB, the longest line httpd writes (MAX_STRING_LEN). */
  static Map<String, String> eightKibShapes() {
    Map<String, String> t = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : hostile().entrySet()) {
      String v = e.getValue();
      t.put(e.getKey() + " (8 KiB)", v.length() > 8192 ? v.substring(0, 8192) : v);
    }
    return t;
  }

  private static String controlChars() {
    StringBuilder b = new StringBuilder();
    for (char c = 0; c < 0x20; c++) {
      b.append(c);
    }
    b.append('\u007f');
    for (char c = 0x80; c < 0xa0; c++) {
      b.append(c);
    }
    return b.toString();
  }

  static String random(int n, long seed) {
    Random r = new Random(seed);
    char[] c = new char[n];
    for (int i = 0; i < n; i++) {
      c[i] = (char) (0x20 + r.nextInt(0x5f));
    }
    return new String(c);
  }
}
