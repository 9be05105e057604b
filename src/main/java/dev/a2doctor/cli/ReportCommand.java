package dev.a2doctor.cli;

import dev.a2doctor.catalog.Catalog;
import dev.a2doctor.catalog.Severity;
import dev.a2doctor.context.ServerContext;
import dev.a2doctor.digest.Checkpoint;
import dev.a2doctor.digest.Mailer;
import dev.a2doctor.digest.ReportRun;
import dev.a2doctor.digest.Suppressions;
import dev.a2doctor.match.Matcher;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code a2doctor report [--state FILE] FILE...}: what is new since the last run, for cron. */
@Command(name = "report",
    mixinStandardHelpOptions = true,
    description = {"Report what was written to the logs since the last run, for cron: nothing "
        + "at all (exit 0) when nothing new is at or above --fail-on, otherwise a digest of "
        + "new, ongoing and resolved findings with their fixes, mail-ready.",
        "",
        "The state file remembers per log its device, inode, a fingerprint of its first bytes "
            + "and the offset read, and per finding when it was first and last seen. Rotated "
            + "files (FILE.1, FILE.N.gz, FILE-YYYYMMDD[.gz]) are followed and copytruncate is "
            + "detected; when the file read last time cannot be found the report says so "
            + "loudly. The state is replaced atomically (temporary file, fsync, rename), and "
            + "a report whose delivery was interrupted is sent again, marked as a repeat, so "
            + "a killed run never loses a line and never counts one twice."},
    footer = {"%nExamples:",
        "  a2doctor report /var/log/apache2/error.log",
        "  a2doctor report --state /var/lib/a2doctor/state.json /var/log/apache2/*error.log",
        "  a2doctor report --since 24h --format markdown /var/log/apache2/error.log",
        "  a2doctor report --mail-to ops@example.org --smtp mail.example.org:587 \\",
        "      --smtp-auth-file /etc/a2doctor/smtp-auth /var/log/apache2/error.log",
        "  a2doctor report --mail-to ops@example.org --smtp relay.internal:587 \\",
        "      --smtp-ca /etc/a2doctor/relay-ca.pem --smtp-auth-file /etc/a2doctor/smtp-auth \\",
        "      /var/log/apache2/error.log",
        "  a2doctor report --suppress /etc/a2doctor/suppress.yaml /var/log/apache2/error.log",
        "%nCron:",
        "  Cron mails what a job prints, and report prints only when there is news. Crontab:",
        "    MAILTO=ops@example.org",
        "    */15 * * * * /usr/local/bin/a2doctor report /var/log/apache2/error.log",
        "  /etc/cron.d/a2doctor (cron.d lines name the user; the .deb ships it disabled):",
        "    MAILTO=ops@example.org",
        "    17 6 * * * root a2doctor report /var/log/apache2/error.log",
        "%nState file:",
        "  --state FILE, default /var/lib/a2doctor/state.json; its directory must be writable",
        "  (the temporary file and FILE.lock are created beside it). JSON, mode 0600 (it holds",
        "  log lines, like the logs it reads), replaced by each run:",
        "    version  format version (1)",
        "    run      number of completed runs",
        "    files    per log (absolute path): dev, inode, fingerprint (SHA-256 of the first",
        "             fingerprintLength bytes, at most 1024), offset and line read so far",
        "    findings per log + finding: id, severity, total, firstSeen, lastSeen, lastRun",
        "    outbox   a report whose delivery is not confirmed yet (sent again, marked",
        "             repeated, by the next run)",
        "  Delete it to start afresh: the next run reads the logs from their beginning.",
        "%nRotation:",
        "  The file read last time is found again by fingerprint and inode among FILE and its",
        "  rotated copies FILE.1, FILE.N.gz, FILE-YYYYMMDD and FILE-YYYYMMDD.gz; its rest is",
        "  read, then every newer copy, then FILE. A file truncated in place (copytruncate) is",
        "  detected and its copy read. When the file read last time cannot be found, the report",
        "  starts with '!! THIS REPORT MAY BE INCOMPLETE' and the subject counts a warning.",
        "%nMail:",
        "  Without --mail-to the report goes to stdout (cron's MAILTO). With it, one mail with a",
        "  text and an html part goes to --smtp HOST:PORT. The subject counts the findings at or",
        "  above --fail-on: [a2doctor] web01: 2 new, 5 ongoing[, N resolved][, N warnings].",
        "  --starttls auto requires STARTTLS when --smtp-auth-file or --smtp-ca is given. The",
        "  server certificate must be trusted: by --smtp-ca FILE (PEM: the private CA or the",
        "  relay's self-signed certificate), else by the JVM's trust store (A2DOCTOR_OPTS=",
        "  -Djavax.net.ssl.trustStore=FILE). A report that cannot be sent stays queued in the",
        "  state file and goes out with the next run (exit code 3 meanwhile).",
        "%nAuth file:",
        "  --smtp-auth-file FILE, two lines (blank lines and # comments allowed); chmod 600:",
        "    user=alerts@example.org",
        "    password=SECRET",
        "%nSuppression file:",
        "  --suppress FILE, a YAML list; captures (optional) are RE2 regexes, each must be found",
        "  in that named capture of the finding (a2doctor patterns show ID lists them); until",
        "  is the last day. Expired suppressions hide nothing and are listed in every report.",
        "    - id: client-denied-by-server-configuration",
        "      captures:",
        "        path: ^/srv/www/admin/",
        "      reason: the admin area is closed to the internet on purpose (ticket 4711)",
        "      until: 2026-12-31",
        "%nConfiguration file:",
        "  /etc/a2doctor/a2doctor.conf (or the file A2DOCTOR_CONFIG names) gives defaults; the",
        "  command line wins. A key is an option's long name without the dashes: for every",
        "  command (fail-on = error), or for report only (a2doctor.report.NAME):",
        "    a2doctor.report.state = /var/lib/a2doctor/state.json",
        "    a2doctor.report.mail-to = ops@example.org",
        "    a2doctor.report.smtp = relay.example.org:587",
        "    a2doctor.report.smtp-auth-file = /etc/a2doctor/smtp-auth",
        "    a2doctor.report.smtp-ca = /etc/a2doctor/relay-ca.pem",
        "    a2doctor.report.suppress = /etc/a2doctor/suppress.yaml",
        "    a2doctor.report.fail-on = error",
        "%nExit codes:",
        "  0  nothing since the last run at or above --fail-on (a report about resolved",
        "     findings or an incomplete read may still have been printed or sent)",
        "  1  a finding at or above --fail-on happened since the last run (reported)",
        "  2  usage error",
        "  3  a log, the state, the auth, CA or suppression file, or the catalog could not be",
        "     used, or the mail could not be sent (it stays queued for the next run)",
        "  4  internal error (run with --verbose for the stack trace)"})
