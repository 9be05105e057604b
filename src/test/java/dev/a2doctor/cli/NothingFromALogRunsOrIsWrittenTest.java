package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Nothing from a log is ever executed or used as a path to write: the main code has no way to
 * run a process and writes no file. A change that needs one (a state file, a report written
 * to a path the user gave) adds its file to {@link #ALLOWED} with the reason, so review sees
 * that no log-derived value reaches it.
 */
class NothingFromALogRunsOrIsWrittenTest {

  private static final Pattern RUNS_OR_WRITES = Pattern.compile(
      "ProcessBuilder|Runtime\\.getRuntime\\(\\)(?!\\.availableProcessors\\(\\))|\\.exec\\(|ScriptEngine|Files\\.(write|newOutputStream"
          + "|newBufferedWriter|createFile|createDirector|copy|move|delete|createLink"
          + "|createSymbolicLink|setPosixFilePermissions|setOwner)|FileOutputStream|FileWriter"
          + "|RandomAccessFile|StandardOpenOption\\.(WRITE|APPEND|CREATE)|HISTORY_FILE");

  /** File (relative to src/main/java) -> why it may run or write, and that no log value does. */
  private static final Map<String, String> ALLOWED = Map.of(
      "dev/a2doctor/digest/StateStore.java",
      "writes the state file (and its .lock and .tmp beside it) at the path of report --state,"
          + " default /var/lib/a2doctor/state.json; the path never comes from a log",
      "dev/a2doctor/shell/Shell.java",
      "JLine writes the shell's command history to shell --history, default"
          + " $HOME/.a2doctor_history; the path never comes from a log",
      "dev/a2doctor/cache/CacheFiles.java",
      "replaces a cache file (via a temporary file beside it) in the user's cache directory,"
          + " ${XDG_CACHE_HOME:-$HOME/.cache}/a2doctor, from the environment, for ContextCache"
          + " (context.cache) and IndexStamp (catalog.stamp); never a path from a log",
      "dev/a2doctor/cli/AotTraining.java",
      "on the launcher's recording run of a Java 25 AOT cache only, writes the catalog's own"
          + " example lines to a new temporary file (Files.createTempFile in java.io.tmpdir)"
          + " and deletes it; neither the path nor the lines come from a log");

  @Test
  void theMainCodeNeitherRunsProcessesNorWritesFiles() throws IOException {
    Path root = Path.of("src/main/java");
    List<String> found = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String rel = root.relativize(f).toString();
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
          if (RUNS_OR_WRITES.matcher(lines.get(i)).find() && !ALLOWED.containsKey(rel)) {
            found.add(rel + ":" + (i + 1) + ": " + lines.get(i).strip());
          }
        }
      }
    }
    assertThat(found).as("code that runs a process or writes a file").isEmpty();
  }
}
