package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code report --mail-to} over STARTTLS against a real SMTP server: aiosmtpd (Debian package
 * python3-aiosmtpd) run by src/test/smtp/starttls-server.py with a self-signed certificate made
 * by openssl for this test. The server demands STARTTLS before MAIL and offers AUTH only inside
 * TLS, and records per message what it saw of the session: that record is the evidence.
 */
class ReportStartTlsTest {

  private static final String PYTHON = "/usr/bin/python3";

  @TempDir static Path server;
  @TempDir Path dir;

  private static Process smtpd;
  private static int port;
  private static Path received;
  private static Path cert;

  /** A running server: its process, port and the directory it records messages in. */
  private record Server(Process process, int port, Path received) {}

  @BeforeAll
  static void startServer() throws Exception {
    requireTools();
    cert = server.resolve("cert.pem");
    Server s = start(server, cert, "IP:127.0.0.1,DNS:localhost");
    smtpd = s.process();
    port = s.port();
    received = s.received();
  }

  /** A self-signed certificate for {@code san} in {@code certFile}, and a server using it. */
  private static Server start(Path dir, Path certFile, String san) throws Exception {
    Path key = dir.resolve(certFile.getFileName() + ".key");
    run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
        "-subj", "/CN=a2doctor test", "-addext", "subjectAltName=" + san,
        "-keyout", key.toString(), "-out", certFile.toString()));
    Path got = Files.createDirectories(dir.resolve(certFile.getFileName() + ".received"));
    Path err = dir.resolve(certFile.getFileName() + ".smtpd.err");
    ProcessBuilder pb = new ProcessBuilder(PYTHON, "src/test/smtp/starttls-server.py",
        certFile.toString(), key.toString(), "alerts", "s3cret", got.toString())
        .redirectError(err.toFile());
    pb.environment().put("PYTHONWARNINGS", "ignore");
    Process p = pb.start();
    BufferedReader out = new BufferedReader(
        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String first = CompletableFuture.supplyAsync(() -> {
      try {
        return out.readLine();
      } catch (IOException e) {
        return null;
      }
    }).get(60, TimeUnit.SECONDS);
    if (first == null || !first.startsWith("listening ")) {
      p.destroy();
      fail("the SMTP server did not start: " + first + "\n" + Files.readString(err));
    }
    return new Server(p, Integer.parseInt(first.substring("listening ".length()).strip()), got);
  }

  @AfterAll
  static void stopServer() throws InterruptedException {
    if (smtpd != null) {
      smtpd.destroy();
      smtpd.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private Cli.Result report(String... extra) throws IOException {
    Path log = dir.resolve("error.log");
    if (!Files.exists(log)) {
      Files.writeString(log, ReportCommandTest.DENIED + "\n");
    }
    Path auth = dir.resolve("smtp-auth");
    if (!Files.exists(auth)) {
      Files.writeString(auth, "user=alerts\npassword=s3cret\n");
      Files.setPosixFilePermissions(auth, PosixFilePermissions.fromString("rw-------"));
    }
    List<String> args = new ArrayList<>(List.of("report", "--no-context", "--host", "web01",
        "--state", dir.resolve("state.json").toString(), "--mail-to", "ops@example.org",
        "--smtp", "127.0.0.1:" + port, "--smtp-auth-file", auth.toString()));
    Collections.addAll(args, extra);
    args.add(log.toString());
    return Cli.run(args.toArray(String[]::new));
  }

  /** What the server recorded, newest last, and the messages beside the records. */
  private static List<Path> records() throws IOException {
    return records(received);
  }

  private static List<Path> records(Path received) throws IOException {
    try (Stream<Path> s = Files.list(received)) {
      return s.filter(p -> p.toString().endsWith(".json"))
          .sorted((a, b) -> Integer.compare(number(a), number(b))).toList();
    }
  }

  private static int number(Path p) {
    String n = p.getFileName().toString();
    return Integer.parseInt(n.substring(0, n.indexOf('.')));
  }

  private static MimeMessage message(Path record) throws Exception {
    Path eml = record.resolveSibling(number(record) + ".eml");
    try (InputStream in = Files.newInputStream(eml)) {
      return new MimeMessage(Session.getInstance(new Properties()), in);
    }
  }

  @Test
  void sendsOverStartTlsAuthenticatedWithATextAndAnHtmlPart() throws Exception {
    int before = records().size();
    Cli.Result r = report("--smtp-ca", cert.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEmpty();
    assertThat(r.code()).isEqualTo(1);
    List<Path> after = records();
    assertThat(after).hasSize(before + 1);
    JsonNode seen = JsonMapper.builder().build().readTree(
        Files.readString(after.get(after.size() - 1)));
    assertThat(seen.get("tls").asBoolean()).as("the session was upgraded by STARTTLS").isTrue();
    assertThat(seen.get("protocol").asString()).startsWith("TLSv1.");
    assertThat(seen.get("authenticated").asBoolean()).isTrue();
    assertThat(seen.get("login").asString()).isEqualTo("alerts");
    assertThat(seen.get("mail_from").asString()).isEqualTo("a2doctor@web01");
    assertThat(seen.get("rcpt_tos").get(0).asString()).isEqualTo("ops@example.org");
    MimeMessage m = message(after.get(after.size() - 1));
    assertThat(m.getSubject()).isEqualTo("[a2doctor] web01: 1 new, 0 ongoing");
    MimeMultipart alt = (MimeMultipart) m.getContent();
    assertThat(alt.getContentType()).startsWith("multipart/alternative");
    assertThat(alt.getCount()).isEqualTo(2);
    assertThat(alt.getBodyPart(0).getContentType()).startsWith("text/plain");
    assertThat(((String) alt.getBodyPart(0).getContent()).replace("\r\n", "\n"))
        .startsWith("[a2doctor] web01: 1 new, 0 ongoing\n").contains("AH01630");
    assertThat(alt.getBodyPart(1).getContentType()).startsWith("text/html");
    assertThat((String) alt.getBodyPart(1).getContent()).startsWith("<!DOCTYPE html>")
        .contains("AH01630");
  }

  @Test
  void refusesAnUntrustedCertificateAndSendsTheReportOnceItIsTrusted() throws Exception {
    int before = records().size();
    // the JVM's default CAs do not know this self-signed certificate
    Cli.Result untrusted = report();
    assertThat(untrusted.code()).isEqualTo(3);
    assertThat(untrusted.err()).contains("cannot send mail via 127.0.0.1:" + port)
        .containsIgnoringCase("certification path").contains("stays queued");
    assertThat(records()).as("nothing reached the server").hasSize(before);

    Cli.Result trusted = report("--smtp-ca", cert.toString());
    assertThat(trusted.err()).isEmpty();
    List<Path> after = records();
    assertThat(after).hasSize(before + 1);
    assertThat(message(after.get(after.size() - 1)).getSubject())
        .isEqualTo("[a2doctor] web01: 1 new, 0 ongoing (repeated)");
  }

  @Test
  void refusesATrustedCertificateIssuedForAnotherName() throws Exception {
    // trusted (it is the --smtp-ca), but made out to mail.example.org, not 127.0.0.1
    Path other = dir.resolve("other.pem");
    Server s = start(dir, other, "DNS:mail.example.org");
    try {
      Path log = Files.writeString(dir.resolve("error.log"), ReportCommandTest.DENIED + "\n");
      Cli.Result r = Cli.run("report", "--no-context", "--host", "web01", "--state",
          dir.resolve("state.json").toString(), "--mail-to", "ops@example.org", "--smtp",
          "127.0.0.1:" + s.port(), "--smtp-ca", other.toString(), log.toString());
      assertThat(r.code()).isEqualTo(3);
      assertThat(r.err()).contains("cannot send mail via 127.0.0.1:" + s.port())
          .contains("stays queued");
      assertThat(records(s.received())).isEmpty();
    } finally {
      s.process().destroy();
      s.process().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void neverSendsThePasswordToAServerWithoutStartTlsWhenAsked() throws Exception {
    // the server offers AUTH only after STARTTLS, so with --starttls off it must refuse
    int before = records().size();
    Cli.Result r = report("--starttls", "off");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("cannot send mail via").doesNotContain("s3cret");
    assertThat(records()).hasSize(before);
  }

  @Test
  void namesACaFileThatHoldsNoCertificate() throws IOException {
    Path notPem = Files.writeString(dir.resolve("ca.pem"), "user=alerts\n");
    Cli.Result r = report("--smtp-ca", notPem.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).startsWith("a2doctor: " + notPem + ": ");
    Files.writeString(dir.resolve("error.log"), ReportCommandTest.REFUSED + "\n",
        StandardOpenOption.APPEND);
    assertThat(report("--smtp-ca", dir.resolve("missing.pem").toString()).err())
        .contains(dir.resolve("missing.pem") + ": no such file");
  }

  private static void run(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      fail(String.join(" ", cmd) + " failed:\n" + out);
    }
  }

  private static void requireTools() throws Exception {
    List<String> missing = new ArrayList<>();
    boolean openssl = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(d -> Files.isExecutable(Path.of(d, "openssl")));
    if (!openssl) {
      missing.add("openssl");
    }
    boolean aiosmtpd = Files.isExecutable(Path.of(PYTHON))
        && new ProcessBuilder(PYTHON, "-c", "import aiosmtpd")
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
            .waitFor() == 0;
    if (!aiosmtpd) {
      missing.add("python3-aiosmtpd");
    }
    if (missing.isEmpty()) {
      return;
    }
    if (System.getenv("CI") != null) {
      fail("in CI this test must run, but " + missing + " is not installed "
          + "(.ci/setup-apache.sh installs it)");
    }
    Assumptions.abort(missing + " is not installed (sudo .ci/setup-apache.sh installs it)");
  }
}
