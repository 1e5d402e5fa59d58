package dev.aei.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VisibleRangeTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void neverNarrowerThanTenMicroseconds() {
        assertThat(new VisibleRange(500, 400).span()).isEqualTo(VisibleRange.MIN_SPAN_NANOS);
        assertThat(new VisibleRange(0, SECOND).zoomedAbout(0, 1e-12, SECOND).span())
                .isEqualTo(VisibleRange.MIN_SPAN_NANOS);
    }

    @Test
    void zoomingKeepsTheAnchorAtTheSameFractionOfTheWidth() {
        VisibleRange range = new VisibleRange(10 * SECOND, 20 * SECOND);
        long anchor = 12 * SECOND; // a fifth of the way in

        VisibleRange in = range.zoomedAbout(anchor, 0.5, 100 * SECOND);

        assertThat(in.span()).isEqualTo(5 * SECOND);
        assertThat(in.start()).isEqualTo(anchor - SECOND);
        assertThat(in.zoomedAbout(anchor, 2, 100 * SECOND)).isEqualTo(range);
    }

    @Test
    void zoomingOutStopsAtFourTimesTheDataOrAMinute() {
        VisibleRange range = new VisibleRange(0, 10 * SECOND);

        assertThat(range.zoomedAbout(0, 1_000, 100 * SECOND).span()).isEqualTo(400 * SECOND);
        assertThat(range.zoomedAbout(0, 1_000, SECOND).span()).isEqualTo(60 * SECOND);
    }

    @Test
    void fittingLeavesMoreRoomOnTheRight() {
        VisibleRange fit = VisibleRange.fitting(40 * SECOND, 80 * SECOND);

        assertThat(fit.start()).isEqualTo(39 * SECOND);
        assertThat(fit.end()).isEqualTo(84 * SECOND);
        assertThat(VisibleRange.fitting(5, 5).span()).isEqualTo(5 * VisibleRange.MIN_SPAN_NANOS);
    }

    @Test
    void followingSlidesTheSpanToTheNewestButNotBeforeTheOldest() {
        VisibleRange range = new VisibleRange(0, 20 * SECOND);

        VisibleRange late = range.following(0, 100 * SECOND);
        assertThat(late.span()).isEqualTo(20 * SECOND);
        assertThat(late.end()).isEqualTo(101 * SECOND); // a twentieth of the span to spare on the right

        VisibleRange early = range.following(3 * SECOND, 5 * SECOND);
        assertThat(early.start()).isEqualTo(2 * SECOND); // the oldest stays in sight
    }

    @Test
    void centringMovingAndStartingKeepTheSpan() {
        VisibleRange range = new VisibleRange(0, 10 * SECOND);

        assertThat(range.centredOn(50 * SECOND)).isEqualTo(new VisibleRange(45 * SECOND, 55 * SECOND));
        assertThat(range.movedBy(-SECOND)).isEqualTo(new VisibleRange(-SECOND, 9 * SECOND));
        assertThat(range.startingAt(40 * SECOND).start()).isEqualTo(40 * SECOND - SECOND / 4);
        assertThat(range.contains(10 * SECOND)).isTrue();
        assertThat(range.contains(10 * SECOND + 1)).isFalse();
        assertThat(range.middle()).isEqualTo(5 * SECOND);
    }
}
