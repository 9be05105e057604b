package dev.a2doctor.cli;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Defaults for options from a file, {@code /etc/a2doctor/a2doctor.conf} when installed: the
 * file named by {@code A2DOCTOR_CONFIG} (the launcher sets it to that path unless set). Java
 * properties; a key is an option's name without dashes and applies to every command that has
 * the option, or is qualified by the command to apply to one only:
 *
 * <pre>
 * lang = ja
 * fail-on = error
 * a2doctor.diagnose.format = json
 * </pre>
 *
 * The command line still wins. An unknown key is reported as {@code file:line: unknown key}.
 */
final class ConfigFile {

  static final String ENV = "A2DOCTOR_CONFIG";

  private ConfigFile() {}

  /** Makes {@code cl} take option defaults from the configured file, when there is one. */
  static void apply(CommandLine cl, Io io) {
    Path file = path(io);
    if (file == null || !Files.isRegularFile(file)) {
      return;
    }
    Properties p = new Properties();
    List<String> lines;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException | IllegalArgumentException e) {
      io.err().println("a2doctor: " + file + ": cannot read: " + e.getMessage());
      return;
    }
    Set<String> known = keys(cl);
    for (String key : new TreeSet<>(p.stringPropertyNames())) {
      if (!known.contains(key)) {
        io.err().println("a2doctor: " + file + ":" + lineOf(lines, key) + ": unknown key '"
            + key + "' (keys are option names such as fail-on, or a2doctor.diagnose.format)");
      }
    }
    cl.setDefaultValueProvider(new CommandLine.PropertiesDefaultProvider(p));
  }

  /**
   * Whether {@code cl} knows every key of the configured file (true without a file, or with one
   * that cannot be read: {@link #apply} reports that), so that a smaller command tree can apply
   * it with the same effect and the same messages as the full one.
   */
  static boolean knowsAllKeys(CommandLine cl, Io io) {
    Path file = path(io);
    if (file == null || !Files.isRegularFile(file)) {
      return true;
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException | IllegalArgumentException e) {
      return true;
    }
    return keys(cl).containsAll(p.stringPropertyNames());
  }

  /** For {@code --version}: which file, and whether it is there. */
  static String describe(Io io) {
    Path file = path(io);
    if (file == null) {
      return "none (" + ENV + " is not set)";
    }
    return Files.isRegularFile(file) ? file.toString() : "none (" + file + " does not exist)";
  }

  private static Path path(Io io) {
    String v = io.env(ENV);
    return v == null || v.isBlank() ? null : new File(v).toPath();
  }

  /** Every key picocli's PropertiesDefaultProvider would look up for this command tree. */
  static Set<String> keys(CommandLine cl) {
    Set<String> keys = new TreeSet<>();
    collect(cl.getCommandSpec(), keys);
    return keys;
  }

  private static void collect(CommandSpec spec, Set<String> keys) {
    for (OptionSpec o : spec.options()) {
      if (o.usageHelp() || o.versionHelp()) {
        continue;
      }
      String name = o.longestName().replaceFirst("^-+", "");
      keys.add(name);
      keys.add(spec.qualifiedName(".") + "." + name);
    }
    for (CommandLine sub : spec.subcommands().values()) {
      collect(sub.getCommandSpec(), keys);
    }
  }

  private static int lineOf(List<String> lines, String key) {
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.get(i).stripLeading();
      if (t.startsWith(key) && (t.length() == key.length()
          || " \t=:".indexOf(t.charAt(key.length())) >= 0)) {
        return i + 1;
      }
    }
    return 0;
  }
}
