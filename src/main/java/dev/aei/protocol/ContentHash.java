package dev.aei.protocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The 64-bit hashes an {@link ObjectScan} sums into an event's content hash: of a field (its name
 * and its value's hash), of an object or array as the raw bytes it was sent as, of a string as its
 * UTF-8, of a number as its text, and the literals' constants. Fields are summed, so field order
 * does not matter, as for JSON object equality; the sum is finished by {@link #finish}.
 */
final class ContentHash {
    /** The sum before any field. */
    static final long START = 0x9E3779B97F4A7C15L;
    /** The literals true, false and null (or anything else that is no value). */
    static final long TRUE = 0x61C8864680B583EBL;
    static final long FALSE = 0x7A1435883D4D519DL;
    static final long NULL = 0x1B873593CC9E2D51L;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long PRIME = 0x100000001B3L;
    private static final long MULTIPLIER = 0x87C37B91114253D5L;
    private static final long STRING_SEED = 0x165667B19E3779F9L;
    private static final long NUMBER_SEED = 0x27D4EB2F165667C5L;

    private ContentHash() {
    }

    /** What a field adds to the sum. */
    static long field(String name, long valueHash) {
        return mix(name.hashCode() * PRIME + valueHash);
    }

    /** The content hash of a finished sum. */
    static long finish(long sum) {
        return mix(sum);
    }

    /** An object or array as the raw bytes it was sent as. */
    static long raw(byte[] bytes, int start, int end) {
        return bytes(START, bytes, start, end);
    }

    /** A string by its UTF-8 bytes; never 0, so 0 can mean "not computed yet". */
    static long string(byte[] utf8, int start, int end) {
        return bytes(STRING_SEED, utf8, start, end) | 1;
    }

    /** A number by its text. */
    static long number(char[] text, int offset, int length) {
        return chars(NUMBER_SEED, text, offset, length);
    }

    /** A run of bytes, eight at a time. */
    private static long bytes(long seed, byte[] bytes, int start, int end) {
        long h = seed ^ (end - start);
        int i = start;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            h = Long.rotateLeft(h ^ (long) LONGS.get(bytes, i) * MULTIPLIER, 31) * PRIME;
        }
        long tail = 0;
        for (; i < end; i++) {
            tail = tail << 8 | (bytes[i] & 0xFF);
        }
        return mix(h ^ mix(tail));
    }

    /** A run of chars, four chars per step. */
    private static long chars(long seed, char[] buffer, int offset, int length) {
        long h = seed ^ length;
        int i = offset;
        int end = offset + length;
        for (; i + 3 < end; i += 4) {
            long four = buffer[i] | (long) buffer[i + 1] << 16 | (long) buffer[i + 2] << 32 | (long) buffer[i + 3] << 48;
            h = Long.rotateLeft(h ^ four * MULTIPLIER, 31) * PRIME;
        }
        for (; i < end; i++) {
            h = Long.rotateLeft(h ^ buffer[i] * MULTIPLIER, 31) * PRIME;
        }
        return mix(h);
    }

    /** A 64-bit finaliser (as in SplitMix64) so that sums and products of hashes stay well spread. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
