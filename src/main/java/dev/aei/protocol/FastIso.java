package dev.aei.protocol;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The common ISO-8601 shape {@code 2026-01-08T10:00:00.123+00:00} (fraction and offset optional,
 * {@code Z} or {@code ±HH:MM}) read without a formatter: it is on every event's path, and
 * {@code DateTimeFormatter} costs several microseconds. Anything else returns null so the
 * caller falls back to the full parser.
 */
final class FastIso {
    private static final int SECONDS_PER_DAY = 86_400;

    private FastIso() {
    }

    static Instant parse(CharSequence t) {
        int n = t.length();
        if (n < 19 || t.charAt(4) != '-' || t.charAt(7) != '-' || (t.charAt(10) != 'T' && t.charAt(10) != ' ')
                || t.charAt(13) != ':' || t.charAt(16) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int i = 19;
        long nanos = 0;
        if (i < n && t.charAt(i) == '.') {
            int start = ++i;
            while (i < n && Character.isDigit(t.charAt(i)) && i - start < 9) {
                nanos = nanos * 10 + (t.charAt(i) - '0');
                i++;
            }
            if (i == start || i < n && Character.isDigit(t.charAt(i))) {
                return null;
            }
            for (int k = i - start; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offset = offsetSeconds(t, i);
        if (offset == Integer.MIN_VALUE) {
            return null;
        }
        try {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second - offset, nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Seconds east of UTC for {@code Z}, {@code ±HH:MM}, {@code ±HHMM}, {@code ±HH} or nothing; MIN_VALUE if unreadable. */
    private static int offsetSeconds(CharSequence t, int i) {
        int n = t.length();
        if (i == n) {
            return 0;
        }
        char c = t.charAt(i);
        if ((c == 'Z' || c == 'z') && i + 1 == n) {
            return 0;
        }
        if (c != '+' && c != '-') {
            return Integer.MIN_VALUE;
        }
        int hours = digits(t, i + 1, 2);
        int p = i + 3;
        int minutes = 0;
        if (p < n) {
            if (t.charAt(p) == ':') {
                p++;
            }
            minutes = digits(t, p, 2);
            p += 2;
        }
        if (p != n || hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
            return Integer.MIN_VALUE;
        }
        int seconds = hours * 3600 + minutes * 60;
        return c == '-' ? -seconds : seconds;
    }

    private static int digits(CharSequence t, int from, int count) {
        if (from + count > t.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
