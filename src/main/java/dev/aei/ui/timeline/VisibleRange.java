package dev.aei.ui.timeline;

/**
 * The stretch of session time the timeline shows, and where zooming, panning, fitting and
 * following live move it: plain arithmetic, so the control only keeps the result in its
 * properties.
 *
 * @param start first visible nanosecond of the session clock
 * @param end   last visible one; at least {@link #MIN_SPAN_NANOS} after {@code start}
 */
record VisibleRange(long start, long end) {
    /** The narrowest range: 10 µs. */
    static final long MIN_SPAN_NANOS = 10_000L;
    /** The widest range is four times the data's, but a minute at least (an empty or short capture). */
    private static final long MIN_MAX_SPAN_NANOS = 60_000_000_000L;

    VisibleRange {
        end = Math.max(end, start + MIN_SPAN_NANOS);
    }

    /** From {@code first} to {@code last} with a margin; more room on the right, where the newest labels run. */
    static VisibleRange fitting(long first, long last) {
        long pad = Math.max((last - first) / 40, MIN_SPAN_NANOS);
        return new VisibleRange(first - pad, last + 4 * pad);
    }

    long span() {
        return end - start;
    }

    long middle() {
        return start + span() / 2;
    }

    boolean contains(long nanos) {
        return nanos >= start && nanos <= end;
    }

    /**
     * Scaled by {@code factor}, with {@code anchor} at the same pixel; the span stays between
     * {@link #MIN_SPAN_NANOS} and four times {@code dataSpan} (a minute at least).
     */
    VisibleRange zoomedAbout(long anchor, double factor, long dataSpan) {
        long span = span();
        long max = Math.max(MIN_MAX_SPAN_NANOS, dataSpan * 4);
        long newSpan = Math.max(MIN_SPAN_NANOS, Math.min(max, Math.round(span * factor)));
        long newStart = anchor - Math.round((anchor - start) / (double) span * newSpan);
        return new VisibleRange(newStart, newStart + newSpan);
    }

    /** The same span with {@code nanos} in the middle. */
    VisibleRange centredOn(long nanos) {
        long half = span() / 2;
        return new VisibleRange(nanos - half, nanos + half);
    }

    VisibleRange movedBy(long deltaNanos) {
        return new VisibleRange(start + deltaNanos, end + deltaNanos);
    }

    /** The same span, starting just before {@code first}. */
    VisibleRange startingAt(long first) {
        long from = first - span() / 40;
        return new VisibleRange(from, from + span());
    }

    /**
     * The same span slid so that the newest data ({@code last}) shows near the right edge, but never
     * further left than just before the oldest ({@code first}).
     */
    VisibleRange following(long first, long last) {
        long span = span();
        long margin = span / 20;
        long from = Math.max(first - margin, last + margin - span);
        return new VisibleRange(from, from + span);
    }
}
