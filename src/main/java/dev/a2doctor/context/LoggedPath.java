package dev.a2doctor.context;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * A path as a log line wrote it: any text a client could put there, NUL or a broken UTF-16
 * surrogate included, so not always a valid {@link Path}.
 */
final class LoggedPath {

  private LoggedPath() {}

  /** Its parent directory as {@link Path#getParent} gives it, or null; never throws. */
  static Path parent(String path) {
    try {
      return Path.of(path).getParent();
    } catch (InvalidPathException e) {
      return null; // "Nul character not allowed", "Malformed input ..."
    }
  }
}
