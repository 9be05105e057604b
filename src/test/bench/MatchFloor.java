import dev.a2doctor.catalog.Catalog;
import dev.a2doctor.catalog.CatalogIndex;
import dev.a2doctor.catalog.CatalogLoader;
import dev.a2doctor.match.Matcher;
import dev.a2doctor.parse.LineParser;
import dev.a2doctor.parse.ParseResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The least any a2doctor built as issue 8 asks (every catalog regex on RE2/J) can do, as a
 * yardstick against ripgrep (src/test/bench/jvm-floor.sh runs it; it is not part of a2doctor):
 * each of two threads reads half of the log as bytes, hashes each line's message (after the
 * time, module, pid and client fields) into a set of longs, and only for a message not seen
 * before decodes the line and runs a2doctor's own parser and {@link Matcher} on it (the tag and
 * literal index, then RE2/J). A repeat costs no object and no match; nothing is grouped,
 * enriched or rendered. What is left is the matching that no design can skip: a message never
 * seen needs its regexes run once to know its entry and captures.
 *
 * <p>Usage: {@code MatchFloor LOG [THREADS [parse-only]]} (default 2 threads; {@code
 * parse-only} decodes and parses each new message but matches nothing, which tells the
 * matching's share). Compiled against target/a2doctor.jar: {@code javac -cp
 * target/a2doctor.jar}.
 */
public final class MatchFloor {

  private MatchFloor() {}

  public static void main(String[] args) throws Exception {
    Path log = Path.of(args[0]);
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    boolean match = args.length < 3 || !args[2].equals("parse-only");
    Catalog catalog = CatalogIndex.builtin().orElseGet(() -> new CatalogLoader().loadBuiltin());
    Matcher matcher = new Matcher(catalog);
    long size;
    try (FileChannel ch = FileChannel.open(log)) {
      size = ch.size();
    }
    List<Part> parts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      parts.add(new Part(log, size * t / threads, size * (t + 1) / threads,
          match ? matcher : null));
    }
    List<Thread> running = new ArrayList<>();
    for (Part p : parts) {
      Thread th = new Thread(p);
      th.start();
      running.add(th);
    }
    long lines = 0;
    long distinct = 0;
    long matched = 0;
    for (int t = 0; t < threads; t++) {
      running.get(t).join();
      Part p = parts.get(t);
      if (p.failure != null) {
        throw p.failure;
      }
      lines += p.lines;
      distinct += p.distinct;
      matched += p.matched;
    }
    System.out.println(lines + " lines, " + distinct + " distinct messages matched (" + matched
        + " explained)");
  }

  /** Lines starting in [from, to): the first is the one after the first newline before from. */
  private static final class Part implements Runnable {
    final Path log;
    final long from;
    final long to;
    final Matcher matcher;
    final LineParser parser = new LineParser();
    long[] seen = new long[1 << 16];
    int seenCount;
    long lines;
    long distinct;
    long matched;
    Exception failure;

    Part(Path log, long from, long to, Matcher matcher) {
      this.log = log;
      this.from = from;
      this.to = to;
      this.matcher = matcher;
    }

    @Override
    public void run() {
      try {
        read();
      } catch (Exception e) {
        failure = e;
      }
    }

    private void read() throws IOException {
      byte[] buf = new byte[1 << 20];
      ByteBuffer bb = ByteBuffer.wrap(buf);
      try (FileChannel ch = FileChannel.open(log)) {
        long pos = from;
        boolean first = from > 0; // skip the line that started before: the other part has it
        while (pos < to) {
          bb.clear();
          int n = ch.read(bb, pos);
          if (n <= 0) {
            break;
          }
          int start = 0;
          int i = 0;
          for (; i < n; i++) {
            if (buf[i] != '\n') {
              continue;
            }
            if (first) {
              first = false;
            } else {
              line(buf, start, i);
            }
            start = i + 1;
            if (pos + start > to) {
              return; // the next line starts in the next part
            }
          }
          if (start == 0) {
            if (n < buf.length) {
              break; // the file's last line, without a newline: left out
            }
            throw new IOException("a line longer than the buffer");
          }
          pos += start;
        }
      }
    }

    private void line(byte[] b, int from, int to) {
      lines++;
      int p = from;
      for (int brackets = 0; brackets < 3 && p < to; p++) {
        if (b[p] == ']') {
          brackets++;
        }
      }
      // and the client field, which differs on every line
      if (p + 8 < to && b[p] == ' ' && b[p + 1] == '[' && b[p + 2] == 'c' && b[p + 3] == 'l') {
        while (p < to && b[p] != ']') {
          p++;
        }
      }
      long h = 0xcbf29ce484222325L;
      for (int k = p; k < to; k++) {
        h = (h ^ b[k]) * 0x100000001b3L;
      }
      if (add(h | 1)) {
        distinct++;
        ParseResult r = parser.parse(new String(b, from, to - from, StandardCharsets.UTF_8));
        if (r instanceof ParseResult.Parsed parsed && matcher != null
            && matcher.match(parsed.line()).isPresent()) {
          matched++;
        }
      }
    }

    /** Adds a non-zero hash to the open-addressing set; false when it was there. */
    private boolean add(long h) {
      if (2 * seenCount >= seen.length) {
        long[] old = seen;
        seen = new long[old.length * 2];
        seenCount = 0;
        for (long v : old) {
          if (v != 0) {
            add(v);
          }
        }
      }
      int mask = seen.length - 1;
      for (int i = (int) (h ^ (h >>> 32)) & mask; ; i = (i + 1) & mask) {
        if (seen[i] == h) {
          return false;
        }
        if (seen[i] == 0) {
          seen[i] = h;
          seenCount++;
          return true;
        }
      }
    }
  }
}
