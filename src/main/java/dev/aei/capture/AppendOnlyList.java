package dev.aei.capture;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * A list one thread appends to while others read, without locks on the read path.
 * Elements live in fixed-size chunks, so growing never copies what is already there and
 * a reader that saw {@link #size()} can read every index below it.
 */
public final class AppendOnlyList<T> extends AbstractList<T> implements RandomAccess {
    static final int CHUNK_BITS = 12;
    static final int CHUNK_SIZE = 1 << CHUNK_BITS;

    private volatile Object[][] chunks = new Object[4][];
    private volatile int size;

    /** Appends an element; callers serialise appends (one writer at a time). */
    public synchronized int append(T element) {
        int index = size;
        int chunk = index >>> CHUNK_BITS;
        Object[][] current = chunks;
        if (chunk == current.length) {
            current = Arrays.copyOf(current, current.length * 2);
        }
        if (current[chunk] == null) {
            current[chunk] = new Object[CHUNK_SIZE];
        }
        current[chunk][index & (CHUNK_SIZE - 1)] = element;
        chunks = current;
        size = index + 1; // volatile write publishes the element
        return index;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return (T) chunks[index >>> CHUNK_BITS][index & (CHUNK_SIZE - 1)];
    }

    @Override
    public int size() {
        return size;
    }
}
