package dev.aei.ui.timeline;

/**
 * Where things sit vertically and horizontally on the canvas: the lane-name column on the left,
 * the time axis on top, then one band per lane, scrolled by {@code scrollY}.
 */
final class LaneLayout {
    private static final double HEADER_WIDTH = 132;
    private static final double AXIS_HEIGHT = 30;
    private static final double LANE_HEIGHT = 44;
    /** With few users, lanes grow into the free height up to this factor, so the view doesn't look empty. */
    private static final double MAX_GROWTH = 1.6;
    private static final double RIGHT_PAD = 12;

    private final double width;
    private final double height;
    private final double uiScale;
    private final int laneCount;
    private final double scrollY;

    LaneLayout(double width, double height, double uiScale, int laneCount, double scrollY) {
        this.width = width;
        this.height = height;
        this.uiScale = uiScale;
        this.laneCount = laneCount;
        this.scrollY = Math.max(0, Math.min(scrollY, maxScroll()));
    }

    double width() {
        return width;
    }

    double height() {
        return height;
    }

    double uiScale() {
        return uiScale;
    }

    double headerWidth() {
        return HEADER_WIDTH * uiScale;
    }

    double axisHeight() {
        return AXIS_HEIGHT * uiScale;
    }

    double laneHeight() {
        double base = LANE_HEIGHT * uiScale;
        if (laneCount == 0) {
            return base;
        }
        double share = (height - axisHeight()) / laneCount;
        return Math.max(base, Math.min(share, base * MAX_GROWTH));
    }

    double plotLeft() {
        return headerWidth();
    }

    double plotWidth() {
        return Math.max(1, width - headerWidth() - RIGHT_PAD * uiScale);
    }

    double scrollY() {
        return scrollY;
    }

    /** Height of all lanes together. */
    double contentHeight() {
        return laneCount * laneHeight();
    }

    /** How far the lanes can scroll up. */
    double maxScroll() {
        return Math.max(0, contentHeight() - (height - axisHeight()));
    }

    double laneTop(int lane) {
        return axisHeight() + lane * laneHeight() - scrollY;
    }

    double laneCenter(int lane) {
        return laneTop(lane) + laneHeight() / 2;
    }

    /** The lane at a canvas y, or -1 above, below or between none. */
    int laneAt(double y) {
        if (y < axisHeight()) {
            return -1;
        }
        int lane = (int) ((y - axisHeight() + scrollY) / laneHeight());
        return lane < laneCount ? lane : -1;
    }

    int firstVisibleLane() {
        return Math.max(0, (int) (scrollY / laneHeight()));
    }

    /** One past the last lane that shows. */
    int endVisibleLane() {
        return Math.min(laneCount, (int) Math.ceil((scrollY + height - axisHeight()) / laneHeight()));
    }
}
