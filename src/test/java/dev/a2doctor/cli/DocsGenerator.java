package dev.a2doctor.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build step (pom.xml, prepare-package): writes the man page sources (AsciiDoc, one per
 * command) and the bash and zsh completion scripts from the same command line {@code main}
 * runs, so they cannot drift from {@code --help}. Lives with the tests so that picocli-codegen
 * never reaches the runtime jar.
 *
 * <p>Usage: {@code DocsGenerator OUTDIR} writes {@code OUTDIR/adoc/*.adoc},
 * {@code OUTDIR/completion/a2doctor} (bash) and {@code OUTDIR/completion/_a2doctor} (zsh).
 */
public final class DocsGenerator {

  static final String ZSH_FIRST_TAB = """

      # The first Tab autoloaded this file as the function _a2doctor: answer that Tab too.
      if [[ -n ${CURRENT-} ]] && (( $+functions[_bash_complete] )); then
        _bash_complete -o default -F _complete_a2doctor
      fi
      """;

  private DocsGenerator() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: DocsGenerator OUTDIR");
    }
    generate(Path.of(args[0]));
  }

  static void generate(Path out) throws IOException {
    CommandLine cl = commandLine();
    Path adoc = Files.createDirectories(out.resolve("adoc"));
    int rc = ManPageGenerator.generateManPage(adoc.toFile(), null, new boolean[0], true,
        cl.getCommandSpec());
    if (rc != 0) {
      throw new IOException("ManPageGenerator failed with " + rc);
    }
    try (var pages = Files.list(adoc)) {
      for (Path page : pages.toList()) {
        Files.writeString(page, literalFooter(Files.readString(page, StandardCharsets.UTF_8)),
            StandardCharsets.UTF_8);
      }
    }
    Path completion = Files.createDirectories(out.resolve("completion"));
    String bash = AutoComplete.bash("a2doctor", cl);
    Files.writeString(completion.resolve("a2doctor"), bash, StandardCharsets.UTF_8);
    // zsh runs the same script through its bash-completion emulation; compinit autoloads this
    // file as the function _a2doctor on the first Tab, which must also answer that Tab
    Files.writeString(completion.resolve("_a2doctor"), "#compdef a2doctor\n"
        + "autoload -U +X bashcompinit && bashcompinit\n" + bash + ZSH_FIRST_TAB,
        StandardCharsets.UTF_8);
  }

  /**
   * The footers (examples, files, exit codes) are laid out for a terminal: ManPageGenerator
   * keeps only the first paragraph's line breaks, so make the footer literal blocks, and each
   * of its unindented {@code Heading:} lines ({@code Exit codes:}, {@code Files and
   * environment:}) a section of its own, so that {@code man} shows them as sections.
   */
  static String literalFooter(String adoc) {
    String start = "[%hardbreaks]\n";
    String end = "// end::picocli-generated-man-section-footer[]";
    int e = adoc.indexOf(end);
    int s = e < 0 ? -1 : adoc.lastIndexOf(start, e);
    if (s < 0) {
      return adoc;
    }
    String body = adoc.substring(s + start.length(), e).stripTrailing();
    StringBuilder out = new StringBuilder(adoc.substring(0, s));
    StringBuilder block = new StringBuilder();
    for (String line : body.split("\n", -1)) {
      if (HEADING.matcher(line).matches()) {
        literal(out, block);
        out.append("== ").append(line, 0, line.length() - 1).append("\n\n");
      } else {
        block.append(line).append('\n');
      }
    }
    literal(out, block);
    return out + adoc.substring(e);
  }

  private static final java.util.regex.Pattern HEADING =
      java.util.regex.Pattern.compile("[A-Z][^:]*:");

  private static void literal(StringBuilder out, StringBuilder block) {
    String text = block.toString().strip().isEmpty() ? "" : block.toString()
        .replaceAll("^(\\s*\\n)+", "").stripTrailing();
    if (!text.isEmpty()) {
      out.append("....\n").append(text).append("\n....\n\n");
    }
    block.setLength(0);
  }

  /** The real command line, with a plain version line (no catalog facts in the man page). */
  static CommandLine commandLine() {
    Io io = new Io(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        Map.of(), new ByteArrayInputStream(new byte[0]), false);
    CommandLine cl = A2doctor.commandLine(io);
    String version = "a2doctor " + Version.number();
    setVersion(cl, version);
    return cl;
  }

  private static void setVersion(CommandLine cl, String version) {
    cl.getCommandSpec().versionProvider(() -> new String[] {version});
    // ManPageGenerator writes a footer only under a heading: the footers start "%nExamples:"
    UsageMessageSpec usage = cl.getCommandSpec().usageMessage();
    String[] footer = usage.footer();
    if (footer.length > 0 && usage.footerHeading().isEmpty()) {
      usage.footerHeading("Examples");
      if (footer[0].equals("%nExamples:")) {
        usage.footer(Arrays.copyOfRange(footer, 1, footer.length));
      }
    }
    cl.getSubcommands().values().forEach(sub -> setVersion(sub, version));
  }
}
