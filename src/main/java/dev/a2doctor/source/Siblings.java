package dev.a2doctor.source;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rotated copies logrotate leaves beside a log, newest first: numbered ones
 * ({@code error.log.1}, {@code error.log.2.gz}, ...) by number, then dated ones
 * ({@code error.log-20261124}, {@code error.log-2026112403.gz}; logrotate's {@code dateext}) by
 * date, newest first.
 */
public final class Siblings {

  private Siblings() {}

  public static List<Path> of(Path log) throws IOException {
    Path dir = log.toAbsolutePath().getParent();
    String name = Pattern.quote(log.getFileName().toString());
    Pattern numbered = Pattern.compile(name + "\\.(\\d{1,4})(\\.gz)?");
    Pattern dated = Pattern.compile(name + "-(\\d{8}(?:\\d{2})?)(\\.gz)?");
    List<Rotated> found = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String f = p.getFileName().toString();
        Matcher m = numbered.matcher(f);
        if (m.matches()) {
          found.add(new Rotated(log.resolveSibling(f), 0, Long.parseLong(m.group(1))));
          continue;
        }
        m = dated.matcher(f);
        if (m.matches()) {
          // newest first: a larger date sorts earlier
          found.add(new Rotated(log.resolveSibling(f), 1, -Long.parseLong(
              (m.group(1) + "00").substring(0, 10))));
        }
      }
    }
    found.sort(Comparator.comparingInt(Rotated::scheme).thenComparingLong(Rotated::rank)
        .thenComparing(r -> r.path().toString()));
    return found.stream().map(Rotated::path).toList();
  }

  private record Rotated(Path path, int scheme, long rank) {}
}
