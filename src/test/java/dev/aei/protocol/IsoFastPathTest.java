package dev.aei.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast path agrees with the ISO formatter whenever it answers, and leaves odd shapes to it. */
class IsoFastPathTest {

    @Test
    void agreesWithTheFormatterOnCommonShapes() {
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000_000));
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(37) - 18) * 1800);
            String text = random.nextBoolean() ? t.toString() : t.atOffset(offset).toString();
            assertThat(IsoFastPath.parse(text)).as(text).isEqualTo(formatter(text));
        }
        assertThat(IsoFastPath.parse("2026-01-08T10:00:00")).isEqualTo(formatter("2026-01-08T10:00:00"));
    }

    @Test
    void leavesOtherShapesAndInvalidDatesToTheFormatter() {
        for (String text : new String[]{"2026-01-08T10:00Z", "2026-01-08T10:00:00.Z", "2026-01-08 10:00:00Z",
            "2026-01-08T10:00:00Z[UTC]", "2026-02-30T10:00:00Z", "2026-01-08T24:00:00Z", "2026-01-08T10:00:00+0530",
            "2026-01-08T10:00:00.1234567891Z", "+2026-01-08T10:00:00Z", "2026-01-08T10:00:00+19:00", "x"}) {
            assertThat(IsoFastPath.parse(text)).as(text).isNull();
        }
    }

    private static Instant formatter(String text) {
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from,
                    LocalDateTime::from);
            return parsed instanceof OffsetDateTime odt ? odt.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
