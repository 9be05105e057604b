package dev.a2doctor.render;

import java.util.Map;

/** The renderer's own words, in the language of the catalog texts it prints. */
record Labels(String why, String fix, String evidence, String change, String notChecked,
    String see, String times, String firstAt, String summary, String notExplained,
    String alsoSeen, String unparsed, String context, String folded, String foldedMark) {

  private static final Labels EN = new Labels("Why", "Fix", "Evidence", "Change", "Not checked",
      "See", "%d time%s", "first at", "a2doctor: %d finding%s (%d line%s), %d line%s read,"
          + " %d not explained",
      "Not explained: %d warn-or-worse line%s of %d kind%s",
      "Also seen (below %s; --all shows them in full):",
      "%d line%s had a broken prefix and could not be parsed.", "Context",
      "Folded: the lines of this entry past its first %d group%s (other files, lines or paths),"
          + " counted together; the sample and fix are the first such line's. --max-groups 0"
          + " lists every group.",
      "(folded)");

  private static final Labels JA = new Labels("原因", "対処", "根拠", "変更", "未確認",
      "参考", "%d 回%s", "最初の行", "a2doctor: 検出 %d 件%s (%d 行%s)、読んだ行 %d%s、"
          + "説明できない行 %d",
      "説明できない行: warn 以上が %d 行%s (%d 種類%s)",
      "その他 (%s 未満。--all ですべて表示):",
      "%d 行%s は先頭部分が壊れていて解析できませんでした。", "コンテキスト",
      "まとめ: このエントリの最初の %d グループ%s以降 (別のファイル、行、パス) の行をまとめて"
          + "数えています。サンプルと対処はその最初の行のものです。--max-groups 0 ですべての"
          + "グループを表示します。",
      "(まとめ)");

  private static final Map<String, Labels> BY_LANG = Map.of("en", EN, "ja", JA);

  static Labels of(String lang) {
    return BY_LANG.getOrDefault(lang, EN);
  }

  /**
   * {@code pattern} (one of the labels above) with each {@code %d} and {@code %s} replaced by the
   * next of {@code args}, as {@code pattern.formatted(args)} gives it for these labels:
   * java.util.Formatter loads locale data and resource bundles (about 7 ms of explain's start).
   */
  static String fill(String pattern, Object... args) {
    StringBuilder out = new StringBuilder(pattern.length() + 32);
    int next = 0;
    int from = 0;
    for (int i = pattern.indexOf('%'); i >= 0 && i + 1 < pattern.length();
        i = pattern.indexOf('%', from)) {
      char c = pattern.charAt(i + 1);
      if (c != 'd' && c != 's') {
        throw new IllegalArgumentException("not a label's conversion: %" + c + " in " + pattern);
      }
      out.append(pattern, from, i).append(args[next++]);
      from = i + 2;
    }
    return out.append(pattern, from, pattern.length()).toString();
  }

  /** English plural "s"; Japanese has none. */
  String plural(long n) {
    return this == EN && n != 1 ? "s" : "";
  }
}
