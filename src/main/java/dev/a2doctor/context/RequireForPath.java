package dev.a2doctor.context;

import dev.a2doctor.match.Hit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the {@code Require} that denied {@code client denied by server configuration: PATH}: the
 * one in the most specific {@code <Directory>} containing PATH (a later one wins a tie, as httpd
 * merges sections in order). Two readings:
 *
 * <ul>
 *   <li>{@code require-rule}: a {@code <Directory>} for PATH's tree has a denying rule; the fix
 *       is that line, as it should read ({@code Require all granted}, or the client's address
 *       added to {@code Require ip}).
 *   <li>{@code outside-granted-tree}: only the server-wide {@code <Directory />} applies (its
 *       {@code Require all denied}); the fix is a {@code <Directory>} that grants the site's tree.
 * </ul>
 */
final class RequireForPath implements Enricher {

  static final String RULE = "require-rule";
  static final String OUTSIDE = "outside-granted-tree";

  @Override
  public String name() {
    return "require-for-path";
  }

  @Override
  public Set<String> provides() {
    return Set.of("directive", "where", "directory", "corrected");
  }

  @Override
  public Set<String> variants() {
    return Set.of(RULE, OUTSIDE);
  }

  @Override
  public Enrichment enrich(Hit hit, ServerContext ctx) {
    String path = hit.captures().getOrDefault("path", "");
    List<Note> evidence = new ArrayList<>();
    List<Note> unchecked = new ArrayList<>(ctx.contextNotes());
    Map<String, String> values = new LinkedHashMap<>();
    values.put("directive", "Require ...");
    values.put("where", "the <Directory> section for " + path);
    Path parent = LoggedPath.parent(path);
    String dirOfPath = path.endsWith("/") || parent == null ? path : parent.toString();
    values.put("directory", dirOfPath);
    values.put("corrected", "Require all granted");
    if (ctx.config().isEmpty() || path.isEmpty()) {
      return new Enrichment(Optional.empty(), values, evidence, unchecked, Optional.empty());
    }
    if (hit.line().tag().equals("AH01797")) {
      unchecked.add(Note.of("require.order-deny-allow"));
      return new Enrichment(Optional.empty(), values, evidence, unchecked, Optional.empty());
    }
    Directive governing = null;
    String governingDir = null;
    for (Directive d : ctx.config().get().all("Require")) {
      String dir = innermostDirectory(d);
      if (dir == null || !contains(dir, path)) {
        continue;
      }
      if (governing == null || dir.length() >= governingDir.length()) {
        governing = d;
        governingDir = dir;
      }
    }
    if (governing == null) {
      unchecked.add(Note.of("require.no-directory", path));
      return new Enrichment(Optional.empty(), values, evidence, unchecked, Optional.empty());
    }
    values.put("directive", governing.text().strip());
    values.put("where", governing.file() + ":" + governing.lastLine());
    evidence.add(Note.of("require.governing", path, governingDir, governing.text().strip(),
        governing.where()));
    if (governingDir.equals("/")) {
      values.put("directory", dirOfPath);
      values.put("corrected", "<Directory " + dirOfPath + "> Require all granted </Directory>");
      return new Enrichment(Optional.of(OUTSIDE), values, evidence, unchecked, Optional.empty());
    }
    values.put("directory", governingDir);
    String corrected = corrected(governing, hit.line().clientAddress());
    values.put("corrected", corrected.strip());
    Optional<Enrichment.Edit> edit = corrected.equals(governing.text()) ? Optional.empty()
        : Optional.of(new Enrichment.Edit(governing.file().toString(), governing.lastLine(),
            governing.text(), corrected));
    return new Enrichment(Optional.of(RULE), values, evidence, unchecked, edit);
  }

  /** The rule as it should read: grant all, or let this client's address in. */
  private static String corrected(Directive d, String client) {
    String text = d.text();
    String indent = text.substring(0, text.length() - text.stripLeading().length());
    if (d.line() != d.lastLine()) {
      return text; // a rule over several lines: described, not rewritten
    }
    if (d.arg(0).equalsIgnoreCase("all") && d.arg(1).equalsIgnoreCase("denied")) {
      return indent + "Require all granted";
    }
    if (d.arg(0).equalsIgnoreCase("ip") && !client.isEmpty()) {
      return text.stripTrailing() + " " + client;
    }
    return text;
  }

  private static String innermostDirectory(Directive d) {
    for (int i = d.sections().size() - 1; i >= 0; i--) {
      List<String> w = ApacheConfigReader.words(d.sections().get(i));
      if (w.size() > 1 && w.get(0).equalsIgnoreCase("Directory")) {
        return w.get(1);
      }
    }
    return null;
  }

  private static boolean contains(String dir, String path) {
    if (dir.equals("/")) {
      return path.startsWith("/");
    }
    String d = dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
    return path.equals(d) || path.startsWith(d + "/");
  }
}
