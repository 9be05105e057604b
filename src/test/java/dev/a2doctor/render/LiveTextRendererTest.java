package dev.a2doctor.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.a2doctor.catalog.CatalogLoader;
import dev.a2doctor.context.ServerContext;
import dev.a2doctor.match.Matcher;
import dev.a2doctor.report.Diagnoser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LiveTextRendererTest {

  static final Matcher MATCHER = new Matcher(new CatalogLoader().loadBuiltin());
  /** Real line: samples/scenarios/proxy-backend-connection-refused/error.log. */
  static final String REFUSED = "[Wed Nov 25 01:18:39.807749 2026] [proxy:error] [pid 22799:tid"
      + " 22803] (111)Connection refused: AH00957: http: attempt to connect to 127.0.0.1:18419"
      + " (127.0.0.1:18419) failed";
  /** Real line: samples/scenarios/wsgi-uncaught-exception/error.log. */
  static final String KEY_ERROR = "[Wed Nov 25 01:13:05.261486 2026] [wsgi:error] [pid 14932:tid"
      + " 14951] [remote 127.0.0.1:56468] KeyError: 'HTTP_X_API_TOKEN'";

  private final StringWriter text = new StringWriter();
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final LiveTextRenderer live =
      new LiveTextRenderer(new PrintWriter(text), new Style(false), "en", now::get);
  private final Diagnoser diagnoser =
      new Diagnoser(MATCHER, ServerContext.none("test"), live::event);

  private void feed(String line, int times) {
    for (int i = 0; i < times; i++) {
      diagnoser.accept(line, "error.log", i + 1);
    }
  }

  private String take() {
    String s = text.toString();
    text.getBuffer().setLength(0);
    return s;
  }

  @Test
  void printsCompactLinesAtTenHundredAndThousandRepeats() {
    feed(REFUSED, 1000);
    String out = take();
    assertThat(out).startsWith("\n==> NEW ERROR at 2026-11-25T01:18:39.807749, error.log:1\n"
        + "ERROR  Backend refused the proxy connection");
    assertThat(out.lines().filter(l -> l.startsWith("  ERROR ")))
        .containsExactly(
            "  ERROR        10x  Backend refused the proxy connection (nothing listening on "
                + "host:port)  [proxy-connect-refused]  last 2026-11-25T01:18:39.807749, "
                + "error.log:10",
            "  ERROR       100x  Backend refused the proxy connection (nothing listening on "
                + "host:port)  [proxy-connect-refused]  last 2026-11-25T01:18:39.807749, "
                + "error.log:100",
            "  ERROR      1000x  Backend refused the proxy connection (nothing listening on "
                + "host:port)  [proxy-connect-refused]  last 2026-11-25T01:18:39.807749, "
                + "error.log:1000");
  }

  @Test
  void showsSlowRepeatsAtMostOnceAMinute() {
    feed(REFUSED, 2);
    take();
    now.addAndGet(LiveTextRenderer.MINUTE - 1);
    feed(REFUSED, 1);
    live.tick();
    assertThat(take()).isEmpty();
    now.addAndGet(1);
    feed(REFUSED, 1);
    assertThat(take()).contains("         4x  Backend refused");
    now.addAndGet(30_000);
    feed(REFUSED, 1);
    assertThat(take()).isEmpty();
    now.addAndGet(30_000);
    live.tick();
    assertThat(take()).contains("         5x  Backend refused");
    now.addAndGet(LiveTextRenderer.MINUTE);
    live.tick();
    assertThat(take()).as("no repeat since the last line: nothing to say").isEmpty();
  }

  @Test
  void makesEachNewKindStandOutEvenAmongRepeats() {
    feed(REFUSED, 5);
    feed(KEY_ERROR, 1);
    feed(REFUSED, 3);
    String out = take();
    assertThat(out.lines().filter(l -> l.startsWith("==> NEW ")))
        .containsExactly("==> NEW ERROR at 2026-11-25T01:18:39.807749, error.log:1",
            "==> NEW ERROR at 2026-11-25T01:13:05.261486, error.log:1");
    assertThat(out).containsOnlyOnce("  > " + KEY_ERROR);
  }

  @Test
  void recognisesPowersOfTen() {
    assertThat(java.util.List.of(10L, 100L, 1000L, 1_000_000_000_000L))
        .allMatch(LiveTextRenderer::isPowerOfTen);
    assertThat(java.util.List.of(1L, 2L, 11L, 20L, 101L, 110L, 999L))
        .noneMatch(LiveTextRenderer::isPowerOfTen);
  }
}
