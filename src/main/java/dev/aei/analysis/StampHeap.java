package dev.aei.analysis;

/**
 * A min-heap of sources keyed by the stamp of their next item, ties broken by source number:
 * merging sorted lists through it gives the order of a stable sort by stamp. Primitive arrays,
 * so a merge step allocates nothing.
 */
final class StampHeap {
    private final int[] sources;
    private final long[] stamps;
    private int size;

    StampHeap(int capacity) {
        sources = new int[capacity];
        stamps = new long[capacity];
    }

    boolean isEmpty() {
        return size == 0;
    }

    void add(int source, long stamp) {
        int i = size++;
        sources[i] = source;
        stamps[i] = stamp;
        while (i > 0 && before(i, (i - 1) / 2)) {
            swap(i, (i - 1) / 2);
            i = (i - 1) / 2;
        }
    }

    /** The source whose next item comes first. */
    int top() {
        return sources[0];
    }

    /** The top source moved on to an item with this stamp. */
    void replaceTop(long stamp) {
        stamps[0] = stamp;
        siftDown();
    }

    /** The top source has no more items. */
    void removeTop() {
        size--;
        sources[0] = sources[size];
        stamps[0] = stamps[size];
        siftDown();
    }

    private void siftDown() {
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                return;
            }
            if (child + 1 < size && before(child + 1, child)) {
                child++;
            }
            if (!before(child, i)) {
                return;
            }
            swap(i, child);
            i = child;
        }
    }

    private boolean before(int a, int b) {
        return stamps[a] < stamps[b] || stamps[a] == stamps[b] && sources[a] < sources[b];
    }

    private void swap(int a, int b) {
        int source = sources[a];
        sources[a] = sources[b];
        sources[b] = source;
        long stamp = stamps[a];
        stamps[a] = stamps[b];
        stamps[b] = stamp;
    }
}
