package dev.aei.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import org.junit.jupiter.api.Test;

class RunCounterTest {
    private final RunCounter counter = new RunCounter();

    @Test
    void promptsSeenInAShownFileAreForgottenWhenTheAppGoesLive() {
        counter.see("alice", prompt());
        counter.see("alice", Frame.text(1, Direction.IN, 2, 2, "{\"type\":\"agent_started\"}"));
        counter.fileShown();
        counter.see("alice", prompt());
        counter.see("bob", prompt());
        assertThat(counter.runs("alice")).isEqualTo(2);
        counter.fileShown(); // another file: the live counts stay the ones kept first
        counter.liveShown();
        assertThat(counter.runs("alice")).isEqualTo(1);
        assertThat(counter.runs("bob")).isZero();
        counter.see("bob", prompt());
        assertThat(counter.runs("bob")).isEqualTo(1);
    }

    private static Frame prompt() {
        return Frame.text(0, Direction.OUT, 1, 1, "{\"type\":\"user_message\",\"payload\":{\"content\":\"hi\"}}");
    }
}
