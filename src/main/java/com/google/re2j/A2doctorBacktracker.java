package com.google.re2j;

import java.util.Arrays;

/**
 * A bounded ("bit-state") backtracker over RE2/J's compiled program, for leftmost-first matches
 * with groups on short inputs. RE2/J 1.8 only has the NFA simulation ({@code Machine}), which
 * carries a copy of the capture array along every thread at every character; Go's
 * {@code regexp} package, which RE2/J ports, also has this algorithm (regexp/backtrack.go, after
 * RE2's BitState by Russ Cox) and prefers it when the program and the text are small. This is an
 * independent implementation of that algorithm, not a copy of Go's code.
 *
 * <p>The algorithm: a depth-first search of the program from each start position, exploring the
 * alternatives of every {@code ALT} in priority order (the first branch before the second), so
 * that the first {@code MATCH} it reaches is the one leftmost-first semantics picks, exactly as
 * the NFA would. A bitmap records every (instruction, position) pair the search has entered; a
 * pair is entered at most once per {@link #find}, because whether {@code MATCH} can be reached
 * from a pair does not depend on the path that led there, and the first visit came by the path
 * of higher priority. So the work is at most {@code instructions x (length + 1)} steps: linear in
 * the input, like the NFA, and the bitmap is shared by all start positions for the same reason.
 * Captures are set in place; the previous value of a slot is pushed on the job stack and restored
 * when the search backs out past it.
 *
 * <p>The input is read as RE2/J reads a {@code CharSequence}: by code point (a surrogate pair is
 * one rune of width 2, a lone surrogate one rune of width 1), positions in char indices, the
 * empty-width context of a position from the code points either side of it ({@code
 * MachineInput.context}). Every position is a start (the program's own start instruction
 * only at 0 when it begins with {@code \A} or {@code ^} without (?m)); skipping ahead to the next
 * occurrence of the regex's literal prefix, as the NFA does, saved nothing measurable here
 * (a2doctor runs a regex only on messages that contain its required literal), so it is not done.
 *
 * <p>One instance per thread holds the bitmap, the job stack and the capture slots, reused by
 * every call on that thread: a search allocates nothing but the array it returns.
 */
final class A2doctorBacktracker {

  /**
   * The largest bitmap, in bits ({@code instructions x (length + 1)}), a search may use; larger
   * searches go to the NFA. Go's regexp uses 256 Kbit.
   */
  static final int MAX_BITS = 256 * 1024;

  /** A job stack larger than this (ints) is not kept between searches (at most 2 x MAX_BITS). */
  private static final int MAX_KEPT_JOBS = 1 << 14;

  private static final ThreadLocal<A2doctorBacktracker> PER_THREAD = new PerThread();

  /**
   * One backtracker per thread: a subclass, not {@code withInitial(A2doctorBacktracker::new)},
   * whose method reference would start java.lang.invoke on {@code a2doctor explain}'s start.
   */
  private static final class PerThread extends ThreadLocal<A2doctorBacktracker> {
    @Override
    protected A2doctorBacktracker initialValue() {
      return new A2doctorBacktracker();
    }
  }

  private long[] visited = new long[256];
  /** Pairs of ints: (pc, pos) to explore, or (~slot, value) to restore a capture slot. */
  private int[] jobs = new int[128];
  private int[] cap = new int[16];
  /** (instruction, position) pairs entered by the last {@link #find} on this thread. */
  private long entered;

  private A2doctorBacktracker() {}

  /**
   * Whether a search of {@code re2} over {@code length} chars is this backtracker's to make:
   * leftmost-first and within {@link #MAX_BITS}.
   */
  static boolean suits(RE2 re2, int length) {
    return !re2.longest && (long) re2.prog.numInst() * (length + 1) <= MAX_BITS;
  }

  /**
   * The leftmost-first match of {@code re2} in {@code input} with {@code groups} groups (slot
   * layout of {@code RE2.match}: {@code [start0, end0, start1, end1, ...]}, -1 for a group that
   * took no part), or null; only when {@link #suits} says so.
   */
  static int[] find(RE2 re2, CharSequence input, int groups) {
    A2doctorBacktracker state = PER_THREAD.get();
    int[] spans = state.search(re2, input, 2 + 2 * groups);
    if (state.jobs.length > MAX_KEPT_JOBS) {
      state.jobs = new int[128]; // a rare deep search: do not keep its stack for the thread's life
    }
    return spans;
  }

  /** The pairs the last {@link #find} on this thread entered (a measure of its work, for tests). */
  static long lastEntered() {
    return PER_THREAD.get().entered;
  }

