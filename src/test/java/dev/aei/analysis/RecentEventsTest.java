package dev.aei.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecentEventsTest {
    private static final long WINDOW = 1_000;
    private static final Instant TIME = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void findsTheNewestEventOfAHashAcrossGrowth() {
        RecentEvents recent = new RecentEvents();
        for (int i = 0; i < 1_000; i++) { // the ring starts with 64 slots: it grows four times
            recent.add(hash(i), i, i, i == 3 ? TIME : null);
        }
        recent.add(hash(3), 1_000, 1_000, null);

        int newest = recent.find(hash(3));
        assertThat(recent.frame(newest)).isEqualTo(1_000);
        assertThat(recent.sameTime(newest, null)).isTrue();
        assertThat(recent.sameTime(newest, TIME)).isFalse();
        assertThat(recent.frame(recent.find(hash(999)))).isEqualTo(999);
        assertThat(recent.find(hash(5_000))).isEqualTo(-1);
    }

    @Test
    void forgetsEventsOlderThanTheWindow() {
        RecentEvents recent = new RecentEvents();
        for (int i = 0; i < 200; i++) {
            recent.add(hash(i), i, i * 10L, TIME);
        }
        recent.expire(199 * 10L, WINDOW); // keeps the events stamped from 990 on

        assertThat(recent.find(hash(98))).isEqualTo(-1);
        assertThat(recent.frame(recent.find(hash(99)))).isEqualTo(99);
        assertThat(recent.sameTime(recent.find(hash(150)), TIME)).isTrue();
    }

    @Test
    void aChainEndsAtTheFirstExpiredEventAfterTheRingWrapped() {
        RecentEvents recent = new RecentEvents();
        long sameBucket = 1L << 40; // differs from 0 only above the bucket bits, within the ring's
        for (int i = 0; i < 10_000; i++) {
            recent.expire(i, 10);
            recent.add(i % 2 == 0 ? 0 : sameBucket, i, i, null);
        }

        assertThat(recent.frame(recent.find(0))).isEqualTo(9_998);
        assertThat(recent.frame(recent.find(sameBucket))).isEqualTo(9_999);
        assertThat(recent.find(2 * sameBucket)).isEqualTo(-1);
    }

    @Test
    void findsAnOlderEventBehindANewerOneOfTheSameBucket() {
        RecentEvents recent = new RecentEvents();
        long older = 5;
        long newer = 5 + (1L << 40) + (1L << 8); // the same bucket, other high bits
        recent.add(older, 1, 100, null);
        recent.add(newer, 2, 200, null);

        assertThat(recent.frame(recent.find(older))).isEqualTo(1);
        assertThat(recent.frame(recent.find(newer))).isEqualTo(2);
        assertThat(recent.find(older + (1L << 41) + (1L << 9))).isEqualTo(-1);

        recent.expire(1_150, WINDOW); // the older one leaves the window
        assertThat(recent.find(older)).isEqualTo(-1);
        assertThat(recent.frame(recent.find(newer))).isEqualTo(2);
    }

    private static long hash(int i) {
        return i * 0x9E3779B97F4A7C15L + 1;
    }
}
