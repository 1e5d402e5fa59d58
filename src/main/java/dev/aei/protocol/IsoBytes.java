package dev.aei.protocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The common ISO-8601 shape {@code 2026-01-08T10:00:00.123+00:00} (fraction and offset optional,
 * {@code Z} or {@code ±HH:MM}, {@code ±HHMM}, {@code ±HH}) read without a formatter, straight from
 * ASCII bytes: it is on every event's path, and {@code DateTimeFormatter} costs microseconds. A
 * reader remembers the date and time up to the second from its previous call (a lane's events
 * share them for a whole second), so most calls read only the fraction and the offset. Any other
 * shape gives null, and the caller falls back to the full parser. Not thread-safe: one per reading
 * thread ({@link #text} keeps nothing).
 */
final class IsoBytes {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** "2026-01-08T10:00:00": the part that is remembered. */
    private static final int PREFIX = 19;
    /** The longest text of the shape: a nine-digit fraction and a {@code +HH:MM} offset. */
    private static final int MAX_LENGTH = PREFIX + 10 + 6;
    private static final int SECONDS_PER_DAY = 86_400;
    private static final int MAX_FRACTION_DIGITS = 9;

    /** The remembered prefix as three overlapping eight-byte words (bytes 0-7, 8-15, 11-18), and its seconds. */
    private long head;
    private long middle;
    private long tail;
    private long prefixSeconds;
    private boolean remembered;
    /** Whether the last instant given was written without a fraction of a second. */
    private boolean wholeSeconds;

    /** The instant a string writes in the shape, or null (also for any character that is not ASCII). */
    static Instant text(String text) {
        int n = text.length();
        if (n < PREFIX || n > MAX_LENGTH) {
            return null;
        }
        byte[] ascii = new byte[n];
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            ascii[i] = (byte) c;
        }
        long seconds = prefixSeconds(ascii, 0);
        return seconds == Long.MIN_VALUE ? null : rest(ascii, PREFIX, n, seconds);
    }

    /** The instant written in {@code bytes} from {@code start} to {@code end}, or null for any other shape. */
    Instant parse(byte[] bytes, int start, int end) {
        if (end - start < PREFIX) {
            return null;
        }
        long h = (long) LONGS.get(bytes, start);
        long m = (long) LONGS.get(bytes, start + 8);
        long t = (long) LONGS.get(bytes, start + PREFIX - 8);
        if (!remembered || h != head || m != middle || t != tail) {
            long seconds = prefixSeconds(bytes, start);
            if (seconds == Long.MIN_VALUE) {
                return null;
            }
            head = h;
            middle = m;
            tail = t;
            prefixSeconds = seconds;
            remembered = true;
        }
        int after = start + PREFIX;
        wholeSeconds = after == end || bytes[after] != '.';
        return rest(bytes, after, end, prefixSeconds);
    }

    /** True when the last instant {@link #parse} gave had no fraction of a second. */
    boolean wholeSeconds() {
        return wholeSeconds;
    }

    /** The prefix's date and time as seconds since the epoch (as if in UTC), or MIN_VALUE if it is no such thing. */
    private static long prefixSeconds(byte[] b, int s) {
        if (b[s + 4] != '-' || b[s + 7] != '-' || b[s + 10] != 'T' && b[s + 10] != ' ' || b[s + 13] != ':'
                || b[s + 16] != ':') {
            return Long.MIN_VALUE;
        }
        int year = digits(b, s, 4);
        int month = digits(b, s + 5, 2);
        int day = digits(b, s + 8, 2);
        int hour = digits(b, s + 11, 2);
        int minute = digits(b, s + 14, 2);
        int second = digits(b, s + 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return Long.MIN_VALUE;
        }
        try {
            long days = LocalDate.of(year, month, day).toEpochDay();
            return days * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second;
        } catch (DateTimeException e) {
            return Long.MIN_VALUE;
        }
    }

    /** The instant of a prefix worth {@code seconds}, given what follows it (from {@code i}): a fraction, an offset. */
    private static Instant rest(byte[] b, int i, int end, long seconds) {
        long nanos = 0;
        if (i < end && b[i] == '.') {
            int from = ++i;
            while (i < end && isDigit(b[i]) && i - from < MAX_FRACTION_DIGITS) {
                nanos = nanos * 10 + (b[i++] - '0');
            }
            if (i == from || i < end && isDigit(b[i])) {
                return null;
            }
            for (int k = i - from; k < MAX_FRACTION_DIGITS; k++) {
                nanos *= 10;
            }
        }
        int offset = offsetSeconds(b, i, end);
        return offset == Integer.MIN_VALUE ? null : Instant.ofEpochSecond(seconds - offset, nanos);
    }

    /** Seconds east of UTC for {@code Z}, {@code ±HH:MM}, {@code ±HHMM}, {@code ±HH} or nothing; else MIN_VALUE. */
    private static int offsetSeconds(byte[] b, int i, int end) {
        if (i == end) {
            return 0;
        }
        byte c = b[i];
        if ((c == 'Z' || c == 'z') && i + 1 == end) {
            return 0;
        }
        if (c != '+' && c != '-' || i + 3 > end) {
            return Integer.MIN_VALUE;
        }
        int hours = digits(b, i + 1, 2);
        int p = i + 3;
        int minutes = 0;
        if (p < end) {
            if (b[p] == ':') {
                p++;
            }
            if (p + 2 > end) {
                return Integer.MIN_VALUE;
            }
            minutes = digits(b, p, 2);
            p += 2;
        }
        if (p != end || hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
            return Integer.MIN_VALUE;
        }
        int seconds = hours * 3600 + minutes * 60;
        return c == '-' ? -seconds : seconds;
    }

    /** The decimal value of {@code count} digit bytes, or -1 when one is no digit. */
    private static int digits(byte[] b, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            if (!isDigit(b[i])) {
                return -1;
            }
            value = value * 10 + (b[i] - '0');
        }
        return value;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
