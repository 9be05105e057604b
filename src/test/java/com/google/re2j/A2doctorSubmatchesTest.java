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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One run with all groups finds what the public find() + group() find in two. */
class A2doctorSubmatchesTest {

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "(a)(b$)?(b)?   | abc",
      "x(?P<n>\\d+)?y | xy x12y",
      "a(.*?)b(.*)    | zzaXbYbW",
      "(é+)(ü)?       | aééüx",
      "`^(a|ab)(c|bcd)(d*)$` | abcd",
      "(?P<p>.+)$     | ``",
      "b              | abc",
  })
  void findsTheSameSpansAsThePublicApi(String regex, String input) {
    assertSame(Pattern.compile(regex), input);
  }

  @Test
  void findsTheSameCapturesAsThePublicApiForEveryCatalogExample() {
    Catalog catalog = new CatalogLoader().loadBuiltin();
    LineParser parser = new LineParser();
    List<String> texts = new ArrayList<>();
    for (Entry e : catalog.entries()) {
      e.examples().forEach(x -> texts.add(x.line()));
      e.nearMisses().forEach(x -> texts.add(x.line()));
    }
    for (String t : List.copyOf(texts)) {
      if (parser.parse(t) instanceof ParseResult.Parsed p) {
        texts.add(p.line().message());
      }
    }
    int matched = 0;
    for (Entry e : catalog.entries()) {
      if (e.match().regex() == null) {
        continue;
      }
      Pattern p = e.match().compiled();
      for (String t : texts) {
        matched += assertSame(p, t) ? 1 : 0;
      }
    }
    assertThat(matched).isGreaterThan(300);
  }

  private static boolean assertSame(Pattern p, String input) {
    Matcher m = p.matcher(input);
    int[] spans = A2doctorSubmatches.find(p, input);
    if (!m.find()) {
      assertThat(spans).as(p + " in " + input).isNull();
      return false;
    }
    int[] expected = new int[2 + 2 * p.groupCount()];
    for (int g = 0; g <= p.groupCount(); g++) {
      expected[2 * g] = m.start(g);
      expected[2 * g + 1] = m.end(g);
    }
    assertThat(spans).as(p + " in " + input + ": " + Arrays.toString(spans)).isEqualTo(expected);
    return true;
  }
}
