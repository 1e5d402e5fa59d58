package dev.aei.ui.timeline;

import dev.aei.protocol.EventRole;
import java.util.Arrays;

/**
 * A lane's events as parallel primitive arrays (time, role, frame index), in time order, so a
 * million events cost a few bytes each and the visible ones are found by binary search. Every
 * block of {@link #BLOCK} events also keeps its most important role, so a zoomed-out redraw
 * reads one byte per block instead of every event.
 */
final class EventColumns {
    /** Events per summary block (a power of two). */
    static final int BLOCK = 64;
    private static final int BLOCK_BITS = 6;
    private static final EventRole[] ROLES = EventRole.values();

    private long[] nanos = new long[64];
    private byte[] roles = new byte[64];
    private int[] frames = new int[64];
    private byte[] blockRoles = new byte[4];
    private int size;

    void add(long time, EventRole role, int frame) {
        if (size == nanos.length) {
            int capacity = size + (size >> 1);
            nanos = Arrays.copyOf(nanos, capacity);
            roles = Arrays.copyOf(roles, capacity);
            frames = Arrays.copyOf(frames, capacity);
        }
        // Keeps the column sorted even if a frame were stamped out of order.
        nanos[size] = size == 0 ? time : Math.max(time, nanos[size - 1]);
        roles[size] = (byte) role.ordinal();
        frames[size] = frame;
        summarise(size, role);
        size++;
    }

    /** The most important role of block {@code b} (events {@code b * BLOCK} onwards). */
    int blockRoleOrdinal(int block) {
        return blockRoles[block];
    }

    private void summarise(int index, EventRole role) {
        int block = index >>> BLOCK_BITS;
        if (block == blockRoles.length) {
            blockRoles = Arrays.copyOf(blockRoles, block * 2);
        }
        if ((index & (BLOCK - 1)) == 0
                || GlyphPainter.importance(role.ordinal()) > GlyphPainter.importance(blockRoles[block])) {
            blockRoles[block] = (byte) role.ordinal();
        }
    }

    int size() {
        return size;
    }

    long nanos(int i) {
        return nanos[i];
    }

    EventRole role(int i) {
        return ROLES[roles[i]];
    }

    int roleOrdinal(int i) {
        return roles[i];
    }

    int frame(int i) {
        return frames[i];
    }

    /** Index of the first event at or after {@code time} (size when none). */
    int firstAtOrAfter(long time) {
        return Sorted.firstAtOrAfter(nanos, size, time);
    }

    /** Index of the first event of a frame index, or -1. */
    int firstOfFrame(int frame) {
        int i = Arrays.binarySearch(frames, 0, size, frame);
        if (i < 0) {
            return -1;
        }
        while (i > 0 && frames[i - 1] == frame) {
            i--;
        }
        return i;
    }
}
