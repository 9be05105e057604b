package dev.a2doctor.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.a2doctor.report.Finding;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhpFpmSocketTest {

  // real lines: patterns/php-fpm/fpm-unix-socket-*.yaml examples (captured by helper-b2)
  static final String MISSING = "[Wed Nov 25 01:28:14.913614 2026] [proxy:error] [pid 17513:tid"
      + " 17532] (2)No such file or directory: AH02454: FCGI: attempt to connect to Unix domain"
      + " socket /tmp/helper-b2-fpm/php8.2-fpm.sock (localhost:8000) failed";
  static final String REFUSED = "[Wed Nov 25 01:28:23.804333 2026] [proxy:error] [pid 17511:tid"
      + " 17518] (111)Connection refused: AH02454: FCGI: attempt to connect to Unix domain socket"
      + " /tmp/helper-b2-fpm/php8.2-fpm.sock (localhost:8000) failed";
  static final String DENIED = "[Wed Nov 25 01:28:15.999214 2026] [proxy:error] [pid 17512:tid"
      + " 17515] (13)Permission denied: AH02454: FCGI: attempt to connect to Unix domain socket"
      + " /tmp/helper-b2-fpm/locked.sock (localhost:8000) failed";

  @TempDir Path tmp;

  private ServerTree tree(String socket, String listen, String... poolExtra) throws Exception {
    ServerTree t = new ServerTree(tmp);
    t.write("/etc/apache2/apache2.conf", "User www-data", "IncludeOptional sites-enabled/*.conf");
    t.write("/etc/apache2/sites-enabled/php.conf", "<VirtualHost *:80>",
        "\t<FilesMatch \\.php$>",
        "\t\tSetHandler \"proxy:unix:" + socket + "|fcgi://localhost\"",
        "\t</FilesMatch>", "</VirtualHost>");
    String[] pool = new String[3 + poolExtra.length];
    pool[0] = "[www]";
    pool[1] = "user = www-data";
    pool[2] = "listen = " + listen;
    System.arraycopy(poolExtra, 0, pool, 3, poolExtra.length);
    t.write("/etc/php/8.2/fpm/pool.d/www.conf", pool);
    return t;
  }

  @Test
  void aHandlerOnAnotherSocketThanThePoolIsPointedAtThePool() throws Exception {
    ServerTree t = tree("/tmp/helper-b2-fpm/php8.2-fpm.sock", "/run/php/php8.2-fpm.sock");
    Finding f = t.diagnose("fpm-unix-socket-missing", MISSING);
    assertThat(f.enrichment().variant()).contains("socket-mismatch");
    Enrichment.Edit e = f.enrichment().edit().orElseThrow();
    assertThat(e.file()).endsWith("sites-enabled/php.conf");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.after()).isEqualTo(
        "\t\tSetHandler \"proxy:unix:/run/php/php8.2-fpm.sock|fcgi://localhost\"");
  }

  @Test
  void theSocketOfAPoolThatIsMissingMeansPhpFpmIsNotRunning() throws Exception {
    ServerTree t = tree("/tmp/helper-b2-fpm/php8.2-fpm.sock",
        "/tmp/helper-b2-fpm/php8.2-fpm.sock");
    Finding f = t.diagnose("fpm-unix-socket-missing", MISSING);
    assertThat(f.enrichment().variant()).contains("fpm-not-running");
    assertThat(f.fix("en")).contains("systemctl start php8.2-fpm");
    assertThat(f.enrichment().edit()).isEmpty();
  }

  @Test
  void aRefusedPoolSocketIsAStoppedPhpFpmToo() throws Exception {
    ServerTree t = tree("/tmp/helper-b2-fpm/php8.2-fpm.sock",
        "/tmp/helper-b2-fpm/php8.2-fpm.sock");
    Finding f = t.diagnose("fpm-unix-socket-refused", REFUSED);
    assertThat(f.enrichment().variant()).contains("fpm-not-running");
    assertThat(f.enrichment().evidence()).anyMatch(s -> s.contains("left the socket file"));
  }

  @Test
  void permissionDeniedSetsTheListenOwnerToApachesUser() throws Exception {
    ServerTree t = tree("/tmp/helper-b2-fpm/locked.sock", "/tmp/helper-b2-fpm/locked.sock",
        "listen.owner = root", "listen.group = root", ";listen.mode = 0660");
    Finding f = t.diagnose("fpm-unix-socket-permission-denied", DENIED);
    assertThat(f.enrichment().variant()).contains("socket-permission");
    Enrichment.Edit e = f.enrichment().edit().orElseThrow();
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.after()).isEqualTo("listen.owner = www-data");
    assertThat(f.fix("en")).contains("systemctl restart php8.2-fpm");
  }

  @Test
  void aPoolNamedSocketIsFilledIn() throws Exception {
    ServerTree t = tree("/run/php/www.sock", "/run/php/$pool.sock");
    Finding f = t.diagnose("fpm-unix-socket-refused", REFUSED.replace(
        "/tmp/helper-b2-fpm/php8.2-fpm.sock", "/run/php/www.sock"));
    assertThat(f.enrichment().variant()).contains("fpm-not-running");
  }
}
