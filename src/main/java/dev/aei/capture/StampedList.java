package dev.aei.capture;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An {@link AppendOnlyList} whose elements each carry a stamp, kept apart in primitive chunks: a
 * replay merging many lanes by stamp reads the stamps one after another in memory instead of
 * reaching into every element first.
 */
public final class StampedList<T> extends AbstractList<T> implements RandomAccess {
    private final AppendOnlyList<T> items = new AppendOnlyList<>();
    private volatile long[][] stamps = new long[4][];

    /** Appends an element with its stamp; callers serialise appends (one writer at a time). */
    public synchronized int append(T element, long stamp) {
        int index = items.size();
        long[][] current = AppendOnlyList.withRoomFor(stamps, index, long[]::new);
        current[index >>> AppendOnlyList.CHUNK_BITS][index & (AppendOnlyList.CHUNK_SIZE - 1)] = stamp;
        stamps = current;
        return items.append(element); // its size write publishes the stamp as well
    }

    /** The stamp the element at {@code index} was appended with. */
    public long stamp(int index) {
        Objects.checkIndex(index, items.size());
        return stamps[index >>> AppendOnlyList.CHUNK_BITS][index & (AppendOnlyList.CHUNK_SIZE - 1)];
    }

    @Override
    public T get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }
}
