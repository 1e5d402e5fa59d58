package dev.aei.capture;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;
import java.util.function.IntFunction;

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
        Object[][] current = withRoomFor(chunks, index, Object[]::new);
        current[index >>> CHUNK_BITS][index & (CHUNK_SIZE - 1)] = element;
        chunks = current;
        size = index + 1; // volatile write publishes the element
        return index;
    }

    /**
     * The chunks with room for element {@code index}: the chunk array doubled when it is full, the
     * element's chunk made when missing (growing never copies the elements already there).
     */
    static <C> C[] withRoomFor(C[] chunks, int index, IntFunction<C> newChunk) {
        int chunk = index >>> CHUNK_BITS;
        C[] current = chunk == chunks.length ? Arrays.copyOf(chunks, chunks.length * 2) : chunks;
        if (current[chunk] == null) {
            current[chunk] = newChunk.apply(CHUNK_SIZE);
        }
        return current;
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
