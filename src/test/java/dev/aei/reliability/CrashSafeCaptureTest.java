package dev.aei.reliability;

import dev.aei.testing.Await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.capture.JournalLoad;
import dev.aei.capture.JournalReader;
import dev.aei.capture.Lane;
import dev.aei.server.BackendConfig;
import dev.aei.server.ReferenceBackend;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records at full speed in a child JVM, kills it with SIGKILL and recovers the journal: the file
 * loads, and every frame the child had captured one second before the kill is in it, in order,
 * with no seq missing in between.
 */
class CrashSafeCaptureTest {
    private static final long MARGIN_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final List<String> USERS = List.of("alice", "bob");

    @TempDir
    Path dir;

    /** A progress line from the child and when the test read it. */
    private record Progress(long readNanos, long received) {
    }

    @Test
    void aJournalKilledMidRecordingLosesNothingOlderThanOneSecond() throws Exception {
        Path journal = dir.resolve("killed.jsonl");
        List<Progress> progress = new CopyOnWriteArrayList<>();
        long killedAt;
        try (ReferenceBackend backend = ReferenceBackend.start(BackendConfig.defaults().withEventDelayMs(0))) {
            Process child = startChild(backend, journal);
            try {
                Thread reader = readProgress(child, progress);
                Await.until("the child to record for a while", () -> enoughRecorded(progress));
                killedAt = System.nanoTime();
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                reader.join(10_000);
            } finally {
                child.destroyForcibly();
            }
        }
        assertThat(Files.readString(dir.resolve("child.err"))).doesNotContain("Exception");

        long mustHave = progress.stream().filter(p -> p.readNanos() <= killedAt - MARGIN_NANOS)
                .mapToLong(Progress::received).max().orElseThrow();
        JournalLoad load = new JournalReader().load(journal);
        assertThat(load.skippedLines()).as("only a last line cut by the kill may be lost").isLessThanOrEqualTo(1);
        long recovered = 0;
        for (String user : USERS) {
            Lane lane = load.session().lane(user);
            List<Long> seqs = seqs(lane);
            assertThat(seqs).as("%s's seq numbers, in order without holes", user)
                    .isEqualTo(java.util.stream.LongStream.rangeClosed(1, seqs.size()).boxed().toList());
            recovered += seqs.size();
        }
        assertThat(recovered).as("frames recovered vs. captured one second before the kill").isGreaterThanOrEqualTo(mustHave);
    }

    private Process startChild(ReferenceBackend backend, Path journal) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                RecordingChild.class.getName(), backend.webSocketUrl().toString(), backend.config().secret(),
                journal.toString(), "100000"));
        command.addAll(USERS);
        return new ProcessBuilder(command).redirectError(dir.resolve("child.err").toFile()).start();
    }

    private static Thread readProgress(Process child, List<Progress> progress) {
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("received ")) {
                        progress.add(new Progress(System.nanoTime(), Long.parseLong(line.substring(9))));
                    }
                }
            } catch (IOException e) {
                // the child was killed
            }
        }, "child-progress");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    /** Two seconds of progress and a good number of frames, so the last second is a real part of it. */
    private static boolean enoughRecorded(List<Progress> progress) {
        if (progress.isEmpty()) {
            return false;
        }
        Progress last = progress.get(progress.size() - 1);
        return last.received() >= 5_000 && last.readNanos() - progress.get(0).readNanos() >= 2 * MARGIN_NANOS;
    }

    private static List<Long> seqs(Lane lane) {
        ObjectMapper json = new ObjectMapper();
        List<Long> seqs = new ArrayList<>();
        for (Frame frame : lane.frames()) {
            if (frame.direction() == Direction.IN) {
                try {
                    JsonNode node = json.readTree(frame.text());
                    seqs.add(node.path("seq").asLong());
                } catch (IOException e) {
                    throw new AssertionError("recovered frame is not the JSON the backend sent: " + frame.text(), e);
                }
            }
        }
        return seqs;
    }
}
