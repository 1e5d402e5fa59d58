package dev.aei.protocol;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Reads the timestamp shape servers nearly always send, {@code yyyy-MM-ddTHH:mm:ss[.fraction][Z|±HH:MM]},
 * field by field: the general ISO formatter costs microseconds per event, which the live rules and
 * the timeline pay for every frame. Anything else is left to the formatter.
 */
final class IsoFastPath {
    private static final int NO_OFFSET = Integer.MIN_VALUE;

    private IsoFastPath() {
    }

    /** The instant, or null when the text has another shape or is not a valid date (the formatter decides). */
    static Instant parse(String text) {
        int n = text.length();
        if (n < 19 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (i < n && text.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && isDigit(text.charAt(i))) {
                nanos = nanos * 10 + text.charAt(i++) - '0';
            }
            if (i == start || (i < n && isDigit(text.charAt(i)))) {
                return null;
            }
            for (int k = i - start; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offset = offsetSeconds(text, i);
        int[] fields = {digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2), digits(text, 11, 2),
            digits(text, 14, 2), digits(text, 17, 2)};
        if (offset == NO_OFFSET) {
            return null;
        }
        for (int field : fields) {
            if (field < 0) {
                return null;
            }
        }
        try {
            return LocalDateTime.of(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], nanos)
                    .toInstant(ZoneOffset.ofTotalSeconds(offset));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The offset starting at {@code i} (none means UTC, {@code Z}, or {@code ±HH:MM}) in seconds. */
    private static int offsetSeconds(String text, int i) {
        int n = text.length();
        if (i == n || (i == n - 1 && text.charAt(i) == 'Z')) {
            return 0;
        }
        char sign = text.charAt(i);
        if (i != n - 6 || (sign != '+' && sign != '-') || text.charAt(i + 3) != ':') {
            return NO_OFFSET;
        }
        int hours = digits(text, i + 1, 2);
        int minutes = digits(text, i + 4, 2);
        if (hours < 0 || minutes < 0 || hours > 18 || minutes > 59) {
            return NO_OFFSET;
        }
        int seconds = hours * 3600 + minutes * 60;
        return sign == '-' ? -seconds : seconds;
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + c - '0';
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
