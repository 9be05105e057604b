package dev.a2doctor.context;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test data: a copy of a sample's tree with every time an hour back (the context cache does
 * not keep what changed moments ago).
 */
public final class AgedCopy {

  private AgedCopy() {}

  /** Copies {@code sample} to {@code root} and sets every modification time an hour back. */
  public static Path of(Path sample, Path root) throws IOException {
    FileTime hourAgo = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
    List<Path> all;
    try (Stream<Path> s = Files.walk(sample)) {
      all = s.toList();
    }
    for (Path p : all) {
      Path to = root.resolve(sample.relativize(p).toString());
      if (Files.isDirectory(p)) {
        Files.createDirectories(to);
      } else {
        Files.copy(p, to);
      }
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.toList()) {
        Files.setLastModifiedTime(p, hourAgo);
      }
    }
    return root;
  }
}
