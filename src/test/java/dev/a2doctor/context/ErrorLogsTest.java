package dev.a2doctor.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.a2doctor.parse.LogLine;
import dev.a2doctor.parse.ParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorLogsTest {

  private static final Path SAMPLE = Path.of("samples/custom-format");

  @TempDir Path tmp;

  private static ErrorLogs sample() throws Exception {
    ApacheConfig c = new ApacheConfigReader(k -> null, SAMPLE)
        .read(SAMPLE.resolve("etc/apache2/apache2.conf"));
    return ErrorLogs.of(c, SAMPLE);
  }

  @Test
  void tiesEachErrorLogToItsVhostsAndTheFormatInForce() throws Exception {
    List<ErrorLogs.Target> t = sample().targets();
    assertThat(t).extracting(ErrorLogs.Target::target).containsExactly(
        "/var/log/apache2/error.log", "/var/log/apache2/ids.log", "/var/log/apache2/vhosts.log",
        "/var/log/apache2/proxied.log", "syslog:local1");
    // site.test has neither ErrorLog nor ErrorLogFormat: it inherits both
    assertThat(t.get(0).vhosts()).containsExactly("", "site.test");
    assertThat(t.get(0).format().arg(0)).startsWith("[%{u}t] [%-m:%l]");
    assertThat(t.get(1).vhosts()).containsExactly("ids.test");
    assertThat(t.get(1).infoFormats()).hasSize(4);
    assertThat(t.get(1).soleVhost()).isEqualTo("ids.test");
    assertThat(t.get(2).vhosts()).containsExactly("one.test", "two.test");
    assertThat(t.get(2).soleVhost()).isEmpty();
    assertThat(t.get(3).path()).isEqualTo(SAMPLE.resolve("var/log/apache2/proxied.log"));
    assertThat(t.get(4).kind()).isEqualTo(ErrorLogs.Kind.SYSLOG);
    assertThat(t.get(4).vhosts()).containsExactly("syslog.test");
    assertThat(t.get(4).format().arg(0)).isEqualTo("[%v] [%-m:%l] [client\\ %a] %M");
  }

  @Test
  void findsTheTargetOfALogAndOfItsRotatedCopiesByRealPath() throws Exception {
    ErrorLogs logs = sample();
    Path dir = SAMPLE.resolve("var/log/apache2");
    assertThat(logs.forFile(dir.resolve("ids.log"))).extracting(ErrorLogs.Target::target)
        .containsExactly("/var/log/apache2/ids.log");
    for (String rotated : List.of("ids.log.1", "ids.log.2.gz", "ids.log-20261125",
        "ids.log-20261125.gz")) {
      assertThat(logs.forFile(dir.resolve(rotated))).as(rotated).hasSize(1);
    }
    assertThat(logs.forFile(dir.resolve("ids.log.old"))).isEmpty();
    assertThat(logs.forFile(dir.resolve("../apache2/./ids.log"))).hasSize(1);
    assertThat(logs.forFile(Path.of("ids.log"))).isEmpty();
  }

  @Test
  void resolvesServerRootRelativePathsPipesAndSyslog() throws Exception {
    Path conf = tmp.resolve("httpd.conf");
    Files.writeString(conf, """
        ServerRoot %s
        ErrorLog logs/error_log
        <VirtualHost *:80>
          ServerName a.test
          ErrorLog "|/usr/bin/rotatelogs -l /var/log/httpd/a.%%Y-%%m-%%d 86400"
        </VirtualHost>
        <VirtualHost *:80>
          ServerName b.test
          ErrorLog syslog:local1
          ErrorLogFormat "[%%l] %%M"
        </VirtualHost>
        """.formatted(tmp));
    ApacheConfig c = new ApacheConfigReader(k -> null, null).read(conf);
    ErrorLogs logs = ErrorLogs.of(c, null);
    assertThat(logs.targets().get(0).path()).isEqualTo(tmp.resolve("logs/error_log"));
    ErrorLogs.Target pipe = logs.targets().get(1);
    assertThat(pipe.kind()).isEqualTo(ErrorLogs.Kind.PIPE);
    assertThat(logs.forFile(Path.of("/var/log/httpd/a.2026-11-25"))).containsExactly(pipe);
    assertThat(logs.syslog()).singleElement().satisfies(s -> {
      assertThat(s.facility()).isEqualTo("local1");
      assertThat(s.vhosts()).containsExactly("b.test");
    });
  }

  @Test
  void labelsLinesOfAFileOneVhostWritesAndReadsItsRequestLines() throws Exception {
    LogParsers p = LogParsers.of(sample(), null);
    String ids = SAMPLE.resolve("var/log/apache2/ids.log").toString();
    List<String> lines = Files.readAllLines(Path.of(ids));
    // real (captured): the once-per-connection line, then the error of that request
    LogLine conn = parsed(p.apply(ids).parse(lines.get(0)));
    assertThat(conn.extra()).containsKeys("conn_log_id", "local");
    assertThat(conn.client()).matches("127\\.0\\.0\\.1:[0-9]+");
    assertThat(conn.message()).isEmpty();
    LogLine error = lines.stream().map(l -> parsed(p.apply(ids).parse(l)))
        .filter(l -> l.tag().equals("AH01630")).findFirst().orElseThrow();
    assertThat(error.vhost()).isEqualTo("ids.test");
    assertThat(error.module()).isEqualTo("authz_core");
    assertThat(error.extra()).containsKey("log_id");
    assertThat(p.problems()).isEmpty();
  }

  @Test
  void namesTheDirectiveOfAFormatHttpdWouldRefuse() throws Exception {
    Path conf = tmp.resolve("httpd.conf");
    Files.writeString(conf, "ErrorLog /x/error.log\nErrorLogFormat \"[%t] %Q %M\"\n");
    ApacheConfig c = new ApacheConfigReader(k -> null, null).read(conf);
    LogParsers p = LogParsers.of(ErrorLogs.of(c, null), null);
    assertThat(p.problems()).containsExactly(conf + ":2: ErrorLogFormat: Unrecognized error "
        + "log format directive %Q (at character 7); the default formats are read instead");
    assertThat(p.apply("/x/error.log").parse("[Wed Oct 11 14:32:52 2000] [error] x"))
        .isInstanceOf(ParseResult.Parsed.class);
  }

  private static LogLine parsed(ParseResult r) {
    assertThat(r).isInstanceOf(ParseResult.Parsed.class);
    return ((ParseResult.Parsed) r).line();
  }

}
