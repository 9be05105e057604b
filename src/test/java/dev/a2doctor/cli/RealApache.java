package dev.a2doctor.cli;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway httpd on loopback, run by {@code src/test/apache/instance.sh} from a sample
 * configuration tree. Outside CI a machine without Apache skips these tests with the reason; in
 * CI ({@code CI} set) a missing prerequisite fails them, because {@code .ci/run} installs it.
 */
final class RealApache implements AutoCloseable {

  static final Path HARNESS = Path.of("src/test/apache/instance.sh");

  final Path work;
  final int port;

  private RealApache(Path work, int port) {
    this.work = work;
    this.port = port;
  }

  /** Skips (locally) or fails (in CI) unless root, httpd and the named modules and users exist. */
  static void require(List<String> modules, List<String> users) throws IOException,
      InterruptedException {
    List<String> missing = new ArrayList<>();
    if (!"root".equals(System.getProperty("user.name"))) {
      missing.add("running as root (MPM-ITK switches users per request)");
    }
    if (!Files.isExecutable(Path.of("/usr/sbin/apache2"))) {
      missing.add("/usr/sbin/apache2");
    }
    for (String m : modules) {
      if (!Files.exists(Path.of("/usr/lib/apache2/modules", m))) {
        missing.add("/usr/lib/apache2/modules/" + m);
      }
    }
    for (String u : users) {
      if (run(List.of("getent", "passwd", u), 10) != 0) {
        missing.add("user " + u);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    String why = "needs " + String.join(", ", missing) + ": run 'sudo .ci/setup-apache.sh'";
    if (System.getenv("CI") != null) {
      fail("in CI this test must run, but it " + why);
    }
    Assumptions.abort(why);
  }

  static RealApache start(Path sample, Path work) throws IOException, InterruptedException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    RealApache a = new RealApache(work, port);
    a.harness("start", sample.toString(), work.toString(), String.valueOf(port));
    return a;
  }

  void restart() throws IOException, InterruptedException {
    harness("restart", work.toString());
  }

  @Override
  public void close() throws IOException, InterruptedException {
    harness("stop", work.toString());
  }

  private void harness(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("bash", HARNESS.toString()));
    cmd.addAll(List.of(args));
    Path log = Files.createTempFile("a2doctor-harness", ".log");
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail("instance.sh " + String.join(" ", args) + " timed out:\n" + Files.readString(log));
      }
      if (p.exitValue() != 0) {
        fail("instance.sh " + String.join(" ", args) + " failed:\n" + Files.readString(log));
      }
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /** GET / with the given Host header; returns the status code. */
  int get(String host) throws IOException {
    return get(host, "/");
  }

  /** GET {@code path} with the given Host header; returns the status code. */
  int get(String host, String path) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(20_000);
      OutputStream o = s.getOutputStream();
      o.write(("GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      o.flush();
      InputStream in = s.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      // "HTTP/1.1 503 Service Unavailable"
      return Integer.parseInt(response.substring(9, 12));
    }
  }

  private static int run(List<String> cmd, int seconds) throws IOException,
      InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }
}
