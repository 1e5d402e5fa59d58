package dev.aei.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.Opcode;
import dev.aei.capture.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Frames decoded together by one parser give exactly the events each gives alone. */
class DecodeAllTest {
    private static final String STARTED = "{\"type\":\"agent_started\",\"run_id\":\"run_t-alice-1_04211_9f3a6c2e\","
            + "\"user_id\":\"alice\",\"timestamp\":\"2026-01-08T10:00:00.123+00:00\",\"seq\":1,"
            + "\"data\":{\"status\":\"started\",\"tool_name\":\"calc\"}}";

    /** Frames that are hard to read in a row: broken, trailing, spanning, escaped, batched, not ASCII. */
    private static final List<String> HOSTILE = List.of(
            STARTED,
            "  \n" + STARTED + " \t\r\n",
            "{\"type\":\"agent_thinking\"} {}",
            "{\"type\":\"agent_thinking\"}garbage",
            "{\"type\":\"agent_thinking\",\"data\":[",
            "{}]}",
            "{\"type\":\"agent_thinking\",\"data\":{\"a\":",
            "1}}",
            "{\"type\":\"agent_\\u0074hinking\",\"run_id\":\"r\\\"1\",\"user_id\":\"al\\u0069ce\",\"seq\":\"7\"}",
            "{\"type\":\"agent_thinking\",\"run_id\":\"r-é-1\",\"data\":{\"reasoning\":\"日本 [cnry-0123456789]\"}}",
            "{\"type\":\"event_batch\",\"events\":[{\"type\":\"agent_thinking\",\"run_id\":\"r1\"},7]}",
            "{\"events\":[{\"type\":\"agent_thinking\",\"run_id\":\"r1\"}],\"type\":\"event_batch\"}",
            "{\"type\":\"event_batch\",\"events\":[{\"type\":\"agent_thinking\",\"data\":{\"reasoning\":\"é\"}}]}",
            "{\"type\":\"event_batch\"}",
            "\u000B{\"type\":\"agent_thinking\"}",
            "{\"type\":\"agent_thinking\",\"timestamp\":\"2026-01-08 10:00:00\",\"attempt\":2}",
            "{\"type\":\"agent_thinking\",\"timestamp\":1767866400.5,\"seq\":18446744073709551616}",
            "{\"type\":\"agent_thinking\",\"timestamp\":\"x\u0001y\"}",
            "{\"type\":\"agent_thinking\",\"type\":null,\"run_id\":\"a\",\"run_id\":\"b\"}",
            "{\"type\":\"nobody_knows\",\"run_id\":\"r1\"}",
            "[1,2]",
            "\"text\"",
            "",
            "not json at all",
            "{\"type\":\"agent_thinking\"",
            STARTED);

    private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Session session = Session.start("ws://test/ws", "header", "netra");
    private final Lane alice = session.addLane("alice", Map.of());
    private final Lane bob = session.addLane("bob", Map.of());

    @Test
    void aRunOfHostileFramesReadsAsEachFrameAlone() {
        List<Frame> frames = new ArrayList<>();
        List<String> lanes = new ArrayList<>();
        for (int i = 0; i < HOSTILE.size(); i++) {
            Lane lane = i % 3 == 0 ? bob : alice;
            frames.add(session.appendText(lane, Direction.IN, HOSTILE.get(i)));
            lanes.add(lane.id());
            if (i % 5 == 0) {
                frames.add(session.appendText(lane, Direction.OUT,
                        "{\"type\":\"user_message\",\"payload\":{\"thread_id\":\"t-" + i + "\"}}"));
                lanes.add(lane.id());
            }
        }
        frames.add(session.append(alice, Direction.IN, Opcode.BINARY, null, new byte[] {1, 2}));
        lanes.add(alice.id());
        frames.add(session.append(alice, Direction.IN, Opcode.TEXT, null, "\u00ff".getBytes(StandardCharsets.ISO_8859_1)));
        lanes.add(alice.id());
        for (Profile profile : List.of(Profile.load("netra"), Profile.load("ag-ui"))) {
            EventDecoder alone = new EventDecoder(profile);
            EventDecoder together = new EventDecoder(profile);
            List<List<AgentEvent>> out = new ArrayList<>();
            boolean[] whole = new boolean[frames.size()];
            together.decodeAll(lanes.toArray(new String[0]), frames.toArray(new Frame[0]), frames.size(), out, whole);

            assertThat(out).hasSize(frames.size());
            for (int i = 0; i < frames.size(); i++) {
                assertThat(seen(out.get(i))).as(profile.name() + ": frame " + i + " " + frames.get(i).text())
                        .isEqualTo(seen(alone.decode(lanes.get(i), frames.get(i))));
                if (whole[i]) {
                    assertThat(strictObject(frames.get(i))).as(profile.name() + ": read whole, frame " + i + " "
                            + frames.get(i).text()).isTrue();
                }
            }
            assertThat(whole[0]).as("a plain object is read whole").isTrue();
            assertThat(together.decodedFrames()).as("each frame counts once").isEqualTo(frames.size());
        }
    }

    @Test
    void objectsAreReadWithoutATree() {
        EventDecoder decoder = new EventDecoder(Profile.load("netra"));
        Frame[] frames = new Frame[100];
        String[] lanes = new String[100];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = session.appendText(alice, Direction.IN, STARTED.replace("\"seq\":1", "\"seq\":" + i));
            lanes[i] = alice.id();
        }
        List<List<AgentEvent>> out = new ArrayList<>();
        decoder.decodeAll(lanes, frames, frames.length, out, null);

        assertThat(out).allSatisfy(events -> assertThat(events).singleElement()
                .satisfies(e -> assertThat(e.role()).isEqualTo(EventRole.STARTED)));
        assertThat(decoder.treesBuilt()).as("no tree for objects").isZero();
        assertThat(out.get(0).get(0).runId()).as("one copy of a run id for the run's events")
                .isSameAs(out.get(99).get(0).runId());
        out.get(0).get(0).body();
        assertThat(decoder.treesBuilt()).as("a body asked for is a tree").isEqualTo(1);
    }

    /** True when the frame is exactly one strict JSON object, blanks around it allowed: what a frame read whole must be. */
    private static boolean strictObject(Frame frame) {
        if (frame.text() == null) {
            return false;
        }
        try {
            return STRICT.readTree(frame.text()).isObject();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** What a decoded event says, its source's reading included. */
    private static List<List<Object>> seen(List<AgentEvent> events) {
        List<List<Object>> all = new ArrayList<>();
        for (AgentEvent e : events) {
            EventText text = e.source();
            all.add(java.util.Arrays.asList(e.lane(), e.frame(), e.nanos(), e.type(), e.role(), e.runId(),
                    e.threadId(), e.userId(), e.seq(), e.serverTime(), e.toolCallId(), e.toolName(), e.attempt(),
                    e.problem(), e.pair(), e.pairKey(), e.pairFallback(), e.eventId(),
                    text == null ? null : text.json(), text == null ? null : text.contentHash(),
                    text == null ? null : text.presence(), text == null ? null : text.wholeSecondTime(),
                    e.body() == null ? null : e.body().toString()));
        }
        return all;
    }
}
