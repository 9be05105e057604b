package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fix as a diff that patch applies; the context a2doctor reads, also below --root. */
class FixDiffAndContextTest {

  @TempDir Path tmp;

  private Path copyOfSample() throws IOException {
    Path src = Path.of("samples/wsgi-itk");
    Path dst = tmp.resolve("web01");
    try (Stream<Path> s = Files.walk(src)) {
      for (Path p : s.toList()) {
        Path t = dst.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    return dst;
  }

  @Test
  void theDiffAppliesWithPatchAndMakesTheChange() throws Exception {
    Path web01 = copyOfSample();
    Path conf = web01.resolve("etc/apache2/apache2.conf").toAbsolutePath();
    Cli.Result r = Cli.run("diagnose", "--fix-format", "diff", "--apache-config", conf.toString(),
        "--passwd", web01.resolve("etc/passwd").toString(),
        web01.resolve("error.log").toString());
    assertThat(r.err()).isEmpty();
    String foo = conf.getParent().resolve("sites-enabled/foo.conf").toString();
    assertThat(r.out()).startsWith("--- " + foo.substring(1) + "\n+++ " + foo.substring(1))
        .contains("+\tWSGIDaemonProcess foo_app user=foo group=foo processes=1 threads=2"
            + " home=${A2D_SRV}/foo socket-user=foo\n");
    Path patchFile = tmp.resolve("fix.patch");
    Files.writeString(patchFile, r.out());
    Process p = new ProcessBuilder("patch", "-p0", "-d", "/", "-i", patchFile.toString())
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(Files.readAllLines(Path.of(foo)).get(8)).endsWith("socket-user=foo");
    // applied: a second diagnosis of the same log has nothing left to change
    Cli.Result again = Cli.run("diagnose", "--fix-format", "diff", "--apache-config",
        conf.toString(), "--passwd", web01.resolve("etc/passwd").toString(),
        web01.resolve("error.log").toString());
    assertThat(again.out()).doesNotContain("+++");
  }

  @Test
  void rootReadsACopyOfAnotherServersEtc() throws Exception {
    Path web01 = copyOfSample();
    Cli.Result r = Cli.run("context", "--root", web01.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("Configuration: " + web01.resolve("etc/apache2/apache2.conf"))
        .contains("with MPM-ITK (" + web01.resolve("etc/apache2/mods-enabled/mpm_itk.load:2"))
        .contains("Users:         " + web01.resolve("etc/passwd") + " (5 users)")
        .contains("Virtual hosts: 3")
        .contains("AssignUserID       foo foo (" + web01.resolve(
            "etc/apache2/sites-enabled/foo.conf:7"));
    Cli.Result json = Cli.run("context", "--root", web01.toString(), "--format", "json");
    assertThat(json.out()).startsWith("{\"config\":").contains("\"type\":\"context\"");
  }

  @Test
  void ifModuleAndIfDefineAreEvaluatedAsHttpdDoes() throws IOException {
    Path conf = tmp.resolve("apache2.conf");
    Files.writeString(conf, String.join("\n",
        "LoadModule wsgi_module /usr/lib/apache2/modules/mod_wsgi.so",
        "Define WITH_APP",
        "<IfModule mod_wsgi.c>",
        "  WSGIDaemonProcess app user=www-data",
        "</IfModule>",
        "<IfModule !wsgi_module>",
        "  WSGIDaemonProcess never-seen",
        "</IfModule>",
        "<IfModule mpm_itk_module>",
        "  AssignUserID nobody nogroup",
        "</IfModule>",
        "<IfDefine WITH_APP>",
        "  <IfDefine !NOT_DEFINED>",
        "    User www-data",
        "  </IfDefine>",
        "</IfDefine>",
        ""));
    Cli.Result r = Cli.run(Map.of(), "", false, "context", "--apache-config", conf.toString(),
        "--passwd", "/dev/null");
    assertThat(r.out()).contains("User/Group:    www-data (" + conf + ":14)")
        .contains("Modules:       core").contains(" wsgi").doesNotContain("MPM-ITK");
    List<String> noItk = List.of(r.out().split("\n"));
    assertThat(noItk).noneMatch(l -> l.contains("AssignUserID"));
  }
}
