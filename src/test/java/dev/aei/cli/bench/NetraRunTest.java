package dev.aei.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bench's stand-in backend writes what a formatter would, without formatting every time. */
class NetraRunTest {
    @Test
    void timestampsReadAsTheInstantsFormatted() {
        Random random = new Random(18);
        long[] nanos = {0, 1, 999_000_000, 995_000_000, 100_000_000, 120_000, 123_456_789, 998_999_999};
        for (int round = 0; round < 20_000; round++) {
            long nano = round < nanos.length ? nanos[round] : random.nextInt(1_000_000_000)
                    / (long) Math.pow(1000, random.nextInt(4)) * (long) Math.pow(1000, random.nextInt(3));
            Instant time = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(1_000_000), nano % 1_000_000_000);
            int step = random.nextInt(12);
            assertThat(NetraRun.plusMillis(time, time.toString(), step)).isEqualTo(time.plusMillis(step).toString());
        }
    }

    @Test
    void runsWrittenOneAfterTheOtherAreWholeObjects() {
        NetraRun runs = new NetraRun(new JsonFactory());
        List<String> first = runs.texts("user01", 1, 1, Instant.parse("2026-12-05T04:57:04.095000002Z"));
        List<String> second = runs.texts("user01", 2, 10, Instant.parse("2026-12-05T04:57:04.999Z"));

        assertThat(first).hasSize(NetraRun.FRAMES).allMatch(t -> t.startsWith("{") && t.endsWith("}"));
        assertThat(second).hasSize(NetraRun.FRAMES).allMatch(t -> t.startsWith("{\"type\":") && t.endsWith("}"));
        assertThat(first.get(1)).contains("\"run_id\":\"run_t-user01-1_00001_").contains("2026-12-05T04:57:04.095000002Z");
        assertThat(second.get(2)).contains("\"timestamp\":\"2026-12-05T04:57:05Z\"");
    }
}
