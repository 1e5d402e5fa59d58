package dev.aei.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeScaleTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;
    private static final long TEN_O_CLOCK = Instant.parse("2026-01-08T10:00:00Z").toEpochMilli();

    private static TimeScale scale(long start, long end, double width, long originWallMillis) {
        return new TimeScale(start, end, width, originWallMillis, ZoneOffset.UTC);
    }

    @Test
    void mapsTimeToPixelsAndBack() {
        TimeScale scale = scale(2 * S, 12 * S, 1000, TEN_O_CLOCK);

        assertThat(scale.x(2 * S)).isEqualTo(0);
        assertThat(scale.x(7 * S)).isEqualTo(500);
        assertThat(scale.x(12 * S)).isEqualTo(1000);
        assertThat(scale.x(0)).isEqualTo(-200);
        assertThat(scale.nanos(250)).isEqualTo(4_500 * MS);
        for (double x : new double[] {0, 1, 333.25, 999}) {
            assertThat(scale.x(scale.nanos(x))).isCloseTo(x, org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void secondTicksAreLabelledInFullAtTheStartThenAsSeconds() {
        List<Tick> ticks = scale(0, 10 * S, 1000, TEN_O_CLOCK).ticks(90);

        assertThat(ticks).extracting(Tick::nanos).startsWith(0L, S, 2 * S);
        assertThat(ticks).extracting(Tick::label).startsWith("10:00:00", ":01", ":02");
        assertThat(ticks.get(0).major()).isTrue();
        assertThat(ticks.get(1).major()).isFalse();
    }

    @Test
    void subSecondTicksShowMillisecondsAndWholeSecondsInFull() {
        List<Tick> ticks = scale(800 * MS, 1_400 * MS, 300, TEN_O_CLOCK).ticks(90);

        assertThat(ticks).extracting(Tick::label).containsExactly("10:00:00.800", "10:00:01", ".200", ".400");
        assertThat(ticks).filteredOn(Tick::major).extracting(Tick::nanos).containsExactly(S);
    }

    @Test
    void ticksFollowTheOneTwoFiveSteps() {
        TimeScale scale = scale(0, S, 1000, TEN_O_CLOCK);

        assertThat(scale.tickStep(90)).isEqualTo(100 * MS);
        assertThat(scale.tickStep(150)).isEqualTo(200 * MS);
        assertThat(scale.tickStep(300)).isEqualTo(500 * MS);
        assertThat(scale.tickStep(600)).isEqualTo(S);
        assertThat(scale(0, MS, 1000, TEN_O_CLOCK).tickStep(90)).isEqualTo(100_000);
    }

    @Test
    void microsecondTicksShowSixDigits() {
        List<Tick> ticks = scale(0, MS, 1000, TEN_O_CLOCK).ticks(90);

        assertThat(ticks).extracting(Tick::label).startsWith("10:00:00", ".000100", ".000200");
    }

    @Test
    void longRangesTickInClockMinutes() {
        List<Tick> ticks = scale(0, 3_600 * S, 1000, TEN_O_CLOCK).ticks(90);

        assertThat(ticks).extracting(Tick::label).startsWith("10:00", "10:10", "10:20");
    }

    @Test
    void ticksSitOnRoundWallClockTimesWhateverTheSessionStart() {
        List<Tick> ticks = scale(0, 3 * S, 300, TEN_O_CLOCK + 300).ticks(90);

        assertThat(ticks.get(0).nanos()).isEqualTo(700 * MS);
        assertThat(ticks.get(0).label()).isEqualTo("10:00:01");
    }

    @Test
    void clockTimeHasMilliseconds() {
        assertThat(scale(0, S, 100, TEN_O_CLOCK).clockTime(1_250 * MS)).isEqualTo("10:00:01.250");
    }
}
