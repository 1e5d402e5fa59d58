package dev.aei.analysis;

import java.time.Instant;
import java.util.Arrays;

/**
 * The events one lane received within the duplicate window, newest last: per event its content
 * hash, stamp, frame, a hash of its server time and the previous event of its hash bucket, side by
 * side in one flat array used as a ring (32 bytes per event, where a map of records took over 120).
 * A hash chain per bucket runs from the newest event to older ones, so expiring the oldest events
 * needs no removal: a chain simply ends where it reaches an expired index.
 *
 * <p>Each lookup lands somewhere random in a window of thousands of events per lane, so it is laid
 * out for few cache misses: an event's fields share a cache line, and the bucket table has twice as
 * many buckets as the ring has slots, so most lookups read one bucket and at most one event.
 */
final class RecentEvents {
    private static final int INITIAL_CAPACITY = 64;
    /** Longs per ring slot: hash, stamp, frame and time key, previous index in the bucket. */
    private static final int STRIDE = 4;
    private static final int HASH = 0;
    private static final int STAMP = 1;
    private static final int FRAME_AND_TIME = 2;
    private static final int PREVIOUS = 3;

    /** The ring: slot {@code absolute index & mask} starts at {@code slot * STRIDE}. */
    private long[] slots;
    /** Per bucket, the absolute index of its newest event, or -1. */
    private int[] buckets;
    private int mask;
    private int bucketMask;
    /** Absolute index of the oldest event kept, and of the next one to add. */
    private int head;
    private int tail;

    RecentEvents() {
        allocate(INITIAL_CAPACITY);
    }

    /** Forgets the events stamped more than {@code windowNanos} before {@code nanos}. */
    void expire(long nanos, long windowNanos) {
        while (head < tail && nanos - slots[at(head) + STAMP] > windowNanos) {
            head++;
        }
    }

    /** The absolute index of the newest kept event with this content hash, or -1. */
    int find(long hash) {
        for (int i = buckets[bucket(hash)]; i >= head; i = (int) slots[at(i) + PREVIOUS]) {
            if (slots[at(i) + HASH] == hash) {
                return i;
            }
        }
        return -1;
    }

    /** Keeps an event as the newest. */
    void add(long hash, int frame, long nanos, Instant serverTime) {
        if (tail == Integer.MAX_VALUE) {
            head = tail = 0; // after two billion events on one lane, start a fresh window
            Arrays.fill(buckets, -1);
        }
        if (tail - head == mask + 1) {
            grow();
        }
        put(tail++, hash, nanos, (long) frame << 32 | timeKey(serverTime) & 0xFFFF_FFFFL);
    }

    int frame(int index) {
        return (int) (slots[at(index) + FRAME_AND_TIME] >>> 32);
    }

    /** True when the kept event had this server time (compared by a 32-bit hash; null matches null). */
    boolean sameTime(int index, Instant serverTime) {
        return (int) slots[at(index) + FRAME_AND_TIME] == timeKey(serverTime);
    }

    private int at(int index) {
        return (index & mask) * STRIDE;
    }

    private void put(int index, long hash, long nanos, long frameAndTime) {
        int slot = at(index);
        int bucket = bucket(hash);
        slots[slot + HASH] = hash;
        slots[slot + STAMP] = nanos;
        slots[slot + FRAME_AND_TIME] = frameAndTime;
        slots[slot + PREVIOUS] = buckets[bucket];
        buckets[bucket] = index;
    }

    private void grow() {
        long[] old = slots;
        int oldMask = mask;
        allocate((mask + 1) * 2);
        for (int i = head; i < tail; i++) {
            int slot = (i & oldMask) * STRIDE;
            put(i, old[slot + HASH], old[slot + STAMP], old[slot + FRAME_AND_TIME]);
        }
    }

    private void allocate(int capacity) {
        slots = new long[capacity * STRIDE];
        buckets = new int[capacity * 2];
        Arrays.fill(buckets, -1);
        mask = capacity - 1;
        bucketMask = buckets.length - 1;
    }

    private int bucket(long hash) {
        return (int) (hash ^ (hash >>> 32)) & bucketMask;
    }

    private static int timeKey(Instant time) {
        if (time == null) {
            return 0;
        }
        long h = time.getEpochSecond() * 1_000_000_007L + time.getNano();
        return (int) (h ^ (h >>> 32)) | 1;
    }
}
