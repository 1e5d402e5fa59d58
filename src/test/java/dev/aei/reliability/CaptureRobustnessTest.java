package dev.aei.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aei.capture.CaptureListener;
import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.capture.JournalLoad;
import dev.aei.capture.JournalReader;
import dev.aei.capture.JournalWriter;
import dev.aei.capture.Lane;
import dev.aei.capture.LaneEvent;
import dev.aei.capture.Opcode;
import dev.aei.capture.Session;
import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.EventDecoder;
import dev.aei.protocol.Profile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The capture keeps what it was given when a listener fails and when frames are at the size limit. */
class CaptureRobustnessTest {
    @TempDir
    Path dir;

    @Test
    void aFailingListenerDoesNotCostTheJournalAFrame() throws Exception {
        Session session = Session.start("ws://x", "header", "netra");
        session.addListener(new CaptureListener() {
            @Override
            public void frameAppended(Lane lane, Frame frame) {
                throw new IllegalStateException("a listener bug");
            }
        });
        Path file = dir.resolve("j.jsonl");
        Lane lane = session.addLane("alice", Map.of());
        try (JournalWriter journal = JournalWriter.open(file, session)) {
            assertThatThrownBy(() -> session.appendText(lane, Direction.IN, "{\"type\":\"heartbeat\"}"))
                    .hasMessage("a listener bug");
            session.appendEvent(lane, LaneEvent.Kind.CONNECTED, 101, "ok");
        }
        assertThat(lane.frames()).hasSize(1);
        JournalLoad load = new JournalReader().load(file);
        assertThat(load.session().lane("alice").frames()).extracting(Frame::text)
                .containsExactly("{\"type\":\"heartbeat\"}");
    }

    @Test
    void aBinaryFrameAtTheSizeLimitLoadsBackFromTheJournal() throws Exception {
        Session session = Session.start("ws://x", "header", "netra");
        Lane lane = session.addLane("alice", Map.of());
        byte[] blob = new byte[16 * 1024 * 1024];
        new Random(3).nextBytes(blob);
        Path file = dir.resolve("big.jsonl");
        try (JournalWriter journal = JournalWriter.open(file, session)) {
            session.append(lane, Direction.IN, Opcode.BINARY, null, blob);
        }
        JournalLoad load = new JournalReader().load(file);
        assertThat(load.problems()).isEmpty();
        assertThat(load.session().lane("alice").frames()).singleElement()
                .satisfies(f -> assertThat(f.bytes()).isEqualTo(blob));
    }

    @Test
    void timestampsBeyondAnyRealClockAreNoServerTime() {
        EventDecoder decoder = new EventDecoder(Profile.load("netra"));
        for (String time : List.of("\"+999999999-12-31T23:59:59Z\"", "\"-999999999-01-01T00:00:00Z\"", "1e999999")) {
            Frame frame = Frame.text(0, Direction.IN, 1, 1, "{\"type\":\"agent_thinking\",\"timestamp\":" + time + "}");
            assertThat(decoder.decode("alice", frame)).singleElement().extracting(AgentEvent::serverTime).isNull();
        }
    }
}
