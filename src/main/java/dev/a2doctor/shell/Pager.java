package dev.a2doctor.shell;

import java.io.IOException;
import java.io.PrintWriter;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.InfoCmp.Capability;

/**
 * Shows a command's output a screen at a time when it is longer than the terminal: Space for the
 * next screen, Enter for one more line, q or Ctrl-C to stop. Output that fits, and all output
 * when the shell is not on an interactive terminal (a dumb terminal, a script), is written
 * through at once.
 */
final class Pager {

  private static final String PROMPT = "-- more (Space: page, Enter: line, q: quit) --";

  private final Terminal terminal;
  private final boolean enabled;

  Pager(Terminal terminal, boolean enabled) {
    this.terminal = terminal;
    this.enabled = enabled;
  }

  void page(String text) {
    PrintWriter out = terminal.writer();
    int height = terminal.getHeight();
    int width = Math.max(terminal.getWidth(), 1);
    String[] lines = text.split("\n", -1);
    int count = lines.length - (text.endsWith("\n") ? 1 : 0);
    if (!enabled || height < 3 || rows(lines, count, width) < height) {
      out.print(text);
      out.flush();
      return;
    }
    int budget = height - 1;
    int i = 0;
    boolean fresh = true;
    while (i < count) {
      int r = rows(lines[i], width);
      if (r > budget && !fresh) {
        budget = ask();
        if (budget == 0) {
          break;
        }
        fresh = true;
        continue;
      }
      out.println(lines[i++]);
      budget -= r;
      fresh = false;
    }
    out.flush();
  }

  /** Shows the prompt, reads a key: how many rows to show next, 0 to stop. */
  private int ask() {
    PrintWriter out = terminal.writer();
    out.print(new AttributedString(PROMPT, AttributedStyle.INVERSE).toAnsi(terminal));
    out.flush();
    Attributes saved = terminal.enterRawMode();
    try {
      Attributes raw = terminal.getAttributes();
      raw.setLocalFlag(Attributes.LocalFlag.ISIG, false);
      terminal.setAttributes(raw);
      int c = terminal.reader().read();
      return switch (c) {
        case ' ', 'f' -> terminal.getHeight() - 1;
        case '\r', '\n', 'j' -> 1;
        default -> 0;
      };
    } catch (IOException e) {
      return 0;
    } finally {
      terminal.setAttributes(saved);
      terminal.puts(Capability.carriage_return);
      terminal.puts(Capability.clr_eol);
      terminal.flush();
    }
  }

  private static int rows(String[] lines, int count, int width) {
    int n = 0;
    for (int i = 0; i < count; i++) {
      n += rows(lines[i], width);
    }
    return n;
  }

  private static int rows(String line, int width) {
    int cols = AttributedString.fromAnsi(line).columnLength();
    return Math.max(1, (cols + width - 1) / width);
  }
}
