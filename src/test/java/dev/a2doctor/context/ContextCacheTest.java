package dev.a2doctor.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The context cache gives the context a fresh read would, and reads again whenever something
 * that decided it changed. The server trees are copies of the samples' {@code etc} below
 * {@code --root}, their times set an hour back (the cache does not trust a file changed in the
 * last seconds, as a test's fresh copy is).
 */
class ContextCacheTest {

  private static final long HOUR_AGO = System.currentTimeMillis() - 3_600_000;

  @TempDir Path tmp;
  private final Map<String, String> env = new HashMap<>();

  private Path cache() {
    return tmp.resolve("cache/a2doctor");
  }

  private Path cacheFile() {
    return cache().resolve(ContextCache.FILE);
  }

  private ServerContext cached(Path apacheConfig, Path root) {
    return new ContextLoader(env::get).loadCached(apacheConfig, null, root, cache());
  }

  private ServerContext fresh(Path apacheConfig, Path root) {
    return new ContextLoader(env::get).load(apacheConfig, null, root);
  }

  /** The cache file's inode: a read that misses writes a new file and renames it in place. */
  private Object inode() throws IOException {
    return Files.readAttributes(cacheFile(), "unix:ino").get("ino");
  }

  @ParameterizedTest
  @ValueSource(strings = {"access-require", "custom-format", "dir-index", "rhel-httpd",
      "wsgi-itk", "wsgi-socketdir"})
  void givesTheContextAFreshReadGivesForEachSample(String sample) throws IOException {
    Path root = copy(Path.of("samples", sample), sample);
    ServerContext first = cached(null, root);
    assertThat(cacheFile()).exists();
    Object written = inode();
    ServerContext again = cached(null, root);
    assertThat(inode()).as("the second start loads the cache, it does not rewrite it")
        .isEqualTo(written);
    assertSame(again, fresh(null, root));
    assertSame(first, fresh(null, root));
    assertThat(again.config()).isPresent();
    assertThat(again.config().get().directives()).isNotEmpty();
  }

  @Test
  void rereadsAFileChangedToTheSameSize() throws IOException {
    Path root = copy(Path.of("samples/access-require"), "a");
    Path ports = root.resolve("etc/apache2/ports.conf");
    cached(null, root);
    Object written = inode();
    String before = Files.readString(ports);
    assertThat(before).contains("Listen 127.0.0.1:");
    Files.writeString(ports, before.replace("Listen 127.0.0.1:", "Listen 127.0.0.2:"));
    Files.setLastModifiedTime(ports, FileTime.fromMillis(HOUR_AGO + 60_000));
    ServerContext after = cached(null, root);
    assertThat(Files.size(ports)).isEqualTo(before.length());
    assertThat(listens(after)).singleElement().asString().startsWith("127.0.0.2:");
    assertThat(inode()).isNotEqualTo(written);
    assertSame(after, fresh(null, root));
  }

  @Test
  void rereadsWhenAFileAppearsInAGlobbedDirectory() throws IOException {
    Path root = copy(Path.of("samples/access-require"), "a");
    cached(null, root);
    Files.writeString(root.resolve("etc/apache2/sites-enabled/zz-new.conf"), "Listen 8443\n");
    assertThat(listens(cached(null, root))).contains("8443");
  }

  @Test
  void rereadsWhenAFileIsRemoved() throws IOException {
    Path root = copy(Path.of("samples/access-require"), "a");
    assertThat(listens(cached(null, root))).isNotEmpty();
    Files.delete(root.resolve("etc/apache2/ports.conf"));
    ServerContext after = cached(null, root);
    assertThat(listens(after)).isEmpty();
    assertSame(after, fresh(null, root));
  }

  @Test
  void rereadsForAnotherRootOrAnotherMainFile() throws IOException {
    Path a = copy(Path.of("samples/access-require"), "a");
    Path b = copy(Path.of("samples/dir-index"), "b");
    assertThat(cached(null, a).root()).contains(a);
    ServerContext other = cached(null, b);
    assertThat(other.root()).contains(b);
    assertSame(other, fresh(null, b));
    Path main = b.resolve("etc/apache2/apache2.conf");
    ServerContext explicit = cached(main, null);
    assertThat(explicit.config().get().mainFile()).isEqualTo(main);
    assertThat(explicit.root()).isEmpty();
    assertSame(explicit, fresh(main, null));
  }

  @Test
  void rereadsWhenEnvvarsChanges() throws IOException {
    Path root = copy(Path.of("samples/access-require"), "a");
    Path envvars = root.resolve("etc/apache2/envvars");
    cached(null, root);
    String text = Files.readString(envvars);
    assertThat(text).contains("APACHE_LOG_DIR=/var/log/apache2$SUFFIX");
    Files.writeString(envvars, text.replace("APACHE_LOG_DIR=/var/log/apache2$SUFFIX",
        "APACHE_LOG_DIR=/var/log/apache9$SUFFIX"));
    Files.setLastModifiedTime(envvars, FileTime.fromMillis(HOUR_AGO + 60_000));
    assertThat(errorLog(cached(null, root))).isEqualTo("/var/log/apache9/error.log");
  }

  @Test
  void rereadsWhenAnEnvironmentVariableTheConfigurationUsesChanges() throws IOException {
    Path root = copy(Path.of("samples/access-require"), "a");
    // Debian's envvars: APACHE_LOG_DIR=/var/log/apache2$SUFFIX, SUFFIX from the environment
    assertThat(errorLog(cached(null, root))).isEqualTo("/var/log/apache2/error.log");
    env.put("SUFFIX", "-two");
    assertThat(errorLog(cached(null, root))).isEqualTo("/var/log/apache2-two/error.log");
    env.put("UNRELATED", "x");
    Object written = inode();
    cached(null, root);
    assertThat(inode()).as("a variable the configuration never asked for").isEqualTo(written);
  }

  @Test
  void ignoresAndRewritesACorruptCache() throws IOException {
    Path root = copy(Path.of("samples/access-require"), "a");
    cached(null, root);
    byte[] good = Files.readAllBytes(cacheFile());
    for (byte[] bad : List.of("garbage".getBytes(StandardCharsets.UTF_8),
        java.util.Arrays.copyOf(good, good.length / 2), flipLast(good), new byte[0])) {
      Files.write(cacheFile(), bad);
      assertSame(cached(null, root), fresh(null, root));
      assertThat(Files.readAllBytes(cacheFile())).as("rewritten").isEqualTo(good);
    }
  }

  @Test
  void answersWhenTheCacheCannotBeWritten() throws IOException {
    Path root = copy(Path.of("samples/access-require"), "a");
    Files.writeString(tmp.resolve("cache"), "a file where the directory would be");
    assertSame(cached(null, root), fresh(null, root));
    assertThat(tmp.resolve("cache")).isRegularFile();
  }

  @Test
  void keepsTheCachePrivate() throws IOException {
    Path root = copy(Path.of("samples/access-require"), "a");
    cached(null, root);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheFile())))
        .isEqualTo("rw-------");
    try (Stream<Path> s = Files.list(cache())) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly(ContextCache.FILE);
    }
  }

  @Test
  void doesNotCacheAConfigurationChangedSecondsAgo() throws IOException {
    Path root = copy(Path.of("samples/access-require"), "a");
    Files.setLastModifiedTime(root.resolve("etc/apache2/ports.conf"),
        FileTime.fromMillis(System.currentTimeMillis()));
    assertSame(cached(null, root), fresh(null, root));
    assertThat(cacheFile()).doesNotExist();
  }

  @Test
  void isOffWithA2doctorCacheOffOrWithoutAHome() {
    assertThat(ContextLoader.cacheDir(Map.of("HOME", "/home/u")::get))
        .isEqualTo(Path.of("/home/u/.cache/a2doctor"));
    assertThat(ContextLoader.cacheDir(Map.of("HOME", "/home/u", "XDG_CACHE_HOME", "/c")::get))
        .isEqualTo(Path.of("/c/a2doctor"));
    assertThat(ContextLoader.cacheDir(Map.of("HOME", "/home/u", "XDG_CACHE_HOME", "")::get))
        .isEqualTo(Path.of("/home/u/.cache/a2doctor"));
    assertThat(ContextLoader.cacheDir(Map.of("HOME", "/home/u", "A2DOCTOR_CACHE", "off")::get))
        .isNull();
    assertThat(ContextLoader.cacheDir(Map.<String, String>of()::get)).isNull();
  }

  private static byte[] flipLast(byte[] b) {
    byte[] c = b.clone();
    c[c.length - 1] ^= 0x55;
    return c;
  }

  private static List<String> listens(ServerContext c) {
    return c.config().get().all("Listen").stream().map(d -> d.arg(0)).toList();
  }

  private static String errorLog(ServerContext c) {
    return c.config().get().serverLevel("ErrorLog").get().arg(0);
  }

  private static void assertSame(ServerContext actual, ServerContext expected) {
    assertThat(actual.config()).isEqualTo(expected.config());
    assertThat(actual.contextNotes()).isEqualTo(expected.contextNotes());
    assertThat(actual.root()).isEqualTo(expected.root());
    assertThat(actual.users().isPresent()).isEqualTo(expected.users().isPresent());
    actual.users().ifPresent(u -> {
      assertThat(u.path()).isEqualTo(expected.users().get().path());
      assertThat(u.names()).isEqualTo(expected.users().get().names());
      assertThat(u.uids()).isEqualTo(expected.users().get().uids());
    });
  }

  /** A copy of {@code sample}'s tree with every time an hour back. */
  private Path copy(Path sample, String name) throws IOException {
    return AgedCopy.of(sample, tmp.resolve(name));
  }

}
