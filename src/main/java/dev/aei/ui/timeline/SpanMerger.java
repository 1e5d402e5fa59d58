package dev.aei.ui.timeline;

/**
 * Walks the visible spans of a lane and merges those that touch on screen, so a zoomed-out lane
 * with thousands of runs costs a handful of rectangles.
 */
final class SpanMerger {
    /** Spans closer than this many pixels are drawn as one. */
    private static final double TOUCHING = 1.5;

    /** Receives one drawn piece: pixel extent, the span index (or -1 for a merged piece). */
    @FunctionalInterface
    interface Piece {
        void draw(double x0, double x1, int span, boolean failed);
    }

    private double x0;
    private double x1;
    private int span = -1;
    private boolean failed;
    private boolean pending;

    void forEach(SpanColumns spans, RenderContext ctx, Piece piece) {
        pending = false;
        long now = ctx.now();
        spans.forEachOverlapping(ctx.visibleFrom(), ctx.visibleTo(), now, i -> {
            double a = ctx.x(spans.start(i));
            double b = ctx.x(spans.end(i, now));
            boolean bad = spans.failed(i);
            if (pending && a <= x1 + TOUCHING && bad == failed && (b - a < TOUCHING || x1 - x0 < TOUCHING)) {
                x1 = Math.max(x1, b);
                span = -1;
                return;
            }
            flush(piece);
            x0 = a;
            x1 = b;
            span = i;
            failed = bad;
            pending = true;
        });
        flush(piece);
    }

    private void flush(Piece piece) {
        if (pending) {
            piece.draw(x0, x1, span, failed);
            pending = false;
        }
    }
}
