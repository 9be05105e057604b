package com.google.re2j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.a2doctor.catalog.Catalog;
import dev.a2doctor.catalog.CatalogLoader;
import dev.a2doctor.catalog.Entry;
import dev.a2doctor.parse.LineParser;
import dev.a2doctor.parse.ParseResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The backtracker finds exactly what RE2/J's NFA finds: the same match and the same group spans,
 * on the catalog's regexes and on generated ones, and its work stays within program size x
 * (length + 1) on hostile input. The reference is RE2/J's own one-pass run
 * ({@link A2doctorSubmatches#nfa}, what {@link A2doctorSubmatches#find} did before), and the
 * public API ({@code Matcher.find} + {@code start(g)}/{@code end(g)}). Deterministic: fixed seeds.
 */
class A2doctorBacktrackerTest {

  /** Characters the mutations and the random strings use: ASCII, word and not, line breaks, a
   * two-char code point (U+1F600), a lone high and a lone low surrogate, controls. */
  private static final String[] PIECES = {
      "a", "b", "c", "A", "B", "_", "0", " ", "\n", "\r", "\t", "\u0000", "\u001b", "é",
      "\uD83D\uDE00", "\uD83D", "\uDE00", ".", "/", ":", "'", "-", "[", "]"};

  @Test
  void catalogRegexesFindTheSameOnExamplesAndTheirMutations() {
    Catalog catalog = new CatalogLoader().loadBuiltin();
    LineParser parser = new LineParser();
    List<String> all = new ArrayList<>();
    List<Pattern> patterns = new ArrayList<>();
    List<List<String>> own = new ArrayList<>();
    for (Entry e : catalog.entries()) {
      List<String> texts = new ArrayList<>();
      e.examples().forEach(x -> texts.add(x.line()));
      e.nearMisses().forEach(x -> texts.add(x.line()));
      for (String t : List.copyOf(texts)) {
        if (parser.parse(t) instanceof ParseResult.Parsed p) {
          texts.add(p.line().message());
        }
      }
      all.addAll(texts);
      if (e.match().regex() != null) {
        patterns.add(e.match().compiled());
        own.add(texts);
      }
    }
    Random random = new Random(8);
    int matched = 0;
    int cases = 0;
    for (int i = 0; i < patterns.size(); i++) {
      Pattern p = patterns.get(i);
      for (String t : all) {
        matched += assertSame(p, t) ? 1 : 0;
        cases++;
      }
      for (String t : own.get(i)) {
        for (int k = 0; k < 40; k++) {
          matched += assertSame(p, mutate(t, random)) ? 1 : 0;
          cases++;
        }
      }
      // a line longer than the bound: find() gives it to the NFA, the backtracker agrees anyway
      String example = own.get(i).get(own.get(i).size() - 1);
      String longLine = "x".repeat(A2doctorBacktracker.MAX_BITS / 16) + example;
      assertThat(A2doctorBacktracker.suits(p.re2(), longLine.length())).isFalse();
      matched += assertSame(p, longLine) ? 1 : 0;
      cases++;
    }
    assertThat(patterns).hasSizeGreaterThan(100);
    assertThat(matched).as("of %d cases", cases).isGreaterThan(2000);
  }

  @Test
  void generatedRegexesFindTheSameOnRandomStrings() {
    Random random = new Random(1978);
    int matched = 0;
    int cases = 0;
    for (int n = 0; n < 4000; n++) {
      String regex = flags(random) + regex(random, 3);
      Pattern p;
      try {
        p = Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        continue; // e.g. a repeat of an empty-width assertion RE2/J refuses
      }
      for (int k = 0; k < 12; k++) {
        String input = randomString(random, random.nextInt(14));
        cases++;
        int[] reference = A2doctorSubmatches.nfa(p.re2(), input, p.groupCount());
        int[] spans = A2doctorBacktracker.find(p.re2(), input, p.groupCount());
        assertThat(spans).as("/%s/ in \"%s\"", regex, escape(input)).isEqualTo(reference);
        assertThat(A2doctorSubmatches.find(p, input)).isEqualTo(reference);
        matched += spans == null ? 0 : 1;
        assertThat(spans).as("/%s/ in \"%s\" (public API)", regex, escape(input))
            .isEqualTo(publicApi(p, input));
      }
    }
    assertThat(cases).isGreaterThan(40_000);
    assertThat(matched).isGreaterThan(cases / 4);
  }

  @Test
  void staysLinearOnHostileInput() {
    String[] hostile = {"(a*)*b", "(a|aa)*c", "(?:(a+)+|(a))*$x", "((a?){20}a{20})", "(.*)(.*)(.*)z",
        "(x+x+)+y", "(\\b|a)*(\\B|a)*q"};
    for (String regex : hostile) {
      Pattern p = Pattern.compile(regex);
      int insts = p.re2().prog.numInst();
      for (int len : new int[] {10, 100, 1000, 5000}) {
        String input = (regex.startsWith("(x") ? "x" : "a").repeat(len);
        int[] spans = A2doctorBacktracker.find(p.re2(), input, p.groupCount());
        assertThat(spans).isEqualTo(A2doctorSubmatches.nfa(p.re2(), input, p.groupCount()));
        long entered = A2doctorBacktracker.lastEntered();
        assertThat(entered).as("/%s/ on %d chars", regex, len)
            .isLessThanOrEqualTo((long) insts * (len + 1))
            .isGreaterThanOrEqualTo(spans == null ? len : 1);
        assertThat(A2doctorBacktracker.keptStack()).isLessThanOrEqualTo(1 << 14);
      }
      // 100 KiB: beyond the bound, so find() leaves it to the NFA, which is linear too
      String line = "a".repeat(100 * 1024);
      assertThat(A2doctorBacktracker.suits(p.re2(), line.length())).isFalse();
      assertThat(A2doctorSubmatches.find(p, line))
          .isEqualTo(A2doctorSubmatches.nfa(p.re2(), line, p.groupCount()));
    }
  }

  @Test
  void findsTheSameOnSeveralThreadsAtOnce() throws Exception {
    // each thread has its own bitmap and stack: four threads on the same patterns and inputs
    List<Pattern> patterns = new ArrayList<>();
    List<String> inputs = new ArrayList<>();
    Random random = new Random(4);
    for (int n = 0; patterns.size() < 300; n++) {
      try {
        patterns.add(Pattern.compile(regex(random, 3)));
        inputs.add(randomString(random, 40 + random.nextInt(40)));
      } catch (PatternSyntaxException e) {
        // skip
      }
    }
    List<int[]> expected = new ArrayList<>();
    for (int i = 0; i < patterns.size(); i++) {
      Pattern p = patterns.get(i);
      expected.add(A2doctorSubmatches.nfa(p.re2(), inputs.get(i), p.groupCount()));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t;
        done.add(pool.submit(() -> {
          int same = 0;
          for (int round = 0; round < 20; round++) {
            for (int k = 0; k < patterns.size(); k++) {
              int i = (k + offset * 7 + round) % patterns.size();
              Pattern p = patterns.get(i);
              same += Arrays.equals(A2doctorSubmatches.find(p, inputs.get(i)),
                  expected.get(i)) ? 1 : 0;
            }
          }
          return same;
        }));
      }
      for (Future<Integer> f : done) {
        assertThat(f.get()).isEqualTo(20 * patterns.size());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void choosesTheBacktrackerOnlyWithinTheBound() {
    Pattern p = Pattern.compile("(a+)(b)?");
    int insts = p.re2().prog.numInst();
    int longest = A2doctorBacktracker.MAX_BITS / insts - 1;
    assertThat(A2doctorBacktracker.suits(p.re2(), longest)).isTrue();
    assertThat(A2doctorBacktracker.suits(p.re2(), longest + 1)).isFalse();
    assertThat(A2doctorBacktracker.suits(Pattern.compile("(a+)", Pattern.LONGEST_MATCH).re2(), 1))
        .isFalse();
    A2doctorSubmatches.find(p, "xaab");
    assertThat(A2doctorBacktracker.lastEntered()).isPositive();
  }

  /** Asserts the backtracker, the NFA, find() and the public API agree; true on a match. */
  private static boolean assertSame(Pattern p, String input) {
    int[] reference = A2doctorSubmatches.nfa(p.re2(), input, p.groupCount());
    int[] spans = A2doctorBacktracker.find(p.re2(), input, p.groupCount());
    String what = p + " in " + escape(input);
    assertThat(spans).as(what).isEqualTo(reference);
    assertThat(A2doctorSubmatches.find(p, input)).as(what).isEqualTo(reference);
    assertThat(spans).as(what + " (public API)").isEqualTo(publicApi(p, input));
    return spans != null;
  }

  private static int[] publicApi(Pattern p, String input) {
    Matcher m = p.matcher(input);
    if (!m.find()) {
      return null;
    }
    int[] spans = new int[2 + 2 * p.groupCount()];
    for (int g = 0; g <= p.groupCount(); g++) {
      spans[2 * g] = m.start(g);
      spans[2 * g + 1] = m.end(g);
    }
    return spans;
  }

  private static String mutate(String s, Random r) {
    StringBuilder b = new StringBuilder(s);
    int edits = 1 + r.nextInt(4);
    for (int i = 0; i < edits; i++) {
      int at = b.length() == 0 ? 0 : r.nextInt(b.length() + 1);
      switch (r.nextInt(6)) {
        case 0 -> b.insert(at, PIECES[r.nextInt(PIECES.length)]);
        case 1 -> {
          if (at < b.length()) {
            b.deleteCharAt(at);
          }
        }
        case 2 -> {
          int end = Math.min(b.length(), at + 1 + r.nextInt(8));
          b.insert(at, b.substring(at, end));
        }
        case 3 -> b.setLength(at);
        case 4 -> b.delete(0, at);
        default -> {
          if (at < b.length()) {
            b.setCharAt(at, PIECES[r.nextInt(PIECES.length)].charAt(0));
          }
        }
      }
    }
    return b.toString();
  }

  private static final String[] ATOMS = {
      "a", "b", "c", "A", ".", "[ab]", "[^a]", "[a-c]", "\\w", "\\W", "\\s", "\\d", "é",
      "\\x{1F600}", "\\n", "^", "$", "\\b", "\\B", "\\A", "\\z", "()", "(?:)", "[[:alpha:]]",
      "\\pL", "x*"};

  private static String flags(Random r) {
    StringBuilder f = new StringBuilder();
    for (String flag : new String[] {"i", "m", "s", "U"}) {
      if (r.nextInt(5) == 0) {
        f.append(flag);
      }
    }
    return f.isEmpty() ? "" : "(?" + f + ")";
  }

  private static String regex(Random r, int depth) {
    if (depth == 0 || r.nextInt(3) == 0) {
      return ATOMS[r.nextInt(ATOMS.length)];
    }
    return switch (r.nextInt(9)) {
      case 0, 1 -> regex(r, depth - 1) + regex(r, depth - 1);
      case 2 -> regex(r, depth - 1) + "|" + regex(r, depth - 1);
      case 3 -> "(" + regex(r, depth - 1) + ")";
      case 4 -> "(?:" + regex(r, depth - 1) + ")";
      case 5 -> "(" + regex(r, depth - 1) + "|" + regex(r, depth - 1) + ")";
      case 6 -> "(?P<n" + r.nextInt(1000) + ">" + regex(r, depth - 1) + ")";
      default -> "(" + regex(r, depth - 1) + ")" + repeat(r);
    };
  }

  private static String repeat(Random r) {
    String op = switch (r.nextInt(8)) {
      case 0 -> "?";
      case 1 -> "*";
      case 2 -> "+";
      case 3 -> "{" + (1 + r.nextInt(2)) + "}";
      case 4 -> "{" + r.nextInt(2) + "," + (2 + r.nextInt(2)) + "}";
      case 5 -> "{" + (1 + r.nextInt(2)) + ",}";
      case 6 -> "{0}"; // a group the parser counts and simplification removes
      default -> "{0,1}";
    };
    return r.nextBoolean() ? op + "?" : op;
  }

  private static String randomString(Random r, int pieces) {
    String[] alphabet = {"a", "b", "c", "A", "B", "a", "b", " ", "\n", "_", "é", "\uD83D\uDE00",
        "\uD83D", "\uDE00", "0"};
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      b.append(alphabet[r.nextInt(alphabet.length)]);
    }
    return b.toString();
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder();
    s.chars().forEach(c -> b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : (char) c));
    return b.toString();
  }
}
