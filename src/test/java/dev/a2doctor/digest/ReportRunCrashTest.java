package dev.a2doctor.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.a2doctor.catalog.CatalogLoader;
import dev.a2doctor.catalog.Severity;
import dev.a2doctor.context.ServerContext;
import dev.a2doctor.match.Matcher;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kills report runs at random moments, with log rotations in between, and checks that every
 * line written ends up in exactly one report.
 *
 * <p>The kill is injected, not a real {@code kill -9} of a child JVM: a {@link Checkpoint}
 * throws at the n-th named point of a run, n drawn from a seeded {@link Random}. A real kill
 * lands wherever the scheduler happens to be, so a loop of them would be slow (a JVM start per
 * run) and not reproducible; the checkpoints sit between every two steps that change a file
 * (including half-way through writing the temporary state file) and after every line read,
 * which are the only places where being killed differs, and a failing seed replays exactly.
 * Throwing leaves the files as a kill would: a real kill also releases the lock.
 */
class ReportRunCrashTest {

  @TempDir Path dir;

  private static final class Crash extends Error {
    Crash(String at) {
      super("killed at " + at);
    }
  }

  /** A line from samples/scenarios/auth-require-ip-denied/error.log, client port numbered. */
  private static String line(int n) {
    return "[Wed Nov 25 01:12:39.354289 2026] [authz_core:error] [pid 13476:tid 13501] "
        + "[client 127.0.0.1:" + (10000 + n) + "] AH01630: client denied by server "
        + "configuration: /tmp/helper-b1-au4/www/admin/";
  }

  private final Matcher matcher = new Matcher(new CatalogLoader().loadBuiltin());
  private final ServerContext context = ServerContext.none("test");
  private final List<String> delivered = new ArrayList<>();
  private int written;
  private int crashes;

  @Test
  void neverLosesOrDoubleCountsALineWhenRunsAreKilledAtRandomMoments() throws IOException {
    Random rnd = new Random(20261125L);
    Path log = dir.resolve("logs/error.log");
    Files.createDirectories(log.getParent());
    append(log, 1 + rnd.nextInt(4));
    for (int i = 0; i < 120; i++) {
      int r = rnd.nextInt(10);
      if (r == 0) {
        rotate(log, false, rnd.nextBoolean());
        append(log, 1 + rnd.nextInt(3));
      } else if (r == 1) {
        rotate(log, true, rnd.nextBoolean());
        append(log, 1 + rnd.nextInt(3));
      } else {
        append(log, rnd.nextInt(4));
      }
      int killAt = rnd.nextInt(10) < 7 ? 1 + rnd.nextInt(35) : Integer.MAX_VALUE;
      run(log, killAt);
    }
    run(log, Integer.MAX_VALUE);
    run(log, Integer.MAX_VALUE);

    assertThat(crashes).as("the loop really killed runs").isGreaterThan(45);
    JsonMapper json = JsonMapper.builder().build();
    Map<Long, Integer> firstDeliveries = new HashMap<>();
    long counted = 0;
    int repeats = 0;
    for (String m : delivered) {
      List<JsonNode> objects = m.lines().map(l -> json.readTree(l)).toList();
      JsonNode head = objects.get(0);
      long run = head.get("run").asLong();
      boolean repeated = head.get("repeated").asBoolean();
      if (firstDeliveries.containsKey(run)) {
        assertThat(repeated).as("a second delivery of run %d is marked", run).isTrue();
        repeats++;
        continue;
      }
      firstDeliveries.put(run, 1);
      for (JsonNode o : objects) {
        if (o.get("type").asString().equals("notice")) {
          assertThat(o.get("continuity_proven").asBoolean()).as(o.toString()).isTrue();
        }
        if (o.get("type").asString().equals("finding")) {
          counted += o.get("count").asLong();
        }
      }
    }
    assertThat(counted).as("lines in reports (%d reports, %d marked repeats)",
        firstDeliveries.size(), repeats).isEqualTo(written);
    try (StateStore store = StateStore.open(dir.resolve("state/state.json"), Checkpoint.NONE)) {
      State s = store.load();
      assertThat(s.outbox()).isNull();
      assertThat(s.findings().values()).singleElement()
          .satisfies(mem -> assertThat(mem.total()).isEqualTo(written));
    }
    try (var ls = Files.list(dir.resolve("state"))) {
      assertThat(ls.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("state.json", "state.json.lock");
    }
  }

  private void run(Path log, int killAt) throws IOException {
    int[] reached = {0};
    Checkpoint cp = name -> {
      if (++reached[0] == killAt) {
        throw new Crash(name);
      }
    };
    ReportRun.Settings s = new ReportRun.Settings(List.of(log), Optional.empty(),
        LocalDateTime.of(2026, 11, 25, 3, 0), "web01", "en", ReportRun.Format.json,
        Severity.INFO, 1000, Suppressions.none());
    try {
      new ReportRun(matcher, context, cp).run(s, dir.resolve("state/state.json"), m -> {
        cp.reached("deliver:sending");
        delivered.add(m.body());
      });
    } catch (Crash e) {
      crashes++;
    }
  }

  private void append(Path log, int n) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(line(written++)).append('\n');
    }
    Files.writeString(log, b, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /**
   * What logrotate does with {@code rotate 8}: drop the oldest, shift .N, then rename (create)
   * or copy and truncate the live file.
   */
  private static void rotate(Path log, boolean copytruncate, boolean compress)
      throws IOException {
    Files.deleteIfExists(log.resolveSibling(log.getFileName() + ".9"));
    Files.deleteIfExists(log.resolveSibling(log.getFileName() + ".9.gz"));
    for (int i = 8; i >= 1; i--) {
      for (String gz : new String[] {"", ".gz"}) {
        Path from = log.resolveSibling(log.getFileName() + "." + i + gz);
        if (Files.exists(from)) {
          Files.move(from, log.resolveSibling(log.getFileName() + "." + (i + 1) + gz));
        }
      }
    }
    Path two = log.resolveSibling(log.getFileName() + ".2");
    if (compress && Files.exists(two)) {
      // delaycompress: the previous rotation's file is compressed now
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(
          log.resolveSibling(log.getFileName() + ".2.gz")))) {
        out.write(Files.readAllBytes(two));
      }
      Files.delete(two);
    }
    Path one = log.resolveSibling(log.getFileName() + ".1");
    if (copytruncate) {
      Files.copy(log, one);
      Files.write(log, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
    } else {
      Files.move(log, one);
      Files.writeString(log, "");
    }
  }
}
