package dev.a2doctor.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.a2doctor.catalog.CatalogLoader;
import dev.a2doctor.catalog.Entry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The automaton finds exactly the literals that {@code String.contains} finds. */
class LiteralsTest {

  @Test
  void findsOverlappingAndNestedLiterals() {
    List<String> words = List.of("he", "she", "his", "hers", "a", "aa", "aaa", "é", "𝄞x", "x");
    Literals l = new Literals(words);
    assertFound(l, words, "ushers");
    assertFound(l, words, "aaaa");
    assertFound(l, words, "cafés 𝄞x");
    assertFound(l, words, "");
    assertFound(l, words, "nothing here? he");
  }

  @Test
  void neverFindsAnEmptyLiteral() {
    Literals l = new Literals(List.of("", "ab"));
    List<Integer> found = new ArrayList<>();
    l.find("xaby", found::add);
    assertThat(found).containsExactly(1);
  }

  @Test
  void findsWhatContainsFindsForTheCatalogLiteralsInEveryCapturedLine() throws IOException {
    List<String> words = new ArrayList<>(new TreeSet<>(new CatalogLoader().loadBuiltin()
        .entries().stream().map(Entry::match).map(m -> m.literal())
        .filter(x -> x != null).toList()));
    Literals l = new Literals(words);
    int withLiteral = 0;
    for (String line : sampleLines()) {
      withLiteral += assertFound(l, words, line) ? 1 : 0;
    }
    assertThat(withLiteral).isGreaterThan(100);
  }

  @Test
  void findsWhatContainsFindsInGeneratedText() {
    Random random = new Random(8);
    String alphabet = "abc é𝄞";
    for (int round = 0; round < 200; round++) {
      List<String> words = new ArrayList<>();
      for (int i = 0; i < 1 + random.nextInt(30); i++) {
        words.add(text(random, alphabet, 1 + random.nextInt(5)));
      }
      Literals l = new Literals(words);
      for (int i = 0; i < 50; i++) {
        assertFound(l, words, text(random, alphabet, random.nextInt(40)));
      }
    }
  }

  private static String text(Random random, String alphabet, int codePoints) {
    StringBuilder s = new StringBuilder();
    int[] cps = alphabet.codePoints().toArray();
    for (int i = 0; i < codePoints; i++) {
      s.appendCodePoint(cps[random.nextInt(cps.length)]);
    }
    return s.toString();
  }

  /** Asserts and tells whether any literal was found. */
  private static boolean assertFound(Literals l, List<String> words, String text) {
    Set<String> expected = new TreeSet<>();
    for (String w : words) {
      if (text.contains(w)) {
        expected.add(w);
      }
    }
    Set<String> found = new TreeSet<>();
    l.find(text, i -> found.add(l.word(i)));
    assertThat(found).as(text).isEqualTo(expected);
    return !found.isEmpty();
  }

  private static List<String> sampleLines() throws IOException {
    return dev.a2doctor.SampleLogs.lines();
  }

}
