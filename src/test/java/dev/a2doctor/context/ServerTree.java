package dev.a2doctor.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.a2doctor.catalog.CatalogLoader;
import dev.a2doctor.match.Matcher;
import dev.a2doctor.report.Diagnoser;
import dev.a2doctor.report.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A copy of a server's /etc written by a test, diagnosed the way {@code --root DIR} does it. */
final class ServerTree {

  private static final Matcher MATCHER = new Matcher(new CatalogLoader().loadBuiltin());

  final Path root;

  ServerTree(Path root) {
    this.root = root;
  }

  /** Writes {@code DIR/path} (path absolute, as on the server); returns the file. */
  Path write(String path, String... lines) throws IOException {
    Path f = root.resolve(path.substring(1));
    Files.createDirectories(f.getParent());
    Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return f;
  }

  ServerContext context() {
    return new ContextLoader(Map.<String, String>of()::get).load(null, null, root);
  }

  /** The one finding of {@code entry} for the log lines, enriched with this tree. */
  Finding diagnose(String entry, String... lines) {
    Diagnoser d = new Diagnoser(MATCHER, context());
    int n = 0;
    for (String l : lines) {
      d.accept(l, "error.log", ++n);
    }
    List<Finding> found = d.result().findings().stream()
        .filter(f -> f.entry().id().equals(entry)).toList();
    assertThat(found).as("findings of %s", entry).hasSize(1);
    return found.get(0);
  }
}
