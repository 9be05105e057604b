package dev.a2doctor.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.a2doctor.report.Finding;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleForDirectiveTest {

  // real lines: samples/scenarios/ssl-module-not-loaded/configtest.txt,
  // samples/scenarios/htaccess-invalid-command-module-missing/error.log
  static final String SSL = "Invalid command 'SSLEngine', perhaps misspelled or defined by a"
      + " module not included in the server configuration";
  static final String REWRITE = "[Wed Nov 25 01:13:44.856548 2026] [core:alert] [pid 16384:tid"
      + " 16387] [client 127.0.0.1:59878] /tmp/helper-b1-ht3/www/.htaccess: Invalid command"
      + " 'RewriteEngine', perhaps misspelled or defined by a module not included in the server"
      + " configuration";

  @TempDir Path tmp;

  @Test
  void debianWithTheLoadFileAvailableSaysA2enmod() throws Exception {
    ServerTree t = debian();
    t.write("/etc/apache2/mods-available/rewrite.load",
        "LoadModule rewrite_module /usr/lib/apache2/modules/mod_rewrite.so");
    Finding f = t.diagnose("invalid-command-module-not-loaded", REWRITE);
    assertThat(f.enrichment().variant()).contains("a2enmod");
    assertThat(f.fix("en")).contains("a2enmod rewrite &&");
    assertThat(f.enrichment().edit()).isEmpty();
  }

  @Test
  void debianWithoutTheLoadFileSaysWhichPackageToInstall() throws Exception {
    ServerTree t = debian();
    Finding f = t.diagnose("invalid-command-module-not-loaded",
        "Invalid command 'WSGIScriptAlias', perhaps misspelled or defined by a module not"
            + " included in the server configuration"); // samples/scenarios/wsgi-module-not-loaded
    assertThat(f.enrichment().variant()).contains("install-module");
    assertThat(f.fix("en")).contains("apt install libapache2-mod-wsgi-py3 && a2enmod wsgi"
        + " && systemctl restart apache2");
  }

  @Test
  void aLoadedModuleMeansTheErrorIsOlderThanTheConfiguration() throws Exception {
    ServerTree t = debian();
    t.write("/etc/apache2/mods-enabled/ssl.load",
        "LoadModule ssl_module /usr/lib/apache2/modules/mod_ssl.so");
    Finding f = t.diagnose("invalid-command-module-not-loaded", SSL);
    assertThat(f.enrichment().variant()).contains("loaded-now");
    assertThat(f.fix("en")).contains("restart");
  }

  @Test
  void aMisspelledDirectiveGetsTheClosestKnownName() throws Exception {
    ServerTree t = debian();
    // composed from core.c's "Invalid command '%s', perhaps misspelled ..." with a typo
    Finding f = t.diagnose("invalid-command-module-not-loaded",
        "Invalid command 'RewriteEngin', perhaps misspelled or defined by a module not included"
            + " in the server configuration");
    assertThat(f.enrichment().variant()).contains("misspelled");
    assertThat(f.fix("en")).contains("RewriteEngine");
  }

  @Test
  void redHatLayoutGetsTheLoadModuleLineInTheBaseFile() throws Exception {
    ServerTree t = redHat();
    Finding f = t.diagnose("invalid-command-module-not-loaded", REWRITE);
    assertThat(f.enrichment().variant()).contains("loadmodule");
    Enrichment.Edit e = f.enrichment().edit().orElseThrow();
    assertThat(e.file()).endsWith("conf.modules.d/00-base.conf");
    assertThat(e.afterLines()).containsExactly(
        "LoadModule dir_module modules/mod_dir.so",
        "LoadModule rewrite_module modules/mod_rewrite.so");
    assertThat(f.fix("en")).contains("systemctl restart httpd").doesNotContain("a2enmod");
  }

  @Test
  void redHatWithoutASeparatelyPackagedModuleSaysDnfInstall() throws Exception {
    ServerTree t = redHat();
    Finding f = t.diagnose("invalid-command-module-not-loaded", SSL);
    assertThat(f.enrichment().variant()).contains("install-module");
    assertThat(f.fix("en")).contains("dnf install mod_ssl && systemctl restart httpd");
    assertThat(f.enrichment().edit()).isEmpty();
  }

  private ServerTree redHat() throws Exception {
    ServerTree t = new ServerTree(tmp);
    t.write("/etc/httpd/conf/httpd.conf", "ServerRoot \"/etc/httpd\"",
        "Include conf.modules.d/*.conf", "User apache");
    t.write("/etc/httpd/conf.modules.d/00-base.conf",
        "LoadModule alias_module modules/mod_alias.so",
        "LoadModule dir_module modules/mod_dir.so");
    t.write("/etc/httpd/conf.modules.d/00-mpm.conf",
        "LoadModule mpm_event_module modules/mod_mpm_event.so");
    return t;
  }

  @Test
  void aCommentedOutLoadModuleIsUncommented() throws Exception {
    ServerTree t = new ServerTree(tmp);
    t.write("/etc/httpd/conf/httpd.conf", "ServerRoot \"/etc/httpd\"",
        "Include conf.modules.d/*.conf");
    t.write("/etc/httpd/conf.modules.d/00-base.conf",
        "LoadModule dir_module modules/mod_dir.so",
        "#LoadModule rewrite_module modules/mod_rewrite.so");
    Finding f = t.diagnose("invalid-command-module-not-loaded", REWRITE);
    Enrichment.Edit e = f.enrichment().edit().orElseThrow();
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.after()).isEqualTo("LoadModule rewrite_module modules/mod_rewrite.so");
  }

  @Test
  void withoutContextTheFixStaysGenericAndSaysWhatWasNotChecked() {
    Finding f = new ServerTree(tmp.resolve("nothing")).diagnose(
        "invalid-command-module-not-loaded", SSL);
    assertThat(f.enrichment().variant()).isEmpty();
    assertThat(f.fix("en")).contains("Common ones");
    assertThat(f.enrichment().unchecked()).isNotEmpty();
  }

  private ServerTree debian() throws Exception {
    ServerTree t = new ServerTree(tmp);
    t.write("/etc/apache2/apache2.conf", "IncludeOptional mods-enabled/*.load",
        "User www-data");
    t.write("/etc/apache2/mods-enabled/mpm_event.load",
        "LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so");
    t.write("/etc/apache2/mods-available/mpm_event.load",
        "LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so");
    return t;
  }
}
