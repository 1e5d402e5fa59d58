package dev.aei.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The short texts a decoder keeps (event types, run, user and tool ids), one shared copy per
 * recent value, looked up by their UTF-8 bytes in the frame: every event of a run repeats its
 * ids, so most reads find the string already made, and the rules then compare and hash the same
 * instance (its hash is computed once). A small direct-mapped table, so it never grows. Not
 * thread-safe: one per reading thread.
 */
final class TextCache {
    /** Fifty busy lanes keep a few hundred ids in use: four times as many slots keep collisions rare. */
    private static final int SLOTS = 4096;
    /** Longer texts are made afresh: they are rarely ids, and comparing them costs more than copying. */
    private static final int MAX_LENGTH = 96;

    private final String[] texts = new String[SLOTS];
    /** Per slot the cached text's UTF-8 bytes, compared without going through the string. */
    private final byte[][] utf8 = new byte[SLOTS][];

    /**
     * The text whose UTF-8 bytes lie from {@code start} to {@code end}, shared with earlier reads of
     * it; {@code hash} is any well-spread hash of those bytes.
     */
    String of(byte[] bytes, int start, int end, long hash) {
        int length = end - start;
        if (length > MAX_LENGTH) {
            return new String(bytes, start, length, StandardCharsets.UTF_8);
        }
        int slot = (int) (hash ^ (hash >>> 32)) & (SLOTS - 1);
        byte[] cached = utf8[slot];
        if (cached != null && Arrays.equals(cached, 0, cached.length, bytes, start, end)) {
            return texts[slot];
        }
        String made = new String(bytes, start, length, StandardCharsets.UTF_8);
        texts[slot] = made;
        utf8[slot] = Arrays.copyOfRange(bytes, start, end);
        return made;
    }
}