  /** The length of this thread's job stack, kept for the next search (for tests). */
  static int keptStack() {
    return PER_THREAD.get().jobs.length;
  }

  private int[] search(RE2 re2, CharSequence in, int ncap) {
    entered = 0;
    int cond = re2.cond;
    if (cond == Utils.EMPTY_ALL) {
      return null;
    }
    boolean anchored = (cond & Utils.EMPTY_BEGIN_TEXT) != 0;
    int len = in.length();
    int pos = 0;
    Prog prog = re2.prog;
    int stride = len + 1;
    int words = (int) (((long) prog.numInst() * stride + 63) >>> 6);
    if (visited.length < words) {
      visited = new long[Math.max(words, visited.length * 2)];
    } else {
      Arrays.fill(visited, 0, words, 0L);
    }
    int slots = Math.max(ncap, 2);
    if (cap.length < slots) {
      cap = new int[slots];
    }
    // RE2/J's NFA starts the slots of the program's groups at -1, and reports 0 for groups the
    // parser counted but simplification removed (x(a){0}): the same here
    int used = Math.min(slots, prog.numCap);
    Arrays.fill(cap, 0, used, -1);
    Arrays.fill(cap, used, slots, 0);
    for (;;) {
      cap[0] = pos;
      if (explore(prog, in, len, stride, ncap, pos)) {
        return Arrays.copyOf(cap, ncap);
      }
      if (anchored || pos >= len) {
        return null;
      }
      pos += Character.charCount(Character.codePointAt(in, pos));
    }
  }

  /** Depth-first from the start instruction at {@code from}; true with {@code cap} filled. */
  private boolean explore(Prog prog, CharSequence in, int len, int stride, int ncap, int from) {
    Inst[] insts = prog.inst;
    long[] seen = visited;
    int[] stack = jobs;
    int sp = 0;
    stack[sp++] = prog.start;
    stack[sp++] = from;
    long count = entered;
    while (sp > 0) {
      int pos = stack[--sp];
      int pc = stack[--sp];
      if (pc < 0) {
        cap[~pc] = pos;
        continue;
      }
      thread:
      for (;;) {
        int bit = pc * stride + pos;
        long mask = 1L << bit;
        if ((seen[bit >>> 6] & mask) != 0) {
          break;
        }
        seen[bit >>> 6] |= mask;
        count++;
        Inst inst = insts[pc];
        switch (inst.op) {
          case Inst.ALT:
          case Inst.ALT_MATCH:
            // the second branch waits on the stack until the first has failed
            if (sp + 2 > stack.length) {
              stack = jobs = Arrays.copyOf(stack, stack.length * 2);
            }
            stack[sp++] = inst.arg;
            stack[sp++] = pos;
            pc = inst.out;
            continue;
          case Inst.NOP:
            pc = inst.out;
            continue;
          case Inst.CAPTURE:
            if (inst.arg < ncap) {
              if (sp + 2 > stack.length) {
                stack = jobs = Arrays.copyOf(stack, stack.length * 2);
              }
              stack[sp++] = ~inst.arg;
              stack[sp++] = cap[inst.arg];
              cap[inst.arg] = pos;
            }
            pc = inst.out;
            continue;
          case Inst.EMPTY_WIDTH:
            if ((inst.arg & ~context(in, len, pos)) != 0) {
              break thread;
            }
            pc = inst.out;
            continue;
          case Inst.MATCH:
            cap[1] = pos;
            entered = count;
            return true;
          case Inst.RUNE:
          case Inst.RUNE1:
          case Inst.RUNE_ANY:
          case Inst.RUNE_ANY_NOT_NL:
            if (pos >= len) {
              break thread;
            }
            int r = Character.codePointAt(in, pos);
            boolean ok;
            switch (inst.op) {
              case Inst.RUNE1:
                ok = r == inst.runes[0];
                break;
              case Inst.RUNE:
                ok = inst.matchRune(r);
                break;
              case Inst.RUNE_ANY:
                ok = true;
                break;
              default:
                ok = r != '\n';
                break;
            }
            if (!ok) {
              break thread;
            }
            pos += Character.charCount(r);
            pc = inst.out;
            continue;
          default: // FAIL (instruction 0 is always FAIL)
            break thread;
        }
      }
    }
    entered = count;
    return false;
  }

  /** The EMPTY_* flags that hold at {@code pos}, as {@code MachineInput.context} computes them. */
  private static int context(CharSequence in, int len, int pos) {
    int before = pos > 0 ? Character.codePointBefore(in, pos) : -1;
    int after = pos < len ? Character.codePointAt(in, pos) : -1;
    return Utils.emptyOpContext(before, after);
  }
}
