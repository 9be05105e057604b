package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script (src/main/sh/a2doctor) with its AppCDS archive, run as a user runs it:
 * beside an a2doctor.jar made of the compiled classes (the packaged jar is not built yet when
 * the tests run), with the user's cache in a temporary directory.
 */
class LauncherTest {

  @TempDir static Path dir;
  static Path launcher;

  record Run(int code, String out, String err) {}

  @BeforeAll
  static void install() throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    launcher = bin.resolve("a2doctor");
    Files.copy(Path.of("src/main/sh/a2doctor"), launcher);
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    jar(Path.of("target/classes"), bin.resolve("a2doctor.jar"));
  }

  /** The classes and resources of {@code classes} in a jar whose manifest names the libraries. */
  private static void jar(Path classes, Path jar) throws IOException {
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
    List<String> libs = new ArrayList<>();
    for (String p : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (p.endsWith(".jar")) {
        libs.add(Path.of(p).toUri().toString());
      }
    }
    m.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", libs));
    try (OutputStream o = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(o, m);
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(f -> !f.equals(classes)).sorted().toList()) {
        String name = classes.relativize(f).toString().replace('\\', '/');
        // directories too: the catalog is found by its directory's entry
        j.putNextEntry(new JarEntry(Files.isDirectory(f) ? name + "/" : name));
        if (!Files.isDirectory(f)) {
          Files.copy(f, j);
        }
        j.closeEntry();
      }
    }
  }

  /** The launcher with {@code args}, in a clean environment plus {@code env}. */
  private static ProcessBuilder processFor(Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().remove("A2DOCTOR_OPTS");
    pb.environment().remove("A2DOCTOR_CDS");
    pb.environment().put("A2DOCTOR_CONFIG", "/dev/null");
    pb.environment().putAll(env);
    return pb;
  }

  private static Process start(Map<String, String> env, String... args) throws IOException {
    ProcessBuilder pb = processFor(env, args);
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    return pb.start();
  }

  private static Run run(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    Path out = dir.resolve("out-" + System.nanoTime());
    ProcessBuilder pb = processFor(env, args);
    pb.redirectOutput(out.toFile());
    Path err = dir.resolve("err-" + System.nanoTime());
    pb.redirectError(err.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  /** What {@code args} print in-process, in this environment (as the launched one sees it). */
  private static String inProcess(String... args) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("A2DOCTOR_CONFIG", "/dev/null");
    return Cli.run(env, "", false, args).out();
  }

  private static List<Path> files(Path cache) throws IOException {
    Path d = cache.resolve("a2doctor");
    if (!Files.isDirectory(d)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(d)) {
      // the files beside the archive: the context cache explain writes, the catalog's note
      List<String> others = List.of("context.cache", "catalog.stamp");
      return s.filter(f -> !others.contains(f.getFileName().toString())).sorted().toList();
    }
  }

  private static Map<String, String> cache(Path cache) {
    return Map.of("XDG_CACHE_HOME", cache.toString());
  }

  @Test
  void firstRunRecordsAnArchiveThatHoldsEveryClassOfExplain() throws Exception {
    Path cache = dir.resolve("cache-first");
    Run first = run(cache(cache), "--version");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.err()).isEmpty();
    List<Path> archives = files(cache);
    assertThat(archives).hasSize(1);
    assertThat(archives.get(0).getFileName().toString()).matches("a2doctor-[0-9]+\\.jsa");

    // a first run that was not explain still archived explain's classes (the rehearsal)
    Path log = dir.resolve("class-load.txt");
    Map<String, String> env = new HashMap<>(cache(cache));
    env.put("A2DOCTOR_OPTS", "-Xlog:class+load:file=" + log);
    Run explain = run(env, "explain", ExplainOnlyTest.capturedLine());
    assertThat(explain.code()).isZero();
    assertThat(explain.out()).isEqualTo(inProcess("explain", ExplainOnlyTest.capturedLine()));
    List<String> ours = Files.readAllLines(log).stream()
        .filter(l -> l.contains(" dev.a2doctor.")).toList();
    assertThat(ours).hasSizeGreaterThan(50);
    assertThat(ours).allSatisfy(l -> assertThat(l).contains("source: shared objects file"));
    // nor picocli's parser, Jackson, the YAML loader or JLine on the way of explain's text
    assertThat(Files.readAllLines(log)).noneMatch(l -> l.contains(" picocli.CommandLine ")
        || l.contains(" tools.jackson.") || l.contains(" org.yaml.")
        || l.contains(" org.jline."));
    assertThat(files(cache)).isEqualTo(archives);
  }

  @Test
  void keepsTheExitCodeOnTheRecordingRunAndAfter() throws Exception {
    Path cache = dir.resolve("cache-code");
    Run first = run(cache(cache), "explain", "AH99999");
    Run second = run(cache(cache), "explain", "AH99999");
    assertThat(first.code()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(second).isEqualTo(first);
    assertThat(files(cache)).hasSize(1);
  }

  @Test
  void concurrentFirstRunsAllAnswerAndLeaveOneArchive() throws Exception {
    Path cache = dir.resolve("cache-concurrent");
    List<Process> ps = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ps.add(start(cache(cache), "explain", "AH01630"));
    }
    for (Process p : ps) {
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isZero();
    }
    List<Path> left = files(cache);
    assertThat(left).hasSize(1);
    assertThat(left.get(0).getFileName().toString()).matches("a2doctor-[0-9]+\\.jsa");
    Run after = run(cache(cache), "explain", "AH01630");
    assertThat(after.code()).isZero();
    assertThat(after.err()).isEmpty();
  }

  @Test
  void runsQuietlyWithoutAnArchiveWhenTheCacheCannotBeWritten() throws Exception {
    Path notADir = Files.writeString(dir.resolve("cache-is-a-file"), "x",
        StandardCharsets.UTF_8);
    Run r = run(cache(notADir), "explain", "AH01630");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo(inProcess("explain", "AH01630"));
    assertThat(Files.readString(notADir)).isEqualTo("x");
  }

  @Test
  void replacesTheArchiveWhenTheJarChanges() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("other-install"));
    Path other = bin.resolve("a2doctor");
    Files.copy(launcher, other);
    Files.copy(launcher.resolveSibling("a2doctor.jar"), bin.resolve("a2doctor.jar"));
    Path cache = dir.resolve("cache-new-jar");
    ProcessBuilder pb = new ProcessBuilder(other.toString(), "explain", "AH01630")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("XDG_CACHE_HOME", cache.toString());
    pb.environment().put("A2DOCTOR_CONFIG", "/dev/null");
    pb.environment().remove("A2DOCTOR_OPTS");
    pb.environment().remove("A2DOCTOR_CDS");
    assertThat(pb.start().waitFor()).isZero();
    List<Path> before = files(cache);
    assertThat(before).hasSize(1);
    // a new version installed under the same name (here: the same jar, written an hour later)
    Path jar = bin.resolve("a2doctor.jar");
    Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(
        Files.getLastModifiedTime(jar).toMillis() + 3_600_000));
    assertThat(pb.start().waitFor()).isZero();
    List<Path> after = files(cache);
    assertThat(after).hasSize(1);
    assertThat(after).isNotEqualTo(before);
  }

  @Test
  void keepsNoArchiveWhenTurnedOff() throws Exception {
    Path cache = dir.resolve("cache-off");
    Map<String, String> env = new HashMap<>(cache(cache));
    env.put("A2DOCTOR_CDS", "off");
    Run r = run(env, "explain", "AH01630");
    assertThat(r.code()).isZero();
    assertThat(files(cache)).isEmpty();
  }
}
