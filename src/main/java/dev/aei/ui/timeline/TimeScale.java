package dev.aei.ui.timeline;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The one mapping between session-clock nanoseconds and horizontal pixels, plus the axis ticks
 * for it. Immutable; pixel 0 is the left edge of the plot area.
 */
public final class TimeScale {
    private static final long MICRO = 1_000L;
    private static final long MILLI = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    /** Tick steps: 1-2-5 from a microsecond to ten seconds, then clock-friendly steps. */
    private static final long[] STEPS = steps();

    private final long startNanos;
    private final long endNanos;
    private final double width;
    private final long originWallNanos;
    private final ZoneId zone;

    /**
     * @param startNanos      session-clock time at the left edge
     * @param endNanos        session-clock time at the right edge (greater than start)
     * @param width           plot width in pixels
     * @param originWallMillis wall-clock millis of session-clock zero, for labels
     * @param zone            time zone of the labels
     */
    public TimeScale(long startNanos, long endNanos, double width, long originWallMillis, ZoneId zone) {
        this.startNanos = startNanos;
        this.endNanos = Math.max(endNanos, startNanos + 1);
        this.width = Math.max(1, width);
        this.originWallNanos = originWallMillis * MILLI;
        this.zone = zone;
    }

    public long startNanos() {
        return startNanos;
    }

    public long endNanos() {
        return endNanos;
    }

    public double width() {
        return width;
    }

    /** Visible duration in nanoseconds. */
    public long span() {
        return endNanos - startNanos;
    }

    public double nanosPerPixel() {
        return span() / width;
    }

    /** The x pixel of a session-clock instant (may be outside 0..width). */
    public double x(long nanos) {
        return (nanos - startNanos) / nanosPerPixel();
    }

    /** The session-clock instant at an x pixel. */
    public long nanos(double x) {
        return startNanos + Math.round(x * nanosPerPixel());
    }

    /** The smallest tick step at least {@code minSpacingPx} pixels wide. */
    public long tickStep(double minSpacingPx) {
        double wanted = nanosPerPixel() * minSpacingPx;
        for (long step : STEPS) {
            if (step >= wanted) {
                return step;
            }
        }
        return STEPS[STEPS.length - 1];
    }

    /** Ticks at round wall-clock times at least {@code minSpacingPx} apart, left to right. */
    public List<Tick> ticks(double minSpacingPx) {
        long step = tickStep(minSpacingPx);
        long majorStep = majorStep(step);
        long wallStart = originWallNanos + startNanos;
        long first = Math.floorDiv(wallStart + step - 1, step) * step;
        List<Tick> ticks = new ArrayList<>();
        for (long wall = first; wall <= originWallNanos + endNanos; wall += step) {
            boolean major = Math.floorMod(wall, majorStep) == 0;
            String label = label(wall, step, major || ticks.isEmpty());
            ticks.add(new Tick(wall - originWallNanos, label, major));
        }
        return ticks;
    }

    /** Full clock time of an instant at millisecond precision, e.g. {@code 10:00:01.250}. */
    public String clockTime(long nanos) {
        LocalTime t = localTime(originWallNanos + nanos);
        return hms(t) + fraction(t.getNano() / 1_000_000, 3);
    }

    private String label(long wallNanos, long step, boolean full) {
        LocalTime t = localTime(wallNanos);
        String hms = hms(t);
        if (step >= MINUTE) {
            return hms.substring(0, 5);
        }
        if (step >= SECOND) {
            return full ? hms : hms.substring(5);
        }
        int nano = t.getNano();
        if (nano == 0) {
            return hms;
        }
        String fraction = step >= MILLI ? fraction(nano / 1_000_000, 3) : fraction(nano / 1_000, 6);
        return full ? hms + fraction : fraction;
    }

    /** "09:05:07", by hand: a redraw labels every tick, and {@code String.format} parses its pattern each time. */
    private static String hms(LocalTime t) {
        StringBuilder b = new StringBuilder(8);
        twoDigits(b, t.getHour()).append(':');
        twoDigits(b, t.getMinute()).append(':');
        return twoDigits(b, t.getSecond()).toString();
    }

    private static StringBuilder twoDigits(StringBuilder b, int value) {
        return b.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** ".250" for (250, 3): a dot and the value zero-padded to {@code digits}. */
    private static String fraction(int value, int digits) {
        String text = Integer.toString(value);
        return "." + "0".repeat(Math.max(0, digits - text.length())) + text;
    }

    private LocalTime localTime(long wallNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(wallNanos, SECOND), Math.floorMod(wallNanos, SECOND))
                .atZone(zone).toLocalTime();
    }

    /** The coarser boundary whose ticks are drawn stronger and labelled in full. */
    private static long majorStep(long step) {
        if (step < SECOND) {
            return SECOND;
        }
        if (step < MINUTE) {
            return MINUTE;
        }
        return step < HOUR ? HOUR : 24 * HOUR;
    }

    private static long[] steps() {
        List<Long> steps = new ArrayList<>();
        for (long decade = MICRO; decade <= SECOND; decade *= 10) {
            steps.add(decade);
            steps.add(2 * decade);
            steps.add(5 * decade);
        }
        steps.add(10 * SECOND);
        steps.add(15 * SECOND);
        steps.add(30 * SECOND);
        for (long minutes : new long[] {1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440}) {
            steps.add(minutes * MINUTE);
        }
        return steps.stream().mapToLong(Long::longValue).toArray();
    }
}
