package dev.a2doctor.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.a2doctor.report.Finding;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** samples/rhel-httpd: Fedora's httpd package configuration, read with {@code --root}. */
class RedHatLayoutTest {

  static final Path ROOT = Path.of("samples/rhel-httpd");

  private final ServerContext ctx = new ContextLoader(Map.<String, String>of()::get)
      .load(null, null, ROOT);

  @Test
  void theMainFileIsFoundBelowTheRootAndServerRootIsFollowed() {
    ApacheConfig c = ctx.config().orElseThrow();
    assertThat(c.mainFile()).isEqualTo(ROOT.resolve("etc/httpd/conf/httpd.conf"));
    assertThat(c.serverRoot()).isEqualTo(ROOT.resolve("etc/httpd"));
    assertThat(c.problems()).isEmpty();
    assertThat(ctx.notes()).isEmpty();
  }

  @Test
  void modulesComeFromConfModulesD() {
    ApacheConfig c = ctx.config().orElseThrow();
    assertThat(c.mpm().orElseThrow().arg(0)).isEqualTo("mpm_event_module");
    assertThat(c.mpm().orElseThrow().file()).endsWith(Path.of("conf.modules.d/00-mpm.conf"));
    assertThat(c.hasModule("rewrite_module")).isTrue();
    assertThat(c.hasModule("mod_rewrite.c")).isTrue();
    assertThat(c.hasModule("ssl_module")).isFalse();
    assertThat(c.hasModule("systemd_module")).isTrue();
  }

  @Test
  void userAndVirtualHostsInConfD() {
    ApacheConfig c = ctx.config().orElseThrow();
    assertThat(c.serverLevel("User").orElseThrow().arg(0)).isEqualTo("apache");
    assertThat(ctx.users().orElseThrow().uid("apache")).contains(48L);
    assertThat(c.all("ServerName")).singleElement().satisfies(d -> {
      assertThat(d.arg(0)).isEqualTo("shop.example");
      assertThat(d.file()).endsWith(Path.of("conf.d/shop.conf"));
    });
    // <IfModule mod_userdir.c> in conf.d/userdir.conf applies: the module is in 00-base.conf
    assertThat(c.all("UserDir")).isNotEmpty();
  }

  @Test
  void anUnknownDirectiveGetsRedHatFixes() {
    ServerTree t = new ServerTree(ROOT);
    Finding f = t.diagnose("invalid-command-module-not-loaded",
        "Invalid command 'SSLEngine', perhaps misspelled or defined by a module not included in"
            + " the server configuration"); // samples/scenarios/ssl-module-not-loaded
    assertThat(f.fix("en")).contains("dnf install mod_ssl && systemctl restart httpd")
        .doesNotContain("a2enmod").doesNotContain("apt ");
    assertThat(f.explanation("en")).contains("etc/httpd/modules/mod_ssl.so");
  }
}
