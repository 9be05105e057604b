package dev.a2doctor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.a2doctor.catalog.CatalogLoader;
import dev.a2doctor.context.ServerContext;
import dev.a2doctor.match.Matcher;
import dev.a2doctor.report.Diagnoser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code follow} reads on: appended lines, a line still being written, a rotation. */
class ReadingTest {

  @TempDir Path dir;

  private final Diagnoser diagnoser = new Diagnoser(
      new Matcher(new CatalogLoader().loadBuiltin()), ServerContext.none("test"));

  @Test
  void readsOnlyWhatWasAppendedAndWaitsForALineToEnd() throws IOException {
    List<String> sample = Files.readAllLines(ShellTest.LOG);
    Path log = dir.resolve("error.log");
    Files.writeString(log, sample.get(0) + "\n");
    OpenFile f = Reading.open(log, diagnoser);
    assertThat(f.lines()).isEqualTo(1);
    Files.writeString(log, sample.get(1) + "\n" + sample.get(2).substring(0, 40),
        StandardOpenOption.APPEND);
    f = Reading.more(f, diagnoser, false);
    assertThat(f.lines()).isEqualTo(2);
    assertThat(diagnoser.result().lines()).isEqualTo(2);
    Files.writeString(log, sample.get(2).substring(40) + "\n", StandardOpenOption.APPEND);
    f = Reading.more(f, diagnoser, false);
    assertThat(f.lines()).isEqualTo(3);
    assertThat(f.offset()).isEqualTo(Files.size(log));
    assertThat(diagnoser.result().findings()).anyMatch(
        x -> x.entry().id().equals("wsgi-daemon-connect-denied") && x.firstLine() == 3);
  }

  @Test
  void aFileThatShrankOrWasReplacedIsReadFromItsStart() throws IOException {
    List<String> sample = Files.readAllLines(ShellTest.LOG);
    Path log = dir.resolve("error.log");
    Files.write(log, sample);
    OpenFile f = Reading.open(log, diagnoser);
    Path rotated = dir.resolve("error.log.1");
    Files.move(log, rotated);
    Files.writeString(log, sample.get(2) + "\n");
    f = Reading.more(f, diagnoser, false);
    assertThat(f.lines()).isEqualTo(1);
    assertThat(diagnoser.result().lines()).isEqualTo(sample.size() + 1);
  }
}
