package dev.a2doctor.context;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One php-fpm pool as its configuration file declares it ({@code [www]} + {@code listen = ...}
 * in Debian's {@code /etc/php/8.2/fpm/pool.d/www.conf} or Red Hat's {@code /etc/php-fpm.d/}),
 * with the line of each setting, for an edit.
 *
 * @param file the pool file
 * @param name the pool's name ({@code www})
 * @param settings {@code listen}, {@code listen.owner}, ... by name: the setting's line
 * @param commented the same names commented out ({@code ;listen.mode = 0660})
 * @param service the systemd unit that runs it ({@code php8.2-fpm}, {@code php-fpm})
 */
record PhpFpmPool(Path file, String name, Map<String, Line> settings,
    Map<String, Line> commented, String service) {

  /** A line of a pool file: its number, text and value. */
  record Line(int number, String text, String value) {}

  PhpFpmPool {
    settings = Map.copyOf(settings);
    commented = Map.copyOf(commented);
  }

  /** The {@code listen} address with {@code $pool} filled in, or empty. */
  String listen() {
    return Optional.ofNullable(settings.get("listen")).map(l -> l.value().replace("$pool", name))
        .orElse("");
  }

  String setting(String key) {
    return Optional.ofNullable(settings.get(key)).map(Line::value).orElse("");
  }

  /** The pools of the php-fpm installations of the layouts a2doctor knows. */
  static List<PhpFpmPool> find(ServerContext ctx) {
    List<PhpFpmPool> out = new ArrayList<>();
    Path php = ctx.file("/etc/php");
    if (Files.isDirectory(php)) {
      for (Path version : sorted(php, "*")) {
        String service = "php" + version.getFileName() + "-fpm";
        for (Path f : sorted(version.resolve("fpm/pool.d"), "*.conf")) {
          out.addAll(read(f, service));
        }
      }
    }
    for (Path f : sorted(ctx.file("/etc/php-fpm.d"), "*.conf")) {
      out.addAll(read(f, "php-fpm"));
    }
    return out;
  }

  private static List<Path> sorted(Path dir, String glob) {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, glob)) {
      ds.forEach(out::add);
    } catch (IOException e) {
      return out;
    }
    out.sort(null);
    return out;
  }

  /** php-fpm's ini syntax: {@code [name]} starts a pool, {@code key = value}, {@code ;} comments. */
  static List<PhpFpmPool> read(Path file, String service) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return List.of();
    }
    List<PhpFpmPool> out = new ArrayList<>();
    String name = null;
    Map<String, Line> settings = new LinkedHashMap<>();
    Map<String, Line> commented = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.get(i).strip();
      if (t.startsWith("[") && t.endsWith("]")) {
        if (name != null && !name.equals("global")) {
          out.add(new PhpFpmPool(file, name, settings, commented, service));
        }
        name = t.substring(1, t.length() - 1).strip();
        settings = new LinkedHashMap<>();
        commented = new LinkedHashMap<>();
        continue;
      }
      boolean comment = t.startsWith(";");
      String body = comment ? t.substring(1).strip() : t;
      int eq = body.indexOf('=');
      if (eq <= 0 || name == null) {
        continue;
      }
      String key = body.substring(0, eq).strip();
      String value = body.substring(eq + 1).strip();
      if (value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")) {
        value = value.substring(1, value.length() - 1);
      }
      Line l = new Line(i + 1, lines.get(i), value);
      if (comment) {
        commented.putIfAbsent(key, l);
      } else {
        settings.put(key, l);
      }
    }
    if (name != null && !name.equals("global")) {
      out.add(new PhpFpmPool(file, name, settings, commented, service));
    }
    return out;
  }
}
