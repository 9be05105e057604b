package dev.a2doctor.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.a2doctor.context.ServerContext;
import dev.a2doctor.match.Matcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading in parts on several threads gives exactly what one pass gives. */
class PartedRunTest {

  static final Matcher MATCHER = DiagnoserTest.MATCHER;

  /** Every real capture under samples/, by path. */
  static List<Path> sampleLogs() throws IOException {
    return dev.a2doctor.SampleLogs.files();
  }


  static Diagnoser fresh() {
    return new Diagnoser(MATCHER, ServerContext.none("test"), e -> { }, () -> 0L);
  }

  /** One pass, the way diagnose has always read. */
  static Diagnosis onePass(List<String> names, List<List<String>> logs) {
    return onePass(fresh(), names, logs);
  }

  static Diagnosis onePass(Diagnoser d, List<String> names, List<List<String>> logs) {
    for (int i = 0; i < names.size(); i++) {
      long n = 0;
      for (String line : logs.get(i)) {
        d.accept(line, names.get(i), ++n);
      }
    }
    return d.result();
  }

  /** Each log cut into pieces of {@code size} lines. */
  static Diagnosis parted(List<String> names, List<List<String>> logs, int size, int threads) {
    return parted(fresh(), names, logs, size, threads);
  }

  static Diagnosis parted(Diagnoser d, List<String> names, List<List<String>> logs, int size,
      int threads) {
    List<PartedRun.Input> inputs = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      List<String> lines = logs.get(i);
      List<PartedRun.Piece> pieces = new ArrayList<>();
      for (int from = 0; from < lines.size(); from += size) {
        List<String> piece = lines.subList(from, Math.min(lines.size(), from + size));
        pieces.add(sink -> piece.forEach(sink::line));
      }
      if (pieces.isEmpty()) {
        pieces.add(sink -> { });
      }
      inputs.add(new PartedRun.Input(names.get(i), pieces));
    }
    PartedRun.Outcome o = new PartedRun(d, threads).run(inputs);
    assertThat(o.failures()).isEmpty();
    return o.diagnosis();
  }

  static List<String> lines(Path p) throws IOException {
    return Files.readAllLines(p, StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "pieces of {0} lines")
  @ValueSource(ints = {1, 3, 8, 1000})
  void givesOnePassResultWhateverThePiecesOfOneLongLog(int size) throws IOException {
    // all captures in one log, three times over: repeats group, tracebacks fall on every cut
    List<String> all = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (Path p : sampleLogs()) {
        all.addAll(lines(p));
      }
    }
    List<String> names = List.of("all.log");
    Diagnosis expected = onePass(names, List.of(all));
    assertThat(expected.findings()).hasSizeGreaterThan(20);
    assertThat(parted(names, List.of(all), size, 3)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "pieces of {0} lines")
  @ValueSource(ints = {1, 7, 300})
  void foldsTheSameGroupsAsOnePass(int size) throws IOException {
    // every capture, many groups of some entries: with one group kept per entry, which group is
    // kept and which lines are folded depends only on the order of the lines
    List<String> all = new ArrayList<>();
    for (Path p : sampleLogs()) {
      all.addAll(lines(p));
    }
    List<String> names = List.of("all.log");
    Diagnosis expected = onePass(fresh().groupsPerEntry(1), names, List.of(all));
    assertThat(expected.findings()).filteredOn(Finding::folded).hasSizeGreaterThan(3);
    assertThat(parted(fresh().groupsPerEntry(1), names, List.of(all), size, 3))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "pieces of {0} lines")
  @ValueSource(ints = {1, 4})
  void givesOnePassResultOverManyInputs(int size) throws IOException {
    List<String> names = new ArrayList<>();
    List<List<String>> logs = new ArrayList<>();
    for (Path p : sampleLogs()) {
      names.add(p.toString());
      logs.add(lines(p));
    }
    Diagnosis expected = onePass(names, logs);
    assertThat(parted(names, logs, size, 2)).isEqualTo(expected);
    assertThat(parted(names, logs, size, 1)).isEqualTo(expected);
  }

  @Test
  void aPieceThatEndsInsideATracebackIsReadOnInSequence() throws IOException {
    Path log = Path.of("samples/scenarios/wsgi-uncaught-exception/error.log");
    List<String> lines = lines(log);
    int header = 0;
    while (!lines.get(header).contains("Traceback (most recent call last):")) {
      header++;
    }
    List<String> names = List.of("x.log");
    Diagnosis expected = onePass(names, List.of(lines));
    // cut right after the traceback's first line: the second piece alone would see frames
    int cut = header + 1;
    List<PartedRun.Piece> pieces = List.of(sink -> lines.subList(0, cut).forEach(sink::line),
        sink -> lines.subList(cut, lines.size()).forEach(sink::line));
    PartedRun.Outcome o = new PartedRun(fresh(), 2)
        .run(List.of(new PartedRun.Input("x.log", pieces)));
    assertThat(o.diagnosis()).isEqualTo(expected);
    assertThat(o.diagnosis().findings()).anySatisfy(
        f -> assertThat(f.sample()).contains("Traceback (most recent call last):"));
  }

  @Test
  void aBugInAWorkerEndsTheRunWithItsExceptionInsteadOfHanging() {
    List<PartedRun.Piece> pieces = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      pieces.add(sink -> {
        for (int k = 0; k < 3 * PartedRun.BATCH; k++) {
          sink.line(DiagnoserTest.WSGI);
        }
      });
    }
    pieces.add(2, sink -> {
      sink.line(DiagnoserTest.WSGI);
      throw new IllegalStateException("a bug");
    });
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PartedRun(fresh(), 2)
        .run(List.of(new PartedRun.Input("x.log", pieces)))).hasMessage("a bug");
  }

  @Test
  void aFailedPieceEndsItsInputWithTheLinesBefore() {
    List<PartedRun.Piece> pieces = List.of(
        sink -> List.of(DiagnoserTest.WSGI, DiagnoserTest.WSGI).forEach(sink::line),
        sink -> {
          sink.line(DiagnoserTest.WSGI);
          throw new IOException("Input/output error");
        },
        sink -> sink.line(DiagnoserTest.WSGI));
    PartedRun.Outcome o = new PartedRun(fresh(), 2)
        .run(List.of(new PartedRun.Input("x.log", pieces)));
    assertThat(o.failures()).singleElement().satisfies(f -> {
      assertThat(f.name()).isEqualTo("x.log");
      assertThat(f.linesBefore()).isEqualTo(3);
    });
    assertThat(o.diagnosis().lines()).isEqualTo(3);
    assertThat(o.diagnosis().findings()).singleElement()
        .satisfies(f -> assertThat(f.count()).isEqualTo(3));
  }
}
