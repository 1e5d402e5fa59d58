package dev.aei.auth;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link TriggerWords}' test over ASCII bytes, without looking at every byte on its own. A word of
 * five or more letters has one of its first three three-letter pieces start at a multiple of three
 * from the text's start, so only those positions are looked up (in a bit set of the pieces, in any
 * case). Shorter words, and words that count only in their exact case, are found by their rarest
 * letter, tested for in eight bytes at once. A position either test flags is compared with the words.
 */
final class AsciiTriggers {
    /** The shortest word found by its pieces; shorter ones are found by their rarest letter. */
    private static final int PIECED = 5;
    /**
     * A byte's low five bits: the same for a letter in either case, so a piece's key ignores case.
     * Other bytes share keys with letters (digits with p-y), which only makes a position be compared
     * that holds no word.
     */
    private static final int FOLD = 0x1F;
    private static final int KEY_BITS = 5;
    /** The bit that tells a lower-case ASCII letter from its upper case. */
    private static final int CASE_BIT = 0x20;
    private static final long EACH_BYTE = 0x0101010101010101L;
    private static final VarHandle EIGHT_BYTES = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    /** Letters from the rarest to the most common, in English and in JSON texts. */
    private static final String RARITY = "qjzxkvwyfbgpmhucdlsnroitae";

    private final byte[][] pieced;
    /** One bit per three-letter piece that starts at offset 0, 1 or 2 of a pieced word. */
    private final long[] pieces = new long[(1 << (3 * KEY_BITS)) / Long.SIZE];
    /** One bit per first piece of a pieced word: a flagged position is compared only where one starts. */
    private final long[] firsts = new long[pieces.length];
    private final List<Anchored> anchored;
    /**
     * The anchors with their case bit set (a byte that is an anchor, in either case, equals one of
     * these once its own case bit is set; so do a few other bytes, which are then only compared),
     * alone and repeated in each byte of a long.
     */
    private final byte[] anchorBytes;
    private final long[] anchorRepeated;
    /** An empty word, which every text contains. */
    private final boolean empty;

    /** A short or exact word and the offset of its rarest letter. */
    private record Anchored(byte[] word, int offset, boolean exact) {
    }

    private AsciiTriggers(List<byte[]> lowerWords, List<byte[]> exactWords) {
        List<byte[]> longOnes = new ArrayList<>();
        List<Anchored> shortOnes = new ArrayList<>();
        boolean hasEmpty = false;
        for (byte[] word : lowerWords) {
            hasEmpty |= word.length == 0;
            if (word.length >= PIECED) {
                longOnes.add(word);
                for (int d = 0; d < 3; d++) {
                    set(pieces, key(word[d], word[d + 1], word[d + 2]));
                }
                set(firsts, key(word[0], word[1], word[2]));
            } else if (word.length > 0) {
                shortOnes.add(anchor(word, false));
            }
        }
        for (byte[] word : exactWords) {
            hasEmpty |= word.length == 0;
            if (word.length > 0) {
                shortOnes.add(anchor(word, true));
            }
        }
        this.pieced = longOnes.toArray(byte[][]::new);
        this.anchored = List.copyOf(shortOnes);
        this.empty = hasEmpty;
        int[] anchors = shortOnes.stream().mapToInt(w -> w.word()[w.offset()] | CASE_BIT).distinct().toArray();
        this.anchorBytes = new byte[anchors.length];
        this.anchorRepeated = new long[anchors.length];
        for (int a = 0; a < anchors.length; a++) {
            anchorBytes[a] = (byte) anchors[a];
            anchorRepeated[a] = EACH_BYTE * anchors[a];
        }
    }

    /** The test for these words (lower-cased) and exact words; null when one of them is not ASCII. */
    static AsciiTriggers of(List<String> lowerWords, List<String> exactWords) {
        if (!lowerWords.stream().allMatch(AsciiTriggers::isAscii) || !exactWords.stream().allMatch(AsciiTriggers::isAscii)) {
            return null;
        }
        return new AsciiTriggers(bytes(lowerWords), bytes(exactWords));
    }

    /** True when the ASCII text {@code [from, to)} contains a word in any case, or an exact word. */
    boolean anyIn(byte[] text, int from, int to) {
        if (empty || !anchored.isEmpty() && anyAnchored(text, from, to)) {
            return true;
        }
        for (int i = from; i + 2 < to; i += 3) {
            int key = key(text[i], text[i + 1], text[i + 2]);
            if ((pieces[key >>> 6] & (1L << key)) != 0 && piecedNear(text, i, from, to)) {
                return true;
            }
        }
        return false;
    }

    /** An anchored word: eight bytes at a time are tested for an anchor, only eight that hold one byte by byte. */
    private boolean anyAnchored(byte[] text, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long folded = (long) EIGHT_BYTES.get(text, i) | EACH_BYTE * CASE_BIT;
            for (long anchor : anchorRepeated) {
                long differs = folded ^ anchor;
                if (((differs - EACH_BYTE) & ~differs & EACH_BYTE * 0x80) != 0) { // one of its bytes is zero
                    if (anchoredAround(text, i, i + Long.BYTES, from, to)) {
                        return true;
                    }
                    break;
                }
            }
        }
        return anchoredAround(text, i, to, from, to);
    }

    /** A pieced word whose first, second or third letter is at {@code at}. */
    private boolean piecedNear(byte[] text, int at, int from, int to) {
        for (int start = Math.max(from, at - 2); start <= at && start + 2 < to; start++) {
            int key = key(text[start], text[start + 1], text[start + 2]);
            if ((firsts[key >>> 6] & (1L << key)) == 0) {
                continue;
            }
            for (byte[] word : pieced) {
                if (matches(text, start, to, word, false)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** An anchored word whose anchor is one of the bytes {@code [first, end)}. */
    private boolean anchoredAround(byte[] text, int first, int end, int from, int to) {
        for (int q = first; q < end; q++) {
            if (isAnchor(text[q])) {
                for (Anchored word : anchored) {
                    int start = q - word.offset();
                    if (start >= from && matches(text, start, to, word.word(), word.exact())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean isAnchor(byte c) {
        int folded = c | CASE_BIT;
        for (byte anchor : anchorBytes) {
            if (folded == anchor) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(byte[] text, int at, int to, byte[] word, boolean exact) {
        if (at + word.length > to) {
            return false;
        }
        for (int j = 0; j < word.length; j++) {
            int c = text[at + j];
            if (!exact && c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != word[j]) {
                return false;
            }
        }
        return true;
    }

    /** The word with the offset of its rarest letter. */
    private static Anchored anchor(byte[] word, boolean exact) {
        int best = 0;
        for (int j = 1; j < word.length; j++) {
            if (rarity(word[j]) < rarity(word[best])) {
                best = j;
            }
        }
        return new Anchored(word, best, exact);
    }

    private static int rarity(byte c) {
        int letter = RARITY.indexOf(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        if (letter >= 0) {
            return letter;
        }
        return c == '-' ? 10 : c >= '0' && c <= '9' ? 20 : 30;
    }

    private static int key(byte a, byte b, byte c) {
        return ((a & FOLD) << (2 * KEY_BITS)) | ((b & FOLD) << KEY_BITS) | (c & FOLD);
    }

    private static void set(long[] bits, int key) {
        bits[key >>> 6] |= 1L << key;
    }

    private static List<byte[]> bytes(List<String> words) {
        return words.stream().map(w -> w.getBytes(StandardCharsets.US_ASCII)).toList();
    }

    private static boolean isAscii(String word) {
        return word.chars().allMatch(c -> c < 0x80);
    }
}
