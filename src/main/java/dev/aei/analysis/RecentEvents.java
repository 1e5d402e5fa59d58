package dev.aei.analysis;

import java.time.Instant;
import java.util.Arrays;

/**
 * The events one lane received within the duplicate window, newest last: per event its content
 * hash, frame, stamp and a hash of its server time, in flat arrays used as a ring (about 32 bytes
 * per event, where a map of records took over 120). A hash chain per bucket runs from the newest
 * event to older ones, so expiring the oldest events needs no removal: a chain simply ends where
 * it reaches an expired index.
 */
final class RecentEvents {
    private static final int INITIAL_CAPACITY = 64;

    /** Ring slots, indexed by {@code absolute index & mask}. */
    private long[] hashes;
    private long[] stamps;
    private int[] times;
    private int[] frames;
    /** The absolute index of the previous event in the same bucket, or -1. */
    private int[] previous;
    /** Per bucket, the absolute index of its newest event, or -1. */
    private int[] buckets;
    private int mask;
    /** Absolute index of the oldest event kept, and of the next one to add. */
    private int head;
    private int tail;

    RecentEvents() {
        allocate(INITIAL_CAPACITY);
    }

    /** Forgets the events stamped more than {@code windowNanos} before {@code nanos}. */
    void expire(long nanos, long windowNanos) {
        while (head < tail && nanos - stamps[head & mask] > windowNanos) {
            head++;
        }
    }

    /** The absolute index of the newest kept event with this content hash, or -1. */
    int find(long hash) {
        for (int i = buckets[bucket(hash)]; i >= head; i = previous[i & mask]) {
            if (hashes[i & mask] == hash) {
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
        if (tail - head == hashes.length) {
            grow();
        }
        put(tail++, hash, frame, nanos, timeKey(serverTime));
    }

    int frame(int index) {
        return frames[index & mask];
    }

    /** True when the kept event had this server time (compared by a 32-bit hash; null matches null). */
    boolean sameTime(int index, Instant serverTime) {
        return times[index & mask] == timeKey(serverTime);
    }

    private void put(int index, long hash, int frame, long nanos, int time) {
        int slot = index & mask;
        hashes[slot] = hash;
        frames[slot] = frame;
        stamps[slot] = nanos;
        times[slot] = time;
        int bucket = bucket(hash);
        previous[slot] = buckets[bucket];
        buckets[bucket] = index;
    }

    private void grow() {
        long[] oldHashes = hashes;
        long[] oldStamps = stamps;
        int[] oldTimes = times;
        int[] oldFrames = frames;
        int oldMask = mask;
        allocate(oldHashes.length * 2);
        for (int i = head; i < tail; i++) {
            int slot = i & oldMask;
            put(i, oldHashes[slot], oldFrames[slot], oldStamps[slot], oldTimes[slot]);
        }
    }

    private void allocate(int capacity) {
        hashes = new long[capacity];
        stamps = new long[capacity];
        times = new int[capacity];
        frames = new int[capacity];
        previous = new int[capacity];
        buckets = new int[capacity];
        Arrays.fill(buckets, -1);
        mask = capacity - 1;
    }

    private int bucket(long hash) {
        return (int) (hash ^ (hash >>> 32)) & mask;
    }

    private static int timeKey(Instant time) {
        if (time == null) {
            return 0;
        }
        long h = time.getEpochSecond() * 1_000_000_007L + time.getNano();
        return (int) (h ^ (h >>> 32)) | 1;
    }
}
