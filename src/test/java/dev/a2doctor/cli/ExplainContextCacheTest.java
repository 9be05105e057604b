package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code a2doctor explain} answers byte for byte the same with the context cache off, on its
 * first run (which writes the cache) and on a run that loads it, for the real lines and server
 * configurations of the samples (a copy below {@code --root}), as text and JSON, in English and
 * Japanese.
 */
class ExplainContextCacheTest {

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"access-require/error.log", "dir-index/error.log",
      "rhel-httpd/error.log", "wsgi-itk/error.log", "wsgi-socketdir/error.log",
      "custom-format/var/log/apache2/vhosts.log"})
  void answersTheSameWithAndWithoutTheCache(String log) throws IOException {
    String sample = log.substring(0, log.indexOf('/'));
    Path root = agedCopy(Path.of("samples", sample));
    Path cache = tmp.resolve("cache");
    Map<String, String> off = Map.of();
    Map<String, String> on = Map.of("XDG_CACHE_HOME", cache.toString());
    Path cacheFile = cache.resolve("a2doctor/context.cache");
    List<String> lines = Files.readAllLines(Path.of("samples", log)).stream()
        .filter(l -> !l.isBlank()).distinct().limit(3).toList();
    assertThat(lines).isNotEmpty();
    int explained = 0;
    for (String line : lines) {
      for (List<String> options : List.<List<String>>of(List.of(), List.of("--lang", "ja"),
          List.of("--format", "json"), List.of("--format", "json", "--lang", "ja"))) {
        List<String> args = new ArrayList<>(List.of("explain", "--root", root.toString()));
        args.addAll(options);
        args.add(line);
        String[] a = args.toArray(String[]::new);
        Cli.Result without = Cli.run(off, "", false, a);
        Cli.Result first = Cli.run(on, "", false, a);
        assertThat(cacheFile).exists();
        Object inode = Files.readAttributes(cacheFile, "unix:ino").get("ino");
        Cli.Result cached = Cli.run(on, "", false, a);
        assertThat(Files.readAttributes(cacheFile, "unix:ino").get("ino"))
            .as("the third run loaded the cache").isEqualTo(inode);
        for (Cli.Result r : List.of(first, cached)) {
          assertThat(r.out()).as("%s", args).isEqualTo(without.out());
          assertThat(r.err()).isEqualTo(without.err());
          assertThat(r.code()).isEqualTo(without.code());
        }
        if (without.code() == ExitCodes.OK) {
          explained++;
        }
      }
    }
    assertThat(explained).as("lines the catalog explains").isPositive();
  }

  /** A copy of the sample with every time an hour back (the cache skips fresh changes). */
  private Path agedCopy(Path sample) throws IOException {
    return dev.a2doctor.context.AgedCopy.of(sample, tmp.resolve("server"));
  }

}
