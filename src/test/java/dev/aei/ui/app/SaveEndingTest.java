package dev.aei.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SaveEndingTest {
    @Test
    void theChosenTypeDecidesTheEnding() {
        Path dir = Path.of("/tmp/aei-none");
        assertThat(FxDialogs.withEnding(dir.resolve("bug"), ".har")).isEqualTo(dir.resolve("bug.har"));
        assertThat(FxDialogs.withEnding(dir.resolve("bug.aei.json"), ".har")).isEqualTo(dir.resolve("bug.har"));
        assertThat(FxDialogs.withEnding(dir.resolve("bug.har"), ".aei.json")).isEqualTo(dir.resolve("bug.aei.json"));
        assertThat(FxDialogs.withEnding(dir.resolve("bug.json"), ".aei.json")).isEqualTo(dir.resolve("bug.aei.json"));
        assertThat(FxDialogs.withEnding(dir.resolve("Bug.HAR"), ".har")).isEqualTo(dir.resolve("Bug.HAR"));
        assertThat(FxDialogs.withEnding(dir.resolve("bug.har"), "")).isEqualTo(dir.resolve("bug"));
        assertThat(FxDialogs.withEnding(dir.resolve("bug.aei.json"), ".aei.json.gz"))
                .isEqualTo(dir.resolve("bug.aei.json.gz"));
        assertThat(FxDialogs.withEnding(dir.resolve("bug.aei.json.gz"), ".aei.json"))
                .isEqualTo(dir.resolve("bug.aei.json"));
        assertThat(FxDialogs.withEnding(dir.resolve("bug.aei.json.gz"), "")).isEqualTo(dir.resolve("bug"));
        assertThat(FileDrop.known(dir.resolve("bug.aei.json.gz"))).isTrue();
    }
}
