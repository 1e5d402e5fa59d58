package dev.aei.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampParserTest {
    private static Instant text(String value) {
        return TimestampParser.text(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-08T10:00:00.123+00:00", "2026-01-08T10:00:00Z", "2026-01-08T12:30:00.5+02:30",
            "2026-01-08T03:00:00.123456789-07:00", "2026-01-08T10:00:00+0100", "2026-01-08T10:00:00.1+01",
            "2024-02-29T23:59:59.999999Z"})
    void theFastPathAgreesWithJavaTime(String iso) {
        assertThat(text(iso)).isEqualTo(OffsetDateTime.parse(iso.replaceAll("([+-]\\d\\d)(\\d\\d)$", "$1:$2")
                .replaceAll("([+-]\\d\\d)$", "$1:00")).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T10:00:00Z", "2026-01-08T25:00:00Z", "2026-01-08T10:00:00+",
            "yesterday", "2026-01-08T10:00:00+00:0"})
    void nonsenseIsNull(String bad) {
        assertThat(text(bad)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-08T10:00:00", "2026-01-08 10:00:00.250"})
    void noOffsetMeansUtc(String local) {
        assertThat(text(local)).isEqualTo(Instant.parse(local.replace(' ', 'T') + "Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1767866400", "1767866400.5", "1767866400000"})
    void epochNumbersInSecondsOrMillis(String epoch) {
        Instant expected = epoch.equals("1767866400.5") ? Instant.ofEpochSecond(1767866400L, 500_000_000)
                : Instant.ofEpochSecond(1767866400L);
        assertThat(TimestampParser.epoch(new BigDecimal(epoch))).isEqualTo(expected);
        assertThat(text(epoch)).isEqualTo(expected);
    }
}
