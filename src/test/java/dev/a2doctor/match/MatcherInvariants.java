package dev.a2doctor.match;

import dev.a2doctor.parse.LineParser;
import dev.a2doctor.parse.ParseResult;
import java.util.List;
import java.util.Map;

/** What holds for matching any line: shared by the fuzz target and the hostile-line tests. */
final class MatcherInvariants {

  private static final LineParser PARSER = new LineParser();

  private MatcherInvariants() {}

  static void check(Matcher matcher, List<String> lines) {
    for (String raw : lines) {
      if (!(PARSER.parse(raw) instanceof ParseResult.Parsed p)) {
        continue;
      }
      List<Hit> all = matcher.matchAll(p.line());
      if (all.isEmpty() != matcher.match(p.line()).isEmpty()) {
        throw new AssertionError("match and matchAll disagree");
      }
      for (Hit h : all) {
        // the one-run captures are what RE2/J's public find() + group() give
        com.google.re2j.Pattern regex = h.entry().match().compiled();
        if (regex != null) {
          com.google.re2j.Matcher m = regex.matcher(p.line().message());
          if (!m.find()) {
            throw new AssertionError(h.entry().id() + " hit where its regex finds nothing");
          }
          for (String g : h.entry().match().groups()) {
            if (!java.util.Objects.equals(m.group(g), h.captures().get(g))) {
              throw new AssertionError(h.entry().id() + " captured " + g + " unlike RE2/J's"
                  + " public API");
            }
          }
        }
        for (Map.Entry<String, String> c : h.captures().entrySet()) {
          if (!p.line().message().contains(c.getValue())) {
            throw new AssertionError(h.entry().id() + " captured " + c.getKey()
                + " that is not in the message");
          }
          if (!h.entry().match().groups().contains(c.getKey())) {
            throw new AssertionError(h.entry().id() + " captured an unknown group " + c.getKey());
          }
        }
      }
    }
  }
}
