package dev.a2doctor.catalog;

import com.google.re2j.Pattern;
import java.util.List;

/**
 * What an entry matches. A line is a candidate when it carries one of {@code tags} or its message
 * contains {@code literal}; it then matches when {@code module}, {@code errno} and {@code regex}
 * (where given) agree. The regex runs on RE2/J, in time linear in the message length.
 * A {@code fallback} entry is keyed by {@code module} alone and is tried only when no other entry
 * matches (an application's own output that mod_wsgi logs as {@code [wsgi:error]}).
 */
public record Match(
    List<String> tags, String literal, String module, List<Integer> errno, String regex,
    Pattern compiled, List<String> groups, boolean fallback) {

  public Match {
    tags = List.copyOf(tags);
    errno = List.copyOf(errno);
    groups = List.copyOf(groups);
  }
}
