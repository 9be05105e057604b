import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;

/**
 * The least a JVM program that looks at every line of an error log does, as a yardstick for
 * a2doctor's speed against ripgrep (src/test/bench/jvm-floor.sh runs it; it is not part of
 * a2doctor). Mode {@code bytes}: find each line end and hash the bytes after the third bracket
 * (no object per line). Mode {@code strings}: decode each line to a String, as any parser of its
 * fields must, and count its message in a map of at most 4,096 (a match cache). Prints the
 * number of lines and of distinct messages kept, so the JIT cannot drop the work.
 */
public final class JvmFloor {

  private JvmFloor() {}

  public static void main(String[] args) throws IOException {
    boolean strings = args[0].equals("strings");
    long lines = 0;
    long sum = 0;
    HashMap<String, int[]> seen = new HashMap<>();
    byte[] buf = new byte[1 << 20];
    ByteBuffer bb = ByteBuffer.wrap(buf);
    try (FileChannel ch = FileChannel.open(Path.of(args[1]))) {
      int keep = 0;
      while (true) {
        bb.limit(buf.length).position(keep);
        int n = ch.read(bb);
        if (n <= 0) {
          break;
        }
        int end = keep + n;
        int start = 0;
        for (int i = 0; i < end; i++) {
          if (buf[i] != '\n') {
            continue;
          }
          if (strings) {
            String line = new String(buf, start, i - start, StandardCharsets.UTF_8);
            String message = line.substring(messageStart(line));
            int[] count = seen.get(message);
            if (count != null) {
              count[0]++;
            } else if (seen.size() < 4096) {
              seen.put(message, new int[] {1});
            }
          } else {
            int h = 0;
            for (int k = messageStart(buf, start, i); k < i; k++) {
              h = 31 * h + buf[k];
            }
            sum += h;
          }
          lines++;
          start = i + 1;
        }
        keep = end - start;
        System.arraycopy(buf, start, buf, 0, keep);
      }
    }
    System.out.println(lines + " lines, " + seen.size() + " messages kept, " + sum);
  }

  /** After the third {@code ]} (time, module:level, pid), or the line's end. */
  private static int messageStart(String line) {
    int p = 0;
    for (int brackets = 0; brackets < 3 && p < line.length(); p++) {
      if (line.charAt(p) == ']') {
        brackets++;
      }
    }
    return p;
  }

  private static int messageStart(byte[] b, int from, int to) {
    int p = from;
    for (int brackets = 0; brackets < 3 && p < to; p++) {
      if (b[p] == ']') {
        brackets++;
      }
    }
    return p;
  }
}
