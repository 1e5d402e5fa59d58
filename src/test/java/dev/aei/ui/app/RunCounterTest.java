package dev.aei.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.EventDecoder;
import dev.aei.protocol.Profile;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunCounterTest {
    private final EventDecoder decoder = new EventDecoder(Profile.load("netra"));
    private final RunCounter counter = new RunCounter(decoder.profile()::isPrompt);

    @Test
    void promptsSeenInAShownFileAreForgottenWhenTheAppGoesLive() {
        counter.see("alice", prompt());
        counter.see("alice", decoder.decode("alice", Frame.text(1, Direction.IN, 2, 2, "{\"type\":\"agent_started\"}")));
        counter.see("alice", decoder.decode("alice", Frame.text(2, Direction.OUT, 3, 3, "{\"type\":\"ping\"}")));
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

    private List<AgentEvent> prompt() {
        return decoder.decode("alice", Frame.text(0, Direction.OUT, 1, 1,
                "{\"type\":\"start_agent\",\"payload\":{\"user_request\":\"hi\"}}"));
    }
}
