package dev.aei.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's writer may fall behind the capture by its allowance, and no further. */
class JournalWriterTest {
    @TempDir
    Path dir;

    @Test
    void onlyTheThreadThatTakesOnAWriterFurtherBehindThanItsAllowanceWaits() throws Exception {
        Path file = dir.resolve("held.jsonl");
        HeldStream stream = new HeldStream(Files.newOutputStream(file));
        Session session = Session.start("ws://localhost/ws", "header", "netra");
        Lane alice = session.addLane("alice", Map.of());
        Lane bob = session.addLane("bob", Map.of());
        JournalWriter journal = JournalWriter.open(file, stream, session);
        stream.hold();
        session.appendText(alice, Direction.IN, "{\"n\":1}");
        assertThat(stream.held.await(30, TimeUnit.SECONDS)).as("the writer is stuck writing out frame 1").isTrue();
        session.appendText(alice, Direction.IN, "{\"n\":2}"); // queued behind it: within the allowance, no wait

        Thread.sleep(JournalWriter.MAX_LAG_MILLIS + 100);
        CompletableFuture<Void> third = CompletableFuture.runAsync(
                () -> session.appendText(alice, Direction.IN, "{\"n\":3}"));
        Thread.sleep(300);
        assertThat(third).as("frame 2 has waited longer than the allowance: capture waits").isNotDone();
        // only the thread that took the write-out on waits, outside the session's lock: other lanes go on
        CompletableFuture.runAsync(() -> session.appendText(bob, Direction.IN, "{\"n\":4}"))
                .get(30, TimeUnit.SECONDS);
        assertThat(third).isNotDone();

        stream.release();
        third.get(30, TimeUnit.SECONDS);
        journal.close();
        Session loaded = new JournalReader().load(file).session();
        assertThat(loaded.lane("alice").frames())
                .extracting(Frame::text).containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
        assertThat(loaded.lane("bob").frames()).extracting(Frame::text).containsExactly("{\"n\":4}");
    }

    /** A file stream whose writes stop, once held, until released: a disk that hangs. */
    private static final class HeldStream extends FilterOutputStream {
        final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile boolean holding;

        HeldStream(OutputStream file) {
            super(file);
        }

        void hold() {
            holding = true;
        }

        void release() {
            released.countDown();
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (holding) {
                held.countDown();
                try {
                    released.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            out.write(bytes, offset, length);
        }
    }
}
