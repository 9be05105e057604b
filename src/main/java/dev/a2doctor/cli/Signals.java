package dev.a2doctor.cli;

/**
 * Lets a long-running command ({@code watch}) hear Ctrl-C and SIGTERM without touching the
 * process itself: {@link Main} installs the handlers, tests call the hook directly.
 */
@FunctionalInterface
public interface Signals {

  /** Nothing is ever delivered (a batch command, or a test that ends by end of input). */
  Signals NONE = stop -> { };

  /**
   * Runs {@code stop} on the first SIGINT or SIGTERM, on another thread; from then on the
   * signals have their default effect again, so a second Ctrl-C still ends a stuck process.
   */
  void onStop(Runnable stop);
}
