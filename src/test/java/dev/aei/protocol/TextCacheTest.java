package dev.aei.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextCacheTest {
    private final TextCache cache = new TextCache();

    @Test
    void sharesOneCopyOfRepeatedTextsAndNeverConfusesTwoThatShareAHash() {
        byte[] frame = "..run_a..run_b..run_a..".getBytes(StandardCharsets.UTF_8);
        String first = cache.of(frame, 2, 7, 42);

        assertThat(first).isEqualTo("run_a");
        assertThat(cache.of(frame, 16, 21, 42)).isSameAs(first);
        assertThat(cache.of(frame, 9, 14, 42)).isEqualTo("run_b"); // same hash, other bytes
        assertThat(cache.of(frame, 2, 6, 42)).isEqualTo("run_"); // same hash, shorter
    }

    @Test
    void readsUtf8AndMakesLongTextsAfresh() {
        byte[] accented = "é-1".getBytes(StandardCharsets.UTF_8);
        assertThat(cache.of(accented, 0, accented.length, 7)).isEqualTo("é-1");

        byte[] longText = "x".repeat(200).getBytes(StandardCharsets.UTF_8);
        String made = cache.of(longText, 0, 200, 9);
        assertThat(made).hasSize(200);
        assertThat(cache.of(longText, 0, 200, 9)).isEqualTo(made).isNotSameAs(made);
    }
}
