package dev.aei.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The short texts a decoder keeps (event types, run, user and tool ids), one shared copy per
 * recent value, looked up by their UTF-8 bytes in the frame: every event of a run repeats its
 * ids, so most reads find the string already made, and the rules then compare and hash the same
 * instance (its hash is computed once). A small direct-mapped table, so it never grows. Not
 * thread-safe: one per reading thread.
 *
 * <p>Each slot's bytes sit at a fixed place in one flat array, beside its hash in another: a lookup
 * compares the hash, then the bytes where they always are, instead of chasing an array of its own
 * per slot wherever the collector moved it.
 */
final class TextCache {
    /** Fifty busy lanes keep a few hundred ids in use: four times as many slots keep collisions rare. */
    private static final int SLOTS = 4096;
    /** Longer texts are made afresh: they are rarely ids, and comparing them costs more than copying. */
    private static final int MAX_LENGTH = 96;

    private final String[] texts = new String[SLOTS];
    /** Per slot the hash the cached text was stored under (0 for an empty slot). */
    private final long[] hashes = new long[SLOTS];
    /** Per slot the cached text's length in UTF-8 bytes. */
    private final byte[] lengths = new byte[SLOTS];
    /** Per slot the cached text's UTF-8 bytes, at {@code slot * MAX_LENGTH}. */
    private final byte[] utf8 = new byte[SLOTS * MAX_LENGTH];

    /**
     * The text whose UTF-8 bytes lie from {@code start} to {@code end}, shared with earlier reads of
     * it; {@code hash} is any well-spread hash of those bytes other than 0.
     */
    String of(byte[] bytes, int start, int end, long hash) {
        int length = end - start;
        if (length > MAX_LENGTH) {
            return new String(bytes, start, length, StandardCharsets.UTF_8);
        }
        int slot = (int) (hash ^ (hash >>> 32)) & (SLOTS - 1);
        int at = slot * MAX_LENGTH;
        if (hashes[slot] == hash && lengths[slot] == length
                && Arrays.equals(utf8, at, at + length, bytes, start, end)) {
            return texts[slot];
        }
        String made = new String(bytes, start, length, StandardCharsets.UTF_8);
        texts[slot] = made;
        hashes[slot] = hash;
        lengths[slot] = (byte) length;
        System.arraycopy(bytes, start, utf8, at, length);
        return made;
    }
}
