package dev.a2doctor.source;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Says why a file could not be read, in the words an admin expects ({@code permission denied}). */
public final class IoErrors {

  private IoErrors() {}

  public static String reason(IOException e) {
    if (e instanceof java.io.EOFException) {
      return "the file ends early (truncated?)";
    }
    if (e instanceof java.util.zip.ZipException) {
      return "corrupt gzip data (" + e.getMessage() + ")";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
