package dev.aei.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoBytesTest {
    private final IsoBytes iso = new IsoBytes();

    /** Reads {@code text} from inside a larger array, as the decoder does (between the quotes). */
    private Instant parse(String text) {
        byte[] bytes = ("\"" + text + "\"").getBytes(StandardCharsets.UTF_8);
        return iso.parse(bytes, 1, bytes.length - 1);
    }

    /** The same instant read by java.time, the offset written as it wants it. */
    private static Instant javaTime(String text) {
        String t = text.replace(' ', 'T').replace('z', 'Z')
                .replaceAll("([+-]\\d\\d)(\\d\\d)$", "$1:$2").replaceAll("([+-]\\d\\d)$", "$1:00");
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(t, OffsetDateTime::from,
                LocalDateTime::from);
        return parsed instanceof OffsetDateTime odt ? odt.toInstant()
                : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-08T10:00:00.123+00:00", "2026-01-08T10:00:00Z", "2026-01-08T12:30:00.5+02:30",
            "2026-01-08T03:00:00.123456789-07:00", "2026-01-08T10:00:00+0100", "2026-01-08T10:00:00.1+01",
            "2024-02-29T23:59:59.999999Z", "2026-01-08 10:00:00.250", "2026-01-08T10:00:00", "2026-01-08T10:00:00z"})
    void readsTheShapeAsJavaTimeDoes(String text) {
        assertThat(parse(text)).isEqualTo(javaTime(text)).isEqualTo(IsoBytes.text(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T10:00:00Z", "2026-01-08T25:00:00Z", "2026-01-08T10:00:00+",
            "2026-01-08T10:00:00+00:0", "2026-01-08T10:00:00.Z", "2026-01-08T10:00:00.1234567891Z",
            "2026-01-08T10:00:00Zx", "2026-01-08T10:00:00+19:00", "2026-01-08T10:00:00-05:60", "1767866400000000000000",
            "2026-01-08T10:00:6", "2026-01-08X10:00:00Z", "2026-1-08T10:00:00.000Z", "2026-01-08T10:00:00.５Z"})
    void anyOtherShapeIsNull(String text) {
        assertThat(parse(text)).isNull();
        assertThat(IsoBytes.text(text)).isNull();
    }

    @Test
    void theRememberedSecondNeverChangesAnAnswer() {
        List<String> texts = new ArrayList<>();
        Random random = new Random(18);
        String base = "2026-12-05T07:57:06.091050050Z";
        for (int i = 0; i < 5_000; i++) {
            char[] chars = base.toCharArray();
            chars[random.nextInt(chars.length)] = "0123456789-:.TZ+ z".charAt(random.nextInt(18));
            texts.add(new String(chars, 0, 19 + random.nextInt(chars.length - 18)));
        }
        for (String text : texts) {
            Instant read = parse(text);
            assertThat(read).as(text).isEqualTo(IsoBytes.text(text));
            if (read != null) {
                assertThat(read).as(text).isEqualTo(javaTime(text));
                assertThat(iso.wholeSeconds()).as(text).isEqualTo(!text.contains("."));
            }
        }
    }

    @Test
    void anotherSecondIsReadAfresh() {
        assertThat(parse("2026-12-05T07:57:06.5Z")).isEqualTo(Instant.parse("2026-12-05T07:57:06.5Z"));
        assertThat(parse("2026-12-05T07:57:06.25+01:00")).isEqualTo(Instant.parse("2026-12-05T06:57:06.25Z"));
        assertThat(parse("2026-12-05T07:57:07Z")).isEqualTo(Instant.parse("2026-12-05T07:57:07Z"));
        assertThat(iso.wholeSeconds()).isTrue();
        assertThat(parse("2027-12-05T07:57:07Z")).isEqualTo(Instant.parse("2027-12-05T07:57:07Z"));
        assertThat(parse("2027-12-05T07:57:0xZ")).isNull();
        assertThat(parse("2027-12-05T07:57:07Z")).isEqualTo(Instant.parse("2027-12-05T07:57:07Z"));
    }
}
