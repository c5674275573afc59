package io.fitadvisor.advisor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.ObjIntConsumer;
import java.util.function.ToIntFunction;

/**
 * The per-minute working arrays of one evaluation (requests, concurrency, levels, spans, windows,
 * sliding sums), borrowed from the evaluating thread and given back when the evaluation ends. A
 * thread that evaluates service after service then works in the same few megabytes, still in its
 * caches, instead of allocating and zeroing about twenty new month-long arrays a service.
 *
 * <p>The arrays handed out are not zeroed: they hold what the last evaluation left. Every caller
 * writes each element before it reads it ({@link #poisoned} fills them with junk, so that tests
 * catch a caller that does not). Nothing borrowed may outlive the evaluation: results copy what
 * they keep.
 *
 * <p>An array is reused for a request of its exact length: callers ask for the month's length
 * (or one more), not for lengths that vary from service to service.
 *
 * <p>Not thread-safe. {@link #borrow} gives the calling thread's own set; an evaluation that
 * starts on a thread whose set is lent already gets a set of its own, dropped after. A thread
 * keeps at most {@link #KEPT} arrays of each type (one evaluation of a month-long series uses
 * about 4 MB).
 */
final class MinuteArrays implements AutoCloseable {
  /** Arrays kept per type once given back: more than one evaluation uses (about 20 ints). */
  static final int KEPT = 32;
  private static final ThreadLocal<MinuteArrays> OWN = ThreadLocal.withInitial(() -> new MinuteArrays(true, false));

  private final boolean own;
  private final boolean poison;
  private boolean lent;
  private final Shelf<int[]> ints;
  private final Shelf<float[]> floats;
  private final Shelf<double[]> doubles;

  private MinuteArrays(boolean own, boolean poison) {
    this.own = own;
    this.poison = poison;
    boolean reuse = own || poison;
    ints = new Shelf<>(reuse, int[]::new, a -> a.length, poison ? (a, n) -> Arrays.fill(a, 0x5EED_BAD5 ^ n) : null);
    floats = new Shelf<>(reuse, float[]::new, a -> a.length, poison ? (a, n) -> Arrays.fill(a, Float.NaN) : null);
    doubles = new Shelf<>(reuse, double[]::new, a -> a.length, poison ? (a, n) -> Arrays.fill(a, Double.NaN) : null);
  }

  /** The calling thread's set, or a set of its own when the thread's is lent already. Close it. */
  static MinuteArrays borrow() {
    MinuteArrays mine = OWN.get();
    if (mine.lent) {
      return new MinuteArrays(false, false);
    }
    mine.lent = true;
    return mine;
  }

  /** New arrays every time, never reused (for a load built outside an evaluation). */
  static MinuteArrays fresh() {
    return new MinuteArrays(false, false);
  }

  /**
   * For tests: reused arrays, and every array handed out is filled with junk first (ints with a
   * pattern, floats and doubles with NaN), as a reused array may hold anything.
   */
  static MinuteArrays poisoned() {
    return new MinuteArrays(false, true);
  }

  /** An int array of exactly {@code length} elements, contents undefined. */
  int[] ints(int length) {
    return ints.take(length);
  }

  /** A float array of exactly {@code length} elements, contents undefined. */
  float[] floats(int length) {
    return floats.take(length);
  }

  /** A double array of exactly {@code length} elements, contents undefined. */
  double[] doubles(int length) {
    return doubles.take(length);
  }

  /** Takes back every array handed out; they must not be used after. */
  @Override
  public void close() {
    ints.giveBack();
    floats.giveBack();
    doubles.giveBack();
    lent = false;
  }

  /** The free and lent arrays of one type; a shelf that does not reuse keeps track of none. */
  private static final class Shelf<T> {
    private final boolean reuse;
    private final IntFunction<T> allocate;
    private final ToIntFunction<T> length;
    private final ObjIntConsumer<T> poison;
    private final List<T> free = new ArrayList<>();
    private final List<T> lent = new ArrayList<>();

    Shelf(boolean reuse, IntFunction<T> allocate, ToIntFunction<T> length, ObjIntConsumer<T> poison) {
      this.reuse = reuse;
      this.allocate = allocate;
      this.length = length;
      this.poison = poison;
    }

    T take(int n) {
      T found = null;
      for (int i = free.size() - 1; i >= 0 && found == null; i--) {
        if (length.applyAsInt(free.get(i)) == n) {
          found = free.get(i);
          free.set(i, free.get(free.size() - 1));
          free.remove(free.size() - 1);
        }
      }
      if (found == null) {
        found = allocate.apply(n);
      }
      if (poison != null) {
        poison.accept(found, n);
      }
      if (reuse) {
        lent.add(found);
      }
      return found;
    }

    void giveBack() {
      free.addAll(lent);
      lent.clear();
      // Beyond KEPT, the arrays given back longest ago go (odd lengths among them).
      if (free.size() > KEPT) {
        free.subList(0, free.size() - KEPT).clear();
      }
    }
  }
}
