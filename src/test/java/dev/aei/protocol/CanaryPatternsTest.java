package dev.aei.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CanaryPatternsTest {
    private static final CanaryPattern OTHER_TOOL = new CanaryPattern("\\[\\[canary:(?<user>[^:\\]]+):[0-9a-f]{8}]]");

    @Test
    void oursAreFoundWithoutAUser() {
        assertThat(CanaryPatterns.DEFAULT.findAll("hi [cnry-0123456789] and cnry-zz"))
                .containsExactly(new CanaryPattern.Marker("cnry-0123456789", null));
    }

    @Test
    void anotherToolsMarkersNameTheirUser() {
        CanaryPatterns patterns = new CanaryPatterns(List.of(OTHER_TOOL));
        assertThat(patterns.findAll("{\"content\":\"hi [[canary:爱丽丝:d72cb0c7]] [cnry-00000000a1]\"}"))
                .containsExactly(new CanaryPattern.Marker("cnry-00000000a1", null),
                        new CanaryPattern.Marker("[[canary:爱丽丝:d72cb0c7]]", "爱丽丝"));
        assertThat(OTHER_TOOL.namesUser()).isTrue();
        assertThat(CanaryPattern.OURS.namesUser()).isFalse();
        assertThat(patterns.patterns()).containsExactly(CanaryPattern.OURS, OTHER_TOOL);
    }

    @Test
    void badPatternsAreRefusedWithAReason() {
        assertThatThrownBy(() -> new CanaryPattern("([a-"))
                .hasMessageContaining("not a valid regular expression");
        assertThatThrownBy(() -> new CanaryPattern("x*")).hasMessageContaining("matches empty text");
    }
}
