package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code a2doctor explain} starts without java.lang.invoke's lambda machinery, java.util.Formatter,
 * java.util.regex, Jackson's ObjectMapper or picocli (issue 8: a cold explain in 200 ms). The first lambda
 * a JVM links costs about 10 ms and each further one about 0.35 ms even from the AppCDS archive;
 * Formatter loads locale data and resource bundles (about 7 ms); ObjectMapper about 500 classes.
 * Each command runs in a child JVM, as the launcher runs it, from a jar of the main classes (the
 * catalog index is then read from the jar, as installed) with the libraries beside it, with the
 * context cache written by a first run, and the classes it loads are logged
 * ({@code -Xlog:class+load}). A class that cannot go is added to {@link #ALLOWED} with the
 * reason.
 */
class ExplainStartupTest {

  @TempDir static Path dir;
  static String classpath;

  /** A real line, written by httpd 2.4 in samples/access-require. */
  static String line;

  /**
   * Classes no explain may load: the start-up costs named above, and any of picocli's (its
   * Java 5 class files are not archived: one loaded opens the jar for classes, 4 ms).
   */
  private static final List<String> FORBIDDEN = List.of(
      "java.lang.invoke.LambdaMetafactory", "java.lang.invoke.InnerClassLambdaMetafactory",
      "java.lang.runtime.ObjectMethods", // a record's equals, hashCode or toString called
      "java.util.Formatter", "java.text.DecimalFormatSymbols",
      "java.util.regex.Pattern", "java.util.stream.ReferencePipeline",
      "tools.jackson.databind.ObjectMapper",
      // a resource read with getResourceAsStream: the JDK's module image is searched first,
      // then the jar is read through a URL connection (6 ms; OwnJar reads the jar directly)
      "jdk.internal.jimage.ImageReader", "sun.net.www.protocol.jar.JarURLConnection");

  /** Class name -> why explain may load it after all. */
  private static final Map<String, String> ALLOWED = Map.of();

  @BeforeAll
  static void build() throws IOException {
    Path jar = dir.resolve("a2doctor.jar");
    jar(Path.of("target/classes"), jar);
    List<String> cp = new ArrayList<>(List.of(jar.toString()));
    String test = System.getProperty("surefire.test.class.path");
    if (test == null || test.isBlank()) {
      test = System.getProperty("java.class.path");
    }
    for (String p : test.split(File.pathSeparator)) {
      if (p.endsWith(".jar")) {
        cp.add(p); // the libraries; not target/classes, whose copy is the jar
      }
    }
    classpath = String.join(File.pathSeparator, cp);
    try (Stream<String> lines = Files.lines(Path.of("samples/access-require/error.log"))) {
      line = lines.filter(l -> l.contains("AH01630")).findFirst().orElseThrow();
    }
  }

  /** The classes of {@code classes} in a jar: CatalogIndex reads the index from its own jar. */
  private static void jar(Path classes, Path jar) throws IOException {
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    try (Stream<Path> files = Files.walk(classes);
        OutputStream o = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(o, m)) {
      for (Path f : files.filter(f -> !f.equals(classes)).sorted().toList()) {
        String name = classes.relativize(f).toString().replace('\\', '/');
        boolean directory = Files.isDirectory(f);
        j.putNextEntry(new JarEntry(directory ? name + "/" : name));
        if (!directory) {
          j.write(Files.readAllBytes(f));
        }
        j.closeEntry();
      }
    }
  }

  @ParameterizedTest(name = "explain {0}")
  @ValueSource(strings = {"LINE", "--format json LINE", "AH01630"})
  void explainStartsWithoutLambdasOrHeavyJdkClasses(String command) throws Exception {
    List<String> args = new ArrayList<>();
    for (String a : command.split(" ")) {
      args.add(a.equals("LINE") ? line : a);
    }
    Path cache = Files.createDirectories(dir.resolve("cache-" + System.nanoTime()));
    // the first run writes the context cache, which explain then reads on every start
    run(cache, null, args);
    Path log = dir.resolve("classes-" + System.nanoTime() + ".txt");
    String out = run(cache, log, args);
    assertThat(out).contains("client-denied-by-server-configuration");

    List<String> loaded = new ArrayList<>();
    for (String l : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      // [0.089s][info][class,load] java.lang.Object source: shared objects file
      int at = l.indexOf("[class,load] ");
      if (at >= 0) {
        String rest = l.substring(at + "[class,load] ".length());
        loaded.add(rest.substring(0, rest.indexOf(' ') < 0 ? rest.length() : rest.indexOf(' ')));
      }
    }
    assertThat(loaded).as("classes logged").contains(Main.class.getName());
    List<String> found = new ArrayList<>();
    for (String c : loaded) {
      if ((c.contains("$$Lambda") || FORBIDDEN.contains(c) || c.startsWith("picocli."))
          && !ALLOWED.containsKey(c)) {
        found.add(c);
      }
    }
    assertThat(found).as("lambdas and heavy JDK classes loaded by explain " + command).isEmpty();
  }

  /** {@code a2doctor explain ARGS} as the launcher runs it; its output. */
  private static String run(Path cache, Path classLog, List<String> args)
      throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData"));
    if (classLog != null) {
      command.add("-Xlog:class+load=info:file=" + classLog);
    }
    command.addAll(List.of("-cp", classpath, Main.class.getName(), "explain", "--root",
        "samples/access-require"));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("XDG_CACHE_HOME", cache.toString());
    pb.environment().put("A2DOCTOR_CONFIG", "/dev/null");
    pb.environment().put("A2DOCTOR_PATTERNS_D", "");
    pb.environment().remove("A2DOCTOR_CACHE");
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    Path out = dir.resolve("out-" + System.nanoTime());
    pb.redirectOutput(out.toFile());
    pb.redirectErrorStream(true);
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finished").isTrue();
    String text = Files.readString(out);
    assertThat(p.exitValue()).as(text).isZero();
    return text;
  }
}
