package dev.a2doctor.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.a2doctor.source.LogCursor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StateStoreTest {

  @TempDir Path dir;

  private static State state(long run) {
    return new State(State.VERSION, run, Map.of("/var/log/apache2/error.log",
        new LogCursor(2049, 131, "ab", 2, 2, 1, 0)), Map.of(), null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"state:before-temp", "state:temp-half-written", "state:temp-written",
      "state:temp-synced"})
  void keepsTheOldStateWhenKilledBeforeTheRename(String point) throws IOException {
    Path file = dir.resolve("state.json");
    try (StateStore s = StateStore.open(file, Checkpoint.NONE)) {
      s.save(state(1));
    }
    try (StateStore s = StateStore.open(file, name -> {
      if (name.equals(point)) {
        throw new IllegalStateException("killed");
      }
    })) {
      assertThatThrownBy(() -> s.save(state(2))).hasMessage("killed");
    }
    try (StateStore s = StateStore.open(file, Checkpoint.NONE)) {
      assertThat(s.load().run()).isEqualTo(1);
    }
    try (var ls = Files.list(dir)) {
      assertThat(ls.map(p -> p.getFileName().toString()).toList())
          .as("the half-written temporary file is removed by the next run")
          .containsExactlyInAnyOrder("state.json", "state.json.lock");
    }
  }

  @Test
  void keepsTheStateReadableByItsOwnerOnly() throws IOException {
    // the outbox holds a whole report: log lines and client addresses from 0640 logs
    Path file = dir.resolve("state.json");
    try (StateStore s = StateStore.open(file, Checkpoint.NONE)) {
      s.save(state(1));
      s.save(state(2));
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void hasTheNewStateOnceRenamed() throws IOException {
    Path file = dir.resolve("sub/state.json");
    try (StateStore s = StateStore.open(file, name -> {
      if (name.equals("state:renamed")) {
        throw new IllegalStateException("killed");
      }
    })) {
      assertThatThrownBy(() -> s.save(state(7))).hasMessage("killed");
    }
    try (StateStore s = StateStore.open(file, Checkpoint.NONE)) {
      assertThat(s.load()).isEqualTo(state(7));
    }
  }

  @Test
  void refusesASecondRunWhileOneHoldsTheLock() throws IOException {
    Path file = dir.resolve("state.json");
    try (StateStore s = StateStore.open(file, Checkpoint.NONE)) {
      assertThatThrownBy(() -> StateStore.open(file, Checkpoint.NONE))
          .hasMessageContaining("another a2doctor report is running");
    }
  }

  @Test
  void namesABrokenStateFileInsteadOfStartingAfresh() throws IOException {
    Path file = dir.resolve("state.json");
    Files.writeString(file, "{\"version\":1,\"run\":");
    try (StateStore s = StateStore.open(file, Checkpoint.NONE)) {
      assertThatThrownBy(s::load).hasMessageContaining(file + ": not a valid state file")
          .hasMessageContaining("move it away");
    }
    assertThat(Files.readString(file)).isEqualTo("{\"version\":1,\"run\":");
  }

  @Test
  void startsEmptyWithoutAStateFile() throws IOException {
    try (StateStore s = StateStore.open(dir.resolve("state.json"), Checkpoint.NONE)) {
      assertThat(s.load().files()).isEmpty();
      assertThat(List.of(s.load().run())).containsExactly(0L);
    }
  }
}
