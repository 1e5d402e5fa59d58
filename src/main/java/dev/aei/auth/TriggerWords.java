package dev.aei.auth;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Tells whether a text contains any of a few words, in any case, in one pass over the text: the
 * first three characters of every word are kept, exactly, in a bit set indexed by a 6-bit code
 * per character (a rolling key over the text), and only a position whose last three characters
 * hit it is compared with the words (shorter words are searched for plainly). Lower-casing the
 * text and searching it once per word cost about 1-2 µs per frame when saving fixtures.
 */
final class TriggerWords {
    private static final int CODE_BITS = 6;
    private static final int KEY_MASK = (1 << (3 * CODE_BITS)) - 1;
    private static final int OTHER = (1 << CODE_BITS) - 1;
    private static final int MAX_KEPT_BUFFER = 64 * 1024;
    /** The code of each ASCII character. */
    private static final byte[] ASCII_CODES = new byte[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            ASCII_CODES[c] = (byte) slowCode(c);
        }
    }

    private final List<String> words;
    /** Words that count only in the case given (a JWT's start). */
    private final List<String> exactWords;
    /** The same test over ASCII bytes; null when a word is not ASCII (bytes then take the text's path). */
    private final AsciiTriggers ascii;
    /** Words under three characters (a user's own key names): searched for position by position. */
    private final List<String> shortWords;
    /** One bit per possible three-character start: set for the starts of the words. */
    private final long[] starts = new long[(KEY_MASK + 1) / Long.SIZE];
    /** Each thread's copy of the text being scanned: reading an array is cheaper than {@code charAt}. */
    private final ThreadLocal<char[]> buffers = ThreadLocal.withInitial(() -> new char[MAX_KEPT_BUFFER]);

    /** The words to look for, compared case-insensitively. */
    TriggerWords(Collection<String> words) {
        this(words, List.of());
    }

    /** The words to look for, compared case-insensitively, and {@code exactWords}, compared exactly. */
    TriggerWords(Collection<String> words, Collection<String> exactWords) {
        List<String> all = words.stream().map(w -> w.toLowerCase(Locale.ROOT)).distinct().toList();
        this.exactWords = List.copyOf(exactWords);
        this.ascii = AsciiTriggers.of(all, this.exactWords);
        this.words = all.stream().filter(w -> w.length() >= 3).toList();
        this.shortWords = all.stream().filter(w -> w.length() < 3).toList();
        for (String w : this.words) {
            int key = (code(w.charAt(0)) << (2 * CODE_BITS)) | (code(w.charAt(1)) << CODE_BITS) | code(w.charAt(2));
            starts[key >>> 6] |= 1L << key;
        }
    }

    /** True when the text contains one of the words, in any case, or one of the exact words. */
    boolean anyIn(String text) {
        for (String word : exactWords) {
            if (text.contains(word)) {
                return true;
            }
        }
        for (String word : shortWords) {
            for (int i = 0; i + word.length() <= text.length(); i++) {
                if (text.regionMatches(true, i, word, 0, word.length())) {
                    return true;
                }
            }
        }
        int n = text.length();
        char[] chars = n <= MAX_KEPT_BUFFER ? buffers.get() : new char[n];
        text.getChars(0, n, chars, 0);
        int key = 0;
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            key = ((key << CODE_BITS) | (c < 0x80 ? ASCII_CODES[c] : code(c))) & KEY_MASK;
            if ((starts[key >>> 6] & (1L << key)) != 0 && i >= 2 && wordAt(text, i - 2)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@link #anyIn(String)} for an ASCII text given as its bytes {@code [from, to)}: the same answer,
     * from a scan that reads a third of the positions (a fixture block already holds these bytes).
     */
    boolean anyInAscii(byte[] text, int from, int to) {
        return ascii == null ? anyIn(new String(text, from, to - from, StandardCharsets.ISO_8859_1))
                : ascii.anyIn(text, from, to);
    }

    private boolean wordAt(String text, int at) {
        for (String word : words) {
            if (text.regionMatches(true, at, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    private static int code(char c) {
        char lower = c < 0x80 ? c : Character.toLowerCase(c); // e.g. the Kelvin sign is a 'k'
        return lower < 0x80 ? ASCII_CODES[lower] : OTHER;
    }

    /** Letters (any case) 1-26, digits 27-36, '_' 37, '-' 38; any other character one shared code. */
    private static int slowCode(char c) {
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 1;
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 1;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 27;
        }
        return c == '_' ? 37 : c == '-' ? 38 : OTHER;
    }
}
