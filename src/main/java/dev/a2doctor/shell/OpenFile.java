package dev.a2doctor.shell;

import java.nio.file.Path;

/**
 * A file the shell has open, and how far it was read: {@code follow} goes on from {@code offset}
 * (bytes) at line {@code lines + 1}.
 *
 * @param fileKey the file's identity when it was read (inode), to notice a rotation
 * @param compressed gzip files are read once and never followed
 */
record OpenFile(Path path, long offset, long lines, Object fileKey, boolean compressed) {

  OpenFile advance(long newOffset, long newLines, Object newKey) {
    return new OpenFile(path, newOffset, newLines, newKey, compressed);
  }
}
