package com.google.re2j;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.a2doctor.catalog.CatalogLoader;
import dev.a2doctor.catalog.Entry;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Coverage-guided fuzzing of the bridge (Jazzer): for a catalog regex or a short fuzzed one, and
 * any input, {@link A2doctorSubmatches#find} (the backtracker on short inputs) gives the spans
 * RE2/J's NFA gives in one run and the public API ({@code Matcher.find}, {@code start(g)},
 * {@code end(g)}) gives in two. Runs in its own JVM for a bounded time (pom.xml, execution
 * fuzz-submatches); inputs that once failed are kept under
 * src/test/resources/com/google/re2j/A2doctorSubmatchesFuzzTestInputs/ and replayed first.
 */
class A2doctorSubmatchesFuzzTest {

  private static final List<Pattern> CATALOG = new CatalogLoader().loadBuiltin().entries().stream()
      .map(Entry::match)
      .filter(m -> m.regex() != null)
      .map(m -> m.compiled())
      .toList();

  /** Flags that turn case folding on: {@code (?i)}, {@code (?si:}, ... */
  private static final java.util.regex.Pattern CASE_FOLDING =
      java.util.regex.Pattern.compile("\\(\\?[^:)]*i");

  @FuzzTest(maxDuration = "4s")
  void findsWhatTheNfaAndThePublicApiFind(FuzzedDataProvider data) {
    Pattern p;
    if (data.consumeBoolean()) {
      p = CATALOG.get(data.consumeInt(0, CATALOG.size() - 1));
    } else {
      String regex = data.consumeString(24);
      if (CASE_FOLDING.matcher(regex).find()) {
        // RE2/J's parser folds the case of a class range by range, code point by code point:
        // (?i) with a class of the whole code space took over 15 minutes in Pattern.compile (the
        // input kept under ...FuzzTestInputs/case-folded-class-of-everything). That is the
        // parser's, not the bridge's: catalog regexes are ours, and a site's are its admin's
        return;
      }
      try {
        p = Pattern.compile(regex);
      } catch (RuntimeException e) { // not a regex RE2/J accepts: nothing of ours to check
        return;
      }
    }
    String input = data.consumeRemainingAsString();
    int[] spans = A2doctorSubmatches.find(p, input);
    int[] nfa = A2doctorSubmatches.nfa(p.re2(), input, p.groupCount());
    int[] backtracker = A2doctorBacktracker.find(p.re2(), input, p.groupCount());
    check(p, input, "NFA", spans, nfa);
    if (!p.re2().longest) {
      check(p, input, "backtracker", backtracker, nfa);
    }
    Matcher m = p.matcher(input);
    int[] expected = null;
    if (m.find()) {
      expected = new int[2 + 2 * p.groupCount()];
      for (int g = 0; g <= p.groupCount(); g++) {
        expected[2 * g] = m.start(g);
        expected[2 * g + 1] = m.end(g);
      }
    }
    check(p, input, "public API", spans, expected);
  }

  private static void check(Pattern p, String input, String what, int[] actual, int[] expected) {
    if (!Objects.deepEquals(actual, expected)) {
      throw new AssertionError("/" + p + "/ in " + input.codePoints().boxed().toList() + ": "
          + Arrays.toString(actual) + " but " + what + " " + Arrays.toString(expected));
    }
  }
}
