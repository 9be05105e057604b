package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The launcher script (src/main/sh/a2doctor) with its start-up cache, run as a user runs it:
 * beside an a2doctor.jar made of the compiled classes (the packaged jar is not built yet when
 * the tests run), with the user's cache in a temporary directory; with the Java that runs the
 * tests (an AppCDS archive before Java 25) and with a Java 25 or later from /usr/lib/jvm (an AOT
 * cache), which CI's machines have: in CI, a missing one fails the tests.
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

  /**
   * The classes and resources of {@code classes} and of the libraries on the class path in one
   * jar, as the shade plugin packs them (services merged; no signatures, module descriptors or
   * versioned classes): an AOT cache of Java 25 leaves out classes of multi-release jars and
   * their subclasses, so a jar that only named the libraries would not be the one users run.
   */
  private static void jar(Path classes, Path jar) throws IOException {
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
    Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(f -> !f.equals(classes)).sorted().toList()) {
        String name = classes.relativize(f).toString().replace('\\', '/');
        // directories too: the catalog is found by its directory's entry
        entries.put(Files.isDirectory(f) ? name + "/" : name,
            Files.isDirectory(f) ? new byte[0] : Files.readAllBytes(f));
      }
    }
    for (String p : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!p.endsWith(".jar")) {
        continue;
      }
      try (java.util.jar.JarFile lib = new java.util.jar.JarFile(p)) {
        for (JarEntry e : java.util.Collections.list(lib.entries())) {
          String name = e.getName();
          if (name.equals("META-INF/MANIFEST.MF") || name.matches("META-INF/[^/]*\\.(SF|DSA|RSA)")
              || name.endsWith("module-info.class") || name.startsWith("META-INF/versions/")) {
            continue;
          }
          byte[] bytes = lib.getInputStream(e).readAllBytes();
          if (name.startsWith("META-INF/services/") && entries.containsKey(name)) {
            byte[] before = entries.get(name);
            byte[] both = java.util.Arrays.copyOf(before, before.length + 1 + bytes.length);
            both[before.length] = '\n';
            System.arraycopy(bytes, 0, both, before.length + 1, bytes.length);
            entries.put(name, both);
          } else {
            entries.putIfAbsent(name, bytes);
          }
        }
      }
    }
    try (OutputStream o = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(o, m)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        j.putNextEntry(new JarEntry(e.getKey()));
        j.write(e.getValue());
        j.closeEntry();
      }
    }
  }

  /** A Java installation and its major version. */
  record Java(Path home, int major) {
    @Override
    public String toString() {
      return "Java " + major;
    }

    Map<String, String> env() {
      return Map.of("JAVA_HOME", home.toString());
    }

    /** The name of its AppCDS archive, which every command but diagnose and report uses. */
    String cacheName() {
      return "a2doctor-j" + major + "-[0-9]+\\.jsa";
    }
  }

  /** The major version in a JDK's release file; 0 when there is none. */
  static int major(Path home) {
    try {
      for (String l : Files.readAllLines(home.resolve("release"))) {
        if (l.startsWith("JAVA_VERSION=\"")) {
          String v = l.substring("JAVA_VERSION=\"".length()).replaceAll("[^0-9].*", "");
          return v.isEmpty() ? 0 : Integer.parseInt(v);
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }

  /** The JDKs under /usr/lib/jvm, as the launcher lists them (sorted by name). */
  static List<Path> jvmDirs() throws IOException {
    Path jvm = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvm)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(jvm)) {
      return s.filter(d -> Files.isExecutable(d.resolve("bin/java")))
          .sorted(java.util.Comparator.comparing(d -> d.getFileName().toString())).toList();
    }
  }

  /** The Java running the tests, and the newest Java 25+ under /usr/lib/jvm. */
  static List<Java> javas() throws IOException {
    List<Java> javas = new ArrayList<>();
    javas.add(new Java(Path.of(System.getProperty("java.home")), Runtime.version().feature()));
    Java newest = null;
    for (Path d : jvmDirs()) {
      int m = major(d);
      if (m >= 25 && (newest == null || m > newest.major())) {
        newest = new Java(d, m);
      }
    }
    if (newest != null && newest.major() != javas.get(0).major()) {
      javas.add(newest);
    } else if (newest == null && System.getenv("CI") != null) {
      throw new IllegalStateException("CI: no Java 25 or later under /usr/lib/jvm, whose AOT "
          + "cache the launcher uses (this kind of machine has Temurin 25 there)");
    }
    return javas;
  }

  /** The launcher with {@code args}, in a clean environment plus {@code env}. */
  private static ProcessBuilder processFor(Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().remove("A2DOCTOR_OPTS");
    pb.environment().remove("A2DOCTOR_CDS");
    pb.environment().remove("JAVA_HOME");
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

  private static Map<String, String> cache(Path cache, Java java) {
    Map<String, String> env = new HashMap<>(java.env());
    env.put("XDG_CACHE_HOME", cache.toString());
    return env;
  }

  @ParameterizedTest
  @MethodSource("javas")
  void firstRunRecordsACacheThatHoldsEveryClassOfExplain(Java java) throws Exception {
    Path cache = dir.resolve("cache-first-" + java.major());
    Run first = run(cache(cache, java), "--version");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.err()).isEmpty();
    // nothing but what the command says: no word of the JVM's recording on stdout
    assertThat(first.out()).startsWith("a2doctor ").contains("java: " + java.major() + ".")
        .doesNotContain("AOT").doesNotContain("warning");
    List<Path> archives = files(cache);
    assertThat(archives).hasSize(1);
    assertThat(archives.get(0).getFileName().toString()).matches(java.cacheName());

    // a first run that was not explain still archived explain's classes (the rehearsal)
    Path log = dir.resolve("class-load-" + java.major() + ".txt");
    Map<String, String> env = new HashMap<>(cache(cache, java));
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

  @ParameterizedTest
  @MethodSource("javas")
  void keepsTheExitCodeOnTheRecordingRunAndAfter(Java java) throws Exception {
    Path cache = dir.resolve("cache-code-" + java.major());
    Run first = run(cache(cache, java), "explain", "AH99999");
    Run second = run(cache(cache, java), "explain", "AH99999");
    assertThat(first.code()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(second).isEqualTo(first);
    assertThat(files(cache)).hasSize(1);
  }

  @ParameterizedTest
  @MethodSource("javas")
  void concurrentFirstRunsAllAnswerAndLeaveOneArchive(Java java) throws Exception {
    Path cache = dir.resolve("cache-concurrent-" + java.major());
    List<Process> ps = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ps.add(start(cache(cache, java), "explain", "AH01630"));
    }
    for (Process p : ps) {
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isZero();
    }
    List<Path> left = files(cache);
    assertThat(left).hasSize(1);
    assertThat(left.get(0).getFileName().toString()).matches(java.cacheName());
    Run after = run(cache(cache, java), "explain", "AH01630");
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

  @ParameterizedTest
  @MethodSource("javas")
  void replacesTheArchiveWhenTheJarChanges(Java java) throws Exception {
    Path bin = Files.createDirectories(dir.resolve("other-install-" + java.major()));
    Path other = bin.resolve("a2doctor");
    Files.copy(launcher, other);
    Files.copy(launcher.resolveSibling("a2doctor.jar"), bin.resolve("a2doctor.jar"));
    Path cache = dir.resolve("cache-new-jar-" + java.major());
    ProcessBuilder pb = new ProcessBuilder(other.toString(), "explain", "AH01630")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().putAll(cache(cache, java));
    pb.environment().put("A2DOCTOR_CONFIG", "/dev/null");
    pb.environment().remove("A2DOCTOR_OPTS");
    pb.environment().remove("A2DOCTOR_CDS");
    assertThat(pb.start().waitFor()).isZero();
    List<Path> before = files(cache);
    assertThat(before).hasSize(1);
    // a new version installed under the same name (here: the same jar, written an hour later)
    Path jar = bin.resolve("a2doctor.jar");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(
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

  /** The java.home of the JVM the launcher started, as {@code -XshowSettings} prints it. */
  private static Path javaHomeOf(Map<String, String> env) throws Exception {
    Map<String, String> e = new HashMap<>(env);
    e.put("A2DOCTOR_OPTS", "-XshowSettings:properties");
    e.put("A2DOCTOR_CDS", "off");
    Run r = run(e, "--version");
    assertThat(r.code()).as(r.err()).isZero();
    String home = r.err().lines().map(String::strip).filter(l -> l.startsWith("java.home = "))
        .findFirst().orElseThrow().substring("java.home = ".length());
    return Path.of(home).toRealPath();
  }

  @Test
  void withoutJavaHomeRunsTheJavaOnPathThatTheSystemChose() throws Exception {
    // java on PATH (Debian's alternatives) before /usr/lib/jvm, even where a newer one is there
    Path onPath = null;
    for (String d : System.getenv("PATH").split(File.pathSeparator)) {
      Path java = Path.of(d.isEmpty() ? "." : d, "java");
      if (Files.isExecutable(java)) {
        onPath = java.toRealPath().getParent().getParent();
        break;
      }
    }
    assertThat(onPath).as("java on PATH").isNotNull();
    assertThat(major(onPath)).isGreaterThanOrEqualTo(17);
    assertThat(javaHomeOf(Map.of())).isEqualTo(onPath.toRealPath());
  }

  @Test
  void findsTheJdkOfTheSystemsJavaWithoutRunningReadlink() throws Exception {
    // java on PATH as Debian's alternatives make it (a link to a link into /usr/lib/jvm): the
    // launcher finds its JDK by the shell's -ef test, without the fork of readlink -f, which
    // cost explain's start about 5 ms; a readlink on PATH that leaves a mark tells
    Java java = javas().get(javas().size() - 1);
    org.junit.jupiter.api.Assumptions.assumeTrue(
        java.home().toString().startsWith("/usr/lib/jvm/"), "the Java is not under /usr/lib/jvm");
    Path bin = Files.createDirectories(dir.resolve("alternatives-bin"));
    Path alternative = dir.resolve("alternatives-java");
    Files.deleteIfExists(alternative);
    Files.createSymbolicLink(alternative, java.home().resolve("bin/java"));
    Files.deleteIfExists(bin.resolve("java"));
    Files.createSymbolicLink(bin.resolve("java"), alternative);
    Path mark = dir.resolve("readlink-ran");
    Path readlink = bin.resolve("readlink");
    Files.writeString(readlink,
        "#!/bin/sh\necho \"$@\" >> '" + mark + "'\nexec /usr/bin/readlink \"$@\"\n");
    Files.setPosixFilePermissions(readlink, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path cache = dir.resolve("cache-alternatives");
    Map<String, String> env = new HashMap<>(cache(cache));
    env.put("PATH", bin + File.pathSeparator + System.getenv("PATH"));

    assertThat(javaHomeOf(env)).isEqualTo(java.home().toRealPath());
    assertThat(run(env, "explain", "AH01630").code()).isZero();
    assertThat(files(cache)).as("its cache, named after that Java")
        .anyMatch(f -> f.getFileName().toString().matches(java.cacheName()));
    assertThat(mark).as("readlink run with: %s", Files.exists(mark) ? Files.readString(mark) : "")
        .doesNotExist();
  }

  @Test
  void javaHomeWinsOverJavaOnPath() throws Exception {
    Java other = javas().get(javas().size() - 1); // the Java 25 where there is one
    assertThat(javaHomeOf(other.env())).isEqualTo(other.home().toRealPath());
  }

  @Test
  void keepsOneCachePerJava() throws Exception {
    List<Java> javas = javas();
    org.junit.jupiter.api.Assumptions.assumeTrue(javas.size() > 1, "only one Java here");
    Path cache = dir.resolve("cache-two-javas");
    for (Java java : javas) {
      assertThat(run(cache(cache, java), "explain", "AH01630").code()).isZero();
    }
    List<Path> both = files(cache);
    assertThat(both).hasSize(2);
    Map<Path, Object> keys = new HashMap<>();
    for (Path p : both) {
      keys.put(p, Files.readAttributes(p, "unix:ino,lastModifiedTime"));
    }
    // each Java's later runs use its own cache and record nothing again
    for (Java java : javas) {
      Run r = run(cache(cache, java), "explain", "AH01630");
      assertThat(r.code()).isZero();
      assertThat(r.err()).isEmpty();
      assertThat(r.out()).isEqualTo(inProcess("explain", "AH01630"));
    }
    for (Path p : files(cache)) {
      assertThat(Files.readAttributes(p, "unix:ino,lastModifiedTime")).isEqualTo(keys.get(p));
    }
  }

  /** The Java 25+ of {@link #javas}, or none. */
  private static Java java25() throws IOException {
    Java java = javas().stream().filter(j -> j.major() >= 25).findFirst().orElse(null);
    org.junit.jupiter.api.Assumptions.assumeTrue(java != null, "no Java 25 here");
    return java;
  }

  @Test
  void logReadingCommandsGetAnAotCacheOnJava25AndShortOnesAnArchive() throws Exception {
    Java java = java25();
    Path cache = dir.resolve("cache-aot");
    String sample = "samples/access-require/error.log";
    String expected = inProcess("diagnose", "--no-context", sample);
    Run first = run(cache(cache, java), "diagnose", "--no-context", sample);
    assertThat(first.err()).isEmpty();
    assertThat(first.out()).isEqualTo(expected);
    assertThat(files(cache)).singleElement().satisfies(
        p -> assertThat(p.getFileName().toString()).matches("a2doctor-j" + java.major()
            + "-[0-9]+\\.aot"));
    assertThat(run(cache(cache, java), "explain", "AH01630").code()).isZero();
    assertThat(files(cache)).hasSize(2).anySatisfy(
        p -> assertThat(p.getFileName().toString()).matches(java.cacheName()));
    // the next diagnosis maps the AOT cache, and says the same
    Map<String, String> env = new HashMap<>(cache(cache, java));
    env.put("A2DOCTOR_OPTS", "-Xlog:aot=info:file=" + dir.resolve("aot.txt"));
    Run second = run(env, "diagnose", "--no-context", sample);
    assertThat(second.out()).isEqualTo(expected);
    assertThat(second.code()).isEqualTo(first.code());
    assertThat(Files.readString(dir.resolve("aot.txt"))).contains("Opened AOT cache "
        + files(cache).stream().filter(p -> p.toString().endsWith(".aot")).findFirst()
            .orElseThrow());
  }

  @Test
  void theTrainingRunOfAnAotCacheLeavesNoTemporaryFile() throws Exception {
    Java java = java25();
    Path tmp = Files.createDirectories(dir.resolve("tmp-training"));
    Path cache = dir.resolve("cache-training");
    Map<String, String> env = new HashMap<>(cache(cache, java));
    env.put("A2DOCTOR_OPTS", "-Djava.io.tmpdir=" + tmp);
    Run r = run(env, "diagnose", "--no-context", "samples/access-require/error.log");
    assertThat(r.err()).isEmpty();
    assertThat(files(cache)).hasSize(1);
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("javas")
  void sharingOptionsOfTheUserTurnTheCacheOff(Java java) throws Exception {
    // the JVM refuses -XX:AOTConfiguration with -Xshare, and a refused recording run would
    // fail the command every time: the launcher leaves sharing to the user's options
    Path cache = dir.resolve("cache-xshare-" + java.major());
    Map<String, String> env = new HashMap<>(cache(cache, java));
    env.put("A2DOCTOR_OPTS", "-Xshare:off");
    Run r = run(env, "explain", "AH01630");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo(inProcess("explain", "AH01630"));
    assertThat(files(cache)).isEmpty();
  }

  @Test
  void runsThatGoOnUntilStoppedRecordNothing() throws Exception {
    // watch, shell and a bare a2doctor reading a pipe end with ^C, which would keep nothing:
    // they use a cache made by another command but do not make one
    Path cache = dir.resolve("cache-watch");
    Run watch = run(cache(cache), "watch", "--help");
    assertThat(watch.code()).as(watch.err()).isZero();
    assertThat(files(cache)).isEmpty();
    assertThat(run(cache(cache), "explain", "AH01630").code()).isZero();
    assertThat(files(cache)).hasSize(1);
  }
}
