package dev.a2doctor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Test data: the error logs httpd wrote in samples/ (real captures), for tests over all of them. */
public final class SampleLogs {

  private SampleLogs() {}

  /** Every {@code .log} file under samples/, sorted by path. */
  public static List<Path> files() throws IOException {
    try (Stream<Path> s = Files.walk(Path.of("samples"))) {
      return s.filter(p -> p.toString().endsWith(".log")).sorted().toList();
    }
  }

  /** Their lines, file after file. */
  public static List<String> lines() throws IOException {
    List<String> lines = new ArrayList<>();
    for (Path f : files()) {
      lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
    }
    return lines;
  }
}
