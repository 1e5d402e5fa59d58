package dev.aei.analysis;

import java.time.Instant;
import java.util.Arrays;

/**
 * The events one lane received within the duplicate window, newest last, kept in flat arrays used
 * as rings: per event its content hash with its frame and a hash of its server time (one array, 16
 * bytes an event), its stamp (another, read in order as events expire) and the previous event of
 * its hash bucket. A hash chain per bucket runs from the newest event to older ones, so expiring
 * the oldest events needs no removal: a chain simply ends where it reaches an expired index.
 *
 * <p>Each lookup lands somewhere random in a window of thousands of events per lane, and nearly
 * every lookup is for an event not seen before, so it is laid out for few cache misses: a bucket
 * holds its newest event's index, the high bits of that event's hash, and whether an older event of
 * the window shares the bucket. Most lookups read only their bucket; an event is read only when
 * those bits match or a chain must be followed.
 */
final class RecentEvents {
    private static final int INITIAL_CAPACITY = 64;
    /** Longs per event in {@link #events}: the hash, then the frame and the time key. */
    private static final int STRIDE = 2;
    private static final int HASH = 0;
    private static final int FRAME_AND_TIME = 1;
    /** A bucket with no event: no index (-1) and no bits. */
    private static final long EMPTY = 0xFFFF_FFFFL;
    /** The bit of a bucket saying its newest event has an older one in the window behind it. */
    private static final long CHAINED = 1L << 32;

    /** The ring of hashes, frames and time keys: event {@code i} starts at {@code (i & mask) * STRIDE}. */
    private long[] events;
    /** The ring of stamps, event {@code i} at {@code i & mask}. */
    private long[] stamps;
    /** The ring of the previous absolute index in each event's bucket (or -1). */
    private int[] previous;
    /**
     * Per bucket: the absolute index of its newest event (low 32 bits, -1 for none), that event's
     * hash bits ({@link #tag}) and the {@link #CHAINED} bit.
     */
    private long[] buckets;
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
        while (head < tail && nanos - stamps[head & mask] > windowNanos) {
            head++;
        }
    }

    /** The absolute index of the newest kept event with this content hash, or -1. */
    int find(long hash) {
        long bucket = buckets[bucket(hash)];
        int i = (int) bucket;
        if (i < head) {
            return -1; // empty, or its newest event expired (and with it every older one)
        }
        if ((bucket & ~(EMPTY | CHAINED)) == tag(hash) && events[at(i) + HASH] == hash) {
            return i;
        }
        if ((bucket & CHAINED) == 0) {
            return -1;
        }
        for (i = previous[i & mask]; i >= head; i = previous[i & mask]) {
            if (events[at(i) + HASH] == hash) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Loads the bucket {@link #find} will read for this hash and returns it (to be summed, so the
     * load is not optimised away). See {@link DeliveryRules#touch}.
     */
    long touch(long hash) {
        return buckets[bucket(hash)];
    }

    /** Keeps an event as the newest. */
    void add(long hash, int frame, long nanos, Instant serverTime) {
        if (tail == Integer.MAX_VALUE) {
            head = tail = 0; // after two billion events on one lane, start a fresh window
            Arrays.fill(buckets, EMPTY);
        }
        if (tail - head == mask + 1) {
            grow();
        }
        put(tail++, hash, nanos, (long) frame << 32 | timeKey(serverTime) & 0xFFFF_FFFFL);
    }

    int frame(int index) {
        return (int) (events[at(index) + FRAME_AND_TIME] >>> 32);
    }

    /** True when the kept event had this server time (compared by a 32-bit hash; null matches null). */
    boolean sameTime(int index, Instant serverTime) {
        return (int) events[at(index) + FRAME_AND_TIME] == timeKey(serverTime);
    }

    private int at(int index) {
        return (index & mask) * STRIDE;
    }

    private void put(int index, long hash, long nanos, long frameAndTime) {
        int bucket = bucket(hash);
        int older = (int) buckets[bucket];
        events[at(index) + HASH] = hash;
        events[at(index) + FRAME_AND_TIME] = frameAndTime;
        stamps[index & mask] = nanos;
        previous[index & mask] = older;
        buckets[bucket] = tag(hash) | (older >= head ? CHAINED : 0) | index & EMPTY;
    }

    private void grow() {
        long[] oldEvents = events;
        long[] oldStamps = stamps;
        int oldMask = mask;
        allocate((mask + 1) * 2);
        for (int i = head; i < tail; i++) {
            int slot = (i & oldMask) * STRIDE;
            put(i, oldEvents[slot + HASH], oldStamps[i & oldMask], oldEvents[slot + FRAME_AND_TIME]);
        }
    }

    private void allocate(int capacity) {
        events = new long[capacity * STRIDE];
        stamps = new long[capacity];
        previous = new int[capacity];
        buckets = new long[capacity * 2];
        Arrays.fill(buckets, EMPTY);
        mask = capacity - 1;
        bucketMask = buckets.length - 1;
    }

    private int bucket(long hash) {
        return (int) (hash ^ (hash >>> 32)) & bucketMask;
    }

    /** The hash bits a bucket keeps of its newest event: the top 31, where the bucket's own bits are not. */
    private static long tag(long hash) {
        return hash & 0xFFFF_FFFE_0000_0000L;
    }

    private static int timeKey(Instant time) {
        if (time == null) {
            return 0;
        }
        long h = time.getEpochSecond() * 1_000_000_007L + time.getNano();
        return (int) (h ^ (h >>> 32)) | 1;
    }
}
