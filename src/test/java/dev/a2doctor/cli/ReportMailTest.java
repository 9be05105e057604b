package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code report --mail-to} against a real SMTP server (GreenMail) inside the test JVM. */
class ReportMailTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withConfiguration(GreenMailConfiguration.aConfig().withUser("alerts", "s3cret"));

  @TempDir Path dir;

  private Cli.Result report(String... extra) throws Exception {
    Path log = dir.resolve("error.log");
    if (!Files.exists(log)) {
      // the real AH01630 line; a bare CR in the path (composed) tries a header injection
      Files.writeString(log, ReportCommandTest.DENIED.replace("/www/admin/",
          "/www/admin/\rBcc: victim@example.net\r\nSubject: pwned") + "\n");
    }
    List<String> args = new ArrayList<>(List.of("report", "--no-context", "--state", dir.resolve("state.json").toString(), "--mail-to", "ops@example.org",
        "--smtp", "127.0.0.1:" + smtp.getSmtp().getPort()));
    Collections.addAll(args, extra);
    if (!args.contains("--host")) {
      Collections.addAll(args, "--host", "web01");
    }
    args.add(log.toString());
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void sendsOneMailWithATextAndAnHtmlPart() throws Exception {
    Cli.Result r = report();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).as("the mail replaces stdout").isEmpty();
    assertThat(r.code()).isEqualTo(1);
    MimeMessage[] got = smtp.getReceivedMessages();
    assertThat(got).hasSize(1);
    MimeMessage m = got[0];
    assertThat(m.getSubject()).isEqualTo("[a2doctor] web01: 1 new, 0 ongoing");
    assertThat(m.getFrom()).extracting(Address::toString).containsExactly("a2doctor@web01");
    assertThat(m.getAllRecipients()).extracting(Address::toString)
        .containsExactly("ops@example.org");
    assertThat(m.getHeader("Bcc")).isNull();
    assertThat(m.getHeader("Subject")).hasSize(1);
    assertThat(m.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    MimeMultipart alt = (MimeMultipart) m.getContent();
    assertThat(alt.getContentType()).startsWith("multipart/alternative");
    assertThat(alt.getCount()).isEqualTo(2);
    BodyPart text = alt.getBodyPart(0);
    BodyPart html = alt.getBodyPart(1);
    assertThat(text.getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
    assertThat(html.getContentType()).startsWith("text/html");
    assertThat((String) text.getContent()).startsWith("[a2doctor] web01: 1 new, 0 ongoing")
        .contains("/www/admin/\\x0dBcc: victim@example.net");
    assertThat((String) html.getContent()).contains("/www/admin/\\x0dBcc: victim@example.net");
    assertThat(report().out()).as("nothing new: no mail").isEmpty();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  @Test
  void authenticatesWithCredentialsFromAFile() throws Exception {
    Path auth = dir.resolve("smtp-auth");
    Files.writeString(auth, "# for a2doctor\nuser=alerts\npassword=s3cret\n");
    Files.setPosixFilePermissions(auth, PosixFilePermissions.fromString("rw-------"));
    Cli.Result r = report("--smtp-auth-file", auth.toString(), "--starttls", "off");
    assertThat(r.err()).isEmpty();
    assertThat(smtp.getReceivedMessages()).hasSize(1);

    Files.writeString(auth, "user=alerts\npassword=wrong\n");
    Files.writeString(dir.resolve("error.log"), ReportCommandTest.REFUSED + "\n",
        java.nio.file.StandardOpenOption.APPEND);
    Cli.Result refused = report("--smtp-auth-file", auth.toString(), "--starttls", "off");
    assertThat(refused.code()).isEqualTo(3);
    assertThat(refused.err()).contains("cannot send mail via 127.0.0.1:")
        .contains("stays queued").doesNotContain("wrong");
  }

  @Test
  void refusesToSendThePasswordWithoutStartTls() throws Exception {
    // GreenMail (2.1.13, the newest) offers no STARTTLS: with a password, auto means required,
    // so nothing is sent; ReportStartTlsTest sends through a real STARTTLS server
    Path auth = dir.resolve("smtp-auth");
    Files.writeString(auth, "user=alerts\npassword=s3cret\n");
    Cli.Result r = report("--smtp-auth-file", auth.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("STARTTLS");
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void sendsAReportThatCouldNotBeSentWithTheNextRunMarkedAsRepeated() throws Exception {
    Path auth = dir.resolve("smtp-auth");
    Files.writeString(auth, "user=alerts\npassword=s3cret\n");
    assertThat(report("--smtp-auth-file", auth.toString(), "--starttls", "required").code())
        .isEqualTo(3);
    Cli.Result r = report();
    assertThat(r.err()).isEmpty();
    MimeMessage[] got = smtp.getReceivedMessages();
    assertThat(got).hasSize(1);
    assertThat(got[0].getSubject()).isEqualTo("[a2doctor] web01: 1 new, 0 ongoing (repeated)");
    assertThat(got[0].getRecipients(Message.RecipientType.TO)).hasSize(1);
  }

  @Test
  void takesTheConfigurationKeysTheManPageShows() throws Exception {
    // the "Configuration file:" section of report's --help (and man page)
    List<String> shown = Cli.run("report", "--help").out().lines().map(String::strip)
        .filter(l -> l.startsWith("a2doctor.report.")).toList();
    assertThat(shown).hasSizeGreaterThanOrEqualTo(7);
    Path conf = Files.writeString(dir.resolve("a2doctor.conf"), String.join("\n", shown) + "\n");
    Cli.Result known = Cli.run(Map.of("A2DOCTOR_CONFIG", conf.toString()), "", false,
        "report", "--help");
    assertThat(known.err()).as("no unknown key").isEmpty();

    // the mail keys in use, pointed at this test's server
    Files.writeString(conf, "a2doctor.report.state = " + dir.resolve("elsewhere.json") + "\n"
        + "a2doctor.report.mail-to = ops@example.org,dev@example.org\n"
        + "a2doctor.report.smtp = 127.0.0.1:" + smtp.getSmtp().getPort() + "\n"
        + "a2doctor.report.host = web01\n");
    Files.writeString(dir.resolve("error.log"), ReportCommandTest.DENIED + "\n");
    Cli.Result r = Cli.run(Map.of("A2DOCTOR_CONFIG", conf.toString()), "", false, "report",
        "--no-context", dir.resolve("error.log").toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isEqualTo(1);
    assertThat(dir.resolve("elsewhere.json")).exists();
    MimeMessage[] got = smtp.getReceivedMessages();
    assertThat(got).hasSize(2);
    assertThat(got[0].getAllRecipients()).extracting(Address::toString)
        .containsExactly("ops@example.org", "dev@example.org");
    assertThat(got[0].getSubject()).isEqualTo("[a2doctor] web01: 1 new, 0 ongoing");
  }

  @Test
  void neverPutsAnythingButCountsAndTheHostNameInTheSubject() throws Exception {
    Cli.Result r = report("--host", "web01\r\nBcc: victim@example.net", "--mail-from",
        "a2doctor@example.org");
    assertThat(r.err()).isEmpty();
    MimeMessage m = smtp.getReceivedMessages()[0];
    assertThat(m.getSubject()).isEqualTo("[a2doctor] web01??Bcc??victim?example.net: 1 new, 0 "
        + "ongoing");
    assertThat(m.getHeader("Bcc")).isNull();
    assertThat(m.getAllRecipients()).hasSize(1);
  }
}
