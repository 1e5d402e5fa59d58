package dev.aei.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecentMarkersTest {
    private final CanaryPatterns ours = CanaryPatterns.DEFAULT;
    private final RecentMarkers recent = new RecentMarkers();

    @Test
    void answersAsFindAllDoesForFramesWithNoneOneOrSeveralMarkers() {
        for (String text : List.of("", "no marker here", "{\"m\":\"hi [cnry-0123456789]\"}", "cnry-0123456789",
                "cnry-012345678 is short", "cnry-0123456789 and cnry-abcdefabcd", "cnry-0123456789 cnry-0123456789",
                "cnry-cnry-0123456789", "CNRY-0123456789 cnry-ABCDEF0123")) {
            assertThat(ours.findAll(text, recent)).as(text).isEqualTo(ours.findAll(text));
        }
        assertThat(ours.findAll(null, recent)).isEmpty();
    }

    @Test
    void framesOfOneRunShareOneAnswerAndAnotherMarkerGetsItsOwn() {
        List<CanaryPattern.Marker> first = ours.findAll("{\"type\":\"agent_started\",\"m\":\"[cnry-0123456789]\"}", recent);
        List<CanaryPattern.Marker> again = ours.findAll("{\"type\":\"agent_thinking\",\"r\":\"cnry-0123456789\"}", recent);
        List<CanaryPattern.Marker> other = ours.findAll("{\"r\":\"cnry-9876543210\"}", recent);

        assertThat(again).isSameAs(first);
        assertThat(other).containsExactly(new CanaryPattern.Marker("cnry-9876543210", null));
        assertThat(ours.findAll("cnry-0123456789", recent)).containsExactly(new CanaryPattern.Marker("cnry-0123456789", null));
    }

    @Test
    void otherConfiguredFormatsAreStillFound() {
        CanaryPatterns withOther = new CanaryPatterns(List.of(new CanaryPattern("MARK-[0-9]{4}")));
        String text = "cnry-0123456789 MARK-1234";

        assertThat(withOther.findAll(text, recent)).isEqualTo(withOther.findAll(text))
                .extracting(CanaryPattern.Marker::text).containsExactly("cnry-0123456789", "MARK-1234");
    }
}
