package dev.a2doctor.digest;

import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Sends a report over SMTP as one mail with a plain-text and an HTML alternative. Header values
 * come only from the command line (addresses, parsed strictly) and from
 * {@link Message#subject}, which is built from counts and the host name; log text only ever
 * goes into the bodies, which Jakarta Mail encodes.
 */
public final class Mailer {

  /** When to use STARTTLS. */
  public enum StartTls {
    /**
     * Required with a password or a CA file ({@code --smtp-ca}), off without: a local relay
     * needs neither.
     */
    auto,
    /** Refuse to send unless the server offers STARTTLS and the certificate is trusted. */
    required,
    /** Plain SMTP. */
    off
  }

  /** User name and password, read from a file so they never appear in {@code ps}. */
  public record Credentials(String user, String password) {
    @Override
    public String toString() {
      return "Credentials[user=" + user + "]";
    }
  }

  /**
   * Where and how to send.
   *
   * @param trust the certificates that may sign the server's, from {@code --smtp-ca}
   *     ({@link #trusting}); empty: the JVM's trust store (the JDK's {@code cacerts}, or
   *     {@code -Djavax.net.ssl.trustStore})
   */
  public record Smtp(String host, int port, StartTls startTls, Optional<Credentials> auth,
      String from, List<String> to, Optional<SSLSocketFactory> trust) {
    public Smtp {
      to = List.copyOf(to);
    }

    public Smtp(String host, int port, StartTls startTls, Optional<Credentials> auth,
        String from, List<String> to) {
      this(host, port, startTls, auth, from, to, Optional.empty());
    }

    /** Whether this sends only over STARTTLS: asked for, or a password or CA file given. */
    public boolean tls() {
      return startTls == StartTls.required
          || (startTls == StartTls.auto && (auth.isPresent() || trust.isPresent()));
    }
  }

  private Mailer() {}

  /** Sends {@code m}; the exception says why the server or the addresses refused it. */
  public static void send(Smtp smtp, Message m) throws IOException {
    Properties p = new Properties();
    p.put("mail.smtp.host", smtp.host());
    p.put("mail.smtp.port", Integer.toString(smtp.port()));
    p.put("mail.smtp.connectiontimeout", "30000");
    p.put("mail.smtp.timeout", "60000");
    p.put("mail.smtp.writetimeout", "60000");
    boolean tls = smtp.tls();
    p.put("mail.smtp.starttls.enable", Boolean.toString(tls));
    p.put("mail.smtp.starttls.required", Boolean.toString(tls));
    p.put("mail.smtp.ssl.checkserveridentity", "true");
    // an object, not a string: Angus Mail uses it for the STARTTLS handshake
    smtp.trust().ifPresent(f -> p.put("mail.smtp.ssl.socketFactory", f));
    p.put("mail.smtp.auth", Boolean.toString(smtp.auth().isPresent()));
    Authenticator auth = smtp.auth().map(c -> new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        return new PasswordAuthentication(c.user(), c.password());
      }
    }).orElse(null);
    Session session = Session.getInstance(p, auth);
    try {
      MimeMessage msg = new MimeMessage(session);
      msg.setFrom(address(smtp.from()));
      InternetAddress[] to = new InternetAddress[smtp.to().size()];
      for (int i = 0; i < to.length; i++) {
        to[i] = address(smtp.to().get(i));
      }
      msg.setRecipients(jakarta.mail.Message.RecipientType.TO, to);
      msg.setSubject(oneLine(m.subject()), "UTF-8");
      msg.setSentDate(new Date());
      msg.setHeader("Auto-Submitted", "auto-generated");
      MimeBodyPart text = new MimeBodyPart();
      text.setText(m.text(), "UTF-8");
      MimeBodyPart html = new MimeBodyPart();
      html.setText(m.html(), "UTF-8", "html");
      MimeMultipart alternative = new MimeMultipart("alternative");
      alternative.addBodyPart(text);
      alternative.addBodyPart(html);
      msg.setContent(alternative);
      Transport.send(msg);
    } catch (MessagingException e) {
      throw new IOException("cannot send mail via " + smtp.host() + ":" + smtp.port() + ": "
          + describe(e), e);
    }
  }

  /** Parses one address strictly: a single mailbox, no group, no line break. */
  static InternetAddress address(String a) throws AddressException {
    if (a.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new AddressException("control character in address", a);
    }
    InternetAddress[] parsed = InternetAddress.parse(a, true);
    if (parsed.length != 1) {
      throw new AddressException("not one address", a);
    }
    parsed[0].validate();
    return parsed[0];
  }

  /** Checks an address the way {@link #send} will, for a usage error before any work. */
  public static Optional<String> invalidAddress(String a) {
    try {
      address(a);
      return Optional.empty();
    } catch (AddressException e) {
      return Optional.of("'" + a + "' is not a mail address: " + e.getMessage());
    }
  }

  /** A header value cannot hold a line break; the subject never has one, this makes sure. */
  static String oneLine(String s) {
    return s.replaceAll("[\\r\\n\\x00-\\x1f\\x7f]", " ");
  }

  private static String describe(MessagingException e) {
    StringBuilder b = new StringBuilder(String.valueOf(e.getMessage()).strip());
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      b.append(": ").append(String.valueOf(c.getMessage()).strip());
    }
    return b.toString().replace('\n', ' ').replace('\r', ' ');
  }

  /**
   * The TLS socket factory for {@code --smtp-ca FILE}: trusts exactly the certificates in the
   * PEM file (one or more {@code -----BEGIN CERTIFICATE-----} blocks: a private CA, or the
   * relay's own self-signed certificate), not the JVM's default ones. The server's name is
   * still checked against its certificate.
   */
  public static SSLSocketFactory trusting(Path pem) throws IOException {
    Collection<? extends Certificate> certs;
    try (InputStream in = Files.newInputStream(pem)) {
      certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (NoSuchFileException e) {
      throw new IOException(pem + ": no such file", e);
    } catch (CertificateException e) {
      throw new IOException(pem + ": not a PEM certificate file: " + e.getMessage(), e);
    }
    if (certs.isEmpty()) {
      throw new IOException(pem + ": no certificate in it (expected -----BEGIN CERTIFICATE-----)");
    }
    try {
      KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
      ks.load(null, null);
      int n = 0;
      for (Certificate c : certs) {
        ks.setCertificateEntry("ca" + n++, c);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new IOException(pem + ": cannot use it: " + e.getMessage(), e);
    }
  }

  /**
   * Reads {@code user=NAME} and {@code password=SECRET} lines; warns through {@code warn} when
   * others may read the file.
   */
  public static Credentials credentials(Path file, java.util.function.Consumer<String> warn)
      throws IOException {
    String user = null;
    String password = null;
    int n = 0;
    for (String line : Files.readAllLines(file)) {
      n++;
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      int eq = l.indexOf('=');
      String key = eq < 0 ? "" : l.substring(0, eq).strip();
      String value = eq < 0 ? "" : line.substring(line.indexOf('=') + 1).strip();
      switch (key) {
        case "user" -> user = value;
        case "password" -> password = value;
        default -> throw new IOException(file + ":" + n + ": expected user=NAME or "
            + "password=SECRET");
      }
    }
    if (user == null || password == null) {
      throw new IOException(file + ": needs both a user= and a password= line");
    }
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
      if (perms.contains(PosixFilePermission.GROUP_READ)
          || perms.contains(PosixFilePermission.OTHERS_READ)) {
        warn.accept(file + ": readable by others; chmod 600 " + file);
      }
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: nothing to check
    }
    return new Credentials(user, password);
  }
}
