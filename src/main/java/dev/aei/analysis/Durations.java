package dev.aei.analysis;

import java.time.Duration;
import java.util.Locale;

/** Durations written the way people read them: {@code 250 ms}, {@code 1.5 s}, {@code 60 s}. */
final class Durations {
    private Durations() {
    }

    static String human(Duration d) {
        return nanos(d.toNanos());
    }

    static String nanos(long nanos) {
        long millis = nanos / 1_000_000;
        if (Math.abs(millis) < 1000) {
            return millis + " ms";
        }
        double seconds = millis / 1000.0;
        return (seconds == Math.rint(seconds) ? String.valueOf((long) seconds)
                : String.format(Locale.ROOT, "%.1f", seconds)) + " s";
    }
}
