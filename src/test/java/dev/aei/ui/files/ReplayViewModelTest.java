package dev.aei.ui.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.analysis.Analyzer;
import dev.aei.analysis.RuleConfig;
import dev.aei.capture.Direction;
import dev.aei.capture.Lane;
import dev.aei.capture.LaneEvent;
import dev.aei.capture.Session;
import dev.aei.fixture.Fixture;
import dev.aei.fixture.Replayer;
import dev.aei.protocol.Profile;
import dev.aei.testing.Await;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayViewModelTest {
    private final Session source = recorded();
    private Session target;
    private final ReplayViewModel model = new ReplayViewModel(() -> {
        target = Replayer.freshTarget(source);
        Analyzer rules = Analyzer.create(Profile.load("netra"), RuleConfig.defaults(), null);
        target.addListener(rules);
        return new Replayer(Fixture.of(source, List.of()), target, rules);
    });

    @Test
    void nextFrameAppendsExactlyOneFrameEachTimeAndLaneEventsOnTheWay() {
        for (int expected = 1; expected <= 4; expected++) {
            model.nextFrame();
            assertThat(target.frameCount()).isEqualTo(expected);
        }
        assertThat(model.activeProperty().get()).isTrue();
        assertThat(model.playingProperty().get()).isFalse();
        assertThat(model.positionProperty().get()).isGreaterThanOrEqualTo(4);
        assertThat(model.totalProperty().get()).isEqualTo(6);
    }

    @Test
    void playingAtSixteenTimesReplaysEverythingAndStopEndsTheReplay() throws Exception {
        model.speedProperty().set(16);
        model.play();
        assertThat(model.playingProperty().get()).isTrue();
        Await.until("the replay plays to its end", () -> {
            model.refresh();
            return !model.playingProperty().get();
        });
        assertThat(target.frameCount()).isEqualTo(source.frameCount());
        assertThat(model.playingProperty().get()).isFalse();
        assertThat(model.secondsProperty().get()).isEqualTo(model.endSecondsProperty().get()).isPositive();
        Session first = target;
        model.play();
        assertThat(target).as("play after the end replays from the start").isNotSameAs(first);
        model.stop();
        assertThat(model.activeProperty().get()).isFalse();
    }

    private static Session recorded() {
        Session s = Session.start("ws://127.0.0.1:1/ws", "header", "netra");
        Lane alice = s.addLane("alice", Map.of());
        Lane bob = s.addLane("bob", Map.of());
        s.appendEvent(alice, LaneEvent.Kind.CONNECTED, 0, "");
        s.appendText(alice, Direction.OUT, "{\"type\":\"user_message\"}");
        s.appendText(bob, Direction.IN, "{\"type\":\"agent_started\"}");
        s.appendEvent(bob, LaneEvent.Kind.CONNECTED, 0, "");
        s.appendText(alice, Direction.IN, "{\"type\":\"agent_started\"}");
        s.appendText(bob, Direction.IN, "{\"type\":\"agent_completed\"}");
        return s;
    }
}
