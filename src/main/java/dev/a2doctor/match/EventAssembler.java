package dev.a2doctor.match;

import dev.a2doctor.parse.LogLine;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns lines into {@link MatchedEvent}s, assembling multi-line events first: lines of one
 * source, module, process, thread and client that form a Python traceback (possibly after header
 * lines such as mod_wsgi's "Exception occurred processing WSGI script"), or apache2 -t's
 * {@code AH00526: Syntax error on line N of FILE:} and the reason on the next line. An assembled
 * event is explained by the entry matching its last line (the final exception says more than
 * the header), else by its header's; the captures of both are kept, and {@code last_line} holds
 * the final line's text. Other lines pass straight through. Loops, not lambdas: explain runs
 * this on its start, where a lambda links through java.lang.invoke (ExplainStartupTest).
 */
public final class EventAssembler {

  /** How long a multi-line event may stay quiet before {@link #tick} closes it. */
  public static final long QUIET_MILLIS = 1000;
  static final int MAX_PENDING = 10_000;

  private final MatchCache matcher;
  private final Consumer<MatchedEvent> out;
  private final Map<List<String>, PendingEvent> pending = new LinkedHashMap<>();
  /** The line being accepted, when it came matched, and what it matched. */
  private LogLine aheadLine;
  private Optional<Hit> aheadHit;

  public EventAssembler(Matcher matcher, Consumer<MatchedEvent> out) {
    this.matcher = new MatchCache(matcher);
    this.out = out;
  }

  /** Whether a line from this source and process would continue an open event. */
  public boolean inEvent(LogLine line, String source) {
    return !pending.isEmpty() && pending.containsKey(key(line, source));
  }

  public void accept(LogLine line, String source, long lineNumber, long nowMillis) {
    accept(line, source, lineNumber, nowMillis, null);
  }

  /**
   * The same, with what a {@link Matcher} already said of this very line (another thread matched
   * it ahead), or null to match it here when needed.
   */
  public void accept(LogLine line, String source, long lineNumber, long nowMillis,
      Optional<Hit> matched) {
    aheadLine = matched == null ? null : line;
    aheadHit = matched;
    // most of the time no event is open: then no key is built for the line at all
    List<String> key = pending.isEmpty() ? null : key(line, source);
    PendingEvent p = key == null ? null : pending.get(key);
    Optional<Hit> hit = null; // matched lazily: most lines are never inside an event
    if (p != null) {
      if (p.traceback || (p.bare && !p.headers.isEmpty())) {
        boolean closes = p.bare && !p.traceback
            ? !PendingEvent.startsTraceback(line)
            : !PendingEvent.insideTraceback(line);
        p.add(line, nowMillis);
        if (PendingEvent.startsTraceback(line)) {
          p.traceback = true;
        }
        if (closes) {
          p.finalLine = line;
        }
        if (closes || p.full()) {
          pending.remove(key);
          close(p);
        }
        return;
      }
      // header lines seen, no traceback yet: a traceback or another header continues the event
      if (PendingEvent.startsTraceback(line)) {
        p.add(line, nowMillis);
        p.traceback = true;
        return;
      }
      hit = match(line);
      if (hit.isPresent() && hit.get().entry().header() && !p.full()) {
        p.add(line, nowMillis);
        p.headers.add(hit.get());
        return;
      }
      pending.remove(key);
      close(p);
    }
    if (hit == null) {
      hit = match(line);
    }
    boolean traceback = PendingEvent.startsTraceback(line);
    if (traceback || (hit.isPresent() && hit.get().entry().header())) {
      if (pending.size() >= MAX_PENDING) {
        closeOldest();
      }
      PendingEvent e = new PendingEvent(source, lineNumber, line, nowMillis);
      e.traceback = traceback;
      if (hit.isPresent() && hit.get().entry().header()) {
        e.headers.add(hit.get());
      }
      pending.put(key != null ? key : key(line, source), e);
      return;
    }
    out.accept(new MatchedEvent(hit, line, line.raw(), source, lineNumber, line.time(),
        line.time()));
  }

  private Optional<Hit> match(LogLine line) {
    return line == aheadLine ? aheadHit : matcher.match(line);
  }

  /** Closes events that have been quiet for {@link #QUIET_MILLIS} (live mode). */
  public void tick(long nowMillis) {
    Iterator<PendingEvent> it = pending.values().iterator();
    while (it.hasNext()) {
      PendingEvent p = it.next();
      if (nowMillis - p.lastMillis >= QUIET_MILLIS) {
        it.remove();
        close(p);
      }
    }
  }

  /** Whether any multi-line event is still open. */
  public boolean assembling() {
    return !pending.isEmpty();
  }

  /** Closes every open event (end of input). */
  public void closeAll() {
    List<PendingEvent> open = new ArrayList<>(pending.values());
    pending.clear();
    for (PendingEvent p : open) {
      close(p);
    }
  }

  private void closeOldest() {
    Iterator<PendingEvent> it = pending.values().iterator();
    PendingEvent oldest = it.next();
    it.remove();
    close(oldest);
  }

  /** Lines of one event share source, module, process, thread and client. */
  private static List<String> key(LogLine line, String source) {
    return List.of(source, line.format() == LogLine.Format.BARE ? "" : line.module(), line.pid(),
        line.tid(), line.client());
  }

  private void close(PendingEvent p) {
    Optional<Hit> finalHit = p.finalLine == null ? Optional.empty() : match(p.finalLine);
    Hit header = p.headers.isEmpty() ? null : p.headers.get(0);
    Optional<Hit> chosen = finalHit.isPresent() && !finalHit.get().entry().match().fallback()
        ? finalHit : Optional.empty();
    if (chosen.isEmpty() && header != null) {
      chosen = Optional.of(header);
    }
    if (chosen.isEmpty()) {
      chosen = finalHit;
    }
    if (chosen.isPresent() && p.raws.size() > 1) {
      Map<String, String> captures = new LinkedHashMap<>();
      for (Hit h : p.headers) {
        captures.putAll(h.captures());
      }
      captures.putAll(chosen.get().captures());
      if (p.finalLine != null) {
        captures.put("last_line", PendingEvent.inner(p.finalLine).strip());
      }
      chosen = Optional.of(new Hit(chosen.get().entry(), chosen.get().line(), captures));
    }
    LogLine describe = p.finalLine != null ? p.finalLine : p.last;
    out.accept(new MatchedEvent(chosen, describe, String.join("\n", p.raws), p.source,
        p.firstLine, p.time, p.last.time()));
  }
}
