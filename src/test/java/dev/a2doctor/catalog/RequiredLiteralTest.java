package dev.a2doctor.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import dev.a2doctor.parse.LineParser;
import dev.a2doctor.parse.ParseResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The text a regex requires is in every text the regex matches: checked on every catalog regex
 * against every example and every captured sample line, and on hand-written regex shapes against
 * generated strings.
 */
class RequiredLiteralTest {

  @ParameterizedTest(name = "{0} requires [{1}]")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "File does not exist: (?P<path>.+)$                       | `File does not exist: `",
      "client denied by server configuration: (?P<path>.+)$     | `client denied by server configuration: `",
      // a character before ?, * or {0 is not required, nor is one before + kept in the run
      "colou?r is set                                           | `r is set`",
      "abcx*yz                                                  | abc",
      "abcdx+yz                                                 | abcd",
      "abcx{0,3}yz                                              | abc",
      "abcx{2}yz                                                | abc",
      "abcx{,3}yz                                               | `,3}yz`",
      "abcx*?yz                                                 | abc",
      "a.bcd                                                    | bcd",
      // escaped punctuation stands for itself; \\d, \\s, \\b end a run
      "\\(13\\)Permission denied                                | `(13)Permission denied`",
      "pid=\\d+ text\\.                                         | ` text.`",
      "ab\\bcdef                                                | cdef",
      "abc\\x41\\x{42}defg                                      | defg",
      "ab\\pLcde\\p{Greek}fghij                                 | fghij",
      "ab\\?c                                                   | ab?c",
      // groups and classes are not looked into
      "(?P<x>long literal inside) short                         | ` short`",
      "`(?:abc|defgh)ij`                                        | ij",
      "x[^)]+yz                                                 | yz",
      "x[]abc]yz                                                | yz",
      "x[[:alpha:]]]yz                                          | ]yz",
      "ab[\\]]cd                                                | ab",
      "(ab)(cd)                                                 | ``",
      "^Got error 'PHP message: (?P<m>.+)                       | `Got error 'PHP message: `",
      // nothing known
      "`abc|def`                                                | ``",
      "(?i)Permission denied                                    | ``",
      "ab(?i)cdefgh                                             | ``",
      "(?i:x)abcdef                                             | ``",
      "(?s).*abc                                                | ``",
      "`\\Qa|b\\Eabcdef`                                        | ``",
      "ab\\1cdef                                                | ``",
      "ab(cd                                                    | ``",
      "ab)cd                                                    | ``",
  })
  void findsTheLongestRunOfPlainText(String regex, String required) {
    assertThat(RequiredLiteral.of(regex.strip())).isEqualTo(required);
  }

  /**
   * Shapes whose literal is not obvious, each with a text it matches; generated strings are
   * random pieces around that text, often with a character of it dropped (near misses).
   */
  private static final String[][] SHAPES = {
      {"colou?r is (?P<c>\\w+)", "color is x"}, {"abcx*yz", "abcyz"}, {"abcdx+yz", "abcdxxyz"},
      {"ab(?:c|d)?ef", "abef"}, {"x{2,3}ab", "xxab"}, {"ab\\.c*d", "ab.d"},
      {"a(b|c)+d e", "acbd e"}, {"(?P<p>[^)]+)\\) f", "x) f"}, {"^ab.c$", "abxc"},
      {"ab \\bcd", "ab cd"}, {"[ab]{0,3}cd ef", "cd ef"}, {"ab{1,}c", "abbc"},
      {"(a)?bc|d", "d"}, {"ab+?c d", "abbc d"}, {"x*?y ab", "y ab"}, {"ab\\+c", "ab+c"},
      {"\\(ab\\)c?", "(ab)"}, {"a]b}c", "a]b}c"}, {"a{b", "a{b"}, {"a{1,x}b", "a{1,x}b"},
      {"é+ab", "ééab"}, {"ab\\x{63}d", "abcd"}, {"a\\pLbc d", "aébc d"},
      {"abcx{,3}yz", "abcx{,3}yz"}, {"[[:alpha:]]]yz", "q]yz"}};

  private static final List<String> PIECES = List.of("a", "b", "c", "d", "e", "f", "x", "y",
      "z", " ", ".", "(", ")", "+", "{", "}", "]", "r", "colo", "colour", "is", "é", "Ab", "ab");

  @Test
  void everyGeneratedStringThatAShapeMatchesContainsItsLiteral() {
    Random random = new Random(8);
    for (String[] shape : SHAPES) {
      Pattern p = Pattern.compile(shape[0]);
      String required = RequiredLiteral.of(shape[0]);
      assertThat(p.matcher(shape[1]).find()).as(shape[0] + " matches " + shape[1]).isTrue();
      int matched = 0;
      for (int i = 0; i < 20_000; i++) {
        StringBuilder s = new StringBuilder();
        pieces(s, random);
        if (random.nextBoolean()) {
          StringBuilder text = new StringBuilder(shape[1]);
          if (random.nextBoolean()) {
            text.deleteCharAt(random.nextInt(text.length()));
          }
          s.append(text);
          pieces(s, random);
        }
        if (p.matcher(s).find()) {
          matched++;
          assertThat(s.toString()).as(shape[0]).contains(required);
        }
      }
      assertThat(matched).as("generated strings that %s matches", shape[0]).isGreaterThan(100);
    }
  }

  private static void pieces(StringBuilder s, Random random) {
    int n = random.nextInt(6);
    for (int k = 0; k < n; k++) {
      s.append(PIECES.get(random.nextInt(PIECES.size())));
    }
  }

  @Test
  void everyCatalogRegexRequiresItsLiteralOfEveryLineItMatches() throws IOException {
    Catalog catalog = new CatalogLoader().loadBuiltin();
    Set<String> texts = new LinkedHashSet<>();
    LineParser parser = new LineParser();
    List<String> lines = new ArrayList<>(sampleLines());
    for (Entry e : catalog.entries()) {
      e.examples().forEach(x -> lines.add(x.line()));
      e.nearMisses().forEach(x -> lines.add(x.line()));
    }
    for (String line : lines) {
      texts.add(line);
      if (parser.parse(line) instanceof ParseResult.Parsed p) {
        texts.add(p.line().message());
      }
    }
    int withLiteral = 0;
    int checked = 0;
    for (Entry e : catalog.entries()) {
      Match m = e.match();
      if (m.regex() == null) {
        continue;
      }
      if (!m.required().isEmpty()) {
        withLiteral++;
      }
      for (String t : texts) {
        if (m.compiled().matcher(t).find()) {
          checked++;
          assertThat(t).as(e.id() + " " + m.regex()).contains(m.required());
        }
      }
    }
    assertThat(withLiteral).as("catalog regexes with a required literal").isGreaterThan(100);
    assertThat(checked).as("(regex, matched line) pairs checked").isGreaterThan(300);
  }

  private static List<String> sampleLines() throws IOException {
    return dev.a2doctor.SampleLogs.lines();
  }

}
