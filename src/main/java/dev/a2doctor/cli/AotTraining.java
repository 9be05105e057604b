package dev.a2doctor.cli;

import dev.a2doctor.catalog.Catalog;
import dev.a2doctor.catalog.Entry;
import dev.a2doctor.catalog.Example;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The training run of the AOT cache that the launcher records on Java 25 and later (JEP 483 and
 * 515): besides the classes it loads, such a cache keeps the method profiles of the recording
 * run, so that a later {@code diagnose} compiles its hot code sooner. A first run that was
 * {@code explain} or {@code --version} would leave no profile of a log's pipeline; so the
 * recording run also diagnoses, quietly, a log made of the catalog's example lines repeated
 * {@link #ROUNDS} times (about 12,000 lines: measured on the 1M-line benchmark log, its profiles
 * save as much CPU time as those of a 200,000-line run).
 *
 * <p>The log is a temporary file, deleted at once: the pipeline that reads large files in parts
 * on several cores (the one to train) reads files, not standard input.
 */
final class AotTraining {

  /** The system property the launcher sets on the recording run. */
  static final String PROPERTY = "a2doctor.aot.train";

  /** How many times the example lines are repeated. */
  static final int ROUNDS = 40;

  private AotTraining() {}

  /** Diagnoses the training log as text and as JSON, writing nothing but the temporary log. */
  static void run(Map<String, String> env) {
    run(env, Path.of(System.getProperty("java.io.tmpdir")));
  }

  /**
   * {@link #run} with the temporary log in {@code tmp}; returns the exit codes of the two
   * diagnoses (an empty array when the training could not run).
   */
  static int[] run(Map<String, String> env, Path tmp) {
    Io io = ExplainFastPath.quietIo(env);
    Path log = null;
    try {
      log = Files.createTempFile(tmp, "a2doctor-training-", ".log");
      Files.write(log, lines(InstalledCatalog.load()), StandardCharsets.UTF_8);
      return new int[] {
        ExplainFastPath.execute(io, "diagnose", "--no-context", "--format", "json",
            log.toString()),
        ExplainFastPath.execute(io, "diagnose", "--no-context", log.toString())};
    } catch (IOException | RuntimeException e) {
      // only training: the command the user ran has answered already
      return new int[0];
    } finally {
      if (log != null) {
        try {
          Files.deleteIfExists(log);
        } catch (IOException e) {
          // a temporary file left behind; nothing else to do
        }
      }
    }
  }

  /** The catalog's example lines, {@link #ROUNDS} times over. */
  static List<String> lines(Catalog catalog) {
    List<String> once = new ArrayList<>();
    for (Entry e : catalog.entries()) {
      for (Example x : e.examples()) {
        once.add(x.line());
      }
    }
    List<String> all = new ArrayList<>(once.size() * ROUNDS);
    for (int i = 0; i < ROUNDS; i++) {
      all.addAll(once);
    }
    return all;
  }
}
