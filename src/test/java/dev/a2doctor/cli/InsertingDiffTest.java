package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fix that adds a line (a LoadModule on Red Hat) is a diff patch applies, too. */
class InsertingDiffTest {

  @TempDir Path tmp;

  @Test
  void theAddedLoadModuleLineAppliesWithPatch() throws Exception {
    Path src = Path.of("samples/rhel-httpd");
    Path web = tmp.resolve("web02").toAbsolutePath();
    try (Stream<Path> s = Files.walk(src)) {
      for (Path p : s.toList()) {
        Path t = web.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    Path base = web.resolve("etc/httpd/conf.modules.d/00-base.conf");
    List<String> lines = Files.readAllLines(base).stream()
        .filter(l -> !l.startsWith("LoadModule rewrite_module")).toList();
    Files.write(base, lines);
    int before = lines.size();

    Cli.Result r = Cli.run("diagnose", "--fix-format", "diff", "--root", web.toString(),
        web.resolve("error.log").toString());
    assertThat(r.out()).contains("+LoadModule rewrite_module modules/mod_rewrite.so\n");
    Path patchFile = tmp.resolve("fix.patch");
    Files.writeString(patchFile, r.out());
    Process p = new ProcessBuilder("patch", "-p0", "-d", "/", "-i", patchFile.toString())
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output + "\n" + r.out()).isZero();
    List<String> after = Files.readAllLines(base);
    assertThat(after).hasSize(before + 1).contains("LoadModule rewrite_module modules/mod_rewrite.so");

    Cli.Result again = Cli.run("diagnose", "--fix-format", "diff", "--root", web.toString(),
        web.resolve("error.log").toString());
    assertThat(again.out()).doesNotContain("+++");
  }
}
