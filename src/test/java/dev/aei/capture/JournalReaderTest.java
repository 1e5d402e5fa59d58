package dev.aei.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aei.testing.Await;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalReaderTest {
    @TempDir
    Path dir;

    private final JournalReader reader = new JournalReader();

    /** A session with two lanes, text, binary and invalid-UTF-8 frames and lane events. */
    static Session sample() {
        Session session = Session.start("ws://127.0.0.1:8765/ws?token=***", "query", "netra");
        Lane alice = session.addLane("alice", Map.of("email", "alice@example.com", "permissions", List.of("read")));
        Lane bob = session.addLane("bob", Map.of());
        session.appendEvent(alice, LaneEvent.Kind.CONNECTING, 0, "ws://127.0.0.1:8765/ws");
        session.appendEvent(alice, LaneEvent.Kind.CONNECTED, 101, "ws://127.0.0.1:8765/ws");
        session.appendText(alice, Direction.OUT, "{\"type\":\"user_message\"}");
        session.appendText(alice, Direction.IN, "{\"type\":\"agent_started\",\"note\":\"line\\nbreak \u00e9\"}");
        session.append(bob, Direction.IN, Opcode.BINARY, null, new byte[] {0, 1, (byte) 0xFF});
        session.append(bob, Direction.IN, Opcode.TEXT, null, new byte[] {(byte) 0xC3, 0x28});
        session.appendText(bob, Direction.IN, "not json at all");
        // longer than the writer's first copy buffer, with quotes to escape and a character outside the BMP
        session.appendText(bob, Direction.IN,
                "{\"say\":\"" + "a \\\"quoted\\\" word, ".repeat(400) + "\uD83D\uDE00\"}");
        session.appendEvent(bob, LaneEvent.Kind.CLOSED, 1001, "going away (closed by the server)");
        // who closed is kept as a field, not read from the words of the reason
        session.appendEvent(alice, LaneEvent.Kind.CLOSED, 1000, "done", LaneEvent.ClosedBy.INSPECTOR_GAVE_UP);
        return session;
    }

    static void assertSameCapture(Session actual, Session expected) {
        assertThat(actual.info()).isEqualTo(expected.info());
        assertThat(actual.lanes()).extracting(Lane::id).containsExactlyElementsOf(
                expected.lanes().stream().map(Lane::id).toList());
        for (Lane lane : expected.lanes()) {
            Lane loaded = actual.lane(lane.id());
            assertThat(loaded.claims()).isEqualTo(lane.claims());
            assertThat(loaded.events()).containsExactlyElementsOf(lane.events());
            assertThat(loaded.frames()).hasSameSizeAs(lane.frames());
            for (int i = 0; i < lane.frames().size(); i++) {
                assertSameFrame(loaded.frames().get(i), lane.frames().get(i));
            }
        }
    }

    private static void assertSameFrame(Frame actual, Frame expected) {
        assertThat(actual).usingRecursiveComparison().ignoringFields("bytes").isEqualTo(expected);
        assertThat(Arrays.equals(actual.bytes(), expected.bytes())).as("bytes of frame %d", expected.index()).isTrue();
    }

    private Path write(Session session) throws Exception {
        Path file = dir.resolve("nested/session.jsonl");
        try (JournalWriter journal = JournalWriter.open(file, session)) {
            assertThat(journal.file()).isEqualTo(file);
        }
        return file;
    }

    @Test
    void aWrittenJournalLoadsBackEqual() throws Exception {
        Session session = sample();
        Path file = write(session);

        JournalLoad load = reader.load(file);

        assertThat(load.skippedLines()).isZero();
        assertThat(load.problems()).isEmpty();
        assertSameCapture(load.session(), session);
        assertThat(Files.readAllLines(file).get(0)).startsWith("{\"line\":\"header\",\"format\":\"aei-journal/1\"");
    }

    @Test
    void aJournalFromBeforeClosesNamedTheirCloserTellsItByTheReason() throws Exception {
        Session session = Session.start("ws://h/ws", "header", "netra");
        Lane alice = session.addLane("alice", Map.of());
        session.appendEvent(alice, LaneEvent.Kind.CLOSED, 1000,
                "gave up waiting for the runs after 60 s (closed by the inspector)", LaneEvent.ClosedBy.INSPECTOR_GAVE_UP);
        session.appendEvent(alice, LaneEvent.Kind.CLOSED, 1006, "abnormal (closed by the server)");
        Path file = write(session);
        String withField = Files.readString(file);
        Files.writeString(file, withField.replaceAll(",\"closed_by\":\"[a-z_]+\"", "")); // as older versions wrote it
        assertThat(Files.readString(file)).doesNotContain("closed_by");

        List<LaneEvent> events = reader.load(file).session().lane("alice").events();

        assertThat(events).extracting(LaneEvent::closedBy)
                .containsExactly(LaneEvent.ClosedBy.INSPECTOR_GAVE_UP, LaneEvent.ClosedBy.SERVER);
    }

    @Test
    void framesAppendedAfterOpeningAreWrittenAsTheyArrive() throws Exception {
        Session session = sample();
        Path file = dir.resolve("live.jsonl");
        try (JournalWriter journal = JournalWriter.open(file, session)) {
            Lane carol = session.addLane("carol", Map.of());
            session.appendText(carol, Direction.IN, "late");
            journal.flush();
            assertThat(Files.readString(file)).contains("\"lane\":\"carol\"", "\"text\":\"late\"");
        }
        assertSameCapture(reader.load(file).session(), session);
    }

    @Test
    void framesReachTheFileWithoutAnExplicitFlush() throws Exception {
        Session session = sample();
        Path file = dir.resolve("unflushed.jsonl");
        try (JournalWriter journal = JournalWriter.open(file, session)) {
            session.appendText(session.lane("bob"), Direction.IN, "arrives while nobody flushes");
            Await.until("the frame reaches the file", () -> read(file).contains("arrives while nobody flushes"));
            assertThat(journal.error()).isNull();
        }
    }

    @Test
    void aJournalCutOffMidLineLoadsEverythingBeforeIt() throws Exception {
        Session session = sample();
        Path file = write(session);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length - 20));

        JournalLoad load = reader.load(file);

        assertThat(load.skippedLines()).isEqualTo(1);
        assertThat(load.problems()).singleElement().asString().contains("cut off");
        Lane bob = load.session().lane("bob");
        assertThat(bob.frames()).hasSize(4);
        assertThat(bob.events()).isEmpty();
        assertThat(load.session().lane("alice").frames()).hasSize(2);
    }

    @Test
    void garbledLinesAreSkippedAndCounted() throws Exception {
        Session session = sample();
        Path file = write(session);
        List<String> lines = Files.readAllLines(file);
        lines.add(3, "{\"line\":\"frame\",\"lane\":\"alice\",\"dir\":\"sideways\",\"nanos\":1,\"opcode\":\"text\"}");
        lines.add(4, "\u0000\u0001garbage");
        Files.write(file, lines);
        Files.write(file, new byte[] {(byte) 0xF0, (byte) 0x9F}, java.nio.file.StandardOpenOption.APPEND);

        JournalLoad load = reader.load(file);

        assertThat(load.skippedLines()).isEqualTo(3);
        assertThat(load.problems()).hasSize(3);
        assertSameCapture(load.session(), session);
    }

    @Test
    void aFileThatIsNotAJournalIsRefusedClearly() throws Exception {
        Path json = dir.resolve("fixture.aei.json");
        Files.writeString(json, "{\"format\":\"aei-fixture/1\",\"lanes\":[]}\n");
        Path empty = dir.resolve("empty.jsonl");
        Files.writeString(empty, "");
        Path binary = dir.resolve("image.png");
        Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, (byte) 0xFF});
        Path future = dir.resolve("future.jsonl");
        Files.writeString(future, "{\"line\":\"header\",\"format\":\"aei-journal/9\"}\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> reader.load(json)).isInstanceOf(JournalException.class)
                .hasMessageContaining("is not an aei journal");
        assertThatThrownBy(() -> reader.load(empty)).isInstanceOf(JournalException.class)
                .hasMessageContaining("is empty");
        assertThatThrownBy(() -> reader.load(binary)).isInstanceOf(JournalException.class)
                .hasMessageContaining("is not an aei journal");
        assertThatThrownBy(() -> reader.load(future)).isInstanceOf(JournalException.class)
                .hasMessageContaining("aei-journal/9");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void lanesOfAnyNameAndASecondTabOfAUserComeBackExactly() throws Exception {
        Path file = dir.resolve("tabs.jsonl");
        Session session = Session.start("ws://127.0.0.1:8765/ws", "header", "netra");
        try (JournalWriter writer = JournalWriter.open(file, session)) {
            for (String id : List.of("爱丽丝", "عمر", "bob🙂", "a b", "x/y?z")) {
                session.appendText(session.addLane(id, Map.of()), Direction.IN, "{\"type\":\"heartbeat\"}");
            }
            session.appendText(session.addLane("爱丽丝 #2", "爱丽丝", Map.of()), Direction.IN, "{\"type\":\"heartbeat\"}");
        }
        Session loaded = reader.load(file).session();
        assertThat(loaded.lanes()).extracting(Lane::id).containsExactly("爱丽丝", "عمر", "bob🙂", "a b", "x/y?z", "爱丽丝 #2");
        assertThat(loaded.lanes()).extracting(Lane::userId).containsExactly("爱丽丝", "عمر", "bob🙂", "a b", "x/y?z", "爱丽丝");
        assertThat(loaded.lane("爱丽丝 #2").isExtraConnection()).isTrue();
    }
}
