package dev.aei.protocol;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * Reads a server timestamp: ISO-8601 text (with or without offset; none means UTC) or an epoch
 * number, in seconds when below 10^11 and in milliseconds above (10^11 s is the year 5138).
 */
final class TimestampParser {
    private static final double MILLIS_THRESHOLD = 1e11;
    /** The widest epoch-second range a number can express here; ISO text beyond it is no usable time. */
    private static final long MAX_EPOCH_SECONDS = 1_000_000_000_000L;

    private TimestampParser() {
    }

    /** A timestamp sent as text: ISO-8601, or epoch digits. */
    static Instant text(String value) {
        String text = value.trim();
        if (text.isEmpty()) {
            return null;
        }
        char first = text.charAt(0);
        if (Character.isDigit(first) && text.indexOf('-') < 0) {
            try {
                return epoch(new BigDecimal(text));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return iso(text);
    }

    /** A timestamp sent as a JSON number of epoch seconds or millis. */
    static Instant epoch(BigDecimal value) {
        if (value.abs().doubleValue() >= 1e15) {
            return null;
        }
        BigDecimal seconds = value.abs().doubleValue() >= MILLIS_THRESHOLD ? value.movePointLeft(3) : value;
        long whole = seconds.longValue();
        long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
        return Instant.ofEpochSecond(whole, nanos);
    }

    private static Instant iso(String text) {
        Instant fast = IsoBytes.text(text);
        if (fast != null) {
            return fast;
        }
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text.replace(' ', 'T'),
                    OffsetDateTime::from, LocalDateTime::from);
            Instant time = parsed instanceof OffsetDateTime odt ? odt.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
            // Years like +999999999 parse, but their epoch millis overflow the rules' arithmetic.
            return Math.abs(time.getEpochSecond()) <= MAX_EPOCH_SECONDS ? time : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
