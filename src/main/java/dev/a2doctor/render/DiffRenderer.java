package dev.a2doctor.render;

import dev.a2doctor.context.Enrichment;
import dev.a2doctor.report.Diagnosis;
import dev.a2doctor.report.Finding;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders the concrete fixes of a diagnosis as one unified diff against the real files, with
 * three lines of context, for the admin to review and apply with {@code patch -p0} (relative
 * paths, from the directory a2doctor ran in) or {@code patch -p0 -d /} (absolute paths, which are
 * written without their leading slash). a2doctor never edits a file itself.
 */
public final class DiffRenderer {

  private static final int CONTEXT = 3;

  private final PrintWriter out;
  private final PrintWriter err;

  public DiffRenderer(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  /** @return how many changes were written */
  public int render(Diagnosis d) {
    Map<String, Map<Integer, Enrichment.Edit>> byFile = new TreeMap<>();
    for (Finding f : d.findings()) {
      f.enrichment().edit().filter(e -> !e.before().equals(e.after()))
          .ifPresent(e -> byFile.computeIfAbsent(e.file(), k -> new TreeMap<>())
              .putIfAbsent(e.line(), e));
    }
    int written = 0;
    for (Map.Entry<String, Map<Integer, Enrichment.Edit>> file : byFile.entrySet()) {
      written += file(file.getKey(), new ArrayList<>(file.getValue().values()));
    }
    out.flush();
    return written;
  }

  private int file(String name, List<Enrichment.Edit> edits) {
    List<String> lines;
    try {
      lines = Files.readAllLines(Path.of(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println("a2doctor: " + name + ": cannot read, no diff for it: " + e.getMessage());
      return 0;
    }
    List<Enrichment.Edit> valid = new ArrayList<>();
    for (Enrichment.Edit e : edits) {
      if (e.line() < 1 || e.line() > lines.size() || !lines.get(e.line() - 1).equals(e.before())) {
        err.println("a2doctor: " + name + ":" + e.line()
            + ": the file changed since it was read; no diff for this line");
      } else {
        valid.add(e);
      }
    }
    if (valid.isEmpty()) {
      return 0;
    }
    String shown = name.startsWith("/") ? name.substring(1) : name;
    out.println("--- " + shown);
    out.println("+++ " + shown);
    // one hunk per edit; edits closer than the context would overlap, so merge them
    int i = 0;
    int shift = 0; // lines inserted by earlier hunks move the new file's line numbers
    while (i < valid.size()) {
      int j = i;
      while (j + 1 < valid.size()
          && valid.get(j + 1).line() - valid.get(j).line() <= 2 * CONTEXT) {
        j++;
      }
      int from = Math.max(1, valid.get(i).line() - CONTEXT);
      int to = Math.min(lines.size(), valid.get(j).line() + CONTEXT);
      int count = to - from + 1;
      int added = 0;
      for (int e = i; e <= j; e++) {
        added += valid.get(e).afterLines().size() - 1; // an edit may insert lines
      }
      out.printf("@@ -%d,%d +%d,%d @@%n", from, count, from + shift, count + added);
      shift += added;
      int k = i;
      for (int n = from; n <= to; n++) {
        if (k <= j && valid.get(k).line() == n) {
          out.println("-" + valid.get(k).before());
          for (String after : valid.get(k).afterLines()) {
            out.println("+" + after);
          }
          k++;
        } else {
          out.println(" " + lines.get(n - 1));
        }
      }
      i = j + 1;
    }
    return valid.size();
  }
}
