package dev.a2doctor.source;

import java.util.Objects;

/**
 * Where the last run stopped reading a log file, and how to recognise that file again after a
 * rotation: device and inode, plus a fingerprint of its first bytes (an inode alone is not
 * enough: ext4 reuses the inode of a rotated-away file for the new one).
 *
 * @param dev the device number of the file read last time
 * @param inode its inode number
 * @param fingerprint SHA-256 (hex) of its first {@code fingerprintLength} bytes
 * @param fingerprintLength how many bytes the fingerprint covers: {@code min(offset, 1024)};
 *     consumed bytes of a log never change, so the fingerprint stays valid as the file grows
 * @param offset bytes consumed: the end of the last complete line that was read
 * @param line lines consumed, so that {@code file:line} stays right across runs
 * @param newestRotated inode of the newest rotated sibling then (0: none): when nothing had been
 *     read (an empty file has no fingerprint), a new sibling beside the same inode means a
 *     copytruncate whose copy cannot be told from older ones
 */
public record LogCursor(long dev, long inode, String fingerprint, int fingerprintLength,
    long offset, long line, long newestRotated) {

  /** How many leading bytes identify a file. */
  public static final int FINGERPRINT_BYTES = 1024;

  public LogCursor {
    Objects.requireNonNull(fingerprint);
    if (offset < 0 || line < 0 || fingerprintLength < 0) {
      throw new IllegalArgumentException("negative offset, line or fingerprint length");
    }
  }
}
