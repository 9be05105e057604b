package dev.a2doctor.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Interned texts are always the text asked for; repeats share one copy. */
class InternedTest {

  @Test
  void givesTheSameCopyForARepeatedField() {
    String a = "[core:error] [pid 15574:tid 140185094219776]";
    String b = "[x] [pid 15574:tid 140185094219776] other";
    String pid = Interned.of(a, 18, 23);
    assertThat(pid).isEqualTo("15574");
    assertThat(Interned.of(b, 9, 14)).isSameAs(pid);
    assertThat(Interned.of(a, 28, 43)).isEqualTo("140185094219776");
  }

  @Test
  void isAlwaysTheTextAskedForWhateverCollides() {
    Random random = new Random(8);
    for (int i = 0; i < 200_000; i++) {
      // short texts over a small alphabet: many share a slot, many repeat
      StringBuilder s = new StringBuilder("<<");
      int n = random.nextInt(30);
      for (int k = 0; k < n; k++) {
        s.append((char) ('a' + random.nextInt(3)));
      }
      String line = s.append(">>").toString();
      assertThat(Interned.of(line, 2, 2 + n)).isEqualTo(line.substring(2, 2 + n));
    }
  }
}
