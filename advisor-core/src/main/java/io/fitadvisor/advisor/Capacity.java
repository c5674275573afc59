package io.fitadvisor.advisor;

/** Whole units (tasks, instances, environments) that a demand needs, tolerant of float noise. */
final class Capacity {
  /**
   * A demand within this many units above a whole number counts as that number: per-minute
   * counts are floats, so a steady 3.0 can arrive as 3.0000002 and must not cost a fourth task.
   */
  static final double EPSILON = 1e-6;

  private Capacity() {}

  /** {@code ceil(demand / perUnit)}, ignoring an excess below {@link #EPSILON} of a unit; 0 or more. */
  static long units(double demand, double perUnit) {
    double units = demand / perUnit;
    return units <= EPSILON ? 0 : (long) Math.ceil(units - EPSILON);
  }
}
