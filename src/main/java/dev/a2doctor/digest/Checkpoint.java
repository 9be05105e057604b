package dev.a2doctor.digest;

/**
 * Named points in a report run where a crash test may kill it. Production runs pass
 * {@link #NONE}; the crash test throws at a point chosen by a seeded random generator, which
 * leaves the files exactly as a {@code kill -9} at that moment would.
 */
@FunctionalInterface
public interface Checkpoint {

  Checkpoint NONE = name -> { };

  void reached(String name);
}
