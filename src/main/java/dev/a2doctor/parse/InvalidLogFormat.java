package dev.a2doctor.parse;

/**
 * An {@code ErrorLogFormat} string httpd would refuse, with httpd's own words and the 0-based
 * position in the format where it noticed; callers add where the format came from.
 */
public final class InvalidLogFormat extends IllegalArgumentException {

  private final int position;

  public InvalidLogFormat(String problem, int position) {
    super(problem);
    this.position = position;
  }

  /** 0-based offset into the format string. */
  public int position() {
    return position;
  }
}
