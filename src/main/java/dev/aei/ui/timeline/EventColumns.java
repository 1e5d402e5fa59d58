package dev.aei.ui.timeline;

import dev.aei.protocol.EventRole;
import java.util.Arrays;

/**
 * A lane's events as parallel primitive arrays (time, role, frame index), in time order, so a
 * million events cost a few bytes each and the visible ones are found by binary search.
 */
final class EventColumns {
    private static final EventRole[] ROLES = EventRole.values();

    private long[] nanos = new long[64];
    private byte[] roles = new byte[64];
    private int[] frames = new int[64];
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
        size++;
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