final class ReportCommand implements Callable<Integer> {

  private final A2doctor root;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*",
      description = "Live log files (the name Apache writes to, not the rotated copies).")
  List<Path> files = new ArrayList<>();

  @Option(names = "--state", paramLabel = "FILE", defaultValue = "/var/lib/a2doctor/state.json",
      description = "Where runs remember offsets and findings. Default: ${DEFAULT-VALUE}.")
  Path state;

  @Option(names = "--since", paramLabel = "DURATION",
      description = "Without state: report the lines of the last DURATION (24h, 7d, 90m) "
          + "from the logs and their rotated copies; every finding counts as new.")
  String since;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "What stdout gets: text (plain, wrapped for mail), markdown, html or json "
          + "(JSON Lines). A mail always has a text and an html part. Default: ${DEFAULT-VALUE}.")
  ReportRun.Format format;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "warning",
      converter = SeverityConverter.class,
      description = "Report (and exit 1) only when something since the last run is at or above "
          + "this: critical, error, warning, notice, info. The subject counts only those; "
          + "findings below it are listed after them, not counted. Default: ${DEFAULT-VALUE}.")
  Severity failOn;

  @Option(names = "--resolve-after", paramLabel = "N", defaultValue = "3",
      description = "A finding not seen for N runs is reported resolved once, then forgotten. "
          + "Default: ${DEFAULT-VALUE}.")
  int resolveAfter;

  @Option(names = "--suppress", paramLabel = "FILE",
      description = "YAML list of accepted findings kept out of reports until they expire: "
          + "id, optional captures (regexes), reason, until (YYYY-MM-DD). Expired ones are "
          + "reported.")
  Path suppress;

  @Option(names = "--host", paramLabel = "NAME",
      description = "Host name in the subject line. Default: this machine's host name.")
  String host;

  @Option(names = "--lang", paramLabel = "LANG",
      description = "en or ja (default: from LC_ALL, LC_MESSAGES, LANG).")
  String lang;

  @Option(names = "--mail-to", paramLabel = "ADDR", split = ",",
      description = "Send the report by SMTP to these addresses instead of printing it.")
  List<String> mailTo = new ArrayList<>();

  @Option(names = "--mail-from", paramLabel = "ADDR",
      description = "Sender address. Default: a2doctor@HOST.")
  String mailFrom;

  @Option(names = "--smtp", paramLabel = "HOST:PORT", defaultValue = "localhost:25",
      description = "SMTP server: HOST:PORT, HOST (port 25) or [IPV6]:PORT. Default: ${DEFAULT-VALUE}.")
  String smtp;

  @Option(names = "--smtp-auth-file", paramLabel = "FILE",
      description = "File with the lines user=NAME and password=SECRET (chmod 600); never on "
          + "the command line, where ps shows it.")
  Path smtpAuthFile;

  @Option(names = "--starttls", paramLabel = "WHEN", defaultValue = "auto",
      description = "auto (required when --smtp-auth-file or --smtp-ca is given, else off), "
          + "required or off. Required: nothing is sent unless the server offers STARTTLS "
          + "and its certificate is trusted. Default: ${DEFAULT-VALUE}.")
  Mailer.StartTls startTls;

  @Option(names = "--smtp-ca", paramLabel = "FILE",
      description = "PEM file with the certificate(s) that may sign the SMTP server's (a "
          + "private CA, or the relay's own self-signed certificate); trusted instead of the "
          + "JVM's default CAs. The server name is still checked against the certificate. "
          + "Without it the JVM's trust store decides (cacerts; A2DOCTOR_OPTS="
          + "-Djavax.net.ssl.trustStore=...). Nothing is ever trusted blindly.")
  Path smtpCa;

  @Option(names = "--now", hidden = true, description = "Local time of the run (tests).")
  String now;

  @Mixin ContextOptions contextOptions;
  @Mixin CatalogOptions catalogOptions;

  ReportCommand(A2doctor root) {
    this.root = root;
  }

  @Override
  public Integer call() {
    Io io = root.io;
    String hostName = host != null ? host : localHostName();
    Optional<Duration> window;
    LocalDateTime at;
    try {
      window = since == null ? Optional.empty() : Optional.of(duration(since));
      at = now == null ? LocalDateTime.now() : LocalDateTime.parse(now);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return usage(e.getMessage());
    }
    if (window.isPresent() && spec.commandLine().getParseResult().hasMatchedOption("--state")) {
      return usage("--since reads without state; give --state or --since, not both");
    }
    if (resolveAfter < 1) {
      return usage("--resolve-after must be 1 or more");
    }
    Mailer.Smtp mail = null;
    if (!mailTo.isEmpty()) {
      String from = mailFrom != null ? mailFrom : "a2doctor@" + hostName;
      for (String a : concat(mailTo, from)) {
        Optional<String> bad = Mailer.invalidAddress(a);
        if (bad.isPresent()) {
          return usage(bad.get());
        }
      }
      Optional<HostPort> server = HostPort.parse(smtp, 25);
      if (server.isEmpty()) {
        return usage("--smtp " + smtp + ": expected HOST:PORT ([ADDRESS]:PORT for IPv6)");
      }
      Optional<Mailer.Credentials> auth = Optional.empty();
      if (smtpAuthFile != null) {
        try {
          auth = Optional.of(Mailer.credentials(smtpAuthFile,
              w -> io.err().println("a2doctor: warning: " + w)));
        } catch (IOException e) {
          io.err().println("a2doctor: " + e.getMessage());
          return ExitCodes.INPUT;
        }
      }
      Optional<javax.net.ssl.SSLSocketFactory> trust = Optional.empty();
      if (smtpCa != null) {
        try {
          trust = Optional.of(Mailer.trusting(smtpCa));
        } catch (IOException e) {
          io.err().println("a2doctor: " + e.getMessage());
          return ExitCodes.INPUT;
        }
      }
      mail = new Mailer.Smtp(server.get().host(), server.get().port(), startTls, auth,
          from, mailTo, trust);
    }
    Suppressions sup = Suppressions.none();
    if (suppress != null) {
      try {
        sup = Suppressions.load(suppress);
      } catch (IOException e) {
        io.err().println("a2doctor: " + (Files.exists(suppress) ? e.getMessage()
            : suppress + ": no such file"));
        return ExitCodes.INPUT;
      }
    }
    Catalog catalog = catalogOptions.load(io);
    ServerContext context = contextOptions.load(io);
    OutputOptions langOption = new OutputOptions();
    langOption.lang = lang;
    ReportRun.Settings settings = new ReportRun.Settings(files, window, at, hostName,
        langOption.lang(io), format, failOn, resolveAfter, sup);
    Mailer.Smtp smtpFinal = mail;
    ReportRun.Delivery out = smtpFinal != null
        ? m -> Mailer.send(smtpFinal, m)
        : m -> {
          io.out().print(m.body());
          io.out().flush();
          if (io.out().checkError()) {
            throw new IOException("cannot write the report to standard output");
          }
        };
    ReportRun run = new ReportRun(new Matcher(catalog), context, Checkpoint.NONE);
    run.parsingWith(contextOptions.parsers());
    ReportRun.Outcome o;
    try {
      o = window.isPresent() ? run.runSince(settings, out) : run.run(settings, state, out);
    } catch (IOException e) {
      io.err().println("a2doctor: " + e.getMessage());
      return ExitCodes.INPUT;
    }
    for (String e : o.errors()) {
      io.err().println("a2doctor: " + e);
    }
    if (!o.errors().isEmpty() || !catalog.problems().isEmpty()) {
      return ExitCodes.INPUT;
    }
    return o.fails() ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private int usage(String problem) {
    root.io.err().println("a2doctor report: " + problem);
    return ExitCodes.USAGE;
  }

  private static List<String> concat(List<String> a, String b) {
    List<String> l = new ArrayList<>(a);
    l.add(b);
    return l;
  }

  /** {@code 24h}, {@code 7d}, {@code 90m}, {@code 2w}. */
  static Duration duration(String s) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})([mhdw])")
        .matcher(s.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("--since " + s + ": expected a number and m, h, d or "
          + "w (90m, 24h, 7d, 2w)");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      default -> Duration.ofDays(7 * n);
    };
  }

  /** The kernel's host name; no DNS lookup, which can hang a cron job. */
  private String localHostName() {
    try {
      String h = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
      if (!h.isEmpty()) {
        return h;
      }
    } catch (IOException e) {
      // not Linux: ask the JDK
    }
    String env = root.io.env("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
