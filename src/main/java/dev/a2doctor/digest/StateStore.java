package dev.a2doctor.digest;

import dev.a2doctor.source.IoErrors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the state file. A write never leaves a half-written state behind: the JSON
 * goes to a temporary file in the same directory, which is fsynced, renamed over the state file
 * (atomic on POSIX file systems) and then the directory is fsynced so the rename survives a
 * power loss. A lock file ({@code STATE.lock}) keeps two runs (an overlapping cron job) apart.
 */
public final class StateStore implements AutoCloseable {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private final Path file;
  private final Checkpoint checkpoint;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private StateStore(Path file, Checkpoint checkpoint, FileChannel lockChannel, FileLock lock) {
    this.file = file;
    this.checkpoint = checkpoint;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Locks the state file for this run, creating its directory when missing.
   *
   * @throws IOException when another run holds the lock or the directory cannot be written
   */
  public static StateStore open(Path file, Checkpoint checkpoint) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path lockFile = dir.resolve(file.getFileName() + ".lock");
    FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      lock = null; // held by this JVM (tests; an embedding program)
    }
    if (lock == null) {
      ch.close();
      throw new IOException(file + ": another a2doctor report is running (lock " + lockFile
          + " is held)");
    }
    StateStore s = new StateStore(file.toAbsolutePath(), checkpoint, ch, lock);
    s.removeStaleTemporaries();
    return s;
  }

  /** The stored state, or an empty one when there is no state file yet. */
  public State load() throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return State.empty();
    }
    try {
      State s = MAPPER.readValue(bytes, State.class);
      if (s.version() != State.VERSION) {
        throw new IOException(file + ": state format version " + s.version() + ", expected "
            + State.VERSION);
      }
      return s;
    } catch (JacksonException e) {
      throw new IOException(file + ": not a valid state file (" + e.getOriginalMessage()
          + "); move it away to start afresh", e);
    }
  }

  /** Replaces the state file atomically. */
  public void save(State state) throws IOException {
    byte[] bytes = MAPPER.writeValueAsBytes(state);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
    try {
      checkpoint.reached("state:before-temp");
      try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE,
          StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), ownerOnly(tmp))) {
        int half = bytes.length / 2;
        write(ch, ByteBuffer.wrap(bytes, 0, half));
        checkpoint.reached("state:temp-half-written");
        write(ch, ByteBuffer.wrap(bytes, half, bytes.length - half));
        checkpoint.reached("state:temp-written");
        ch.force(true);
      }
      checkpoint.reached("state:temp-synced");
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException(file + ": cannot replace it atomically: " + e.getMessage(), e);
      }
    } catch (IOException e) {
      // a full disk or a read-only file system: the old state stays as it was, complete
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // removed by the next run's removeStaleTemporaries
      }
      throw new IOException(file + ": cannot write the state: " + IoErrors.reason(e)
          + " (the previous state is unchanged; the next run starts from it)", e);
    }
    checkpoint.reached("state:renamed");
    try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // some file systems cannot sync a directory; the rename itself is still atomic
    }
    checkpoint.reached("state:dir-synced");
  }

  /**
   * The state holds what the logs said (the outbox is a whole report with log lines and client
   * addresses), and Apache's logs are not world-readable: the state is readable by its owner
   * only, whatever the umask.
   */
  private static FileAttribute<?>[] ownerOnly(Path p) {
    if (!p.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
  }

  private static void write(FileChannel ch, ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      ch.write(b);
    }
  }

  /** Temporary files of runs that were killed while writing: never read, only removed. */
  private void removeStaleTemporaries() throws IOException {
    String prefix = file.getFileName() + ".tmp-";
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(file.getParent(), prefix + "*")) {
      for (Path p : ds) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      lockChannel.close();
    }
  }
}
