package dev.a2doctor.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApacheConfigReaderTest {

  @TempDir Path root;

  private void write(String relative, String text) throws IOException {
    Path p = root.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private ApacheConfig read(Map<String, String> env) throws IOException {
    return new ApacheConfigReader(env::get).read(root.resolve("apache2.conf"));
  }

  @Test
  void followsIncludesWithGlobsInOrderAndRecordsFileAndLine() throws IOException {
    write("envvars", """
        # Debian's envvars is shell
        export APACHE_RUN_USER=www-data
        export APACHE_RUN_DIR=/var/run/apache2$SUFFIX   # a comment, as admins write them
        export QUOTED="/srv/my site"
        if [ "x" = y ]; then export IGNORED=1; fi
        """);
    write("apache2.conf", """
        DefaultRuntimeDir ${APACHE_RUN_DIR}
        User ${APACHE_RUN_USER}
        Define QUOTED_SEEN "${QUOTED}"
        IncludeOptional mods-enabled/*.load
        IncludeOptional sites-enabled/*.conf
        IncludeOptional conf-enabled/*.conf
        Include ports.conf
        """);
    write("ports.conf", "Listen 80\n");
    write("mods-enabled/mpm_itk.load", "LoadModule mpm_itk_module /usr/lib/apache2/modules/mpm_itk.so\n");
    write("mods-enabled/alias.load", "LoadModule alias_module /usr/lib/apache2/modules/mod_alias.so\n");
    write("sites-enabled/foo.conf", """
        <VirtualHost *:80>
            ServerName foo.test
            # a comment
            AssignUserID foo foo
            WSGIDaemonProcess foo_app user=foo group=foo \\
                processes=1 threads=2
        </VirtualHost>
        ServerAdmin outside@example.com
        """);
    ApacheConfig c = read(Map.of());
    assertThat(c.directives()).extracting(Directive::name).containsExactly(
        "DefaultRuntimeDir", "User", "Define", "IncludeOptional", "LoadModule", "LoadModule",
        "IncludeOptional", "ServerName", "AssignUserID", "WSGIDaemonProcess", "ServerAdmin",
        "IncludeOptional", "Include", "Listen");
    assertThat(c.serverLevel("User").orElseThrow().arg(0)).isEqualTo("www-data");
    assertThat(c.serverLevel("DefaultRuntimeDir").orElseThrow().arg(0))
        .isEqualTo("/var/run/apache2");
    assertThat(c.all("Define").get(0).arg(1)).isEqualTo("/srv/my site");
    assertThat(c.loadModule("mpm_itk_module")).isPresent();
    assertThat(c.loadModule("mpm_event_module")).isEmpty();
    Directive d = c.all("wsgidaemonprocess").get(0);
    assertThat(d.file()).isEqualTo(root.resolve("sites-enabled/foo.conf"));
    assertThat(d.line()).isEqualTo(5);
    assertThat(d.lastLine()).isEqualTo(6);
    assertThat(d.text()).isEqualTo("        processes=1 threads=2");
    assertThat(d.args()).containsExactly("foo_app", "user=foo", "group=foo", "processes=1",
        "threads=2");
    assertThat(d.serverName()).isEqualTo("foo.test");
    assertThat(d.inVirtualHost()).isTrue();
    Directive outside = c.all("ServerAdmin").get(0);
    assertThat(outside.inVirtualHost()).isFalse();
    assertThat(outside.serverName()).isEmpty();
    assertThat(c.problems()).isEmpty();
  }

  @Test
  void definesAndTheEnvironmentFillVariablesAndUnknownOnesStay() throws IOException {
    write("apache2.conf", """
        Define SITE /srv/site
        DocumentRoot "${SITE}/public"
        ErrorLog ${LOGDIR}/error.log
        CustomLog ${NOT_SET}/access.log combined
        """);
    ApacheConfig c = read(Map.of("LOGDIR", "/var/log/x"));
    assertThat(c.all("DocumentRoot").get(0).arg(0)).isEqualTo("/srv/site/public");
    assertThat(c.all("ErrorLog").get(0).arg(0)).isEqualTo("/var/log/x/error.log");
    assertThat(c.all("CustomLog").get(0).arg(0)).isEqualTo("${NOT_SET}/access.log");
  }

  @Test
  void aMissingIncludeIsAProblemNotAFailureAndLoopsStop() throws IOException {
    write("apache2.conf", "Include missing.conf\nInclude self.conf\n");
    write("self.conf", "Include self.conf\n");
    ApacheConfig c = read(Map.of());
    assertThat(c.problems()).anyMatch(p -> p.contains("missing.conf: no such file"))
        .anyMatch(p -> p.contains("nested more than"));
  }

  @Test
  void aDirectoryIncludeReadsItsFiles() throws IOException {
    write("apache2.conf", "Include conf.d\n");
    write("conf.d/b.conf", "ServerName b\n");
    write("conf.d/a.conf", "ServerName a\n");
    assertThat(read(Map.of()).all("ServerName")).extracting(d -> d.arg(0))
        .containsExactly("a", "b");
  }
}
