package dev.aei.net;

import dev.aei.testing.Await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.auth.TestUser;
import dev.aei.capture.Frame;
import dev.aei.capture.JournalLoad;
import dev.aei.capture.JournalReader;
import dev.aei.capture.JournalWriter;
import dev.aei.capture.Lane;
import dev.aei.capture.Session;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.java_websocket.framing.BinaryFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalRecordingTest {
    @TempDir
    Path dir;

    @Test
    void aJournalWrittenDuringARecordingLoadsBackEqualToTheSession() throws Exception {
        TestAgentServer server = TestAgentServer.start(TestTokens.SECRET);
        Path file = dir.resolve("sessions/recording.jsonl");
        Session session = Session.start(server.url().toString(), "header", "netra");
        try (JournalWriter journal = JournalWriter.open(file, session);
             SessionConnector connector = new SessionConnector(session,
                     ConnectionSettings.of(server.url(), AuthMode.HEADER), TestTokens.valid())) {
            connector.connectAll(List.of(TestUser.named("alice"), TestUser.named("bob"))).get(20, TimeUnit.SECONDS);
            Await.until("greetings", () -> session.lanes().stream().noneMatch(l -> l.frames().isEmpty()));
            connector.sendPrompt(List.of("alice", "bob"), "hello");
            BinaryFrame blob = new BinaryFrame();
            blob.setPayload(ByteBuffer.wrap(new byte[] {1, 2, 3}));
            server.sendFrame("bob", blob);
            Await.until("both runs", () -> session.lanes().stream().allMatch(l -> l.frames().size() >= 7));
            connector.disconnectAll();
        } finally {
            server.shutdown();
        }

        JournalLoad load = new JournalReader().load(file);

        assertThat(load.skippedLines()).isZero();
        Session loaded = load.session();
        assertThat(loaded.info()).isEqualTo(session.info());
        for (Lane lane : session.lanes()) {
            Lane back = loaded.lane(lane.id());
            assertThat(back.events()).containsExactlyElementsOf(lane.events());
            assertThat(back.frames()).hasSameSizeAs(lane.frames());
            for (Frame frame : lane.frames()) {
                Frame other = back.frames().get(frame.index());
                assertThat(other).usingRecursiveComparison().ignoringFields("bytes").isEqualTo(frame);
                assertThat(Arrays.equals(other.bytes(), frame.bytes())).isTrue();
            }
        }
        assertThat(loaded.lane("bob").events()).isNotEmpty().last()
                .satisfies(e -> assertThat(e.detail()).contains("closed by the inspector"));
    }
}
