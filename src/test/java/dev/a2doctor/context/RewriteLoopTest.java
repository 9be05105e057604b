package dev.a2doctor.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.a2doctor.report.Finding;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RewriteLoopTest {

  // real line: samples/scenarios/rewrite-internal-redirect-loop/error.log
  static final String LOOP = "[Wed Nov 25 01:13:57.175589 2026] [core:error] [pid 16788:tid"
      + " 16793] [client 127.0.0.1:41656] AH00124: Request exceeded the limit of 10 internal"
      + " redirects due to probable configuration error. Use 'LimitInternalRecursion' to"
      + " increase the limit if necessary. Use 'LogLevel debug' to get a backtrace.";

  @TempDir Path tmp;

  private ServerTree site() throws Exception {
    ServerTree t = new ServerTree(tmp);
    t.write("/etc/apache2/apache2.conf", "IncludeOptional sites-enabled/*.conf");
    t.write("/etc/apache2/sites-enabled/site.conf", "<VirtualHost *:80>",
        "\tDocumentRoot /var/www/site", "\t<Directory /var/www/site>", "\t\tAllowOverride All",
        "\t</Directory>", "</VirtualHost>");
    t.write("/var/www/site/index.html", "hi");
    return t;
  }

  @Test
  void theHtaccessRuleThatMatchesItsOwnResultGetsEnd() throws Exception {
    ServerTree t = site();
    // the scenario's .htaccess (samples/scenarios/rewrite-internal-redirect-loop/README.md)
    Path h = t.write("/var/www/site/blog/.htaccess", "RewriteEngine On",
        "RewriteRule ^(.*)$ public/$1 [L]");
    Finding f = t.diagnose("internal-redirect-limit-exceeded", LOOP);
    assertThat(f.enrichment().variant()).contains("rule-loops");
    Enrichment.Edit e = f.enrichment().edit().orElseThrow();
    assertThat(e.file()).isEqualTo(h.toString());
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.after()).isEqualTo("RewriteRule ^(.*)$ public/$1 [END]");
    assertThat(f.fix("en")).contains("RewriteCond %{REQUEST_URI} !public/");
  }

  @Test
  void aGuardedRuleIsNotASuspect() throws Exception {
    ServerTree t = site();
    t.write("/var/www/site/blog/.htaccess", "RewriteEngine On",
        "RewriteCond %{REQUEST_URI} !^/blog/public/", "RewriteRule ^(.*)$ public/$1 [L]");
    Finding f = t.diagnose("internal-redirect-limit-exceeded", LOOP);
    assertThat(f.enrichment().variant()).isEmpty();
    assertThat(f.enrichment().edit()).isEmpty();
    assertThat(f.enrichment().unchecked()).anyMatch(s -> s.contains("ErrorDocument"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "RewriteRule ^(.*)$ public/$1 [L]|RewriteRule ^(.*)$ public/$1 [END]",
      "RewriteRule ^(.*)$ public/$1 [QSA,L]|RewriteRule ^(.*)$ public/$1 [END,QSA]",
      "RewriteRule ^(.*)$ public/$1|RewriteRule ^(.*)$ public/$1 [END]"})
  void endReplacesL(String before, String after) {
    assertThat(RewriteLoop.withEnd(before)).isEqualTo(after);
  }
}
