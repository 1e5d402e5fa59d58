package dev.aei.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads an event's seq: an integer that fits a {@code long}, or a string of up to 18 digits; null
 * for anything else. Each value is boxed once for the recent seqs, as the lanes of a session count
 * through the same numbers side by side. Not thread-safe: one per {@link ObjectScan}.
 */
final class SeqReader {
    /** What {@link #smallInteger} answers for an integer of more than 18 digits. */
    private static final long NOT_SMALL = Long.MIN_VALUE;
    private static final int RECENT = 1024;

    /** Recent seqs, boxed, by their low bits. */
    private final Long[] recent = new Long[RECENT];

    /** The seq the parser's current token holds, or null. */
    Long read(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT) {
            long small = smallInteger(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            if (small != NOT_SMALL) {
                return boxed(small);
            }
            return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? null : p.getLongValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getText();
            if (!s.isEmpty() && s.length() < 19 && s.chars().allMatch(Character::isDigit)) {
                return Long.parseLong(s);
            }
        }
        return null;
    }

    /** The value as a {@code Long}, shared with earlier seqs of that value. */
    private Long boxed(long value) {
        int slot = (int) value & (RECENT - 1);
        Long known = recent[slot];
        if (known == null || known != value) {
            known = value;
            recent[slot] = known;
        }
        return known;
    }

    /**
     * The value of an integer token of up to 18 digits, read from its text: asking the parser for
     * its number type and value costs several times more. {@link #NOT_SMALL} for longer ones.
     */
    private static long smallInteger(char[] text, int offset, int length) {
        boolean negative = length > 0 && text[offset] == '-';
        int digits = negative ? length - 1 : length;
        if (digits < 1 || digits > 18) {
            return NOT_SMALL;
        }
        long value = 0;
        for (int i = offset + length - digits; i < offset + length; i++) {
            value = value * 10 + (text[i] - '0');
        }
        return negative ? -value : value;
    }
}
