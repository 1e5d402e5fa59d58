package dev.aei.ui.timeline;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Intervals on a lane (runs or tool calls) as primitive arrays, ordered by start. Open spans
 * (not yet ended) are tracked apart so an old open span is still found in a late visible range.
 * An open span reaches either to "now" (a tool still running) or to its last event (a run, so a
 * run whose end never comes does not stretch across the whole capture).
 */
final class SpanColumns {
    /** The span ended with an error, or was left unfinished. */
    static final byte FLAG_FAILED = 1;
    /** The span is a pair of the profile other than a tool call (a text message, a step…). */
    static final byte FLAG_OTHER_PAIR = 2;

    private long[] starts = new long[16];
    private long[] ends = new long[16];
    private int[] labels = new int[16];
    private byte[] flags = new byte[16];
    private int size;
    private long longestClosed;
    private final BitSet open = new BitSet();
    private final boolean openUntilNow;

    /** @param openUntilNow true when open spans are drawn up to the newest instant of the capture */
    SpanColumns(boolean openUntilNow) {
        this.openUntilNow = openUntilNow;
    }

    /** Opens a span and returns its index. */
    int open(long start, int label) {
        return open(start, label, (byte) 0);
    }

    /** Opens a span with {@code flags} ({@link #FLAG_OTHER_PAIR}) and returns its index. */
    int open(long start, int label, int kind) {
        if (size == starts.length) {
            int capacity = size + (size >> 1);
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
            labels = Arrays.copyOf(labels, capacity);
            flags = Arrays.copyOf(flags, capacity);
        }
        starts[size] = size == 0 ? start : Math.max(start, starts[size - 1]);
        ends[size] = starts[size];
        labels[size] = label;
        flags[size] = (byte) kind;
        open.set(size);
        return size++;
    }

    /** Stretches an open span to an event seen at {@code time}. */
    void extend(int i, long time) {
        if (open.get(i)) {
            ends[i] = Math.max(ends[i], time);
        }
    }

    void close(int i, long end, boolean failed) {
        if (!open.get(i)) {
            return;
        }
        ends[i] = Math.max(end, starts[i]);
        if (failed) {
            flags[i] |= FLAG_FAILED;
        }
        open.clear(i);
        longestClosed = Math.max(longestClosed, ends[i] - starts[i]);
    }

    boolean isOpen(int i) {
        return open.get(i);
    }

    int size() {
        return size;
    }

    long start(int i) {
        return starts[i];
    }

    /** The end; for an open span {@code now} or its last event. */
    long end(int i, long now) {
        return openUntilNow && open.get(i) ? Math.max(now, ends[i]) : ends[i];
    }

    int label(int i) {
        return labels[i];
    }

    boolean failed(int i) {
        return (flags[i] & FLAG_FAILED) != 0;
    }

    /** True for a pair other than a tool call. */
    boolean otherPair(int i) {
        return (flags[i] & FLAG_OTHER_PAIR) != 0;
    }

    /**
     * Calls {@code visitor} with every span overlapping [from, to], in start order (open spans
     * that started before the scanned window come first).
     */
    void forEachOverlapping(long from, long to, long now, SpanVisitor visitor) {
        int first = Sorted.firstAtOrAfter(starts, size, from - longestClosed);
        for (int i = open.nextSetBit(0); i >= 0 && i < first; i = open.nextSetBit(i + 1)) {
            if (end(i, now) >= from) {
                visitor.visit(i);
            }
        }
        for (int i = first; i < size && starts[i] <= to; i++) {
            if (end(i, now) >= from) {
                visitor.visit(i);
            }
        }
    }

    /** Receives span indexes. */
    @FunctionalInterface
    interface SpanVisitor {
        void visit(int index);
    }
}
